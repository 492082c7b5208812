package io.deadair.jobs.read;

import io.deadair.common.model.Promotion;
import io.deadair.common.revenue.RateCard;
import io.deadair.jobs.spark.DriverPool;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The rate card, artists, releases and promotions, read and checked on driver threads while the
 * outages are read and the pass over the plays runs: none of them is needed before the pass
 * ends, and each is a handful of small Spark queries whose planning would otherwise add seconds.
 * A bad row in any of them still stops the run at once: the pass is cancelled and the input's
 * own message is the run's (a bad outage, read first, is reported before any of them).
 */
public final class SideInputs implements AutoCloseable {

  private static final String PASS_GROUP = "deadair-pass";

  private final SparkContext sc;
  private final DriverPool pool = new DriverPool("deadair-inputs", 3);
  private final Future<RateCard> rates;
  private final Future<Dataset<Row>> artists;
  private final Future<Dataset<Row>> releases;
  private final Future<List<Promotion>> promotions;

  /** Starts reading the given inputs (paths as {@code --rate-card}, {@code --artists}, ...). */
  public SideInputs(SparkSession spark, Optional<String> rateCard, String artistsPath,
      Optional<String> releasesPath, Optional<String> promotionsPath, Ledger ledger) {
    this.sc = spark.sparkContext();
    rates = pool.submit(() -> cancelPassOnFailure(
        () -> SmallInputReader.rateCard(spark, rateCard, ledger)));
    artists = pool.submit(() -> cancelPassOnFailure(
        () -> SmallInputReader.artists(spark, artistsPath, ledger)));
    releases = pool.submit(() -> cancelPassOnFailure(
        () -> SmallInputReader.releases(spark, releasesPath, ledger)));
    promotions = pool.submit(() -> cancelPassOnFailure(
        () -> SmallInputReader.promotions(spark, promotionsPath, ledger).collectAsList()
            .stream().map(r -> new Promotion(r.getAs("promotion_id"), r.getAs("artist_id"),
                r.getAs("kind"), r.<Timestamp>getAs("start").toInstant(),
                r.<Timestamp>getAs("end").toInstant())).toList()));
  }

  private <T> T cancelPassOnFailure(Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      sc.cancelJobGroup(PASS_GROUP);
      throw e;
    }
  }

  /**
   * Runs {@code heavy} (the pass) while the inputs are read; if reading an input fails, that
   * failure is thrown, whatever became of {@code heavy}.
   */
  public <T> T whileReading(Supplier<T> heavy) {
    sc.setJobGroup(PASS_GROUP, "the pass over the plays", true);
    T result;
    try {
      result = heavy.get();
    } catch (Exception e) {
      // Exception, not RuntimeException: a cancelled pass ends in Spark's SparkException, which
      // Scala throws unchecked, and the input that cancelled it must be the run's message.
      awaitInputs();
      throw e;
    } finally {
      sc.clearJobGroup();
    }
    awaitInputs();
    return result;
  }

  /** Waits for every input; the first that failed is thrown. */
  private void awaitInputs() {
    for (Future<?> f : List.of(rates, artists, releases, promotions)) {
      DriverPool.get(f);
    }
  }

  public RateCard rates() {
    return DriverPool.get(rates);
  }

  public Dataset<Row> artists() {
    return DriverPool.get(artists);
  }

  public Dataset<Row> releases() {
    return DriverPool.get(releases);
  }

  public List<Promotion> promotions() {
    return DriverPool.get(promotions);
  }

  @Override
  public void close() {
    pool.close();
  }
}
