package io.deadair.charts;

import io.deadair.charts.ReportModel.Market;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Revenue lost by country and tier in one outage: the countries that lost the most, each bar
 * split into premium and free (and unknown) streams, the rest summed into one bar.
 */
public final class MarketChartFactory {

  /** Countries shown on their own; the others share one bar. */
  public static final int TOP_COUNTRIES = 12;

  private MarketChartFactory() {}

  /** Rows are tiers, columns countries by lost revenue (largest first), then "Other". */
  public static DefaultCategoryDataset createDataset(List<Market> markets) {
    Map<String, Double> byCountry = new LinkedHashMap<>();
    for (Market m : markets) {
      byCountry.merge(m.country(), m.lostRevenue(), Double::sum);
    }
    // Countries outside a regional outage's scope carry no loss at all; they would be empty rows.
    byCountry.values().removeIf(v -> v == 0.0);
    markets = markets.stream().filter(m -> byCountry.containsKey(m.country())).toList();
    List<String> order = new ArrayList<>(byCountry.keySet());
    order.sort((a, b) -> Double.compare(byCountry.get(b), byCountry.get(a)));
    List<String> top = order.subList(0, Math.min(TOP_COUNTRIES, order.size()));
    String other = "Other (" + (order.size() - top.size()) + ")";
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (String tier : List.of("premium", "free", "*")) {
      for (String c : top) {
        d.addValue(0.0, tierLabel(tier), countryLabel(c));
      }
      if (order.size() > top.size()) {
        d.addValue(0.0, tierLabel(tier), other);
      }
    }
    for (Market m : markets) {
      String col = top.contains(m.country()) ? countryLabel(m.country()) : other;
      String row = tierLabel(m.tier());
      d.incrementValue(m.lostRevenue(), row, col);
    }
    for (String tier : List.of("*", "free", "premium")) {
      boolean empty = markets.stream().noneMatch(m -> m.tier().equals(tier));
      if (empty) {
        d.removeRow(tierLabel(tier));
      }
    }
    return d;
  }

  public static JFreeChart createChart(String title, List<Market> markets) {
    DefaultCategoryDataset d = createDataset(markets);
    JFreeChart chart = ChartFactory.createStackedBarChart(title, null, "Lost revenue, USD", d,
        PlotOrientation.HORIZONTAL, true, false, false);
    ChartTheme.apply(chart);
    double total = markets.stream().mapToDouble(Market::lostRevenue).sum();
    double emerging = markets.stream().mapToDouble(Market::emergingRevenue).sum();
    ChartTheme.addSubtitle(chart, "Total " + Formats.usd(total) + ", of which emerging artists "
        + Formats.usd(emerging) + (total > 0 ? " (" + Formats.pct(100 * emerging / total) + ")"
        : "") + "; by listener country and subscription tier");
    CategoryPlot plot = chart.getCategoryPlot();
    StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
    for (int i = 0; i < d.getRowCount(); i++) {
      String row = d.getRowKey(i).toString();
      String tier = row.startsWith("Premium") ? "premium" : row.startsWith("Free") ? "free" : "*";
      r.setSeriesPaint(i, ChartTheme.TIERS.get(tier));
    }
    r.setMaximumBarWidth(0.06);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    return chart;
  }

  /** A height that gives each country's bar the same room however many there are. */
  public static int height(List<Market> markets) {
    return 170 + 30 * createDataset(markets).getColumnCount();
  }

  static String tierLabel(String tier) {
    return switch (tier) {
      case "premium" -> "Premium";
      case "free" -> "Free";
      default -> "Tier unknown";
    };
  }

  static String countryLabel(String code) {
    if ("*".equals(code)) {
      return "Unknown";
    }
    String name = new Locale("", code).getDisplayCountry(Locale.US);
    return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
  }
}
