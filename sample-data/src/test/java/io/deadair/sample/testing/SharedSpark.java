package io.deadair.sample.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM: Surefire reuses its fork for every test class, so
 * starting Spark (about 4 s) happens once per module, not once per class.
 */
public final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {}

  /** The shared {@code local[2]} session, created on first use and stopped when the JVM exits. */
  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .appName("deadair-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.sql.shuffle.partitions", "8")
          .config("spark.default.parallelism", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.session.timeZone", "UTC")
          .getOrCreate();
      SparkSession s = session;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
    }
    return session;
  }
}
