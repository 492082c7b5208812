package io.deadair.jobs.tables;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.Segment;
import io.deadair.common.model.ArtistImpact;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.ArtistResult.OutageResult;
import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.SourceSplit;
import io.deadair.common.model.WindowPrediction;
import io.deadair.common.revenue.RateCard;
import io.deadair.common.stats.Calibration;
import io.deadair.common.stats.RankComparison;
import io.deadair.jobs.estimate.Estimates;
import io.deadair.jobs.spark.InOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The tables of one row per outage and segment, hour or market (segment_summary, timeline,
 * revenue_by_market), built on the driver from one pass of sums over the finished estimates.
 */
public final class SummaryTables {

  private SummaryTables() {}

  /** Per outage (in the models' order), the sums over every artist. */
  public static OutageSums[] sums(JavaRDD<ArtistResult> results, Estimates.Fit fit,
      ImpactConfig config) {
    Fitted fitted = fit.fitted();
    Broadcast<Fitted> model = Estimates.broadcast(results, fitted);
    List<OutageModel> models = fitted.models();
    int n = models.size();
    int[] hours = new int[n];
    for (int k = 0; k < n; k++) {
      hours[k] = Timeline.hours(models.get(k));
    }
    double minExpected = config.minExpectedForShare();
    List<String> listed = config.highlightArtists();
    int cards = config.cardsPerOutage();
    return InOrder.aggregate(results, () -> empty(hours, cards), (acc, r) -> {
      for (int k = 0; k < n; k++) {
        OutageResult o = r.outages()[k];
        if (o != null) {
          add(acc[k], r, o, model.value(), k, minExpected, listed);
        }
      }
      return acc;
    }, (a, b) -> {
      for (int k = 0; k < n; k++) {
        a[k].merge(b[k]);
      }
      return a;
    });
  }

  private static OutageSums[] empty(int[] hours, int cards) {
    OutageSums[] s = new OutageSums[hours.length];
    for (int k = 0; k < s.length; k++) {
      s[k] = new OutageSums(hours[k], cards);
    }
    return s;
  }

  private static void add(OutageSums acc, ArtistResult r, OutageResult o, Fitted fitted, int k,
      double minExpected, List<String> listed) {
    Segment segment = o.windows().isEmpty() ? null : fitted.segment(k, r, o);
    int series = segment == null ? -1 : 1 + segment.ordinal();
    if (o.timeline() != null) {
      acc.addObserved(o.timeline(), series);
    }
    WindowStat w = o.outageWindow();
    if (w == null) {
      return;
    }
    WindowPrediction p = fitted.predict(k, w, segment);
    ArtistImpact a = ArtistImpact.of(w, p, fitted.halfWidth(p));
    acc.addImpact(a, p, series, minExpected);
    if (a.expectedPlays() >= minExpected && a.lostPct() != null) {
      if (segment == Segment.EMERGING) {
        acc.emergingShares.add(a.lostPct());
      } else if (segment == Segment.ESTABLISHED) {
        acc.establishedShares.add(a.lostPct());
      }
    }
    acc.addExpectation(w, p, series);
    double[] sourceExpected = SourceSplit.expected(o, a.expectedPlays());
    if (sourceExpected != null) {
      acc.addPlaylist(sourceExpected, SourceSplit.lost(o, a.expectedPlays()), series);
    }
    boolean emerging = segment == Segment.EMERGING;
    acc.addMarkets(w, p.expectedIn(), emerging);
    if (emerging) {
      acc.offerCard(a.lostRevenue(), r.artistId());
    }
    if (listed.contains(r.artistId())) {
      acc.listed.add(r.artistId());
    }
  }

  /** Mann-Whitney per outage: did emerging artists lose a larger share than established ones? */
  public static Map<String, RankComparison> shareTests(OutageSums[] sums,
      List<OutageModel> models) {
    Map<String, RankComparison> out = new LinkedHashMap<>();
    for (int k = 0; k < sums.length; k++) {
      if (sums[k].emergingShares.isEmpty()) {
        continue;
      }
      RankComparison c = RankComparison.of(
          sums[k].emergingShares.stream().mapToDouble(Double::doubleValue).toArray(),
          sums[k].establishedShares.stream().mapToDouble(Double::doubleValue).toArray());
      if (c != null) {
        out.put(models.get(k).outage().id(), c);
      }
    }
    return out;
  }

  /**
   * segment_summary: one row per (outage, segment) with artists, and one for the whole
   * service. The interval of a sum adds the artists' half-widths in quadrature and the service
   * model's own error on the in-scope expectation.
   */
  public static List<Row> segmentSummary(OutageSums[] sums, List<OutageModel> models,
      Map<String, Double> serviceError, Map<String, RankComparison> tests, double confidence) {
    double zq = Calibration.normalQuantile(confidence);
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < sums.length; k++) {
      String id = models.get(k).outage().id();
      Double err = serviceError.get(id);
      RankComparison t = err == null ? null : tests.get(id);
      double e = err == null ? 0 : err;
      for (int s = 0; s < OutageSums.SERIES; s++) {
        if (!sums[k].present[s]) {
          continue;
        }
        double[] v = sums[k].totals[s];
        double half = sumHalf(v[OutageSums.HALF_SQ], e * zq, v[OutageSums.EXPECTED_IN]);
        double halfUsd = sumHalf(v[OutageSums.HALF_USD_SQ], e * zq,
            v[OutageSums.EXPECTED_IN_USD]);
        double expected = v[OutageSums.EXPECTED];
        double lost = v[OutageSums.LOST];
        double revenue = v[OutageSums.REVENUE];
        rows.add(RowFactory.create(id, seriesName(s), (long) v[OutageSums.ARTISTS], expected,
            lost, lost - half, lost + half, expected > 0 ? lost / expected * 100 : null,
            sums[k].medians[s].query(0.5), revenue, revenue - halfUsd, revenue + halfUsd,
            t == null ? null : t.nFirst(), t == null ? null : t.nSecond(),
            t == null ? null : t.uFirst(), t == null ? null : t.pTwoSided(),
            t == null ? null : t.pFirstLarger(), t == null ? null : t.probabilityFirstLarger(),
            t == null ? null : t.rankBiserial(),
            v[OutageSums.WITH_SOURCE] > 0 ? v[OutageSums.PLAYLIST_EXPECTED] : null,
            v[OutageSums.WITH_SOURCE] > 0 && v[OutageSums.PLAYLIST_EXPECTED] > 0
                ? 100 * v[OutageSums.PLAYLIST_LOST] / v[OutageSums.PLAYLIST_EXPECTED] : null,
            v[OutageSums.WITH_SOURCE] > 0 && lost != 0
                ? 100 * v[OutageSums.PLAYLIST_LOST] / lost : null));
      }
    }
    return rows;
  }

  /**
   * The half-width of a sum over artists: their own half-widths in quadrature ({@code halfSq}),
   * and the service model's error, one error shared by all, on their whole in-scope expectation
   * ({@code error} is its relative size at the interval's level).
   */
  static double sumHalf(double halfSq, double error, double expectedIn) {
    return Math.sqrt(halfSq + Math.pow(error * expectedIn, 2));
  }

  /** The name of a series: all, or a segment's label. */
  static String seriesName(int s) {
    return s == OutageSums.ALL ? Timeline.ALL : Segment.values()[s - 1].label();
  }

  /**
   * revenue_by_market: each artist's loss in each (country, tier), its in-scope parts' expected
   * minus observed plays, valued on the rate card as the artist's revenue is, so the rows add up
   * to the segment totals.
   */
  public static List<Row> revenueByMarket(OutageSums[] sums, List<OutageModel> models,
      RateCard rates) {
    List<Row> out = new ArrayList<>();
    for (int k = 0; k < sums.length; k++) {
      String id = models.get(k).outage().id();
      for (Map.Entry<String, double[]> m : new TreeMap<>(sums[k].markets).entrySet()) {
        String[] market = m.getKey().split("\\|", 2);
        double rate = rates.rate(market[0].equals("*") ? null : market[0],
            market[1].equals("*") ? null : market[1]);
        out.add(RowFactory.create(id, market[0], market[1], m.getValue()[0],
            m.getValue()[0] * rate, m.getValue()[1] * rate));
      }
    }
    return out;
  }

  /**
   * timeline: per outage and hour, observed plays against expected with its band, for the whole
   * service and each segment.
   */
  public static List<Row> timeline(OutageSums[] sums, Fitted fitted,
      Map<String, Map<Integer, Map<Long, Double>>> counterfactual,
      Map<String, Double> serviceError, double confidence) {
    double zq = Calibration.normalQuantile(confidence);
    List<Row> out = new ArrayList<>();
    List<OutageModel> models = fitted.models();
    for (int k = 0; k < sums.length; k++) {
      OutageModel m = models.get(k);
      String id = m.outage().id();
      for (int s = 0; s < OutageSums.SERIES; s++) {
        Map<Integer, Double> lambda = new TreeMap<>();
        double[] mv = new double[2];
        for (int seg = 1; seg < OutageSums.SERIES; seg++) {
          if (s == OutageSums.ALL || s == seg) {
            sums[k].lambda.get(seg).forEach((g, v) -> lambda.merge(g, v, Double::sum));
            mv[0] += sums[k].modelVar[seg][0];
            mv[1] += sums[k].modelVar[seg][1];
          }
        }
        Timeline.rows(out, new Object[] {id, seriesName(s)}, m, lambda, mv,
            sums[k].observed[s], counterfactual.get(id), fitted.calibration(),
            serviceError.getOrDefault(id, 0.0), zq);
      }
    }
    return out;
  }

  /**
   * artist_timeline: the same series for each artist that gets a card, from the artists'
   * own results.
   */
  public static List<Row> artistTimeline(JavaRDD<ArtistResult> results,
      Map<String, List<String>> cards, Fitted fitted,
      Map<String, Map<Integer, Map<Long, Double>>> counterfactual,
      Map<String, Double> serviceError, double confidence) {
    Set<String> chosen = new HashSet<>();
    cards.forEach((o, artists) -> artists.forEach(a -> chosen.add(o + "\u0000" + a)));
    List<OutageModel> models = fitted.models();
    Broadcast<Fitted> model = Estimates.broadcast(results, fitted);
    List<Object[]> picked = results.flatMap(r -> {
      List<Object[]> out = new ArrayList<>();
      for (int k = 0; k < r.outages().length; k++) {
        OutageResult o = r.outages()[k];
        String id = models.get(k).outage().id();
        if (o == null || o.outageWindow() == null
            || !chosen.contains(id + "\u0000" + r.artistId())) {
          continue;
        }
        WindowStat w = o.outageWindow();
        WindowPrediction p = model.value().predict(k, w, model.value().segment(k, r, o));
        Map<Integer, Double> lambda = new TreeMap<>();
        w.shares().forEach((g, pi) -> lambda.put(g, p.level() * pi));
        out.add(new Object[] {k, r.artistId(), lambda,
            new double[] {p.modelVar(), p.expectedIn()}, o.timeline()});
      }
      return out.iterator();
    }).collect();
    double zq = Calibration.normalQuantile(confidence);
    List<Row> out = new ArrayList<>();
    for (Object[] a : picked) {
      OutageModel m = models.get((Integer) a[0]);
      String id = m.outage().id();
      @SuppressWarnings("unchecked")
      Map<Integer, Double> lambda = (Map<Integer, Double>) a[2];
      Timeline.rows(out, new Object[] {id, a[1]}, m, lambda, (double[]) a[3], (double[]) a[4],
          counterfactual.get(id), fitted.calibration(), serviceError.getOrDefault(id, 0.0), zq);
    }
    return out;
  }

  /** The artists that get a card, per outage id, best first. */
  public static Map<String, List<String>> cards(OutageSums[] sums, List<OutageModel> models) {
    Map<String, List<String>> out = new TreeMap<>();
    for (int k = 0; k < sums.length; k++) {
      List<String> a = sums[k].cardArtists();
      if (!a.isEmpty()) {
        out.put(models.get(k).outage().id(), a);
      }
    }
    return out;
  }
}
