package io.deadair.jobs.report;

import io.deadair.charts.ReportModel.Report;
import io.deadair.charts.ReportRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Renders the charts and {@code report/} of a run folder from its tables; the impact job calls it
 * on its staging folder, and {@code deadair report --from DIR} on a finished run.
 */
public final class ReportJob {

  private static final String FOLDER = "report";

  private ReportJob() {}

  /** Where the page of the report of run folder {@code dir} is: {@code dir/report/index.html}. */
  public static String page(String dir) {
    return new Path(new Path(dir, FOLDER), ReportRenderer.PAGE).toString();
  }

  /**
   * Renders {@code dir/report/} from {@code dir/tables/} and {@code dir/run.json}, into a
   * temporary folder first, so that a failure leaves the previous report as it was.
   */
  public static Report render(SparkSession spark, String dir) {
    Report report = ReportLoader.load(spark, dir);
    write(spark, report, dir);
    return report;
  }

  /**
   * Reads what the report shows from {@code dir/run.json} and the tables, those in
   * {@code written} from memory, the others from {@code dir/tables/}.
   */
  public static Report load(SparkSession spark, String dir, Map<String, List<Row>> written) {
    return ReportLoader.load(spark, dir, written);
  }

  /** Draws the charts and the page of {@code report} into {@code dir/report/}, as a whole. */
  public static void write(SparkSession spark, Report report, String dir) {
    Path target = new Path(dir, FOLDER);
    Path partial = new Path(dir, ".report.partial-" + UUID.randomUUID());
    FileSystem fs = ReportLoader.fileSystem(spark, target);
    try {
      ReportRenderer.render(report, new HadoopSink(fs, partial));
      fs.delete(target, true);
      if (!fs.rename(partial, target)) {
        throw new IOException("rename of " + partial + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      try {
        fs.delete(partial, true);
      } catch (IOException e) {
        // Only a leftover temporary folder; the report's own outcome is already decided.
      }
    }
  }
}
