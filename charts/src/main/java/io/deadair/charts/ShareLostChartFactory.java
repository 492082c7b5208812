package io.deadair.charts;

import io.deadair.charts.ReportModel.SegmentTotals;
import io.deadair.charts.ReportModel.ShareSpread;
import io.deadair.charts.ReportModel.ShareTest;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Who lost the most, relatively: per segment, the share of expected plays the segment lost as a
 * whole (a diamond with its 95 % interval), and where enough artists have a readable share, the
 * spread of the artists' own shares (boxes at the quartiles, whiskers at the 5th and 95th
 * percentiles). The Mann-Whitney comparison of emerging and established artists is in the
 * subtitle.
 */
public final class ShareLostChartFactory {

  static final String ARTISTS = "Artists' own share (box: middle half; whiskers: 5th–95th"
      + " percentile)";
  static final String SEGMENT = "Segment as a whole, with its 95 % interval";
  /** Fewer artists with a readable share than this get no box. */
  public static final int MIN_BOX_ARTISTS = 5;

  private ShareLostChartFactory() {}

  /**
   * One box per segment with enough artists, keyed by the capitalised segment name; every
   * segment has a column (empty without a box), so both datasets share the category axis.
   */
  public static DefaultBoxAndWhiskerCategoryDataset createBoxDataset(List<ShareSpread> spreads) {
    DefaultBoxAndWhiskerCategoryDataset d = new DefaultBoxAndWhiskerCategoryDataset();
    for (String seg : ReportModel.SEGMENTS) {
      ShareSpread s = spreads.stream().filter(x -> x.segment().equals(seg)
          && x.artists() >= MIN_BOX_ARTISTS).findFirst().orElse(null);
      d.add(s == null ? EMPTY : new BoxAndWhiskerItem(s.mean(), s.median(), s.q1(), s.q3(),
          s.p05(), s.p95(), s.p05(), s.p95(), List.of()), ARTISTS,
          PhaseChartFactory.capitalise(seg));
    }
    return d;
  }

  private static final BoxAndWhiskerItem EMPTY = new BoxAndWhiskerItem((Number) null, null,
      null, null, null, null, null, null, List.of());

  /**
   * Each segment's pooled share lost; the interval of a sum is symmetric, so it is drawn as the
   * estimate plus or minus half its width.
   */
  public static DefaultStatisticalCategoryDataset createSegmentDataset(
      List<SegmentTotals> totals) {
    DefaultStatisticalCategoryDataset d = new DefaultStatisticalCategoryDataset();
    for (String seg : ReportModel.SEGMENTS) {
      SegmentTotals t = totals.stream().filter(x -> x.segment().equals(seg)
          && x.expectedPlays() > 0).findFirst().orElse(null);
      d.add(t == null ? null : t.lostPct(), t == null ? null
          : 50 * (t.lostHigh() - t.lostLow()) / t.expectedPlays(), SEGMENT,
          PhaseChartFactory.capitalise(seg));
    }
    return d;
  }

  /** The subtitle's plain-words result of the rank test. */
  public static String testSummary(Optional<ShareTest> test, double minExpected) {
    if (test.isEmpty()) {
      return "No rank test: too few emerging or established artists had " + Formats.plays(
          minExpected) + " or more expected plays in the window to compare their own shares";
    }
    ShareTest t = test.get();
    return String.format(Locale.US, "Emerging vs established, Mann–Whitney U (%d vs %d"
            + " artists): P(emerging lost a larger share) = %.2f, rank-biserial r = %s,"
            + " p = %s (two-sided)", t.emerging(), t.established(), t.probEmergingLarger(),
        Formats.signed(t.rankBiserial(), 2), Formats.p(t.pTwoSided()));
  }

  public static JFreeChart createChart(String title, List<ShareSpread> spreads,
      List<SegmentTotals> totals, Optional<ShareTest> test, double minExpected) {
    CategoryAxis segments = new CategoryAxis(null);
    NumberAxis share = new NumberAxis("Share of expected plays lost (%)");
    share.setAutoRangeIncludesZero(true);
    BoxAndWhiskerRenderer boxes = new BoxAndWhiskerRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        String seg = getPlot().getDataset(0).getColumnKey(column).toString();
        Color c = ChartTheme.segment(seg.toLowerCase(Locale.ROOT));
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 0x66);
      }
    };
    CategoryPlot plot = new CategoryPlot(createBoxDataset(spreads), segments, share, boxes);
    StatisticalLineAndShapeRenderer pooled = new StatisticalLineAndShapeRenderer(false, true);
    plot.setDataset(1, createSegmentDataset(totals));
    plot.setRenderer(1, pooled);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    JFreeChart chart = new JFreeChart(title, ChartTheme.font(Font.BOLD, 18), plot, true);
    ChartTheme.apply(chart);
    style(boxes, pooled);
    ChartTheme.addSubtitle(chart, testSummary(test, minExpected));
    ChartTheme.addSubtitle(chart, "Boxes only for segments with at least " + MIN_BOX_ARTISTS
        + " artists of " + Formats.plays(minExpected) + "+ expected plays (" + spreads.stream()
        .map(s -> s.segment() + " " + s.artists()).collect(Collectors.joining(", ")) + ")");
    segments.setTickLabelFont(ChartTheme.font(Font.BOLD, 13));
    for (String seg : ReportModel.SEGMENTS) {
      segments.setTickLabelPaint(PhaseChartFactory.capitalise(seg), ChartTheme.segment(seg));
    }
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    return chart;
  }

  /** Boxes in grey, light enough to show the pooled diamond and its interval over them. */
  private static void style(BoxAndWhiskerRenderer boxes, StatisticalLineAndShapeRenderer pooled) {
    boxes.setFillBox(true);
    boxes.setMeanVisible(false);
    boxes.setMaximumBarWidth(0.16);
    boxes.setUseOutlinePaintForWhiskers(true);
    boxes.setSeriesPaint(0, new Color(0x99, 0x99, 0x99, 0x66));
    boxes.setSeriesOutlinePaint(0, ChartTheme.MUTED);
    pooled.setSeriesPaint(0, ChartTheme.INK);
    pooled.setSeriesShape(0, diamond(7));
    pooled.setErrorIndicatorPaint(ChartTheme.INK);
    pooled.setErrorIndicatorStroke(new BasicStroke(2f));
  }

  private static Shape diamond(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, 0);
    p.lineTo(0, r);
    p.lineTo(-r, 0);
    p.closePath();
    return p;
  }
}
