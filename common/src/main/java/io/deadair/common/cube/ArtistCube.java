package io.deadair.common.cube;

import java.util.Arrays;

/**
 * One artist's part of a merged cube: its hourly cells, slot sums, listeners' slot masks and
 * track days, in arrays. {@link CubeAggregate#forEachArtist} fills one instance per artist in
 * turn; the arrays are longer than the counts say.
 */
public final class ArtistCube {

  String artistId;
  int cells;
  long[] hours = new long[64];
  int[] countries = new int[64];
  String[] platforms = new String[64];
  String[] tiers = new String[64];
  double[] plays = new double[64];

  int slotCount;
  int[] slots = new int[16];
  double[] slotSums = new double[64];

  int listeners;
  long[] masks = new long[64];
  int words = 1;

  int trackDays;
  String[] tracks = new String[64];
  long[] days = new long[64];
  double[] trackPlays = new double[64];

  void reset(String artistId, int cells, int slotCount, int listeners, int words,
      int trackDays) {
    this.artistId = artistId;
    this.cells = cells;
    this.slotCount = slotCount;
    this.listeners = listeners;
    this.words = words;
    this.trackDays = trackDays;
    if (hours.length < cells) {
      int n = Math.max(cells, hours.length * 2);
      hours = new long[n];
      countries = new int[n];
      platforms = new String[n];
      tiers = new String[n];
      plays = new double[n];
    }
    if (slots.length < slotCount) {
      slots = new int[slotCount * 2];
      slotSums = new double[slotCount * 8];
    }
    if (masks.length < listeners * words) {
      masks = new long[Math.max(listeners * words, masks.length * 2)];
    }
    if (tracks.length < trackDays) {
      int n = Math.max(trackDays, tracks.length * 2);
      tracks = new String[n];
      days = new long[n];
      trackPlays = new double[n];
    }
  }

  public String artistId() {
    return artistId;
  }

  /** Hourly cells. */
  public int cells() {
    return cells;
  }

  /** Epoch hour of cell {@code i}. */
  public long hour(int i) {
    return hours[i];
  }

  /** Country of cell {@code i}, as an index of {@link CubeCodes#COUNTRIES} (0: none). */
  public int country(int i) {
    return countries[i];
  }

  /** Platform of cell {@code i}, or null. */
  public String platform(int i) {
    return platforms[i];
  }

  /** Tier of cell {@code i}, or null. */
  public String tier(int i) {
    return tiers[i];
  }

  public double plays(int i) {
    return plays[i];
  }

  /** Copies of the cell arrays, exactly as long as there are cells. */
  public long[] hoursCopy() {
    return Arrays.copyOf(hours, cells);
  }

  public int[] countriesCopy() {
    return Arrays.copyOf(countries, cells);
  }

  public String[] platformsCopy() {
    return Arrays.copyOf(platforms, cells);
  }

  public String[] tiersCopy() {
    return Arrays.copyOf(tiers, cells);
  }

  public double[] playsCopy() {
    return Arrays.copyOf(plays, cells);
  }

  /** Slots with plays (the play inputs only). */
  public int slotCount() {
    return slotCount;
  }

  public int slot(int i) {
    return slots[i] & ((1 << CubeAggregate.SOURCE_SHIFT) - 1);
  }

  /** The source of slot sum {@code i}'s plays: 0 when not given, else 1 + its contract index. */
  public int source(int i) {
    return slots[i] >>> CubeAggregate.SOURCE_SHIFT;
  }

  /** Part {@code part} (0 plays, 1 ms played, 2 skips, 3 plays with a known end) of slot i. */
  public double slotSum(int i, int part) {
    return slotSums[4 * i + part];
  }

  /** Distinct listeners (the play inputs only). */
  public int listeners() {
    return listeners;
  }

  /** Word {@code w} of listener {@code i}'s slot mask. */
  public long mask(int i, int w) {
    return masks[i * words + w];
  }

  public int maskWords() {
    return words;
  }

  /** Track days with plays. */
  public int trackDays() {
    return trackDays;
  }

  public String track(int i) {
    return tracks[i];
  }

  /** Epoch day (UTC) of track day {@code i}. */
  public long day(int i) {
    return days[i];
  }

  public double trackPlays(int i) {
    return trackPlays[i];
  }
}
