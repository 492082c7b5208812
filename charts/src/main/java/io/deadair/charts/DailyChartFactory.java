package io.deadair.charts;

import io.deadair.charts.ReportModel.DayPoint;
import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * An artist's plays day by day: as observed, and with the outages' loss put back (the
 * repaired line dashboards and royalty accruals should carry), with the repair's band.
 */
public final class DailyChartFactory {

  static final String OBSERVED = "Plays as observed";
  static final String ADJUSTED = "With the outages' loss put back (95 % band)";

  private DailyChartFactory() {}

  /** Observed plays per day. */
  public static XYSeriesCollection createObservedDataset(List<DayPoint> days) {
    XYSeries s = new XYSeries(OBSERVED);
    days.forEach(d -> s.add(millis(d), d.observed()));
    return new XYSeriesCollection(s);
  }

  /** Adjusted plays per day, with the interval of the repair. */
  public static YIntervalSeriesCollection createAdjustedDataset(List<DayPoint> days) {
    YIntervalSeries s = new YIntervalSeries(ADJUSTED);
    days.forEach(d -> s.add(millis(d), d.adjusted(), d.low(), d.high()));
    YIntervalSeriesCollection c = new YIntervalSeriesCollection();
    c.addSeries(s);
    return c;
  }

  public static JFreeChart createChart(String title, List<DayPoint> days, Color observed) {
    DateAxis time = new DateAxis("Day (UTC)");
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    SimpleDateFormat f = new SimpleDateFormat("EEE d MMM", Locale.US);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    time.setDateFormatOverride(f);
    NumberAxis plays = new NumberAxis("Plays per day");
    plays.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(null, time, plays, null);
    JFreeChart chart = new JFreeChart(title, ChartTheme.font(Font.BOLD, 16), plot, true);
    ChartTheme.apply(chart);
    DeviationRenderer band = new DeviationRenderer(true, false);
    band.setSeriesPaint(0, ChartTheme.EXPECTED);
    band.setSeriesFillPaint(0, ChartTheme.BAND);
    band.setSeriesStroke(0, ChartTheme.DASHED);
    band.setAlpha(1f);
    plot.setDataset(0, createAdjustedDataset(days));
    plot.setRenderer(0, band);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
    line.setSeriesPaint(0, observed);
    line.setSeriesStroke(0, ChartTheme.LINE);
    plot.setDataset(1, createObservedDataset(days));
    plot.setRenderer(1, line);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    return chart;
  }

  private static long millis(DayPoint d) {
    return d.day().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
