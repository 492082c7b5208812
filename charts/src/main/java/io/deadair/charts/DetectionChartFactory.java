package io.deadair.charts;

import io.deadair.charts.ReportModel.DeclaredVsData;
import io.deadair.charts.ReportModel.DetectionReport;
import io.deadair.charts.ReportModel.FoundWindow;
import io.deadair.charts.ReportModel.ServicePoint;
import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The whole service hour by hour over the period read, observed against expected, with the
 * windows found in the data shaded red and labelled with their ids, and the declared outages
 * shaded grey beneath them: where the two disagree shows at a glance.
 */
public final class DetectionChartFactory {

  static final Color FOUND = new Color(0xD5, 0x5E, 0x00, 0x66);
  static final Color DECLARED = new Color(0x66, 0x66, 0x66, 0x40);
  private static final long HOUR = 3_600_000L;

  private DetectionChartFactory() {}

  /** The series summed into whole hours (UTC), each drawn at its middle. */
  static XYSeriesCollection hourly(DetectionReport d) {
    Map<Long, double[]> hours = new TreeMap<>();
    for (ServicePoint p : d.series()) {
      long h = Math.floorDiv(p.start().toEpochMilli(), HOUR) * HOUR;
      double[] v = hours.computeIfAbsent(h, k -> new double[2]);
      v[0] += p.observed();
      v[1] += p.expected();
    }
    XYSeries observed = new XYSeries(TimelineChartFactory.OBSERVED);
    XYSeries expected = new XYSeries("Expected from the other days");
    hours.forEach((h, v) -> {
      observed.add(h + HOUR / 2, v[0]);
      expected.add(h + HOUR / 2, v[1]);
    });
    XYSeriesCollection c = new XYSeriesCollection(observed);
    c.addSeries(expected);
    return c;
  }

  public static JFreeChart createChart(String title, DetectionReport d) {
    DateAxis time = new DateAxis("Day (UTC)");
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    SimpleDateFormat f = new SimpleDateFormat("d MMM", Locale.US);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    time.setDateFormatOverride(f);
    NumberAxis plays = new NumberAxis("Plays per hour, whole service");
    plays.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(hourly(d), time, plays, null);
    for (DeclaredVsData o : d.declared()) {
      plot.addDomainMarker(marker(o.start(), o.end(), DECLARED, null), Layer.BACKGROUND);
    }
    for (FoundWindow w : d.found()) {
      plot.addDomainMarker(marker(w.start(), w.end(), FOUND, w.id()), Layer.BACKGROUND);
    }
    JFreeChart chart = new JFreeChart(title, ChartTheme.font(Font.BOLD, 18), plot, true);
    ChartTheme.apply(chart);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setSeriesPaint(0, ChartTheme.OBSERVED);
    line.setSeriesStroke(0, ChartTheme.LINE);
    line.setSeriesPaint(1, ChartTheme.EXPECTED);
    line.setSeriesStroke(1, ChartTheme.DASHED);
    plot.setRenderer(line);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    return chart;
  }

  private static IntervalMarker marker(Instant start, Instant end, Color colour, String label) {
    // A window of minutes would vanish at a month's scale: it is drawn at least an hour wide.
    long from = start.toEpochMilli();
    long to = Math.max(end.toEpochMilli(), from + HOUR);
    IntervalMarker m = new IntervalMarker(from, to, colour);
    if (label != null) {
      m.setLabel(label);
      m.setLabelFont(ChartTheme.font(Font.BOLD, 11));
      m.setLabelPaint(ChartTheme.INK);
      m.setLabelAnchor(RectangleAnchor.TOP);
      m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
      m.setLabelOffset(new RectangleInsets(4, 2, 4, 2));
    }
    return m;
  }
}
