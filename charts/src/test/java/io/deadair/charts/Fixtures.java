package io.deadair.charts;

import io.deadair.charts.ReportModel.Artist;
import io.deadair.charts.ReportModel.Card;
import io.deadair.charts.ReportModel.DayPoint;
import io.deadair.charts.ReportModel.DeclaredVsData;
import io.deadair.charts.ReportModel.DetectionReport;
import io.deadair.charts.ReportModel.DrillDown;
import io.deadair.charts.ReportModel.FoundWindow;
import io.deadair.charts.ReportModel.LabelLoss;
import io.deadair.charts.ReportModel.Market;
import io.deadair.charts.ReportModel.Outage;
import io.deadair.charts.ReportModel.OutageReport;
import io.deadair.charts.ReportModel.PhaseRates;
import io.deadair.charts.ReportModel.Point;
import io.deadair.charts.ReportModel.PromotionLoss;
import io.deadair.charts.ReportModel.Release;
import io.deadair.charts.ReportModel.Report;
import io.deadair.charts.ReportModel.RoyaltyRisk;
import io.deadair.charts.ReportModel.SegmentTotals;
import io.deadair.charts.ReportModel.ServicePoint;
import io.deadair.charts.ReportModel.ShareSpread;
import io.deadair.charts.ReportModel.ShareTest;
import io.deadair.charts.ReportModel.Where;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small hand-made report records, with names that try to break out of the page. */
final class Fixtures {

  static final Instant START = Instant.parse("2026-03-04T18:00:00Z");
  static final Instant END = Instant.parse("2026-03-04T21:00:00Z");

  static final List<String> HOSTILE = List.of(
      "<script>alert('x')</script>",
      "Tom \"The Bomb\" O'Neil & Friends",
      "فرقة الصحراء",
      "🎸 Emoji Band 🔥",
      "</td></tr><img src=x onerror=alert(1)>");

  private Fixtures() {}

  static Outage outage() {
    return new Outage("global-<1>", START, END, START, END, END.plus(Duration.ofHours(24)), "*",
        "ios;android", "Login down <everywhere> & \"beyond\"");
  }

  /** Hours from 6 h before to 24 h after: 100 expected each hour, 20 observed in the window. */
  static List<Point> series(double scale) {
    List<Point> out = new ArrayList<>();
    for (Instant h = START.minus(Duration.ofHours(6)); h.isBefore(END.plus(Duration.ofHours(24)));
        h = h.plus(Duration.ofHours(1))) {
      boolean in = !h.isBefore(START) && h.isBefore(END);
      boolean rebound = !h.isBefore(END) && h.isBefore(END.plus(Duration.ofHours(2)));
      double e = 100 * scale;
      out.add(new Point(h, in ? 20 * scale : rebound ? 130 * scale : e, e, e - 10 * scale,
          e + 10 * scale));
    }
    return out;
  }

  static Artist artist(int i, String name, String segment, double revenue) {
    return new Artist("a" + i, name, segment, 300, 60, 240, 200, 280, 30, revenue,
        revenue * 0.8, revenue * 1.2);
  }

  static List<Artist> emerging() {
    List<Artist> out = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      String name = i < HOSTILE.size() ? HOSTILE.get(i) : "Artist " + i;
      out.add(artist(i, name, "emerging", 10.0 - i * 0.5));
    }
    return out;
  }

  static List<Market> markets() {
    List<Market> out = new ArrayList<>();
    String[] countries = {"US", "DE", "GB", "FR", "BR", "JP", "MX", "SE", "NL", "ES", "IT", "CA",
        "AU", "PL"};
    for (int i = 0; i < countries.length; i++) {
      out.add(new Market(countries[i], "premium", 100 - i, 1.0 * (14 - i), 0.1 * (14 - i)));
      out.add(new Market(countries[i], "free", 50 - i, 0.2 * (14 - i), 0.02 * (14 - i)));
    }
    return out;
  }

  static List<ShareSpread> spreads() {
    return List.of(new ShareSpread("emerging", 240, 20, 60, 75, 85, 98, 71),
        new ShareSpread("mid", 300, 40, 65, 74, 82, 92, 72),
        new ShareSpread("established", 61, 55, 68, 73, 79, 88, 73));
  }

  static List<PhaseRates> phases() {
    return List.of(new PhaseRates("emerging", 40, 9, 42, 44),
        new PhaseRates("mid", 400, 80, 410, 430),
        new PhaseRates("established", 4000, 900, 4100, 4200));
  }

  static OutageReport outageReport() {
    List<Artist> emerging = emerging();
    List<Artist> most = new ArrayList<>(emerging);
    most.add(0, artist(99, "Big Star", "established", 50));
    Release release = new Release("a0", HOSTILE.get(0), "emerging", "track <t1>",
        START.minus(Duration.ofDays(2)), 2210, 98.0, 80.0, 116.0);
    Card card = new Card(emerging.get(0), series(0.05), 2000, List.of(release),
        List.of(new Where("DE", "android", "free", 41, 0.12),
            new Where("BR", "ios<>", "premium", 20, 0.08)), days());
    Card rtl = new Card(emerging.get(2), series(0.02), 900, List.of());
    return new OutageReport(outage(), series(100), List.of(
        new SegmentTotals("all", 1000, 30000, 24000, 23000, 25000, 108, 100, 116),
        new SegmentTotals("emerging", 500, 3000, 2500, 2300, 2700, 11, 10, 12)),
        Optional.of(new ShareTest(240, 61, 0.21, 0.11, 0.56, 0.12)), phases(), spreads(), most,
        emerging, markets(), List.of(release),
        List.of(new RoyaltyRisk("a3", HOSTILE.get(3), "emerging", "t<3>", 1055.9, 838.6, 1.3,
            1000)), List.of(card, rtl), drillDown());
  }

  /** Ten days of one artist, the outage's day with 80 plays put back. */
  static List<DayPoint> days() {
    List<DayPoint> out = new ArrayList<>();
    LocalDate first = LocalDate.of(2026, 2, 25);
    for (int d = 0; d < 10; d++) {
      boolean hit = d == 7;
      out.add(new DayPoint(first.plusDays(d), hit ? 320 : 400, 400, hit ? 380 : 400,
          hit ? 420 : 400));
    }
    return out;
  }

  /** Two labels (one with a hostile name and a file) and a promotion that went dark. */
  static DrillDown drillDown() {
    return new DrillDown(List.of(
        new LabelLoss("lm1", HOSTILE.get(0), 128, 27, 915, 841, 990, 1.54,
            "csv/labels/lm1.csv"),
        new LabelLoss("independent", "Independent artists", 297, 128, 218, 184, 251, 0.33,
            null)),
        List.of(new PromotionLoss("p1", "a0", HOSTILE.get(4), "emerging", "editorial_playlist",
            START.minus(Duration.ofDays(3)), START.plus(Duration.ofDays(4)), 3, 24, 1.8, 74,
            52, 96)));
  }

  static Report report() {
    return new Report("2026-03-06T10:00:00Z", Instant.parse("2026-03-06T10:05:00Z"),
        "plays <from> \"somewhere\"", 0.95, 5, List.of(outageReport()),
        List.of("artist_impact.csv", "segment_summary.csv"),
        List.of("plays: 3 of 1,000 rows cannot be used <they are in quarantine/>"),
        Optional.of(detection()));
  }

  /** A week of hours with one window found and one declared outage it starts late against. */
  static DetectionReport detection() {
    List<ServicePoint> series = new ArrayList<>();
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    for (int h = 0; h < 7 * 24; h++) {
      double expected = 1000 + 400 * Math.sin(h / 24.0 * 2 * Math.PI);
      boolean down = h >= 100 && h < 103;
      series.add(new ServicePoint(start.plusSeconds(3600L * h), down ? expected * 0.2 : expected,
          expected));
    }
    FoundWindow w = new FoundWindow("d-1", start.plusSeconds(3600L * 100),
        start.plusSeconds(3600L * 103), "*", "*", 2400, 2300, 2500, "global-<1>");
    DeclaredVsData d = new DeclaredVsData("global-<1>", start.plusSeconds(3600L * 99),
        start.plusSeconds(3600L * 103), "d-1", List.of("starts 60 min later"));
    return new DetectionReport(series, List.of(w), List.of(d));
  }
}
