package io.deadair.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to generate. Defaults live in {@link #defaults(String)}, once.
 *
 * @param out output folder (any Hadoop path)
 * @param artists number of artists
 * @param days number of days of plays
 * @param playsPerDay mean plays per day over the whole service, before outages
 * @param users number of listeners
 * @param seed the seed; same seed and options give the same rows
 * @param start the first day (UTC)
 * @param outageCount how many outages to declare when {@code outageSpecs} is empty
 * @param outageSpecs explicit outage shapes,
 *     {@code kind[:hours[:severity[:start[:declared]]]]}, or empty
 * @param family which world the plays come from: {@link Family#HOME}, {@link Family#FIELD} or
 *     {@link Family#FIELD_FIXED}
 */
public record GeneratorOptions(
    String out,
    int artists,
    int days,
    long playsPerDay,
    int users,
    long seed,
    LocalDate start,
    int outageCount,
    List<String> outageSpecs,
    Family family) {

  /**
   * The families of generated data: home, whose assumptions the estimator shares, and field
   * ({@link FieldWorld}), made under different ones to check it on data it was not shaped by,
   * with a variant whose listeners ignore daylight saving.
   */
  public enum Family {
    HOME,
    FIELD,
    /** The field world with every listener on one fixed UTC offset all period (no DST change). */
    FIELD_FIXED
  }

  public static final int DEFAULT_ARTISTS = 2_000;
  public static final int DEFAULT_DAYS = 35;
  public static final long DEFAULT_PLAYS_PER_DAY = 40_000;
  public static final long DEFAULT_SEED = 42;
  public static final LocalDate DEFAULT_START = LocalDate.of(2026, 2, 2);
  public static final int DEFAULT_OUTAGES = 3;

  public GeneratorOptions {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(family, "family");
    outageSpecs = List.copyOf(outageSpecs);
    require(artists >= 1 && artists <= 10_000_000, "--artists must be 1..10000000, not " + artists);
    require(days >= 1 && days <= 3_660, "--days must be 1..3660, not " + days);
    require(playsPerDay >= 1, "--plays-per-day must be at least 1, not " + playsPerDay);
    require(users >= 1 && users <= 2_000_000_000, "--users must be 1..2000000000, not " + users);
    require(outageCount >= 0 && outageCount <= 50, "--outages must be 0..50, not " + outageCount);
  }

  /** Options of the home family. */
  public GeneratorOptions(String out, int artists, int days, long playsPerDay, int users,
      long seed, LocalDate start, int outageCount, List<String> outageSpecs) {
    this(out, artists, days, playsPerDay, users, seed, start, outageCount, outageSpecs,
        Family.HOME);
  }

  /** The defaults: about 1.4 M plays over five weeks, three outages in the last week. */
  public static GeneratorOptions defaults(String out) {
    return new GeneratorOptions(out, DEFAULT_ARTISTS, DEFAULT_DAYS, DEFAULT_PLAYS_PER_DAY,
        defaultUsers(DEFAULT_PLAYS_PER_DAY), DEFAULT_SEED, DEFAULT_START, DEFAULT_OUTAGES,
        List.of());
  }

  /** About one listener for every eight plays a day, as on a service where people listen daily. */
  public static int defaultUsers(long playsPerDay) {
    return (int) Math.max(500, Math.min(2_000_000_000L, playsPerDay / 8));
  }

  public GeneratorOptions withSeed(long newSeed) {
    return new GeneratorOptions(out, artists, days, playsPerDay, users, newSeed, start,
        outageCount, outageSpecs, family);
  }

  public GeneratorOptions withOut(String newOut) {
    return new GeneratorOptions(newOut, artists, days, playsPerDay, users, seed, start,
        outageCount, outageSpecs, family);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
