package io.deadair.common.model;

import io.deadair.common.revenue.RateCard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-artist step of the estimator, run on the executors for one artist at a time: the
 * artist's baseline share of each service group, and for each window the observed plays and their
 * share-based prediction.
 */
public final class ArtistModel implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final List<OutageModel> outages;
  private final List<String> countries;
  private final RateCard rates;

  public ArtistModel(List<OutageModel> outages, List<String> countries, RateCard rates) {
    this.outages = outages;
    this.countries = countries;
    this.rates = rates;
  }

  /** Statistics for every window of every outage in which the artist played or had a baseline. */
  public List<ArtistWindowStats> estimate(ArtistCells cells) {
    List<ArtistWindowStats> out = new ArrayList<>();
    for (OutageModel om : outages) {
      estimateOutage(cells, om, out);
    }
    return out;
  }

  private void estimateOutage(ArtistCells a, OutageModel om, List<ArtistWindowStats> out) {
    int n = a.size();
    boolean[] inScope = new boolean[n];
    Map<Integer, Double> baseline = new HashMap<>();
    Map<Integer, Map<String, Double>> tiers = new HashMap<>();
    double baselinePlays = 0;
    for (int i = 0; i < n; i++) {
      String code = countries.get(a.countries()[i]);
      inScope[i] = om.inScope(code, a.platforms()[i]);
      if (om.inBaseline(a.hours()[i])) {
        int g = OutageModel.groupKey(a.countries()[i], inScope[i]);
        baseline.merge(g, a.plays()[i], Double::sum);
        tiers.computeIfAbsent(a.countries()[i], k -> new HashMap<>())
            .merge(a.tiers()[i] == null ? "*" : a.tiers()[i], a.plays()[i], Double::sum);
        baselinePlays += a.plays()[i];
      }
    }
    // An artist's rate per country is the same in every window: work it out once.
    Map<Integer, Double> rates = new HashMap<>();
    Map<Integer, Double> shares = new HashMap<>();
    baseline.forEach((g, o) -> {
      double s = om.baselineSums().getOrDefault(g, 0.0);
      if (s > 0) {
        shares.put(g, o / s);
      }
    });
    for (WindowSpec w : om.windows()) {
      double oRecent = 0;
      double oIn = 0;
      double oOut = 0;
      double oAfter = 0;
      for (int i = 0; i < n; i++) {
        long h = a.hours()[i];
        if (h >= w.recentStart(a.countries()[i]) && h < w.start()
            && !om.excluded().contains(h)) {
          oRecent += a.plays()[i];
        } else if (h >= w.start() && h < w.end()) {
          if (inScope[i]) {
            oIn += a.plays()[i];
          } else {
            oOut += a.plays()[i];
          }
        } else if (h >= w.end() && h < w.afterEnd()) {
          oAfter += a.plays()[i];
        }
      }
      if (baselinePlays == 0 && oIn + oOut + oRecent == 0) {
        continue;
      }
      double bRecent = 0;
      double bIn = 0;
      double bOut = 0;
      double bAfter = 0;
      double usd = 0;
      for (Map.Entry<Integer, Double> e : shares.entrySet()) {
        int g = e.getKey();
        double pi = e.getValue();
        bRecent += pi * w.sum(g, WindowSpec.RECENT);
        double win = pi * w.sum(g, WindowSpec.WINDOW);
        if (OutageModel.inScope(g)) {
          bIn += win;
          usd += win * rates.computeIfAbsent(OutageModel.countryOf(g), c -> rate(c, tiers));
        } else {
          bOut += win;
        }
        bAfter += pi * w.sum(g, WindowSpec.AFTER);
      }
      double usdPerPlay = bIn > 0 ? usd / bIn : rate(-1, tiers);
      out.add(new ArtistWindowStats(a.artistId(), w, oRecent + oOut, bRecent + bOut, oIn, bIn,
          oOut, oAfter, bAfter, baselinePlays, usdPerPlay, w.isPlacebo() ? Map.of() : shares,
          w.isPlacebo() ? Map.of() : markets(shares, w, bIn, tiers)));
    }
  }

  /**
   * How the artist's in-scope expectation splits over (country, tier) markets, the same weights
   * {@code usdPerInScopePlay} averages the rate card over, so that revenue split by market adds up
   * to the artist's lost revenue. Keys are {@code country|tier}, with {@code *} for an unknown
   * tier (and country, for an artist with no baseline at all).
   */
  private Map<String, Double> markets(Map<Integer, Double> shares, WindowSpec w, double bIn,
      Map<Integer, Map<String, Double>> tiers) {
    Map<Integer, Double> countryWeight = new HashMap<>();
    if (bIn > 0) {
      shares.forEach((g, pi) -> {
        if (OutageModel.inScope(g)) {
          countryWeight.merge(OutageModel.countryOf(g), pi * w.sum(g, WindowSpec.WINDOW) / bIn,
              Double::sum);
        }
      });
    } else {
      double total = tiers.values().stream().flatMap(m -> m.values().stream())
          .mapToDouble(Double::doubleValue).sum();
      tiers.forEach((c, m) -> countryWeight.put(c, m.values().stream()
          .mapToDouble(Double::doubleValue).sum() / total));
    }
    Map<String, Double> out = new HashMap<>();
    countryWeight.forEach((c, weight) -> {
      Map<String, Double> t = tiers.getOrDefault(c, Map.of());
      double n = t.values().stream().mapToDouble(Double::doubleValue).sum();
      t.forEach((tier, plays) -> out.merge(countries.get(c) + "|" + tier, weight * plays / n,
          Double::sum));
    });
    if (out.isEmpty()) {
      out.put("*|*", 1.0);
    }
    return out;
  }

  /** The artist's average rate per play in a country (all countries when {@code country < 0}). */
  private double rate(int country, Map<Integer, Map<String, Double>> tiers) {
    double total = 0;
    double usd = 0;
    for (Map.Entry<Integer, Map<String, Double>> c : tiers.entrySet()) {
      if (country >= 0 && c.getKey() != country) {
        continue;
      }
      String code = countries.get(c.getKey());
      for (Map.Entry<String, Double> t : c.getValue().entrySet()) {
        String tier = t.getKey().equals("*") ? null : t.getKey();
        usd += t.getValue() * rates.rate(code, tier);
        total += t.getValue();
      }
    }
    return total > 0 ? usd / total : rates.rate(country >= 0 ? countries.get(country) : null,
        null);
  }
}
