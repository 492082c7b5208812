package io.deadair.charts;

import io.deadair.charts.ReportModel.Outage;
import io.deadair.charts.ReportModel.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Observed plays hour by hour against the plays expected had there been no outage, with the
 * expectation's band, the outage window shaded and labelled, and the recovery window after it:
 * the outage timeline, and the heart of each artist card.
 */
public final class TimelineChartFactory {

  static final String OBSERVED = "Observed plays";
  static final String EXPECTED = "Expected without the outage (95 % band)";
  private static final long HALF_HOUR = 1_800_000L;

  /** Bin widths tried, in hours, for series too sparse to read hour by hour. */
  static final int[] BIN_HOURS = {1, 2, 3, 4, 6, 12};
  /** Expected plays per bin that make a bin worth reading. */
  static final double MIN_EXPECTED_PER_BIN = 3;

  private TimelineChartFactory() {}

  /**
   * Hours per bin: 1 when an hour holds enough expected plays to read, else the smallest width
   * whose bins do. A small artist's hourly plays are mostly 0 or 1, which reads as noise.
   */
  public static int binHours(List<Point> points) {
    double mean = points.stream().mapToDouble(Point::expected).average().orElse(0);
    for (int b : BIN_HOURS) {
      if (mean * b >= MIN_EXPECTED_PER_BIN) {
        return b;
      }
    }
    return BIN_HOURS[BIN_HOURS.length - 1];
  }

  /**
   * Sums hours into bins of {@code hours}, aligned so that a bin starts at {@code anchor} (the
   * outage's start); bins the series covers only in part are left out. The band's half-width of a
   * bin adds the hours' half-widths in quadrature, as the report's totals do.
   */
  public static List<Point> bin(List<Point> points, int hours, Instant anchor) {
    if (hours == 1) {
      return points;
    }
    long width = hours * 3_600_000L;
    TreeMap<Long, double[]> bins = new TreeMap<>();
    for (Point p : points) {
      long start = anchor.toEpochMilli()
          + Math.floorDiv(p.hour().toEpochMilli() - anchor.toEpochMilli(), width) * width;
      double[] b = bins.computeIfAbsent(start, k -> new double[4]);
      b[0] += p.observed();
      b[1] += p.expected();
      b[2] += Math.pow(p.high() - p.expected(), 2);
      b[3]++;
    }
    List<Point> out = new ArrayList<>();
    bins.forEach((start, b) -> {
      if (b[3] == hours) {
        double half = Math.sqrt(b[2]);
        out.add(new Point(Instant.ofEpochMilli(start), b[0], b[1], Math.max(0, b[1] - half),
            b[1] + half));
      }
    });
    return out;
  }

  /** The expectation with its band, each bin of {@code hours} drawn at its middle. */
  public static YIntervalSeriesCollection createExpectedDataset(List<Point> points, int hours) {
    YIntervalSeries s = new YIntervalSeries(EXPECTED);
    for (Point p : points) {
      s.add(middle(p.hour(), hours), p.expected(), p.low(), p.high());
    }
    YIntervalSeriesCollection c = new YIntervalSeriesCollection();
    c.addSeries(s);
    return c;
  }

  /** The observed plays, each bin of {@code hours} drawn at its middle. */
  public static XYSeriesCollection createObservedDataset(List<Point> points, int hours) {
    XYSeries s = new XYSeries(OBSERVED);
    for (Point p : points) {
      s.add(middle(p.hour(), hours), p.observed());
    }
    return new XYSeriesCollection(s);
  }

  /** The shaded outage window (as measured) and recovery window, in epoch milliseconds. */
  public static IntervalMarker[] createWindowMarkers(Outage o) {
    IntervalMarker outage = new IntervalMarker(o.measuredFrom().toEpochMilli(),
        o.measuredTo().toEpochMilli(), ChartTheme.WINDOW);
    outage.setLabel("Outage");
    // The outage label sits left of its (often narrow) band, the recovery label inside its own.
    outage.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    outage.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    IntervalMarker recovery = new IntervalMarker(o.measuredTo().toEpochMilli(),
        o.recoveryEnd().toEpochMilli(), ChartTheme.RECOVERY);
    recovery.setLabel("Recovery");
    recovery.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    recovery.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    for (IntervalMarker m : new IntervalMarker[] {outage, recovery}) {
      m.setLabelFont(ChartTheme.font(Font.BOLD, 12));
      m.setLabelPaint(ChartTheme.INK);
      m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      m.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
    }
    return new IntervalMarker[] {outage, recovery};
  }

  /** The chart; {@code observedColour} is the highlight for an emerging artist's card. */
  public static JFreeChart createChart(String title, List<Point> points, Outage outage,
      Color observedColour) {
    DateAxis time = new DateAxis("Hour (UTC)");
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    SimpleDateFormat f = new SimpleDateFormat("EEE HH:mm", Locale.US);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    time.setDateFormatOverride(f);
    int hours = binHours(points);
    List<Point> binned = bin(points, hours, outage.measuredFrom());
    NumberAxis plays = new NumberAxis(hours == 1 ? "Plays per hour"
        : "Plays per " + hours + " hours");
    plays.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(null, time, plays, null);
    for (IntervalMarker m : createWindowMarkers(outage)) {
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
    JFreeChart chart = new JFreeChart(title, ChartTheme.font(Font.BOLD, 18), plot, true);
    // The theme resets series paints, so the series are added and styled after it.
    ChartTheme.apply(chart);
    if (hours == 1) {
      drawHourly(plot, binned, observedColour);
    } else {
      drawBinned(plot, binned, hours, observedColour);
    }
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    return chart;
  }

  /** Hour by hour: the expectation as a dashed line in its band, observed as a solid line. */
  private static void drawHourly(XYPlot plot, List<Point> points, Color observedColour) {
    DeviationRenderer band = new DeviationRenderer(true, false);
    band.setSeriesPaint(0, ChartTheme.EXPECTED);
    band.setSeriesFillPaint(0, ChartTheme.BAND);
    band.setSeriesStroke(0, ChartTheme.DASHED);
    band.setAlpha(1f);
    plot.setDataset(0, createExpectedDataset(points, 1));
    plot.setRenderer(0, band);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setSeriesPaint(0, observedColour);
    line.setSeriesStroke(0, ChartTheme.LINE);
    plot.setDataset(1, createObservedDataset(points, 1));
    plot.setRenderer(1, line);
  }

  /**
   * Bins of several hours: each bin's band as a grey box, expected and observed as steps that
   * hold their value over the bin, so a bin reads as "plays in these hours".
   */
  private static void drawBinned(XYPlot plot, List<Point> points, int hours,
      Color observedColour) {
    long width = hours * 2 * HALF_HOUR;
    XYIntervalSeries box = new XYIntervalSeries("95 % band of the expectation");
    XYSeries expected = new XYSeries("Expected without the outage");
    XYSeries observed = new XYSeries(OBSERVED);
    for (Point p : points) {
      long start = p.hour().toEpochMilli();
      box.add(start + width / 2.0, start, start + width, p.expected(), p.low(), p.high());
      expected.add(start, p.expected());
      observed.add(start, p.observed());
    }
    if (!points.isEmpty()) {
      Point last = points.get(points.size() - 1);
      expected.add(last.hour().toEpochMilli() + width, last.expected());
      observed.add(last.hour().toEpochMilli() + width, last.observed());
    }
    XYIntervalSeriesCollection boxes = new XYIntervalSeriesCollection();
    boxes.addSeries(box);
    XYBarRenderer bands = new XYBarRenderer();
    bands.setUseYInterval(true);
    bands.setShadowVisible(false);
    bands.setBarPainter(new StandardXYBarPainter());
    bands.setSeriesPaint(0, ChartTheme.BAND);
    plot.setDataset(0, boxes);
    plot.setRenderer(0, bands);
    XYSeriesCollection steps = new XYSeriesCollection();
    steps.addSeries(expected);
    steps.addSeries(observed);
    XYStepRenderer step = new XYStepRenderer();
    step.setSeriesPaint(0, ChartTheme.EXPECTED);
    step.setSeriesStroke(0, ChartTheme.DASHED);
    step.setSeriesPaint(1, observedColour);
    step.setSeriesStroke(1, new BasicStroke(2.5f));
    step.setDefaultShapesVisible(false);
    plot.setDataset(1, steps);
    plot.setRenderer(1, step);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
  }

  /** The outage timeline of the whole service, with the window and scope in the subtitle. */
  public static JFreeChart createOutageChart(ReportModel.OutageReport o) {
    Outage w = o.outage();
    JFreeChart chart = createChart("Outage " + w.id() + ": plays against expected",
        o.timeline(), w, ChartTheme.OBSERVED);
    ChartTheme.addSubtitle(chart, Formats.window(w.start(), w.end()) + " · countries: "
        + Formats.scope(w.countries()) + " · platforms: " + Formats.scope(w.platforms())
        + " · all plays of the service, in and out of scope");
    return chart;
  }

  private static long middle(Instant start, int hours) {
    return start.toEpochMilli() + hours * HALF_HOUR;
  }
}
