package io.deadair.common.cube;

import java.util.Arrays;
import java.util.function.Consumer;

/** Walks a merged cube artist by artist: each part's cells are ordered by artist once. */
final class ArtistGrouping {

  private final CubeAggregate cube;
  private final int artists;
  private final String[] platformNames;
  private final String[] trackNames;

  ArtistGrouping(CubeAggregate cube) {
    this.cube = cube;
    this.artists = cube.artists().size();
    platformNames = new String[cube.platforms().size() + 1];
    for (int p = 1; p < platformNames.length; p++) {
      platformNames[p] = cube.platforms().string(p - 1);
    }
    trackNames = new String[cube.tracks().size() + 1];
  }

  void forEach(Consumer<ArtistCube> each) {
    PairTable hourly = cube.hourly();
    PairTable slots = cube.slots();
    PairTable listeners = cube.listeners();
    PairTable trackDays = cube.trackDays();
    int[] hOrder = hourly.entries();
    int[] hStart = starts(hourly, hOrder, true);
    hOrder = order(hourly, hOrder, hStart, true);
    int[] sOrder = slots.entries();
    int[] sStart = starts(slots, sOrder, false);
    sOrder = order(slots, sOrder, sStart, false);
    int[] lOrder = listeners.entries();
    int[] lStart = starts(listeners, lOrder, false);
    lOrder = order(listeners, lOrder, lStart, false);
    int[] tOrder = trackDays.entries();
    int[] tStart = starts(trackDays, tOrder, true);
    tOrder = order(trackDays, tOrder, tStart, true);
    CubeLayout layout = cube.layout();
    int words = cube.words();
    long[] masks = listeners.values();
    ArtistCube view = new ArtistCube();
    for (int a : byId()) {
      view.reset(cube.artists().string(a), hStart[a + 1] - hStart[a], sStart[a + 1] - sStart[a],
          lStart[a + 1] - lStart[a], words, tStart[a + 1] - tStart[a]);
      for (int i = 0, j = hStart[a]; j < hStart[a + 1]; i++, j++) {
        int p = hOrder[j];
        long k1 = hourly.first(p);
        long k2 = hourly.second(p);
        view.hours[i] = layout.firstHour() + (int) k1;
        view.countries[i] = (int) (k2 >>> 40);
        view.platforms[i] = platformNames[(int) ((k2 >>> 8) & 0xFFFFFFFFL)];
        view.tiers[i] = CubeCodes.TIERS.get((int) (k2 & 0xFF));
        view.plays[i] = hourly.doubleAt(p, 0);
      }
      for (int i = 0, j = sStart[a]; j < sStart[a + 1]; i++, j++) {
        int p = sOrder[j];
        view.slots[i] = (int) slots.second(p);
        for (int part = 0; part < 4; part++) {
          view.slotSums[4 * i + part] = slots.doubleAt(p, part);
        }
      }
      for (int i = 0, j = lStart[a]; j < lStart[a + 1]; i++, j++) {
        System.arraycopy(masks, lOrder[j], view.masks, i * words, words);
      }
      for (int i = 0, j = tStart[a]; j < tStart[a + 1]; i++, j++) {
        int p = tOrder[j];
        view.tracks[i] = trackName((int) trackDays.first(p));
        view.days[i] = layout.firstDay() + trackDays.second(p);
        view.trackPlays[i] = trackDays.doubleAt(p, 0);
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
      ids[a] = cube.artists().string(a);
    }
    Arrays.sort(order, (x, y) -> ids[x].compareTo(ids[y]));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  private String trackName(int code) {
    String s = trackNames[code];
    if (s == null) {
      s = cube.tracks().string(code - 1);
      trackNames[code] = s;
    }
    return s;
  }

  /** The artist of an entry: the high half of the first key, or the whole first key. */
  private static int artistOf(PairTable table, int p, boolean packed) {
    long k = table.first(p);
    return (int) (packed ? k >>> 32 : k);
  }

  /** Where each artist's entries start in the artist order (a counting sort's offsets). */
  private int[] starts(PairTable table, int[] entries, boolean packed) {
    int[] start = new int[artists + 1];
    for (int p : entries) {
      start[artistOf(table, p, packed) + 1]++;
    }
    for (int a = 0; a < artists; a++) {
      start[a + 1] += start[a];
    }
    return start;
  }

  /** The entries ordered by artist, in table order within an artist. */
  private int[] order(PairTable table, int[] entries, int[] start, boolean packed) {
    int[] next = Arrays.copyOf(start, artists);
    int[] order = new int[entries.length];
    for (int p : entries) {
      order[next[artistOf(table, p, packed)]++] = p;
    }
    return order;
  }
}
