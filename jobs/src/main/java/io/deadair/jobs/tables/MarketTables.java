package io.deadair.jobs.tables;

import io.deadair.common.contract.DrillDownTables;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.MarketPart;
import io.deadair.common.model.WindowPrediction;
import io.deadair.jobs.tables.ArtistTables.Finished;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * artist_market_impact: each artist's outage window split over its (country, platform, tier)
 * parts ({@link MarketPart}). A part of weight w gets the share w of the artist's in-scope
 * expectation; its variance is w times the artist's count-noise variance plus w² times its
 * level variance (the level error is one for all the parts), and its interval is calibrated at
 * its own size. Artists below {@code market_min_expected_plays} roll into artist {@code other},
 * whose parts add their interval's half-widths in quadrature; artists with a card in the report
 * keep their own rows.
 */
final class MarketTables {

  private MarketTables() {}

  /** Sums per part: expected, observed, lost, half², revenue, revenue half². */
  private static final int FIGURES = 6;

  /**
   * The rows; {@code cards} (outage id to artist ids) keep their own rows whatever their size,
   * for the report's cards.
   */
  static JavaRDD<Row> artistMarketImpact(JavaRDD<List<Finished>> finished,
      Broadcast<Fitted> fitted, double minExpected, Map<String, List<String>> cards) {
    JavaPairRDD<List<Object>, double[]> parts = finished.flatMapToPair(fs -> {
      List<Tuple2<List<Object>, double[]>> out = new ArrayList<>();
      for (Finished f : fs) {
        boolean own = f.impact().expectedPlays() >= minExpected
            || cards.getOrDefault(f.outageId(), List.of()).contains(f.artist().artistId());
        for (MarketPart part : f.outage().outageWindow().parts()) {
          List<Object> key = Arrays.asList(f.outageId(),
              own ? f.artist().artistId() : DrillDownTables.OTHER, own ? f.name() : null,
              own ? f.segment().label() : null, part.country(), part.platform(), part.tier(),
              part.inScope());
          out.add(new Tuple2<>(key, figures(part, f.prediction(), fitted.value())));
        }
      }
      return out.iterator();
    });
    return parts.reduceByKey((a, b) -> {
      for (int i = 0; i < FIGURES; i++) {
        a[i] += b[i];
      }
      return a;
    }).map(t -> {
      double[] v = t._2();
      double half = Math.sqrt(v[3]);
      double halfUsd = Math.sqrt(v[5]);
      Object[] row = new Object[8 + 8];
      t._1().toArray(row);
      row[8] = v[0];
      row[9] = v[1];
      row[10] = v[2];
      row[11] = v[2] - half;
      row[12] = v[2] + half;
      row[13] = v[4];
      row[14] = v[4] - halfUsd;
      row[15] = v[4] + halfUsd;
      return RowFactory.create(row);
    });
  }

  /**
   * The calibrated half-width of the part {@code w} of an artist's in-scope expectation: w of
   * its count-noise variance and w² of its level variance.
   */
  static double partHalf(WindowPrediction p, double w, Fitted fitted) {
    if (w <= 0) {
      return 0;
    }
    double noise = Math.max(0, p.sd() * p.sd() - p.modelVar());
    double sd = Math.sqrt(w * noise + w * w * p.modelVar());
    return fitted.calibration().halfWidth(w * p.expectedIn(), sd);
  }

  /** One part's figures, with its interval's half-width squared. */
  static double[] figures(MarketPart part, WindowPrediction p, Fitted fitted) {
    double expected = part.expected(p.expectedIn());
    double lost = part.lost(p.expectedIn());
    double half = part.inScope() ? partHalf(p, part.weight(), fitted) : 0;
    return new double[] {expected, part.observed(), lost, half * half,
        lost * part.usdPerPlay(), Math.pow(half * part.usdPerPlay(), 2)};
  }
}
