package io.deadair.common.cube;

import io.deadair.common.cube.MergedCube.Cells;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Walks a merged cube artist by artist: each part's entries are ordered by artist once (a
 * counting sort), and each artist's listeners are merged so that a listener heard in several
 * partials counts once, with every slot they were heard in.
 */
final class ArtistGrouping {

  private final MergedCube cube;
  private final int artists;
  private final String[] platformNames;
  private final String[] trackNames;

  ArtistGrouping(MergedCube cube) {
    this.cube = cube;
    this.artists = cube.artists.size();
    platformNames = new String[cube.platforms.size() + 1];
    for (int p = 1; p < platformNames.length; p++) {
      platformNames[p] = cube.platforms.string(p - 1);
    }
    trackNames = new String[cube.tracks.size() + 1];
  }

  void forEach(Consumer<ArtistCube> each) {
    Cells hourly = cube.hourly;
    Cells slots = cube.slots;
    Cells listeners = cube.listeners;
    Cells trackDays = cube.trackDays;
    int[] hStart = starts(hourly, true);
    int[] hOrder = order(hourly, hStart, true);
    int[] sStart = starts(slots, false);
    int[] sOrder = order(slots, sStart, false);
    int[] lStart = starts(listeners, false);
    int[] lOrder = order(listeners, lStart, false);
    int[] tStart = starts(trackDays, true);
    int[] tOrder = order(trackDays, tStart, true);
    CubeLayout layout = cube.layout();
    int words = cube.words();
    // Per listener, the artist (plus one) it was last seen with and its place in that artist's
    // list: a listener in several partials is merged into one entry in constant time.
    int[] seenWith = new int[cube.users.size()];
    int[] place = new int[cube.users.size()];
    ArtistCube view = new ArtistCube();
    for (int a : byId()) {
      int distinct = 0;
      for (int j = lStart[a]; j < lStart[a + 1]; j++) {
        int u = (int) listeners.second(lOrder[j]);
        if (seenWith[u] != a + 1) {
          seenWith[u] = a + 1;
          place[u] = distinct++;
        }
      }
      view.reset(cube.artists.string(a), hStart[a + 1] - hStart[a], sStart[a + 1] - sStart[a],
          distinct, words, tStart[a + 1] - tStart[a]);
      for (int i = 0, j = hStart[a]; j < hStart[a + 1]; i++, j++) {
        int c = hOrder[j];
        long k1 = hourly.first(c);
        long k2 = hourly.second(c);
        view.hours[i] = layout.firstHour() + (int) k1;
        view.countries[i] = (int) (k2 >>> 40);
        view.platforms[i] = platformNames[(int) ((k2 >>> 8) & 0xFFFFFFFFL)];
        view.tiers[i] = CubeCodes.TIERS.get((int) (k2 & 0xFF));
        view.plays[i] = hourly.doubleValue(c, 0);
      }
      for (int i = 0, j = sStart[a]; j < sStart[a + 1]; i++, j++) {
        int c = sOrder[j];
        view.slots[i] = (int) slots.second(c);
        for (int part = 0; part < 4; part++) {
          view.slotSums[4 * i + part] = slots.doubleValue(c, part);
        }
      }
      Arrays.fill(view.masks, 0, distinct * words, 0L);
      for (int j = lStart[a]; j < lStart[a + 1]; j++) {
        int c = lOrder[j];
        int at = place[(int) listeners.second(c)] * words;
        for (int w = 0; w < words; w++) {
          view.masks[at + w] |= listeners.value(c, w);
        }
      }
      for (int i = 0, j = tStart[a]; j < tStart[a + 1]; i++, j++) {
        int c = tOrder[j];
        view.tracks[i] = trackName((int) trackDays.first(c));
        view.days[i] = layout.firstDay() + trackDays.second(c);
        view.trackPlays[i] = trackDays.doubleValue(c, 0);
      }
      each.accept(view);
    }
  }

  /**
   * The artists in order of their ids, so that what follows sees them in the same order however
   * the partials arrived (sketches and sums then give the same result on any cluster).
   */
  private int[] byId() {
    Integer[] order = new Integer[artists];
    String[] ids = new String[artists];
    for (int a = 0; a < artists; a++) {
      order[a] = a;
      ids[a] = cube.artists.string(a);
    }
    Arrays.sort(order, (x, y) -> ids[x].compareTo(ids[y]));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  private String trackName(int code) {
    String s = trackNames[code];
    if (s == null) {
      s = cube.tracks.string(code - 1);
      trackNames[code] = s;
    }
    return s;
  }

  /** The artist of an entry: the high half of the first key, or the whole first key. */
  private static int artistOf(Cells cells, int i, boolean packed) {
    long k = cells.first(i);
    return (int) (packed ? k >>> 32 : k);
  }

  /** Where each artist's entries start in the artist order (a counting sort's offsets). */
  private int[] starts(Cells cells, boolean packed) {
    int[] start = new int[artists + 1];
    for (int i = 0; i < cells.size; i++) {
      start[artistOf(cells, i, packed) + 1]++;
    }
    for (int a = 0; a < artists; a++) {
      start[a + 1] += start[a];
    }
    return start;
  }

  /** The entries ordered by artist, in arrival order within an artist. */
  private int[] order(Cells cells, int[] start, boolean packed) {
    int[] next = Arrays.copyOf(start, artists);
    int[] order = new int[cells.size];
    for (int i = 0; i < cells.size; i++) {
      order[next[artistOf(cells, i, packed)]++] = i;
    }
    return order;
  }
}
