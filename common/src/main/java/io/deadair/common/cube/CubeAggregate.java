package io.deadair.common.cube;

/**
 * The cube of one input split, aggregated in open-addressing tables over primitive keys, and
 * handed on as one partial per artist bucket ({@link #partials}); {@link MergedCube} merges the
 * partials of a bucket.
 *
 * <p>It holds four parts, every one keyed by artist:
 *
 * <ul>
 *   <li>hourly cells: plays per (artist, hour, country, platform, tier);
 *   <li>slot sums: plays, milliseconds, skips and plays with a known end reason per (artist,
 *       phase slot, source of the play);
 *   <li>listeners: per (artist, listener), the set of slots the listener played the artist in,
 *       as a bit mask, so that unique listeners per phase stay exact;
 *   <li>track days: plays per (artist, track, UTC day), every usable play's, inside the windows
 *       or not (track 0 for counts without a track), for the daily tables and releases.
 * </ul>
 *
 * <p>Codes: countries are 1 + their index in {@link CubeCodes#COUNTRIES} (0: none), tiers 1 +
 * their index in {@link CubeCodes#TIERS} (0: none), platforms and tracks 1 + their number in this
 * cube's dictionaries (0: none); hours and days are offsets from the layout's first hour and day.
 */
public final class CubeAggregate {

  /** Slot sums are kept per (slot, source): the source sits above this bit of the key. */
  public static final int SOURCE_SHIFT = 24;

  private final CubeLayout layout;
  private final int words;

  private final BytesIndex artists = new BytesIndex();
  private final BytesIndex platforms = new BytesIndex();
  private final BytesIndex tracks = new BytesIndex();
  private final BytesIndex users = new BytesIndex();

  private final int expected;
  private PairTable hourly;
  private PairTable slots;
  private PairTable listeners;
  private PairTable trackDays;
  /** Plays by (country << 32 | platform code, bucket start minute): {@link ServiceBuckets}. */
  private PairTable serviceBuckets;
  private final BucketBuffer openBucket = new BucketBuffer();

  private long used;

  public CubeAggregate(CubeLayout layout, int expectedCells) {
    this.layout = layout;
    this.words = layout.maskWords();
    this.expected = Math.max(1024, expectedCells);
    clearCells();
  }

  /**
   * Drops every cell and the count of used rows, keeping the dictionaries (so codes handed out
   * stay valid): a map-side cube starts again after handing its partials on.
   */
  public void clearCells() {
    hourly = new PairTable(1, expected);
    slots = new PairTable(4, 1024);
    listeners = new PairTable(words, expected);
    trackDays = new PairTable(1, expected / 2);
    if (serviceBuckets != null) {
      openBucket.flush(serviceBuckets); // into the table dropped next, like every other cell
    }
    serviceBuckets = new PairTable(1, 1024);
    used = 0;
  }

  /**
   * Adds plays of a (country, platform code) part of the whole service to the bucket starting
   * at {@code startMinute}: every usable row, whether or not an outage needs its hour.
   */
  public void addServicePlays(int country, int platform, long startMinute, double plays) {
    openBucket.add(serviceBuckets, country, platform, startMinute, plays);
  }

  /** The dictionary code of an artist id's UTF-8 bytes. */
  public int artist(byte[] bytes, int offset, int length) {
    return artists.add(bytes, offset, length);
  }

  /** The code of a platform (1 + its number; 0 is none). */
  public int platform(byte[] bytes, int offset, int length) {
    return 1 + platforms.add(bytes, offset, length);
  }

  /** The code of a track id (1 + its number; 0 is none). */
  public int track(byte[] bytes, int offset, int length) {
    return 1 + tracks.add(bytes, offset, length);
  }

  /** The code of a listener id. */
  public int user(byte[] bytes, int offset, int length) {
    return users.add(bytes, offset, length);
  }

  /**
   * Adds one play. {@code hour} and {@code day} are offsets from the layout's first hour and day;
   * {@code slot} is the play's phase slot; {@code source} where it began (0: not given, else 1 +
   * its place in the contract's list).
   */
  public void addPlay(int artist, int hour, int slot, int country, int platform, int tier,
      int track, int day, int user, long ms, boolean skip, boolean known, int source) {
    addHourly(artist, hour, country, platform, tier, 1);
    int s = slots.entry(artist, slot | (source << SOURCE_SHIFT));
    long[] sums = slots.values();
    sums[s] = Double.doubleToRawLongBits(Double.longBitsToDouble(sums[s]) + 1);
    sums[s + 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(sums[s + 1]) + ms);
    sums[s + 2] = Double.doubleToRawLongBits(Double.longBitsToDouble(sums[s + 2])
        + (skip ? 1 : 0));
    sums[s + 3] = Double.doubleToRawLongBits(Double.longBitsToDouble(sums[s + 3])
        + (known ? 1 : 0));
    int l = listeners.entry(artist, user) + (slot >>> 6);
    long[] v = listeners.values();
    v[l] |= 1L << slot;
    if (track > 0) {
      addTrackDay(artist, track, day, 1);
    }
    used++;
  }

  /** Adds streams counted in an hour (stream counts): an hourly cell and a track day. */
  public void addCount(int artist, int hour, int country, int tier, int track, int day,
      double streams) {
    addHourly(artist, hour, country, 0, tier, streams);
    addTrackDay(artist, track, day, streams);
  }

  /**
   * Adds plays (or streams) of an hour no outage needs: they count only in their track day, so
   * that daily totals are whole.
   */
  public void addOutside(int artist, int track, int day, double plays) {
    addTrackDay(artist, track, day, plays);
  }

  /** Counts an input row that went into the cube (stream counts count rows, not hours). */
  public void countUsedRow() {
    used++;
  }

  private void addHourly(int artist, int hour, int country, int platform, int tier,
      double plays) {
    hourly.add(hourKey(artist, hour), ((long) country << 40) | ((long) platform << 8) | tier, 0,
        plays);
  }

  private static long hourKey(int artist, int hour) {
    return ((long) artist << 32) | (hour & 0xFFFFFFFFL);
  }

  private void addTrackDay(int artist, int track, int day, double plays) {
    trackDays.add(((long) artist << 32) | track, day, 0, plays);
  }

  /** Cells held, to decide when a map-side cube is full enough to hand on. */
  public int cells() {
    return hourly.size() + listeners.size() + trackDays.size();
  }

  /** Rows that went into the cube. */
  public long usedRows() {
    return used;
  }

  /**
   * Splits the cube into one partial per artist bucket ({@link CubeBuckets}), each a byte array
   * that {@link MergedCube#absorb} reads back.
   */
  public byte[][] partials(int buckets) {
    return new PartialWriter(this, buckets).write();
  }

  CubeLayout layout() {
    return layout;
  }

  int words() {
    return words;
  }

  BytesIndex artists() {
    return artists;
  }

  BytesIndex platforms() {
    return platforms;
  }

  BytesIndex tracks() {
    return tracks;
  }

  BytesIndex users() {
    return users;
  }

  /** Hourly cells: first key artist and hour, second country, platform and tier; plays. */
  PairTable hourly() {
    return hourly;
  }

  /** Slot sums: first key artist, second slot; plays, ms, skips, known ends. */
  PairTable slots() {
    return slots;
  }

  /** Listeners: first key artist, second listener; the slot mask's words. */
  PairTable listeners() {
    return listeners;
  }

  /** Track days: first key artist and track, second day; plays. */
  PairTable serviceBuckets() {
    openBucket.flush(serviceBuckets);
    return serviceBuckets;
  }

  PairTable trackDays() {
    return trackDays;
  }
}
