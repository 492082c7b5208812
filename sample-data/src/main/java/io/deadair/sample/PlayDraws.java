package io.deadair.sample;

import io.deadair.sample.ArtistCatalog.Artist;
import io.deadair.sample.OutagePlan.Planned;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well512a;

/**
 * The random draws of the generator, in two stages that run on the executors: per artist, the
 * number of plays on each local day (overdispersed by a drifting popularity); per (artist, day),
 * the plays themselves, the outages' removals and the rebound. Every draw comes from a generator
 * seeded by (seed, artist, day), so the rows never depend on partitioning or retries.
 */
final class PlayDraws implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Stationary standard deviation and day-to-day persistence of log popularity. */
  static final double DRIFT_SIGMA = 0.25;
  static final double DRIFT_PHI = 0.7;
  /** Total growth of the service over the whole period (a mild trend). */
  static final double TREND = 0.10;
  /** How unevenly an artist's fans listen: Zipf exponent over the fan pool. */
  static final double FAN_EXPONENT = 0.8;
  static final double TRACK_EXPONENT = 0.9;

  private final long seed;
  private final int days;
  private final long playsPerDay;
  private final long startMs;
  private final long endMs;
  private final ArtistCatalog catalog;
  /** Local days run from -1 to days so that every UTC instant of the period is covered. */
  private final long[][] midnights;
  private final double[] dayFactor;
  private final int[] userBlockStart;
  private final int[] userBlockSize;
  private final Categorical countries;
  private final Categorical hours;
  private final Categorical[] platforms;
  private final double[] premiumShare;
  private final long[] outageStart;
  private final long[] outageEnd;
  private final boolean[][] outageCountry;
  private final boolean[][] outagePlatform;
  private final double[] severity;
  private final double[] reboundShare;
  /** The field family's world, or null for the home family. */
  private final FieldWorld field;

  /**
   * Where a play began, from its own hash of the play (no draw of the plays' stream moves):
   * by the shares of {@link World#source}.
   */
  int source(int artist, int user, long tsMs) {
    return World.source(Hashing.unit(seed, artist, user, tsMs, 20),
        catalog.artists().get(artist).emerging());
  }

  PlayDraws(GeneratorOptions o, ArtistCatalog catalog, OutagePlan plan) {
    this.seed = o.seed();
    this.days = o.days();
    this.playsPerDay = o.playsPerDay();
    this.catalog = catalog;
    this.startMs = o.start().toEpochDay() * 86_400_000L;
    this.endMs = startMs + days * 86_400_000L;
    this.field = o.family() == GeneratorOptions.Family.HOME ? null : new FieldWorld(o);
    int nc = World.COUNTRIES.size();
    midnights = new long[days + 2][];
    dayFactor = new double[days + 2];
    fillDays(o);
    countries = ArtistCatalog.countryPicker();
    hours = new Categorical(World.LOCAL_HOUR_SHAPE);
    platforms = new Categorical[nc];
    premiumShare = new double[nc];
    userBlockStart = new int[nc];
    userBlockSize = new int[nc];
    fillCountries(o);
    List<Planned> outages = plan.outages();
    int no = outages.size();
    outageStart = new long[no];
    outageEnd = new long[no];
    outageCountry = new boolean[no][nc];
    outagePlatform = new boolean[no][World.PLATFORMS.size()];
    severity = new double[no];
    reboundShare = new double[no];
    fillOutages(outages);
  }

  /** Each day's local midnights and its factor: weekday, trend and the field's oversampling. */
  private void fillDays(GeneratorOptions o) {
    double trend = field == null ? TREND : FieldWorld.TREND;
    for (int d = -1; d <= days; d++) {
      LocalDate date = o.start().plusDays(d);
      midnights[d + 1] = World.localMidnights(date);
      dayFactor[d + 1] = World.weekdayFactor(date) * (1 + trend * ((d + 0.5) / days - 0.5))
          * (field == null ? 1 : FieldWorld.OVERSAMPLE);
    }
  }

  /** Each country's platforms, premium share and block of listener ids. */
  private void fillCountries(GeneratorOptions o) {
    int next = 0;
    for (int c = 0; c < World.COUNTRIES.size(); c++) {
      World.Country country = World.COUNTRIES.get(c);
      platforms[c] = new Categorical(country.platformShares());
      premiumShare[c] = country.premiumShare();
      userBlockStart[c] = next;
      userBlockSize[c] = (int) Math.max(1, Math.round(o.users() * countries.probability(c)));
      next += userBlockSize[c];
    }
  }

  /** Each planned outage's window, scope, severity and rebound, as arrays for the draws. */
  private void fillOutages(List<Planned> outages) {
    for (int i = 0; i < outages.size(); i++) {
      Planned p = outages.get(i);
      outageStart[i] = p.window().start().toEpochMilli();
      outageEnd[i] = p.window().end().toEpochMilli();
      for (int c = 0; c < World.COUNTRIES.size(); c++) {
        outageCountry[i][c] = p.window().countries().contains(World.COUNTRIES.get(c).code());
      }
      for (int k = 0; k < World.PLATFORMS.size(); k++) {
        outagePlatform[i][k] = p.window().platforms().contains(World.PLATFORMS.get(k));
      }
      severity[i] = p.severity();
      reboundShare[i] = p.reboundShare();
    }
  }

  /** The UTC date of the first day, in days since 1970-01-01. */
  long firstEpochDay() {
    return Math.floorDiv(startMs, 86_400_000L);
  }

  /** The listener index range: users are laid out in one block per country. */
  int userCount() {
    return userBlockStart[userBlockStart.length - 1] + userBlockSize[userBlockSize.length - 1];
  }

  /**
   * Stage one: the number of plays of one artist on each local day, -1..days (entry d + 1 is day
   * d).
   */
  int[] dailyPlays(int a) {
    Artist artist = catalog.get(a);
    RandomGenerator rng = new Well512a(Hashing.key(seed, a, 100));
    double x = DRIFT_SIGMA * rng.nextGaussian();
    double innovation = DRIFT_SIGMA * Math.sqrt(1 - DRIFT_PHI * DRIFT_PHI);
    int[] out = new int[days + 2];
    for (int d = -1; d <= days; d++) {
      x = DRIFT_PHI * x + innovation * rng.nextGaussian();
      double drift = Math.exp(x - DRIFT_SIGMA * DRIFT_SIGMA / 2);
      double mean = playsPerDay * artist.share() * dayFactor[d + 1] * drift * releaseFactor(
          artist, d);
      out[d + 1] = (int) new PoissonDistribution(rng, mean, PoissonDistribution.DEFAULT_EPSILON,
          PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
    }
    return out;
  }

  /** Extra popularity from a release: 1 + bump, fading with a four-day time constant. */
  static double releaseFactor(Artist artist, int day) {
    if (!artist.hasRelease() || day < artist.releaseDay()) {
      return 1;
    }
    return 1 + artist.releaseBump() * Math.exp(-(day - artist.releaseDay()) / 4.0);
  }

  /** One drawn play, with the truth the generator knows about it. */
  interface PlaySink {
    /**
     * @param windowOf the outage whose window the play fell in, or -1
     * @param afterOf the outage whose recovery window the play fell in, or -1
     * @param reboundOf for a removed play that came back, its outage, or -1
     */
    void play(long tsMs, int user, int artist, int track, int ms, int country, int platform,
        int tier, int reason, int windowOf, boolean inScope, boolean removed, int afterOf,
        int reboundOf);
  }

  /** Stage two: the {@code n} plays of artist {@code a} on local day {@code d}. */
  void plays(int a, int d, int n, PlaySink sink) {
    Artist artist = catalog.get(a);
    RandomGenerator rng = new Well512a(Hashing.key(seed, a, d, 200));
    ZipfDistribution fans = new ZipfDistribution(rng, artist.fanPool(), FAN_EXPONENT);
    ZipfDistribution tracks = new ZipfDistribution(rng, artist.tracks(), TRACK_EXPONENT);
    double releaseBoost = releaseFactor(artist, d) - 1;
    double releaseShare = 0.05 + 0.6 * releaseBoost / (1 + releaseBoost);
    long releaseMs = startMs + artist.releaseDay() * 86_400_000L;
    for (int i = 0; i < n; i++) {
      int fan = fans.sample() - 1;
      int c = Hashing.unit(seed, a, fan, 300) < artist.homeBias() ? artist.homeCountry()
          : countries.pick(Hashing.unit(seed, a, fan, 301));
      int user = userBlockStart[c] + (int) (Hashing.unit(seed, a, fan, 302) * userBlockSize[c]);
      int platform = platforms[c].pick(Hashing.unit(seed, user, 400));
      int tier = Hashing.unit(seed, user, 401) < premiumShare[c] ? 0 : 1;
      // Second resolution, as most play logs have.
      long hourStart = field == null ? midnights[d + 1][c] + hours.pick(rng.nextDouble()) * 3600L
          : field.hourStart(d, field.zoneOf(user, c), rng);
      long tsMs = (hourStart + (long) (rng.nextDouble() * 3600)) * 1000L;
      int track = artist.hasRelease() && tsMs >= releaseMs && rng.nextDouble() < releaseShare
          ? artist.tracks() : tracks.sample() - 1;
      int lengthMs = 120_000 + (int) (Hashing.unit(seed, a, track, 500) * 210_000);
      double skipChance = 0.16 + (tier == 1 ? 0.08 : 0) + (platform <= 1 ? 0.03 : 0);
      int reason;
      int ms;
      if (rng.nextDouble() < skipChance) {
        reason = rng.nextDouble() < 0.85 ? World.FWDBTN : World.BACKBTN;
        ms = (int) (lengthMs * (0.02 + 0.45 * rng.nextDouble()));
      } else {
        double u = rng.nextDouble();
        reason = u < 0.93 ? World.TRACKDONE : u < 0.97 ? World.ENDPLAY : World.LOGOUT;
        ms = reason == World.TRACKDONE ? lengthMs : (int) (lengthMs * rng.nextDouble());
      }
      if (hourStart < 0 || tsMs < startMs || tsMs >= endMs
          || (field != null && !field.keep(a, tsMs, rng))) {
        continue;
      }
      emit(sink, rng, tsMs, user, a, track, ms, c, platform, tier, reason);
    }
  }

  private void emit(PlaySink sink, RandomGenerator rng, long tsMs, int user, int a, int track,
      int ms, int c, int platform, int tier, int reason) {
    int windowOf = -1;
    int afterOf = -1;
    boolean inScope = false;
    boolean removed = false;
    for (int o = 0; o < outageStart.length; o++) {
      if (tsMs >= outageStart[o] && tsMs < outageEnd[o]) {
        windowOf = o;
        inScope = outageCountry[o][c] && outagePlatform[o][platform];
        removed = inScope && rng.nextDouble() < severity[o];
      } else if (tsMs >= outageEnd[o] && tsMs < outageEnd[o] + OutagePlan.AFTER.toMillis()) {
        afterOf = o;
      }
    }
    sink.play(tsMs, user, a, track, ms, c, platform, tier, reason, windowOf, inScope, removed,
        afterOf, -1);
    if (removed && rng.nextDouble() < reboundShare[windowOf]) {
      long delay = (field == null ? reboundDelayMs(rng) : FieldWorld.reboundDelayMs(rng))
          / 1000 * 1000;
      if (outageEnd[windowOf] + delay >= endMs) {
        return;
      }
      sink.play(outageEnd[windowOf] + delay, user, a, track, ms, c, platform, tier, reason, -1,
          false, false, windowOf, windowOf);
    }
  }

  /** An exponential delay with the plan's mean, truncated at the plan's maximum. */
  private static long reboundDelayMs(RandomGenerator rng) {
    double mean = OutagePlan.REBOUND_MEAN_DELAY.toMillis();
    ExponentialDistribution delay = new ExponentialDistribution(null, mean);
    double maxP = delay.cumulativeProbability(OutagePlan.REBOUND_MAX_DELAY.toMillis());
    return (long) delay.inverseCumulativeProbability(rng.nextDouble() * maxP);
  }
}
