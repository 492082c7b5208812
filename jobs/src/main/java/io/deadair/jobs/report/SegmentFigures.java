package io.deadair.jobs.report;

import io.deadair.charts.ReportModel;
import io.deadair.charts.ReportModel.PhaseRates;
import io.deadair.charts.ReportModel.ShareSpread;
import io.deadair.jobs.estimate.Quantiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The report's figures per segment, reduced from the artist rows: plays per hour in each phase,
 * and the spread of the shares lost.
 */
final class SegmentFigures {

  private static final String KEY = "\u0000";

  private SegmentFigures() {}

  /**
   * Plays per hour of each segment in each phase, from the phase metrics; what was expected
   * during the outage is the segment's expected plays over the same hours.
   */
  static Map<String, List<PhaseRates>> phases(List<Row> impact, List<Row> metrics,
      List<Row> summary) {
    Map<String, String> segments = new HashMap<>();
    impact.forEach(r -> segments.put(RowLists.key(r), r.getAs("segment")));
    Map<String, Map<String, double[]>> acc = new HashMap<>();
    for (Row r : metrics) {
      String segment = segments.get(RowLists.key(r));
      if (segment == null) {
        continue;
      }
      double[] v = acc.computeIfAbsent(r.getAs("outage_id"), k -> new HashMap<>())
          .computeIfAbsent(segment + KEY + r.getAs("phase"), k -> new double[2]);
      v[0] += r.<Long>getAs("plays");
      v[1] = r.<Double>getAs("hours");
    }
    Map<String, List<PhaseRates>> out = new HashMap<>();
    for (Row r : summary) {
      String segment = r.getAs("segment");
      if ("all".equals(segment)) {
        continue;
      }
      Map<String, double[]> o = acc.getOrDefault(r.<String>getAs("outage_id"), Map.of());
      double[] during = o.get(segment + KEY + "during");
      if (during != null && during[1] > 0) {
        out.computeIfAbsent(r.getAs("outage_id"), k -> new ArrayList<>()).add(new PhaseRates(
            segment, perHour(o.get(segment + KEY + "before")), perHour(during),
            r.<Double>getAs("expected_plays") / during[1],
            perHour(o.get(segment + KEY + "after"))));
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(p ->
        ReportModel.SEGMENTS.indexOf(p.segment()))));
    return out;
  }

  static double perHour(double[] playsAndHours) {
    return playsAndHours == null || playsAndHours[1] <= 0 ? 0
        : playsAndHours[0] / playsAndHours[1];
  }

  /**
   * The spread of each segment's shares lost (percentile_approx's quartiles and 5th and 95th
   * percentiles), over the artists with enough expected plays.
   */
  static Map<String, List<ShareSpread>> spreads(List<Row> impact, double minExpected) {
    Map<String, Map<String, Quantiles>> quantiles = new HashMap<>();
    Map<String, Map<String, double[]>> sums = new HashMap<>();
    for (Row r : impact) {
      Double pct = r.getAs("lost_pct");
      if (pct == null || r.<Double>getAs("expected_plays") < minExpected) {
        continue;
      }
      String o = r.getAs("outage_id");
      String s = r.getAs("segment");
      quantiles.computeIfAbsent(o, k -> new HashMap<>()).computeIfAbsent(s,
          k -> new Quantiles()).add(pct);
      double[] t = sums.computeIfAbsent(o, k -> new HashMap<>()).computeIfAbsent(s,
          k -> new double[2]);
      t[0]++;
      t[1] += pct;
    }
    Map<String, List<ShareSpread>> out = new HashMap<>();
    quantiles.forEach((o, bySegment) -> bySegment.forEach((s, q) -> {
      double[] t = sums.get(o).get(s);
      out.computeIfAbsent(o, k -> new ArrayList<>()).add(new ShareSpread(s, (long) t[0],
          q.query(0.05), q.query(0.25), q.query(0.5), q.query(0.75), q.query(0.95),
          t[1] / t[0]));
    }));
    out.values().forEach(l -> l.sort(Comparator.comparing(s ->
        ReportModel.SEGMENTS.indexOf(s.segment()))));
    return out;
  }
}
