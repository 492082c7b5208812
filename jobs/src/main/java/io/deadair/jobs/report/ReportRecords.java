package io.deadair.jobs.report;

import io.deadair.charts.ReportModel.Artist;
import io.deadair.charts.ReportModel.Market;
import io.deadair.charts.ReportModel.Point;
import io.deadair.charts.ReportModel.Release;
import io.deadair.charts.ReportModel.RoyaltyRisk;
import io.deadair.charts.ReportModel.SegmentTotals;
import io.deadair.charts.ReportModel.ShareTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/** Turns collected rows of the output tables into the report's records, by contract column. */
final class ReportRecords {

  private ReportRecords() {}

  /** Records grouped by the rows' {@code outage_id}, in the rows' order. */
  static <T> Map<String, List<T>> byOutage(List<Row> rows, Function<Row, T> record) {
    return byKey(rows, r -> r.getAs("outage_id"), record);
  }

  static <T> Map<String, List<T>> byKey(List<Row> rows, Function<Row, String> key,
      Function<Row, T> record) {
    Map<String, List<T>> out = new HashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(record.apply(r));
    }
    return out;
  }

  /** A row of timeline or artist_timeline. */
  static Point point(Row r) {
    return new Point(r.getTimestamp(r.fieldIndex("hour")).toInstant(), r.getAs("observed"),
        r.getAs("expected"), r.getAs("low"), r.getAs("high"));
  }

  /** A row of segment_summary. */
  static SegmentTotals totals(Row r) {
    return new SegmentTotals(r.getAs("segment"), r.<Long>getAs("artists"),
        r.getAs("expected_plays"), r.getAs("lost_plays"), r.getAs("lost_plays_low"),
        r.getAs("lost_plays_high"), r.getAs("lost_revenue_usd"), r.getAs("lost_revenue_low_usd"),
        r.getAs("lost_revenue_high_usd"), r.<Double>getAs("playlist_lost_pct"),
        r.<Double>getAs("playlist_share_of_lost_pct"));
  }

  /** The rank test of each outage, from its segment_summary row {@code all}, when it ran. */
  static Map<String, ShareTest> tests(List<Row> summary) {
    Map<String, ShareTest> out = new HashMap<>();
    for (Row r : summary) {
      if ("all".equals(r.getAs("segment")) && !r.isNullAt(r.fieldIndex("mwu_u"))) {
        out.put(r.getAs("outage_id"), new ShareTest(r.<Integer>getAs("mwu_emerging_n"),
            r.<Integer>getAs("mwu_established_n"), r.getAs("mwu_p_value"),
            r.getAs("mwu_p_emerging_larger"), r.getAs("prob_emerging_larger"),
            r.getAs("rank_biserial")));
      }
    }
    return out;
  }

  /** A row of artist_impact. */
  static Artist artist(Row r) {
    return new Artist(r.getAs("artist_id"), r.getAs("artist_name"), r.getAs("segment"),
        r.getAs("expected_plays"), r.<Long>getAs("observed_plays"), r.getAs("lost_plays"),
        r.getAs("lost_plays_low"), r.getAs("lost_plays_high"), r.getAs("rebound_plays"),
        r.getAs("lost_revenue_usd"), r.getAs("lost_revenue_low_usd"),
        r.getAs("lost_revenue_high_usd"));
  }

  /** A row of revenue_by_market. */
  static Market market(Row r) {
    return new Market(r.getAs("country"), r.getAs("tier"), r.getAs("lost_plays"),
        r.getAs("lost_revenue_usd"), r.getAs("emerging_lost_revenue_usd"));
  }

  /** A row of release_impact. */
  static Release release(Row r) {
    String track = r.getAs("track_id");
    String item = track != null ? "track " + track : "album " + r.getAs("album_id");
    return new Release(r.getAs("artist_id"), r.getAs("artist_name"), r.getAs("segment"), item,
        r.getTimestamp(r.fieldIndex("release_ts")).toInstant(),
        r.<Long>getAs("first_week_plays"), r.getAs("lost_plays"), r.getAs("lost_plays_low"),
        r.getAs("lost_plays_high"));
  }

  /** A row of royalty_risk. */
  static RoyaltyRisk royaltyRisk(Row r) {
    return new RoyaltyRisk(r.getAs("artist_id"), r.getAs("artist_name"), r.getAs("segment"),
        r.getAs("track_id"), r.getAs("annualised_plays"), r.getAs("annualised_low"),
        r.getAs("track_lost_plays_high"), r.<Long>getAs("threshold_plays"));
  }
}
