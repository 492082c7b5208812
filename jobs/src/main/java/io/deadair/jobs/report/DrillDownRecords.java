package io.deadair.jobs.report;

import io.deadair.charts.ReportModel.Card;
import io.deadair.charts.ReportModel.DayPoint;
import io.deadair.charts.ReportModel.DrillDown;
import io.deadair.charts.ReportModel.LabelLoss;
import io.deadair.charts.ReportModel.Outage;
import io.deadair.charts.ReportModel.PromotionLoss;
import io.deadair.charts.ReportModel.Where;
import io.deadair.jobs.tables.LabelFiles;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/**
 * The report's drill-down records: each outage's labels by lost revenue and the promotions
 * that met it, and each artist card's markets (where it lost most revenue) and days (a week
 * before the outage to three days after, observed and repaired).
 */
final class DrillDownRecords {

  /** Markets on a card. */
  static final int WHERE = 3;
  /** Days on a card's daily chart, before and after the outage's day. */
  static final int DAYS_BEFORE = 7;
  static final int DAYS_AFTER = 3;

  private final Map<String, List<LabelLoss>> labels;
  private final Map<String, List<PromotionLoss>> promotions;
  private final Map<String, List<Where>> where;
  private final Map<String, List<Row>> daily;
  private final Map<String, Outage> outages;

  DrillDownRecords(List<Row> labelRows, List<Row> promotionRows, List<Row> marketRows,
      List<Row> dailyRows, Map<String, Outage> outages, Predicate<String> fileExists) {
    this.outages = outages;
    labels = ReportRecords.byOutage(RowLists.sorted(labelRows, Comparator
        .comparing((Row r) -> -r.<Double>getAs("lost_revenue_usd"))
        .thenComparing(r -> r.<String>getAs("label_id"))), r -> label(r, fileExists));
    promotions = ReportRecords.byOutage(RowLists.emergingFirst(promotionRows, "lost_plays"),
        DrillDownRecords::promotion);
    where = ReportRecords.byKey(RowLists.sorted(RowLists.filter(marketRows,
        r -> r.<Boolean>getAs("in_scope")), Comparator
        .comparing((Row r) -> -r.<Double>getAs("lost_revenue_usd"))), RowLists::key,
        r -> new Where(r.getAs("country"), r.getAs("platform"), r.getAs("tier"),
            r.getAs("lost_plays"), r.getAs("lost_revenue_usd")));
    daily = ReportRecords.byKey(RowLists.sorted(dailyRows, Comparator.comparing(
        (Row r) -> r.<Date>getAs("day"))), r -> r.getAs("artist_id"), r -> r);
  }

  DrillDown of(String outageId) {
    return new DrillDown(labels.getOrDefault(outageId, List.of()),
        promotions.getOrDefault(outageId, List.of()));
  }

  /** The cards of an outage with their markets and days. */
  List<Card> cards(String outageId, List<Card> cards) {
    List<Card> out = new ArrayList<>();
    for (Card c : cards) {
      String key = outageId + "\u0000" + c.artist().artistId();
      out.add(new Card(c.artist(), c.series(), c.weeklyPlays(), c.releases(),
          where.getOrDefault(key, List.of()).stream().limit(WHERE).toList(),
          days(c.artist().artistId(), outages.get(outageId))));
    }
    return out;
  }

  private List<DayPoint> days(String artistId, Outage o) {
    if (o == null) {
      return List.of();
    }
    LocalDate day = LocalDate.ofInstant(o.start(), ZoneOffset.UTC);
    List<DayPoint> out = new ArrayList<>();
    for (Row r : daily.getOrDefault(artistId, List.of())) {
      LocalDate d = r.<Date>getAs("day").toLocalDate();
      if (!d.isBefore(day.minusDays(DAYS_BEFORE)) && !d.isAfter(day.plusDays(DAYS_AFTER))) {
        out.add(new DayPoint(d, r.getAs("observed_plays"), r.getAs("adjusted_plays"),
            r.getAs("adjusted_plays_low"), r.getAs("adjusted_plays_high")));
      }
    }
    return out;
  }

  private static LabelLoss label(Row r, Predicate<String> fileExists) {
    String id = r.getAs("label_id");
    String file = LabelFiles.path(id);
    return new LabelLoss(id, r.getAs("label_name"), r.<Long>getAs("artists"),
        r.<Long>getAs("emerging_artists"), r.getAs("lost_plays"), r.getAs("lost_plays_low"),
        r.getAs("lost_plays_high"), r.getAs("lost_revenue_usd"),
        fileExists.test(file) ? file : null);
  }

  private static PromotionLoss promotion(Row r) {
    return new PromotionLoss(r.getAs("promotion_id"), r.getAs("artist_id"),
        r.getAs("artist_name"), r.getAs("segment"), r.getAs("kind"),
        r.<Timestamp>getAs("promotion_start").toInstant(),
        r.<Timestamp>getAs("promotion_end").toInstant(), r.getAs("overlap_hours"),
        r.getAs("recovery_overlap_hours"), r.getAs("share_of_promotion_pct"),
        r.getAs("lost_plays"), r.getAs("lost_plays_low"), r.getAs("lost_plays_high"));
  }
}
