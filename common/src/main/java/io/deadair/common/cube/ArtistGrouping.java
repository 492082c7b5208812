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
  private final CubeLayout layout;
  private final int words;
  private final Index hours;
  private final Index slots;
  private final Index listeners;
  private final Index tracks;
  // Per listener, the artist (plus one) it was last seen with and its place in that artist's
  // list: a listener in several partials is merged into one entry in constant time.
  private final int[] seenWith;
  private final int[] place;

  /** A table's entries ordered by artist: artist a's are order[start[a]] to order[start[a+1]). */
  private record Index(int[] start, int[] order) {}

  ArtistGrouping(MergedCube cube) {
    this.cube = cube;
    this.artists = cube.artists.size();
    platformNames = new String[cube.platforms.size() + 1];
    for (int p = 1; p < platformNames.length; p++) {
      platformNames[p] = cube.platforms.string(p - 1);
    }
    trackNames = new String[cube.tracks.size() + 1];
    layout = cube.layout();
    words = cube.words();
    seenWith = new int[cube.users.size()];
    place = new int[cube.users.size()];
    hours = index(cube.hourly, true);
    slots = index(cube.slots, false);
    listeners = index(cube.listeners, false);
    tracks = index(cube.trackDays, true);
  }

  void forEach(Consumer<ArtistCube> each) {
    ArtistCube view = new ArtistCube();
    for (int a : byId()) {
      int distinct = placeListeners(a);
      view.reset(cube.artists.string(a), count(hours, a), count(slots, a), distinct, words,
          count(tracks, a));
      fillHours(view, a);
      fillSlots(view, a);
      fillListeners(view, a, distinct);
      fillTracks(view, a);
      each.accept(view);
    }
  }

  private static int count(Index index, int a) {
    return index.start()[a + 1] - index.start()[a];
  }

  /** Gives each of the artist's distinct listeners its place; returns how many there are. */
  private int placeListeners(int a) {
    int distinct = 0;
    for (int j = listeners.start()[a]; j < listeners.start()[a + 1]; j++) {
      int u = (int) cube.listeners.second(listeners.order()[j]);
      if (seenWith[u] != a + 1) {
        seenWith[u] = a + 1;
        place[u] = distinct++;
      }
    }
    return distinct;
  }

  private void fillHours(ArtistCube view, int a) {
    Cells hourly = cube.hourly;
    for (int i = 0, j = hours.start()[a]; j < hours.start()[a + 1]; i++, j++) {
      int c = hours.order()[j];
      long k1 = hourly.first(c);
      long k2 = hourly.second(c);
      view.hours[i] = layout.firstHour() + (int) k1;
      view.countries[i] = (int) (k2 >>> 40);
      view.platforms[i] = platformNames[(int) ((k2 >>> 8) & 0xFFFFFFFFL)];
      view.tiers[i] = CubeCodes.TIERS.get((int) (k2 & 0xFF));
      view.plays[i] = hourly.doubleValue(c, 0);
    }
  }

  private void fillSlots(ArtistCube view, int a) {
    for (int i = 0, j = slots.start()[a]; j < slots.start()[a + 1]; i++, j++) {
      int c = slots.order()[j];
      view.slots[i] = (int) cube.slots.second(c);
      for (int part = 0; part < 4; part++) {
        view.slotSums[4 * i + part] = cube.slots.doubleValue(c, part);
      }
    }
  }

  /** Each distinct listener's slot mask: the union of the masks of its entries. */
  private void fillListeners(ArtistCube view, int a, int distinct) {
    Arrays.fill(view.masks, 0, distinct * words, 0L);
    for (int j = listeners.start()[a]; j < listeners.start()[a + 1]; j++) {
      int c = listeners.order()[j];
      int at = place[(int) cube.listeners.second(c)] * words;
      for (int w = 0; w < words; w++) {
        view.masks[at + w] |= cube.listeners.value(c, w);
      }
    }
  }

  private void fillTracks(ArtistCube view, int a) {
    Cells trackDays = cube.trackDays;
    for (int i = 0, j = tracks.start()[a]; j < tracks.start()[a + 1]; i++, j++) {
      int c = tracks.order()[j];
      view.tracks[i] = trackName((int) trackDays.first(c));
      view.days[i] = layout.firstDay() + trackDays.second(c);
      view.trackPlays[i] = trackDays.doubleValue(c, 0);
    }
  }

  private Index index(Cells cells, boolean packed) {
    int[] start = starts(cells, packed);
    return new Index(start, order(cells, start, packed));
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
    if (code == 0) {
      return null;
    }
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
