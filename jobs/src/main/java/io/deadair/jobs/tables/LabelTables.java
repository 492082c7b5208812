package io.deadair.jobs.tables;

import io.deadair.common.contract.DrillDownTables;
import io.deadair.common.domain.Segment;
import io.deadair.common.model.ArtistImpact;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.stats.Calibration;
import io.deadair.jobs.tables.ArtistTables.Finished;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * label_impact: each label's artists summed per outage in the tasks, then on the driver. The
 * interval of a sum adds the artists' half-widths in quadrature (their count noise and level
 * errors are their own) and the service model's error on the label's whole in-scope expectation
 * (one error shared by every artist), as segment_summary does.
 */
final class LabelTables {

  private LabelTables() {}

  /** One label's sums in one outage. */
  private static final class Sums implements Serializable {
    String name;
    long artists;
    long emerging;
    double expected;
    double lost;
    double halfSq;
    double expectedIn;
    double emergingLost;
    double revenue;
    double halfUsdSq;
    double expectedInUsd;

    Sums add(Finished f) {
      ArtistImpact a = f.impact();
      name = name != null ? name : f.labelName();
      artists++;
      boolean e = f.segment() == Segment.EMERGING;
      emerging += e ? 1 : 0;
      expected += a.expectedPlays();
      lost += a.lostPlays();
      halfSq += a.half() * a.half();
      expectedIn += f.prediction().expectedIn();
      emergingLost += e ? a.lostPlays() : 0;
      revenue += a.lostRevenue();
      halfUsdSq += Math.pow(a.half() * a.usdPerPlay(), 2);
      expectedInUsd += f.prediction().expectedIn() * a.usdPerPlay();
      return this;
    }

    Sums merge(Sums o) {
      name = name != null ? name : o.name;
      artists += o.artists;
      emerging += o.emerging;
      expected += o.expected;
      lost += o.lost;
      halfSq += o.halfSq;
      expectedIn += o.expectedIn;
      emergingLost += o.emergingLost;
      revenue += o.revenue;
      halfUsdSq += o.halfUsdSq;
      expectedInUsd += o.expectedInUsd;
      return this;
    }
  }

  /** The sums of one task, per (outage, label). */
  static final class Gathered implements ArtistWalk.Gatherer {
    private final Map<List<String>, Sums> sums = new HashMap<>();

    @Override
    public void add(ArtistResult r, List<Finished> fs) {
      for (Finished f : fs) {
        String label = f.labelId() == null ? DrillDownTables.INDEPENDENT : f.labelId();
        sums.computeIfAbsent(List.of(f.outageId(), label), k -> new Sums()).add(f);
      }
    }
  }

  static ArtistWalk.Walked<Gathered> labelImpact(Map<String, Double> serviceError,
      double confidence) {
    return new ArtistWalk.Walked<>() {
      @Override
      public Gathered gatherer() {
        return new Gathered();
      }

      @Override
      public List<Row> rows(List<Gathered> gathered) {
        Map<List<String>, Sums> all = new HashMap<>();
        gathered.forEach(g -> g.sums.forEach((k, v) -> all.merge(k, v, Sums::merge)));
        double zq = Calibration.normalQuantile(confidence);
        List<Row> rows = new ArrayList<>();
        all.forEach((k, s) -> rows.add(row(k.get(0), k.get(1), s,
            serviceError.getOrDefault(k.get(0), 0.0) * zq)));
        return rows;
      }
    };
  }

  /** One label's row; {@code e} is the service model's error at the interval's confidence. */
  private static Row row(String outageId, String label, Sums s, double e) {
    double half = SummaryTables.sumHalf(s.halfSq, e, s.expectedIn);
    double halfUsd = SummaryTables.sumHalf(s.halfUsdSq, e, s.expectedInUsd);
    String name = s.name == null && label.equals(DrillDownTables.INDEPENDENT)
        ? "Independent artists" : s.name;
    return RowFactory.create(outageId, label, name, s.artists, s.emerging, s.expected, s.lost,
        s.lost - half, s.lost + half, s.emergingLost, s.revenue, s.revenue - halfUsd,
        s.revenue + halfUsd);
  }
}
