package io.deadair.jobs.tables;

import io.deadair.common.contract.DrillDownTables;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.MarketPart;
import io.deadair.common.model.WindowPrediction;
import io.deadair.jobs.spark.CompactRows;
import io.deadair.jobs.tables.ArtistTables.Finished;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

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

  /** A part of the rolled-up artist other, in one outage. */
  private record Part(String outageId, String country, String platform, String tier,
      boolean inScope) implements Serializable {}

  /**
   * One task's parts: an artist's own parts are rows as they are; the small artists' parts,
   * rolled into other, are summed in the task and then on the driver (a few hundred keys, not a
   * row per part). The rows travel to the driver in {@link CompactRows}.
   */
  static final class Gathered implements ArtistWalk.Gatherer {
    private final transient Broadcast<Fitted> fitted;
    private final transient double minExpected;
    private final transient Map<String, List<String>> cards;
    private transient List<Row> own = new ArrayList<>();
    private transient Map<Part, double[]> other = new HashMap<>();

    Gathered(Broadcast<Fitted> fitted, double minExpected, Map<String, List<String>> cards) {
      this.fitted = fitted;
      this.minExpected = minExpected;
      this.cards = cards;
    }

    @Override
    public void add(ArtistResult r, List<Finished> fs) {
      for (Finished f : fs) {
        boolean keep = f.impact().expectedPlays() >= minExpected
            || cards.getOrDefault(f.outageId(), List.of()).contains(r.artistId());
        for (MarketPart p : f.outage().outageWindow().parts()) {
          double[] v = figures(p, f.prediction(), fitted.value());
          if (keep) {
            own.add(row(List.of(f.outageId(), r.artistId(), f.name() == null ? NO_NAME
                : f.name(), f.segment().label(), p.country(), p.platform(), p.tier(),
                p.inScope()), v));
          } else {
            other.merge(new Part(f.outageId(), p.country(), p.platform(), p.tier(),
                p.inScope()), v, MarketTables::add);
          }
        }
      }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      CompactRows.write(out, own);
      out.writeObject(other);
    }

    @SuppressWarnings("unchecked")
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      own = CompactRows.read(in);
      other = (Map<Part, double[]>) in.readObject();
    }
  }

  /**
   * The table; {@code cards} (outage id to artist ids) keep their own rows whatever their size,
   * for the report's cards.
   */
  static ArtistWalk.Walked<Gathered> artistMarketImpact(Broadcast<Fitted> fitted,
      double minExpected, Map<String, List<String>> cards) {
    return new ArtistWalk.Walked<>() {
      @Override
      public Gathered gatherer() {
        return new Gathered(fitted, minExpected, cards);
      }

      @Override
      public List<Row> rows(List<Gathered> gathered) {
        List<Row> rows = new ArrayList<>();
        Map<Part, double[]> other = new HashMap<>();
        for (Gathered g : gathered) {
          rows.addAll(g.own);
          g.other.forEach((k, v) -> other.merge(k, v, MarketTables::add));
        }
        other.forEach((k, v) -> rows.add(row(List.of(k.outageId(), DrillDownTables.OTHER,
            NO_NAME, NO_NAME, k.country(), k.platform(), k.tier(), k.inScope()), v)));
        return rows;
      }
    };
  }

  private static double[] add(double[] x, double[] y) {
    for (int i = 0; i < FIGURES; i++) {
      x[i] += y[i];
    }
    return x;
  }

  /** A null in {@link List#of}'s place; made null again in the row. */
  private static final String NO_NAME = "\u0000none";

  /** A row: the key's columns, then the figures with their intervals. */
  private static Row row(List<Object> key, double[] v) {
    double half = Math.sqrt(v[3]);
    double halfUsd = Math.sqrt(v[5]);
    Object[] row = new Object[16];
    for (int i = 0; i < 8; i++) {
      row[i] = NO_NAME.equals(key.get(i)) ? null : key.get(i);
    }
    row[8] = v[0];
    row[9] = v[1];
    row[10] = v[2];
    row[11] = v[2] - half;
    row[12] = v[2] + half;
    row[13] = v[4];
    row[14] = v[4] - halfUsd;
    row[15] = v[4] + halfUsd;
    return RowFactory.create(row);
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
