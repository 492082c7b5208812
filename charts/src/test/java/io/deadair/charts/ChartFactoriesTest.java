package io.deadair.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each chart's dataset, built from fixed records, and proof that each chart draws. */
class ChartFactoriesTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void timelineHasObservedExpectedBandAndTheShadedWindows() {
    var points = Fixtures.series(1);
    YIntervalSeriesCollection expected = TimelineChartFactory.createExpectedDataset(points, 1);
    XYSeriesCollection observed = TimelineChartFactory.createObservedDataset(points, 1);
    assertThat(expected.getItemCount(0)).as("one expected point per hour").isEqualTo(33);
    assertThat(observed.getItemCount(0)).as("one observed point per hour").isEqualTo(33);
    int firstInWindow = 6;
    assertThat(observed.getYValue(0, firstInWindow)).as("observed in the window").isEqualTo(20);
    assertThat(expected.getStartYValue(0, firstInWindow)).as("band low").isEqualTo(90);
    assertThat(expected.getEndYValue(0, firstInWindow)).as("band high").isEqualTo(110);
    assertThat((long) observed.getXValue(0, firstInWindow))
        .as("each hour is drawn at its middle, inside the shaded window")
        .isEqualTo(Fixtures.START.toEpochMilli() + 1_800_000L);
    assertThat(observed.getYValue(0, 9)).as("the rebound hour after the window").isEqualTo(130);

    JFreeChart chart = TimelineChartFactory.createChart("t", points, Fixtures.outage(),
        ChartTheme.OBSERVED);
    XYPlot plot = chart.getXYPlot();
    List<?> markers = List.copyOf(plot.getDomainMarkers(Layer.BACKGROUND));
    assertThat(markers).as("outage and recovery windows").hasSize(2);
    IntervalMarker outage = (IntervalMarker) markers.get(0);
    assertThat(outage.getStartValue()).isEqualTo(Fixtures.START.toEpochMilli());
    assertThat(outage.getEndValue()).isEqualTo(Fixtures.END.toEpochMilli());
    assertThat(outage.getLabel()).isEqualTo("Outage");
    assertThat(plot.getDomainAxis().getLabel()).as("time zone on the axis").contains("UTC");
    assertThat(plot.getRangeAxis().getLabel()).as("units on the axis").contains("Plays per hour");
    assertDraws(chart);
  }

  @Test
  void phasesAreIndexedToEachSegmentsOwnBefore() {
    DefaultCategoryDataset d = PhaseChartFactory.createDataset(Fixtures.phases());
    assertThat(d.getColumnKeys()).as("segments in order")
        .containsExactly("Emerging", "Mid", "Established");
    assertThat(d.getValue(PhaseChartFactory.BEFORE, "Emerging").doubleValue()).isEqualTo(100);
    assertThat(d.getValue(PhaseChartFactory.DURING, "Emerging").doubleValue())
        .as("9 plays/h against 40 before").isCloseTo(22.5, within(1e-9));
    assertThat(d.getValue(PhaseChartFactory.EXPECTED, "Mid").doubleValue())
        .as("410 expected against 400 before").isCloseTo(102.5, within(1e-9));
    assertThat(d.getValue(PhaseChartFactory.AFTER, "Established").doubleValue())
        .isCloseTo(105, within(1e-9));
    JFreeChart chart = PhaseChartFactory.createChart("p", Fixtures.phases());
    assertThat(chart.getCategoryPlot().getDomainAxis().getTickLabelPaint("Emerging"))
        .as("emerging in its highlight colour").isEqualTo(ChartTheme.EMERGING);
    assertDraws(chart);
  }

  @Test
  void shareLostBoxesCarryTheQuantilesAndTheTestInTheSubtitle() {
    DefaultBoxAndWhiskerCategoryDataset d =
        ShareLostChartFactory.createBoxDataset(Fixtures.spreads());
    assertThat(d.getColumnCount()).isEqualTo(3);
    assertThat(d.getMedianValue(0, 0).doubleValue()).as("emerging median").isEqualTo(75);
    assertThat(d.getQ1Value(0, 0).doubleValue()).isEqualTo(60);
    assertThat(d.getMinRegularValue(0, 0).doubleValue()).as("whisker at p5").isEqualTo(20);
    assertThat(d.getMaxRegularValue(0, 2).doubleValue()).as("established p95").isEqualTo(88);
    var few = List.of(new ReportModel.ShareSpread("emerging", 4, 1, 2, 3, 4, 5, 3),
        Fixtures.spreads().get(2));
    DefaultBoxAndWhiskerCategoryDataset fewBoxes = ShareLostChartFactory.createBoxDataset(few);
    assertThat(fewBoxes.getColumnKeys()).as("every segment keeps its place on the axis")
        .containsExactly("Emerging", "Mid", "Established");
    assertThat(fewBoxes.getMedianValue(ShareLostChartFactory.ARTISTS, "Emerging"))
        .as("no box from fewer than 5 artists").isNull();
    assertThat(fewBoxes.getMedianValue(ShareLostChartFactory.ARTISTS, "Established"))
        .isNotNull();
    var totals = Fixtures.outageReport().totals();
    DefaultStatisticalCategoryDataset pooled = ShareLostChartFactory.createSegmentDataset(totals);
    assertThat(pooled.getColumnKeys()).as("segments only, not all")
        .containsExactly("Emerging", "Mid", "Established");
    assertThat(pooled.getMeanValue(0, 1)).as("no totals for mid in the fixture").isNull();
    assertThat(pooled.getMeanValue(0, 0).doubleValue()).as("2,500 of 3,000 lost")
        .isCloseTo(83.333, within(1e-3));
    assertThat(pooled.getStdDevValue(0, 0).doubleValue()).as("half of 2,300..2,700 of 3,000")
        .isCloseTo(200.0 / 3000 * 100, within(1e-9));
    JFreeChart chart = ShareLostChartFactory.createChart("s", Fixtures.spreads(), totals,
        Optional.of(new ReportModel.ShareTest(240, 61, 0.21, 0.11, 0.56, 0.12)), 5);
    String subtitles = subtitles(chart);
    assertThat(subtitles).as("test result in the subtitle").contains("Mann–Whitney U")
        .contains("240 vs 61").contains("= 0.56").contains("r = +0.12").contains("p = 0.210");
    CategoryPlot plot = chart.getCategoryPlot();
    assertThat(((Color) plot.getRenderer().getItemPaint(0, 0)).getRGB() & 0xFFFFFF)
        .as("emerging box in its colour").isEqualTo(ChartTheme.EMERGING.getRGB() & 0xFFFFFF);
    assertDraws(chart);
    assertThat(ShareLostChartFactory.testSummary(Optional.empty(), 5)).contains("too few");
  }

  @Test
  void sparseSeriesAreSummedIntoBinsThatStartAtTheOutage() {
    var hourly = Fixtures.series(1);
    assertThat(TimelineChartFactory.binHours(hourly)).as("100 plays an hour").isEqualTo(1);
    var sparse = Fixtures.series(0.01);
    assertThat(TimelineChartFactory.binHours(sparse)).as("about 1 play an hour: 3 h bins")
        .isEqualTo(3);
    var bins = TimelineChartFactory.bin(sparse, 3, Fixtures.START);
    assertThat(bins).as("33 hours from 6 h before: 11 whole bins").hasSize(11);
    var window = bins.stream().filter(p -> p.hour().equals(Fixtures.START)).findFirst()
        .orElseThrow();
    assertThat(window.observed()).as("the three outage hours").isCloseTo(0.6, within(1e-9));
    assertThat(window.expected()).isCloseTo(3.0, within(1e-9));
    assertThat(window.high() - window.expected()).as("half-widths add in quadrature")
        .isCloseTo(Math.sqrt(3) * 0.1, within(1e-9));
  }

  @Test
  void topEmergingBarsAreInOrderWithHalfTheIntervalAsWhisker() {
    var artists = Fixtures.emerging();
    DefaultStatisticalCategoryDataset d = EmergingChartFactory.createDataset(artists);
    assertThat(d.getColumnCount()).isEqualTo(15);
    assertThat(d.getMeanValue(0, 0).doubleValue()).as("largest loss first").isEqualTo(10.0);
    assertThat(d.getStdDevValue(0, 0).doubleValue()).as("half of 8..12")
        .isCloseTo(2.0, within(1e-9));
    assertThat(d.getColumnKey(0).toString()).as("long names are shortened")
        .hasSizeLessThanOrEqualTo(EmergingChartFactory.LABEL_LENGTH + 1);
    JFreeChart chart = EmergingChartFactory.createChart("e", artists);
    assertThat(chart.getCategoryPlot().getRenderer().getSeriesPaint(0))
        .as("emerging highlight colour").isEqualTo(ChartTheme.EMERGING);
    assertDraws(chart);
  }

  @Test
  void artistsWithTheSameNameKeepTheirOwnBars() {
    var twins = List.of(Fixtures.artist(1, "Echo", "emerging", 3),
        Fixtures.artist(2, "Echo", "emerging", 2));
    assertThat(EmergingChartFactory.createDataset(twins).getColumnCount()).isEqualTo(2);
  }

  @Test
  void marketsKeepTheTopCountriesAndSumTheRest() {
    DefaultCategoryDataset d = MarketChartFactory.createDataset(Fixtures.markets());
    assertThat(d.getColumnCount()).as("12 countries and Other").isEqualTo(13);
    assertThat(d.getColumnKey(0)).as("largest first, named").isEqualTo("United States (US)");
    assertThat(d.getColumnKey(12)).isEqualTo("Other (2)");
    assertThat(d.getRowKeys()).as("no row for an absent tier").containsExactly("Premium", "Free");
    assertThat(d.getValue("Premium", "Other (2)").doubleValue()).as("AU + PL premium")
        .isCloseTo(2.0 + 1.0, within(1e-9));
    double total = 0;
    for (int r = 0; r < d.getRowCount(); r++) {
      for (int c = 0; c < d.getColumnCount(); c++) {
        total += d.getValue(r, c).doubleValue();
      }
    }
    double expected = Fixtures.markets().stream().mapToDouble(ReportModel.Market::lostRevenue)
        .sum();
    assertThat(total).as("nothing lost or counted twice").isCloseTo(expected, within(1e-9));
    assertDraws(MarketChartFactory.createChart("m", Fixtures.markets()));
  }

  @Test
  void cardCarriesTheKeyNumbersAndTheRelease() {
    var o = Fixtures.outageReport();
    var card = o.cards().get(0);
    List<String> lines = CardChartFactory.keyLines(card, o.outage(), 0.95);
    assertThat(lines.get(0)).isEqualTo("Lost plays: 240 (95 % interval 200 – 280)");
    assertThat(lines.get(1)).isEqualTo("Lost revenue: $10.00 ($8.00 – $12.00)");
    assertThat(lines.get(2)).as("share of a normal week: 240 of 2,000")
        .contains("12.0 % of a normal week");
    assertThat(lines.get(3)).as("where, by lost revenue")
        .isEqualTo("Where: DE android free $0.12 · BR ios<> premium $0.080");
    assertThat(lines.get(4)).contains("track <t1>").contains("before the outage");
    JFreeChart chart = CardChartFactory.createChart(card, o.outage(), 0.95);
    assertThat(chart.getTitle().getText()).isEqualTo(card.artist().name());
    assertThat(subtitles(chart)).contains("Lost plays: 240").contains("Emerging artist");
    XYPlot plot = chart.getXYPlot();
    assertThat(plot.getRenderer(1).getSeriesPaint(0)).as("emerging artist's line")
        .isEqualTo(ChartTheme.EMERGING);
    assertDraws(chart);
  }

  private static String subtitles(JFreeChart chart) {
    StringBuilder b = new StringBuilder();
    for (Object t : chart.getSubtitles()) {
      if (t instanceof TextTitle tt) {
        b.append(tt.getText()).append('\n');
      }
    }
    return b.toString();
  }

  private static void assertDraws(JFreeChart chart) {
    BufferedImage img = chart.createBufferedImage(960, 480);
    assertThat(img.getWidth()).isEqualTo(960);
    for (Object t : chart.getSubtitles()) {
      assertThat(t).isInstanceOf(Title.class);
    }
  }

  @Test
  void theDailyChartShowsObservedAndRepairedDays() {
    var days = Fixtures.days();
    var observed = DailyChartFactory.createObservedDataset(days);
    var adjusted = DailyChartFactory.createAdjustedDataset(days);
    assertThat(observed.getItemCount(0)).isEqualTo(10);
    assertThat(observed.getYValue(0, 7)).as("the outage's day as observed").isEqualTo(320);
    assertThat(adjusted.getYValue(0, 7)).as("and repaired").isEqualTo(400);
    assertThat(adjusted.getStartYValue(0, 7)).isEqualTo(380);
    assertThat(adjusted.getEndYValue(0, 7)).isEqualTo(420);
    assertDraws(DailyChartFactory.createChart("d", days, ChartTheme.EMERGING));
  }
}
