package io.deadair.charts;

import io.deadair.charts.ReportModel.Artist;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The most affected emerging artists: lost revenue per artist, largest first, with the 95 %
 * interval as whiskers. The interval is symmetric around the estimate, so the statistical bar
 * renderer's "mean ± deviation" draws it exactly: the deviation is half the interval's width.
 */
public final class EmergingChartFactory {

  static final String SERIES = "Lost revenue";
  static final int LABEL_LENGTH = 30;

  private EmergingChartFactory() {}

  /** A category for an artist: two artists may share a name, so the id keeps them apart. */
  public record Key(String artistId, String label) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      return artistId.compareTo(o.artistId);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** One bar per artist, in the order given (largest loss first). */
  public static DefaultStatisticalCategoryDataset createDataset(List<Artist> artists) {
    DefaultStatisticalCategoryDataset d = new DefaultStatisticalCategoryDataset();
    for (Artist a : artists) {
      d.add(a.lostRevenue(), (a.revenueHigh() - a.revenueLow()) / 2, SERIES,
          new Key(a.artistId(), Formats.shorten(a.label(), LABEL_LENGTH)));
    }
    return d;
  }

  public static JFreeChart createChart(String title, List<Artist> artists) {
    JFreeChart chart = ChartFactory.createBarChart(title, null,
        "Lost revenue, USD (bar: estimate; whisker: 95 % interval)", createDataset(artists),
        PlotOrientation.HORIZONTAL, false, false, false);
    ChartTheme.apply(chart);
    ChartTheme.addSubtitle(chart, "Emerging artists ranked by revenue lost in the outage window,"
        + " valued on the rate card by each artist's own country and tier mix");
    CategoryPlot plot = chart.getCategoryPlot();
    StatisticalBarRenderer r = new StatisticalBarRenderer();
    r.setSeriesPaint(0, ChartTheme.EMERGING);
    r.setErrorIndicatorPaint(ChartTheme.INK);
    r.setDrawBarOutline(false);
    r.setMaximumBarWidth(0.7);
    r.setShadowVisible(false);
    r.setBarPainter(new StandardBarPainter());
    plot.setRenderer(r);
    CategoryAxis names = plot.getDomainAxis();
    names.setTickLabelFont(ChartTheme.font(Font.PLAIN, 12));
    names.setMaximumCategoryLabelWidthRatio(0.35f);
    names.setCategoryMargin(0.25);
    return chart;
  }
}
