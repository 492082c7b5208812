package io.deadair.charts;

import io.deadair.common.domain.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The plain records the charts and the report are drawn from: rows read back from a run's tables
 * and run.json, already reduced to what a reader sees. Nothing here knows of Spark.
 */
public final class ReportModel {

  private ReportModel() {}

  /** The segment names, in the order every chart and table shows them. */
  public static final List<String> SEGMENTS =
      Arrays.stream(Segment.values()).map(Segment::label).toList();

  /**
   * One outage as declared, and the window it was measured over (whole count buckets may widen
   * it), with the end of its recovery window.
   */
  public record Outage(String id, Instant start, Instant end, Instant measuredFrom,
      Instant measuredTo, Instant recoveryEnd, String countries, String platforms,
      String description) {}

  /** One hour of a series: observed plays against expected, with the band. */
  public record Point(Instant hour, double observed, double expected, double low, double high) {}

  /** A segment's totals (or the service's, segment {@code all}) for one outage. */
  public record SegmentTotals(String segment, long artists, double expectedPlays,
      double lostPlays, double lostLow, double lostHigh, double lostRevenue, double revenueLow,
      double revenueHigh, Double playlistLostPct, Double playlistShareOfLost) {

    /** Totals of an input whose plays have no source. */
    public SegmentTotals(String segment, long artists, double expectedPlays, double lostPlays,
        double lostLow, double lostHigh, double lostRevenue, double revenueLow,
        double revenueHigh) {
      this(segment, artists, expectedPlays, lostPlays, lostLow, lostHigh, lostRevenue,
          revenueLow, revenueHigh, null, null);
    }

    /** Lost plays as a share of expected plays, in %. */
    public double lostPct() {
      return expectedPlays > 0 ? 100 * lostPlays / expectedPlays : 0;
    }
  }

  /** The Mann-Whitney comparison of emerging with established artists' share lost. */
  public record ShareTest(int emerging, int established, double pTwoSided,
      double pEmergingLarger, double probEmergingLarger, double rankBiserial) {}

  /** Plays per hour of one segment in each phase, and what was expected during the outage. */
  public record PhaseRates(String segment, double before, double during, double duringExpected,
      double after) {}

  /** The spread of the share lost (%) among one segment's artists: whiskers at p5 and p95. */
  public record ShareSpread(String segment, long artists, double p05, double q1, double median,
      double q3, double p95, double mean) {}

  /** One artist's impact in one outage. */
  public record Artist(String artistId, String name, String segment, double expectedPlays,
      long observedPlays, double lostPlays, double lostLow, double lostHigh, double rebound,
      double lostRevenue, double revenueLow, double revenueHigh) {

    /** The name, or the id when the name is unknown. */
    public String label() {
      return name == null || name.isBlank() ? artistId : name;
    }

    /** Lost plays as a share of expected plays, in %. */
    public double lostPct() {
      return expectedPlays > 0 ? 100 * lostPlays / expectedPlays : 0;
    }

    public boolean emerging() {
      return Segment.EMERGING.label().equals(segment);
    }
  }

  /** Lost plays and revenue in one (country, tier) market. */
  public record Market(String country, String tier, double lostPlays, double lostRevenue,
      double emergingRevenue) {}

  /** A release that went live during an outage or just before it. */
  public record Release(String artistId, String name, String segment, String item,
      Instant releaseTs, long firstWeekPlays, Double lostPlays, Double lostLow, Double lostHigh) {}

  /** A track the outage may push under the royalty threshold. */
  public record RoyaltyRisk(String artistId, String name, String segment, String trackId,
      double annualised, double annualisedLow, double trackLostHigh, long threshold) {}

  /**
   * An artist card: the artist's own hourly series and key numbers.
   *
   * @param weeklyPlays plays in a normal week, from the baseline's plays per hour
   */
  public record Card(Artist artist, List<Point> series, double weeklyPlays,
      List<Release> releases, List<Where> where, List<DayPoint> days) {

    /** A card without the market panel and the daily line. */
    public Card(Artist artist, List<Point> series, double weeklyPlays, List<Release> releases) {
      this(artist, series, weeklyPlays, releases, List.of(), List.of());
    }

    /** The share of a normal week's plays the outage took, in %. */
    public double shareOfWeekLost() {
      return weeklyPlays > 0 ? 100 * artist.lostPlays() / weeklyPlays : 0;
    }
  }

  /** Where an artist lost: one (country, platform, tier) part of its outage window. */
  public record Where(String country, String platform, String tier, double lostPlays,
      double lostRevenue) {}

  /** One UTC day of an artist: observed plays, and with the outages' loss put back. */
  public record DayPoint(LocalDate day, double observed, double adjusted, double low,
      double high) {}

  /** What a label's artists lost in one outage; {@code csv} is its file, or null. */
  public record LabelLoss(String labelId, String name, long artists, long emerging,
      double lostPlays, double lostLow, double lostHigh, double lostRevenue, String csv) {}

  /** A promotion that met an outage, with the artist's plays lost inside it. */
  public record PromotionLoss(String promotionId, String artistId, String artistName,
      String segment, String kind, Instant start, Instant end, double overlapHours,
      double recoveryHours, double sharePct, double lostPlays, double lostLow,
      double lostHigh) {

    /** The artist's name, or its id when the name is unknown. */
    public String artistLabel() {
      return artistName == null || artistName.isBlank() ? artistId : artistName;
    }
  }

  /** Where and how the artists lost beyond their own totals: labels and promotions. */
  public record DrillDown(List<LabelLoss> labels, List<PromotionLoss> promotions) {

    public static DrillDown none() {
      return new DrillDown(List.of(), List.of());
    }
  }

  /** Everything the report shows of one outage. */
  public record OutageReport(Outage outage, List<Point> timeline, List<SegmentTotals> totals,
      Optional<ShareTest> shareTest, List<PhaseRates> phases, List<ShareSpread> spreads,
      List<Artist> mostAffected, List<Artist> topEmerging, List<Market> markets,
      List<Release> releases, List<RoyaltyRisk> royaltyRisks, List<Card> cards,
      DrillDown drillDown) {

    /** An outage report without the drill-down. */
    public OutageReport(Outage outage, List<Point> timeline, List<SegmentTotals> totals,
        Optional<ShareTest> shareTest, List<PhaseRates> phases, List<ShareSpread> spreads,
        List<Artist> mostAffected, List<Artist> topEmerging, List<Market> markets,
        List<Release> releases, List<RoyaltyRisk> royaltyRisks, List<Card> cards) {
      this(outage, timeline, totals, shareTest, phases, spreads, mostAffected, topEmerging,
          markets, releases, royaltyRisks, cards, DrillDown.none());
    }

    /** The totals of a segment, or of the whole service for {@code all}. */
    public Optional<SegmentTotals> totals(String segment) {
      return totals.stream().filter(t -> t.segment().equals(segment)).findFirst();
    }

    /** Emerging artists' share of the lost revenue, in %, where there was revenue to lose. */
    public Optional<Double> emergingRevenueShare() {
      Optional<SegmentTotals> all = totals("all").filter(t -> t.lostRevenue() != 0);
      return all.flatMap(a -> totals(Segment.EMERGING.label())
          .map(e -> 100 * e.lostRevenue() / a.lostRevenue()));
    }
  }

  /** The whole service in one bucket of the detector's series. */
  public record ServicePoint(Instant start, double observed, double expected) {}

  /** A window found in the data, as {@code detected_outages} holds it. */
  public record FoundWindow(String id, Instant start, Instant end, String countries,
      String platforms, double lost, double lostLow, double lostHigh, String matches) {}

  /** A declared outage beside what the data shows for it, one phrase per difference. */
  public record DeclaredVsData(String outageId, Instant start, Instant end, String detectedId,
      List<String> mismatches) {}

  /**
   * What the detector found: the service series, the windows, and each declared outage against
   * the data.
   */
  public record DetectionReport(List<ServicePoint> series, List<FoundWindow> found,
      List<DeclaredVsData> declared) {}

  /**
   * The whole report.
   *
   * @param confidence the intervals' level, such as 0.95
   * @param minExpectedForShare artists with fewer expected plays are left out of share charts
   * @param dataNotes what the reader should know about the input: unusable rows, artists
   *     missing from the artists table, outages the data only partly covers
   * @param detection what the detector found, absent from run folders made before it existed
   */
  public record Report(String runId, Instant generated, String inputs, double confidence,
      double minExpectedForShare, List<OutageReport> outages, List<String> csvFiles,
      List<String> dataNotes, Optional<DetectionReport> detection) {}
}
