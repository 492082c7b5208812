package io.deadair.jobs.tables;

import io.deadair.common.model.ArtistImpact;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.Promotion;
import io.deadair.common.model.WindowSpec;
import io.deadair.jobs.tables.ArtistTables.Finished;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * promotion_impact: every promotion whose window met an outage or its recovery window, with
 * the part of the artist's expected and lost plays that fell inside it. The part is the share
 * of the outage window's in-scope service counterfactual in the promotion's hours (partial
 * hours pro rata): within a window, an artist's expectation follows the service's hourly shape.
 */
final class PromotionTables {

  private PromotionTables() {}

  /** One outage's window, recovery end and hourly in-scope counterfactual, for the executors. */
  record Window(String outageId, long start, long end, long afterEnd, double[] shape)
      implements Serializable {

    /** The share of the window's counterfactual in the promotion's hours. */
    double share(Promotion p) {
      double total = 0;
      double in = 0;
      for (int i = 0; i < shape.length; i++) {
        total += shape[i];
        in += shape[i] * p.hoursIn(start + i, start + i + 1);
      }
      return total > 0 ? in / total : 0;
    }
  }

  static List<Window> windows(List<OutageModel> models,
      Map<String, Map<Integer, Map<Long, Double>>> hourly) {
    List<Window> out = new ArrayList<>();
    for (OutageModel m : models) {
      WindowSpec w = m.windows().get(0);
      double[] shape = new double[(int) (w.end() - w.start())];
      hourly.getOrDefault(m.outage().id(), Map.of()).forEach((g, byHour) -> {
        if (OutageModel.inScope(g)) {
          for (int i = 0; i < shape.length; i++) {
            shape[i] += byHour.getOrDefault(w.start() + i, 0.0);
          }
        }
      });
      out.add(new Window(m.outage().id(), w.start(), w.end(), w.afterEnd(), shape));
    }
    return out;
  }

  static ArtistWalk.Maker promotionImpact(JavaSparkContext sc, List<Promotion> promotions,
      List<Window> windows, Broadcast<Fitted> fitted) {
    Map<String, List<Promotion>> byArtist = new HashMap<>();
    promotions.forEach(p -> byArtist.computeIfAbsent(p.artistId(), k -> new ArrayList<>())
        .add(p));
    Map<String, Window> byOutage = new HashMap<>();
    windows.forEach(w -> byOutage.put(w.outageId(), w));
    Broadcast<Map<String, List<Promotion>>> b = sc.broadcast(byArtist);
    return () -> (r, fs, rows) -> {
      for (Finished f : fs) {
        Window w = byOutage.get(f.outageId());
        for (Promotion p : b.value().getOrDefault(r.artistId(), List.of())) {
          double during = p.hoursIn(w.start(), w.end());
          double after = p.hoursIn(w.end(), w.afterEnd());
          if (during > 0 || after > 0) {
            rows.add(row(f, p, w, during, after, fitted.value()));
          }
        }
      }
    };
  }

  private static Row row(Finished f, Promotion p, Window w, double during, double after,
      Fitted fitted) {
    ArtistImpact a = f.impact();
    double share = w.share(p);
    double expectedIn = f.prediction().expectedIn();
    double lost = a.lostPlays() * share;
    double half = MarketTables.partHalf(f.prediction(), share, fitted);
    return RowFactory.create(p.promotionId(), f.outageId(), f.artist().artistId(), f.name(),
        f.segment().label(), p.kind(), Timestamp.from(p.start()), Timestamp.from(p.end()),
        during, after, 100 * during / p.hours(), expectedIn * share, lost, lost - half,
        lost + half, a.lostRevenue() * share);
  }
}
