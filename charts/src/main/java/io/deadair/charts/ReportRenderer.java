package io.deadair.charts;

import io.deadair.charts.ChartWriter.Written;
import io.deadair.charts.ReportModel.Card;
import io.deadair.charts.ReportModel.OutageReport;
import io.deadair.charts.ReportModel.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Draws every chart of a report and writes them with {@code index.html} into a sink: the one
 * entry point the jobs call, after a run or from {@code deadair report}.
 */
public final class ReportRenderer {

  /** The charts of one outage, as written. */
  public record OutageCharts(Written timeline, Written phases, Written shareLost,
      Optional<Written> emerging, Written markets, List<Written> cards,
      List<Optional<Written>> cardDays) {}

  /** The report's page, beside its charts. */
  public static final String PAGE = "index.html";

  private ReportRenderer() {}

  /** Renders the report; returns the charts written, outage by outage. */
  public static List<OutageCharts> render(Report report, ReportSink sink) {
    System.setProperty("java.awt.headless", "true");
    // Outages are drawn in parallel: each chart is its own object, and drawing is CPU-bound.
    List<OutageCharts> charts = IntStream.range(0, report.outages().size())
        .parallel().mapToObj(i -> drawOutage(report, report.outages().get(i),
            "charts/o" + (i + 1) + "-", sink)).toList();
    Optional<Written> detection = report.detection().map(d -> ChartWriter.write(sink,
        "charts/detection", DetectionChartFactory.createChart("The whole service, and the"
            + " outages found in it", d), 1200, 420, "Hourly plays of the whole service over"
            + " the period, with the windows found in the data and the declared outages"));
    sink.write(PAGE, HtmlReport.render(report, charts, detection));
    copyMethod(sink);
    return charts;
  }

  private static OutageCharts drawOutage(Report report, OutageReport o, String prefix,
      ReportSink sink) {
    String id = o.outage().id();
    Written timeline = ChartWriter.write(sink, prefix + "timeline",
        TimelineChartFactory.createOutageChart(o), 960, 460,
        "Hourly plays of the whole service around outage " + id
            + ", observed against expected");
    Written phases = ChartWriter.write(sink, prefix + "phases",
        PhaseChartFactory.createChart("Before, during and after, by segment", o.phases()),
        960, 420, "Plays per hour before, during and after outage " + id + " by segment");
    Written share = ChartWriter.write(sink, prefix + "share-lost",
        ShareLostChartFactory.createChart("Who lost the most, relatively", o.spreads(),
            o.totals(), o.shareTest(), report.minExpectedForShare()), 960, 440,
        "Share of expected plays lost by artists of each segment in outage " + id);
    Optional<Written> emerging = o.topEmerging().isEmpty() ? Optional.empty()
        : Optional.of(ChartWriter.write(sink, prefix + "emerging",
            EmergingChartFactory.createChart("Most affected emerging artists", o.topEmerging()),
            960, 120 + 30 * o.topEmerging().size(),
            "The emerging artists who lost the most revenue in outage " + id));
    Written markets = ChartWriter.write(sink, prefix + "markets",
        MarketChartFactory.createChart("Revenue lost by country and tier", o.markets()), 960,
        MarketChartFactory.height(o.markets()),
        "Revenue lost in outage " + id + " by country and tier");
    List<Written> cards = new ArrayList<>();
    List<Optional<Written>> days = new ArrayList<>();
    int n = 0;
    for (Card c : o.cards()) {
      cards.add(ChartWriter.write(sink, prefix + "card-" + (++n),
          CardChartFactory.createChart(c, o.outage(), report.confidence()), 960,
          CardChartFactory.height(c), "Artist card: " + c.artist().label() + ", outage " + id));
      days.add(c.days().isEmpty() ? Optional.empty() : Optional.of(ChartWriter.write(sink,
          prefix + "card-" + n + "-days", DailyChartFactory.createChart(c.artist().label()
              + ": plays per day", c.days(), c.artist().emerging() ? ChartTheme.EMERGING
              : ChartTheme.OBSERVED), 960, 360, "Plays per day of " + c.artist().label()
              + ", observed and with the outages' loss put back")));
    }
    return new OutageCharts(timeline, phases, share, emerging, markets, cards, days);
  }

  /** Puts docs/method.md (bundled at build time) beside the report, for the details. */
  private static void copyMethod(ReportSink sink) {
    try (InputStream in = ReportRenderer.class.getResourceAsStream("method.md")) {
      if (in == null) {
        return;
      }
      try (OutputStream out = sink.create("method.md")) {
        in.transferTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write method.md: " + e.getMessage(), e);
    }
  }
}
