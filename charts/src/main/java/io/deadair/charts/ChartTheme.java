package io.deadair.charts;

import io.deadair.common.domain.Segment;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every Dead Air chart: DejaVu Sans, the Okabe-Ito palette (which readers with
 * the common forms of colour blindness can tell apart), emerging artists always in vermillion,
 * light grid lines and no shadows or gradients.
 */
public final class ChartTheme {

  public static final String FONT = "DejaVu Sans";

  public static final Color INK = new Color(0x222222);
  public static final Color MUTED = new Color(0x666666);
  public static final Color GRID = new Color(0xE3E3E3);
  /** Observed plays. */
  public static final Color OBSERVED = new Color(0x0072B2);
  /** Expected plays and their band. */
  public static final Color EXPECTED = new Color(0x555555);
  public static final Color BAND = new Color(0x99, 0x99, 0x99, 0x55);
  /** The outage window, and the recovery window after it. */
  public static final Color WINDOW = new Color(0xF0, 0xE4, 0x42, 0x70);
  public static final Color RECOVERY = new Color(0x56, 0xB4, 0xE9, 0x28);

  /** Emerging artists, everywhere. */
  public static final Color EMERGING = new Color(0xD55E00);
  public static final Color MID = new Color(0x56B4E9);
  public static final Color ESTABLISHED = new Color(0x0072B2);
  public static final Color ALL = new Color(0x444444);

  /** Before (baseline) and after (recovery) in the phase chart. */
  public static final Color BEFORE = new Color(0x999999);
  public static final Color AFTER = new Color(0x009E73);

  /** Tiers in the revenue chart. */
  public static final Map<String, Color> TIERS = Map.of(
      "premium", new Color(0x0072B2), "free", new Color(0xE69F00), "*", new Color(0xBBBBBB));

  private static final Map<String, Color> SEGMENT_COLOURS = Map.of(
      Segment.EMERGING.label(), EMERGING, Segment.MID.label(), MID,
      Segment.ESTABLISHED.label(), ESTABLISHED, "all", ALL);

  public static final BasicStroke LINE = new BasicStroke(2.0f);
  public static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  private ChartTheme() {}

  /** The colour of a segment (or {@code all}). */
  public static Color segment(String segment) {
    return SEGMENT_COLOURS.getOrDefault(segment, MUTED);
  }

  public static Font font(int style, int size) {
    return new Font(FONT, style, size);
  }

  /** Applies the theme to a freshly created chart, before its renderers are customised. */
  public static JFreeChart apply(JFreeChart chart) {
    StandardChartTheme t = new StandardChartTheme("Dead Air", false);
    t.setExtraLargeFont(font(Font.BOLD, 18));
    t.setLargeFont(font(Font.PLAIN, 14));
    t.setRegularFont(font(Font.PLAIN, 12));
    t.setSmallFont(font(Font.PLAIN, 11));
    t.setTitlePaint(INK);
    t.setSubtitlePaint(MUTED);
    t.setChartBackgroundPaint(Color.WHITE);
    t.setPlotBackgroundPaint(Color.WHITE);
    t.setPlotOutlinePaint(Color.WHITE);
    t.setLegendBackgroundPaint(Color.WHITE);
    t.setLegendItemPaint(INK);
    t.setDomainGridlinePaint(GRID);
    t.setRangeGridlinePaint(GRID);
    t.setAxisLabelPaint(INK);
    t.setTickLabelPaint(INK);
    t.setItemLabelPaint(INK);
    t.setAxisOffset(RectangleInsets.ZERO_INSETS);
    t.setShadowVisible(false);
    t.setBarPainter(new StandardBarPainter());
    t.setXYBarPainter(new StandardXYBarPainter());
    t.setErrorIndicatorPaint(INK);
    t.setDrawingSupplier(new DefaultDrawingSupplier(
        new Paint[] {OBSERVED, EMERGING, AFTER, MID, new Color(0xE69F00), new Color(0xCC79A7)},
        DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    t.apply(chart);
    chart.setPadding(new RectangleInsets(8, 8, 8, 12));
    if (chart.getTitle() != null) {
      chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
    }
    return chart;
  }

  /** A left-aligned grey subtitle line under the title. */
  public static void addSubtitle(JFreeChart chart, String text) {
    TextTitle t = new TextTitle(text, font(Font.PLAIN, 12));
    t.setPaint(MUTED);
    t.setHorizontalAlignment(HorizontalAlignment.LEFT);
    t.setPadding(new RectangleInsets(2, 0, 2, 0));
    chart.addSubtitle(t);
  }
}
