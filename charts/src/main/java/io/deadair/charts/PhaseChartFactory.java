package io.deadair.charts;

import io.deadair.charts.ReportModel.PhaseRates;
import io.deadair.common.domain.Segment;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Before, during and after, per segment: each phase's plays per hour as a percentage of the
 * segment's own plays per hour before the outage, so that small and large segments share one
 * axis; what was expected during the outage stands beside what was observed.
 */
public final class PhaseChartFactory {

  static final String BEFORE = "Before (baseline)";
  static final String EXPECTED = "During, expected";
  static final String DURING = "During, observed";
  static final String AFTER = "After (recovery)";

  private PhaseChartFactory() {}

  /** Rows are phases, columns are segments (capitalised); values are % of before. */
  public static DefaultCategoryDataset createDataset(List<PhaseRates> phases) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (PhaseRates p : phases) {
      if (p.before() <= 0) {
        continue;
      }
      String seg = capitalise(p.segment());
      d.addValue(100.0, BEFORE, seg);
      d.addValue(100 * p.duringExpected() / p.before(), EXPECTED, seg);
      d.addValue(100 * p.during() / p.before(), DURING, seg);
      d.addValue(100 * p.after() / p.before(), AFTER, seg);
    }
    return d;
  }

  public static JFreeChart createChart(String title, List<PhaseRates> phases) {
    JFreeChart chart = ChartFactory.createBarChart(title, null,
        "Plays per hour, % of before", createDataset(phases), PlotOrientation.VERTICAL, true,
        false, false);
    ChartTheme.apply(chart);
    ChartTheme.addSubtitle(chart, "Each segment's plays per hour in each phase, against its own"
        + " average over the baseline; hours in UTC");
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setSeriesPaint(0, ChartTheme.BEFORE);
    r.setSeriesPaint(1, ChartTheme.BAND);
    r.setSeriesOutlinePaint(1, ChartTheme.EXPECTED);
    r.setDrawBarOutline(true);
    r.setSeriesOutlinePaint(0, ChartTheme.BEFORE);
    r.setSeriesPaint(2, ChartTheme.OBSERVED);
    r.setSeriesOutlinePaint(2, ChartTheme.OBSERVED);
    r.setSeriesPaint(3, ChartTheme.AFTER);
    r.setSeriesOutlinePaint(3, ChartTheme.AFTER);
    r.setItemMargin(0.05);
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
        new DecimalFormat("0")));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(ChartTheme.font(Font.PLAIN, 11));
    CategoryAxis segments = plot.getDomainAxis();
    segments.setTickLabelFont(ChartTheme.font(Font.BOLD, 13));
    segments.setTickLabelPaint(capitalise(Segment.EMERGING.label()), ChartTheme.EMERGING);
    plot.getRangeAxis().setUpperMargin(0.12);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    return chart;
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
