package io.deadair.jobs.spark;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Prints every Spark job's duration and call site to standard error, for finding slow steps. On
 * when the system property {@code deadair.debug.jobs} is set.
 */
public final class JobTimer extends SparkListener {

  private final Map<Integer, long[]> started = new ConcurrentHashMap<>();
  private final Map<Integer, String> sites = new ConcurrentHashMap<>();

  private JobTimer() {}

  public static void installIfAsked(SparkSession spark) {
    if (System.getProperty("deadair.debug.jobs") != null) {
      spark.sparkContext().addSparkListener(new JobTimer());
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    started.put(start.jobId(), new long[] {start.time()});
    String site = "?";
    if (!start.stageInfos().isEmpty()) {
      site = start.stageInfos().head().name();
      for (String line : start.stageInfos().head().details().split("\n")) {
        if (line.contains("io.deadair")) {
          site = line.trim();
          break;
        }
      }
      site = site + " [" + start.stageInfos().size() + " stages, desc "
          + start.properties().getProperty("spark.job.description") + ", sql "
          + start.properties().getProperty("spark.sql.execution.id") + "]";
    }
    sites.put(start.jobId(), site);
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd end) {
    long[] t = started.remove(end.jobId());
    if (t != null) {
      System.err.printf(Locale.ROOT, "  [job %d] %.1f s  %s%n", end.jobId(),
          (end.time() - t[0]) / 1000.0, sites.remove(end.jobId()));
    }
  }
}
