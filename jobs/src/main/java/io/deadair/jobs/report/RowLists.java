package io.deadair.jobs.report;

import io.deadair.common.domain.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/** Choosing and ordering the table rows the report lists. */
final class RowLists {

  /** More rows than this of a per-outage list stay in the CSV files only. */
  static final int LIST_LIMIT = 5_000;
  static final String EMERGING = Segment.EMERGING.label();
  private static final String KEY = "\u0000";

  private RowLists() {}

  /** One artist in one outage, as a map key. */
  static String key(Row r) {
    return r.<String>getAs("outage_id") + KEY + r.<String>getAs("artist_id");
  }

  static List<Row> filter(List<Row> rows, Predicate<Row> keep) {
    return rows.stream().filter(keep).toList();
  }

  static List<Row> sorted(List<Row> rows, Comparator<Row> order) {
    List<Row> out = new ArrayList<>(rows);
    out.sort(order);
    return out;
  }

  /** The top {@code n} rows of each outage by lost revenue (ties by artist id). */
  static List<Row> ranked(List<Row> impact, Predicate<Row> keep, int n) {
    List<Row> rows = sorted(filter(impact, keep), Comparator
        .comparing((Row r) -> r.<String>getAs("outage_id"))
        .thenComparing(r -> -r.<Double>getAs("lost_revenue_usd"))
        .thenComparing(r -> r.<String>getAs("artist_id")));
    List<Row> out = new ArrayList<>();
    Map<String, Integer> taken = new HashMap<>();
    for (Row r : rows) {
      if (taken.merge(r.getAs("outage_id"), 1, Integer::sum) <= n) {
        out.add(r);
      }
    }
    return out;
  }

  /** Emerging artists' rows first, each part by {@code column} descending, then artist id. */
  static List<Row> emergingFirst(List<Row> rows, String column) {
    return sorted(rows, Comparator.comparing((Row r) -> EMERGING.equals(r.getAs("segment"))
            ? 0 : 1)
        .thenComparing((Row r) -> r.<Double>getAs(column),
            Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(r -> r.<String>getAs("artist_id")));
  }

  static List<Row> limited(List<Row> rows) {
    return rows.size() <= LIST_LIMIT ? rows : rows.subList(0, LIST_LIMIT);
  }
}
