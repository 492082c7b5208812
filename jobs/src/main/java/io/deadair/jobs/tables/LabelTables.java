package io.deadair.jobs.tables;

import io.deadair.common.contract.DrillDownTables;
import io.deadair.common.domain.Segment;
import io.deadair.common.model.ArtistImpact;
import io.deadair.common.stats.Calibration;
import io.deadair.jobs.tables.ArtistTables.Finished;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * label_impact: each label's artists summed per outage on the executors. The interval of a sum
 * adds the artists' half-widths in quadrature (their count noise and level errors are their own)
 * and the service model's error on the label's whole in-scope expectation (one error shared by
 * every artist), as segment_summary does.
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

  static JavaRDD<Row> labelImpact(JavaRDD<List<Finished>> finished,
      Map<String, Double> serviceError, double confidence) {
    double zq = Calibration.normalQuantile(confidence);
    return finished.flatMapToPair(fs -> {
      List<Tuple2<Tuple2<String, String>, Sums>> out = new ArrayList<>();
      for (Finished f : fs) {
        String label = f.labelId() == null ? DrillDownTables.INDEPENDENT : f.labelId();
        out.add(new Tuple2<>(new Tuple2<>(f.outageId(), label), new Sums().add(f)));
      }
      return out.iterator();
    }).reduceByKey(Sums::merge).map(t -> {
      Sums s = t._2();
      double e = serviceError.getOrDefault(t._1()._1(), 0.0) * zq;
      double half = SummaryTables.sumHalf(s.halfSq, e, s.expectedIn);
      double halfUsd = SummaryTables.sumHalf(s.halfUsdSq, e, s.expectedInUsd);
      String label = t._1()._2();
      String name = s.name == null && label.equals(DrillDownTables.INDEPENDENT)
          ? "Independent artists" : s.name;
      return RowFactory.create(t._1()._1(), label, name, s.artists, s.emerging,
          s.expected, s.lost, s.lost - half, s.lost + half, s.emergingLost, s.revenue,
          s.revenue - halfUsd, s.revenue + halfUsd);
    });
  }
}
