package io.deadair.jobs.cli;

import io.deadair.jobs.spark.SparkSessions;
import io.deadair.sample.Generator;
import io.deadair.sample.GeneratorOptions;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deadair generate}: a seeded play log with outages and its exact ground truth. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a realistic, seeded play log with declared outages, and the exact ground truth"
          + " of what each outage removed from each artist (in truth/).",
      "Same seed and flags, same rows. Runs on the embedded Spark, or on a cluster under"
          + " spark-submit."
    })
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--out", defaultValue = "out/generated",
      description = "Output folder, any Hadoop path; replaced if it exists"
          + " (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--artists", defaultValue = "" + GeneratorOptions.DEFAULT_ARTISTS,
      description = "Number of artists (default: ${DEFAULT-VALUE}).")
  int artists;

  @Option(names = "--days", defaultValue = "" + GeneratorOptions.DEFAULT_DAYS,
      description = "Days of plays (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--plays-per-day", defaultValue = "" + GeneratorOptions.DEFAULT_PLAYS_PER_DAY,
      description = "Mean plays per day before outages (default: ${DEFAULT-VALUE}).")
  long playsPerDay;

  @Option(names = "--users",
      description = "Number of listeners (default: one per eight plays a day, at least 500).")
  Integer users;

  @Option(names = "--seed", defaultValue = "" + GeneratorOptions.DEFAULT_SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start", defaultValue = "2026-02-02",
      description = "First day, UTC, as YYYY-MM-DD (default: ${DEFAULT-VALUE}).")
  LocalDate start;

  @Option(names = "--outages", defaultValue = "" + GeneratorOptions.DEFAULT_OUTAGES,
      description = "Number of outages, cycling global, regional, platform-only"
          + " (default: ${DEFAULT-VALUE}).")
  int outages;

  @Option(names = "--outage", paramLabel = "KIND[:HOURS[:SEVERITY[:START[:DECLARED]]]]",
      description = "An explicit outage, repeatable; overrides --outages. KIND is global,"
          + " regional or platform; START a UTC hour, 19 or 19h20 (default: one in 09..17);"
          + " DECLARED how outages.csv gives it: exact (default), rounded (whole hours around"
          + " it), vague (whole hours, worldwide on every platform) or none (left out; the"
          + " truth keeps it). E.g. global:1:0.3, platform:4:0.9, regional:4:0.6:22 (across"
          + " UTC midnight) or global:0.75:0.5:19h20:rounded.")
  List<String> outageSpecs = List.of();

  @Option(names = "--family", defaultValue = "home", paramLabel = "home|field|field-fixed",
      description = "Which world the plays come from: home (the assumptions the estimator"
          + " makes) or field (several zones per country, daylight saving, clocks off the zone"
          + " table, popularity moving at UTC midnight, later rebounds; see FieldWorld) or"
          + " field-fixed (the same, with every listener on one fixed UTC offset all period,"
          + " whatever the zone table says) (default: ${DEFAULT-VALUE}).")
  String family;

  private static GeneratorOptions.Family family(String name) {
    try {
      return GeneratorOptions.Family.valueOf(name.trim().toUpperCase(Locale.ROOT)
          .replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--family must be home, field or field-fixed, not '" + name + "'");
    }
  }

  @Override
  public Integer call() {
    GeneratorOptions options = new GeneratorOptions(out, artists, days, playsPerDay,
        users == null ? GeneratorOptions.defaultUsers(playsPerDay) : users, seed, start, outages,
        outageSpecs, family(family));
    StepLog log = new StepLog(System.err);
    log.info(String.format(Locale.ROOT, "generate: %,d artists, %d days, %,d plays a day,"
        + " seed %d -> %s", artists, days, playsPerDay, seed, out));
    try (SparkSessions.Scoped session = SparkSessions.open("deadair-generate")) {
      SparkSession spark = session.spark();
      Generator.Result r = Generator.run(spark, options, log::info);
      log.info(String.format(Locale.ROOT, "generate: done in %.1f s: %s",
          log.elapsedSeconds(), Generator.describe(r)));
      return 0;
    }
  }
}
