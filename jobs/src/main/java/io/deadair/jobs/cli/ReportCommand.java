package io.deadair.jobs.cli;

import io.deadair.charts.ReportModel.Report;
import io.deadair.jobs.report.ReportJob;
import io.deadair.jobs.spark.SparkSessions;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deadair report}: re-renders the charts and the HTML report of a finished run. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Re-renders DIR/report/ (charts as PNG and SVG, and index.html) from the tables of a"
          + " finished run, without estimating anything again."
    })
final class ReportCommand implements Callable<Integer> {

  @Option(names = "--from", required = true,
      description = "A run's output folder, holding tables/ and run.json (any Hadoop path).")
  String from;

  @Override
  public Integer call() {
    StepLog log = new StepLog(System.err);
    try (SparkSessions.Scoped session = SparkSessions.open("deadair-report")) {
      SparkSession spark = session.spark();
      Report r = ReportJob.render(spark, from);
      log.info(String.format(Locale.ROOT, "report: %d outages, %d artist cards, written to"
          + " %s in %.1f s", r.outages().size(), r.outages().stream()
          .mapToInt(o -> o.cards().size()).sum(), ReportJob.page(from), log.elapsedSeconds()));
      return 0;
    }
  }
}
