package io.deadair.jobs.report;

import io.deadair.charts.ReportModel.Artist;
import io.deadair.charts.ReportModel.Card;
import io.deadair.charts.ReportModel.Point;
import io.deadair.charts.ReportModel.Release;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/** The artist cards of the report, one per highlighted artist and outage. */
final class ArtistCards {

  private ArtistCards() {}

  /**
   * The artist cards: each highlighted artist's series, impact, normal week (168 h at the
   * baseline's plays per hour) and colliding releases; emerging artists first, by lost revenue.
   */
  static Map<String, List<Card>> of(List<Row> timelines, List<Row> impact, List<Row> metrics,
      Map<String, List<Release>> releases) {
    List<Row> series = RowLists.sorted(timelines, Comparator
        .comparing((Row r) -> r.<String>getAs("outage_id"))
        .thenComparing(r -> r.<String>getAs("artist_id"))
        .thenComparing(r -> r.getTimestamp(r.fieldIndex("hour"))));
    Map<String, List<Point>> points = ReportRecords.byKey(series, RowLists::key,
        ReportRecords::point);
    Set<String> chosen = new HashSet<>(points.keySet());
    Map<String, Double> perHour = new HashMap<>();
    for (Row r : metrics) {
      if ("before".equals(r.getAs("phase")) && chosen.contains(RowLists.key(r))) {
        perHour.put(RowLists.key(r), r.getAs("plays_per_hour"));
      }
    }
    Map<String, List<Card>> out = new HashMap<>();
    for (Row r : impact) {
      String key = RowLists.key(r);
      if (!chosen.contains(key)) {
        continue;
      }
      Artist a = ReportRecords.artist(r);
      String id = r.getAs("outage_id");
      out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Card(a,
          points.getOrDefault(key, List.of()), 168 * perHour.getOrDefault(key, 0.0),
          releases.getOrDefault(id, List.of()).stream()
              .filter(x -> x.artistId().equals(a.artistId())).toList()));
    }
    out.values().forEach(l -> l.sort(Comparator.comparing((Card c) -> !c.artist().emerging())
        .thenComparing(c -> -c.artist().lostRevenue())
        .thenComparing(c -> c.artist().artistId())));
    return out;
  }
}
