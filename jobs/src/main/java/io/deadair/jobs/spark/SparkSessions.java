package io.deadair.jobs.spark;

import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a command uses, locally or under spark-submit. */
public final class SparkSessions {

  private SparkSessions() {}

  /**
   * A session for one command, stopped when the command ends unless it was already running (a
   * command called inside a Spark application, such as a test, leaves it running).
   */
  public record Scoped(SparkSession spark, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }

  /** Opens the session of one command ({@link #create}). */
  public static Scoped open(String appName) {
    boolean owned = SparkSession.getDefaultSession().isEmpty();
    return new Scoped(create(appName), owned);
  }

  /**
   * Under {@code spark-submit} the master and resources come from Spark ({@code spark.master} is
   * set); run directly, Dead Air uses an embedded {@code local[*]} Spark. Either way time zone is
   * UTC, since every timestamp of the data contract is a UTC instant.
   */
  public static SparkSession create(String appName) {
    SparkSession.Builder b = SparkSession.builder().appName(appName)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    if (System.getProperty("spark.master") == null) {
      b = b.master("local[*]")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", String.valueOf(System.console() != null))
          .config("spark.sql.shuffle.partitions", "8")
          // Small queries on driver threads share the cores with the pass instead of queueing.
          .config("spark.scheduler.mode", "FAIR")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkSession spark = b.getOrCreate();
    JobTimer.installIfAsked(spark);
    return spark;
  }
}
