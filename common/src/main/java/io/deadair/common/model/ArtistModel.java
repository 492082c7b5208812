package io.deadair.common.model;

import io.deadair.common.revenue.RateCard;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;

/**
 * The per-artist step of the estimator, run on the executors for one artist at a time: the
 * artist's baseline share of each service group, and for each window the observed plays and their
 * share-based prediction.
 */
public final class ArtistModel implements Serializable {

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
    Combos combos = new Combos(cells);
    int[] byHour = byHour(cells);
    List<ArtistWindowStats> out = new ArrayList<>();
    for (OutageModel om : outages) {
      estimateOutage(cells, combos, byHour, om, out);
    }
    return out;
  }

  /**
   * The distinct (country, platform, tier) of an artist's cells, and each cell's: an artist has
   * a few dozen, so scope, group and tier are worked out per combination, not per cell.
   */
  private static final class Combos {
    final int[] ofCell;
    final List<Integer> country = new ArrayList<>();
    final List<String> platform = new ArrayList<>();
    final List<String> tier = new ArrayList<>();

    private record Key(int country, String platform, String tier) {}

    Combos(ArtistCells a) {
      ofCell = new int[a.size()];
      Map<Key, Integer> index = new HashMap<>();
      for (int i = 0; i < a.size(); i++) {
        Key k = new Key(a.countries()[i], a.platforms()[i], a.tiers()[i]);
        Integer c = index.get(k);
        if (c == null) {
          c = index.size();
          index.put(k, c);
          country.add(k.country());
          platform.add(k.platform());
          tier.add(k.tier());
        }
        ofCell[i] = c;
      }
    }

    int size() {
      return country.size();
    }
  }

  /** The cells' positions in order of their hour (ties in cell order). */
  private static int[] byHour(ArtistCells a) {
    Integer[] order = new Integer[a.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long[] h = a.hours();
    Arrays.sort(order, (x, y) -> Long.compare(h[x], h[y]));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /**
   * What the artist's baseline says for one outage: its plays there, its share of each service
   * group, its plays by country and tier (for the rate card), and which of its (country,
   * platform, tier) combinations the outage hits.
   */
  private record Baseline(double plays, Map<Integer, Double> shares,
      Map<Integer, Map<String, Double>> tiers, boolean[] comboInScope, double[] comboBaseline) {}

  private Baseline baseline(ArtistCells a, Combos combos, OutageModel om) {
    int m = combos.size();
    boolean[] comboInScope = new boolean[m];
    double[] comboBaseline = new double[m];
    boolean[] comboInBaseline = new boolean[m];
    for (int k = 0; k < m; k++) {
      comboInScope[k] = om.inScope(countries.get(combos.country.get(k)), combos.platform.get(k));
    }
    double plays = 0;
    for (int i = 0; i < a.size(); i++) {
      if (om.inBaseline(a.hours()[i])) {
        int k = combos.ofCell[i];
        comboBaseline[k] += a.plays()[i];
        comboInBaseline[k] = true;
        plays += a.plays()[i];
      }
    }
    Map<Integer, Double> byGroup = new TreeMap<>();
    Map<Integer, Map<String, Double>> tiers = new TreeMap<>();
    for (int k = 0; k < m; k++) {
      if (comboInBaseline[k]) {
        int c = combos.country.get(k);
        byGroup.merge(OutageModel.groupKey(c, comboInScope[k]), comboBaseline[k], Double::sum);
        String t = combos.tier.get(k);
        tiers.computeIfAbsent(c, x -> new TreeMap<>()).merge(t == null ? "*" : t,
            comboBaseline[k], Double::sum);
      }
    }
    Map<Integer, Double> shares = new TreeMap<>();
    byGroup.forEach((g, o) -> {
      double s = om.baselineSums().getOrDefault(g, 0.0);
      if (s > 0) {
        shares.put(g, o / s);
      }
    });
    return new Baseline(plays, shares, tiers, comboInScope, comboBaseline);
  }

  private void estimateOutage(ArtistCells a, Combos combos, int[] byHour, OutageModel om,
      List<ArtistWindowStats> out) {
    Baseline base = baseline(a, combos, om);
    // An artist's rate per country is the same in every window: work it out once.
    Map<Integer, Double> rates = new HashMap<>();
    IntToDoubleFunction rateOf = c -> rates.computeIfAbsent(c, x -> rate(x, base.tiers()));
    long[] hours = a.hours();
    for (WindowSpec w : om.windows()) {
      ObservedParts o = new ObservedParts();
      double[] comboObserved = new double[combos.size()];
      // Cells sorted by hour: only those from the earliest level window's start to the end of
      // the recovery window can count.
      for (int j = firstAtOrAfter(hours, byHour, w.earliest()); j < a.size(); j++) {
        int i = byHour[j];
        if (hours[i] >= w.afterEnd()) {
          break;
        }
        o.add(w, om.excluded(), hours[i], a.countries()[i],
            base.comboInScope()[combos.ofCell[i]], a.plays()[i]);
        if (hours[i] >= w.start() && hours[i] < w.end()) {
          comboObserved[combos.ofCell[i]] += a.plays()[i];
        }
      }
      if (base.plays() == 0 && o.none()) {
        continue;
      }
      PredictedParts b = new PredictedParts();
      base.shares().forEach((g, share) -> b.add(w, g, share, rateOf));
      double usdPerPlay = b.in > 0 ? b.usd / b.in : rate(-1, base.tiers());
      Map<Integer, Double> shares = base.shares();
      out.add(new ArtistWindowStats(a.artistId(), w, o.recent + o.out, b.recent + b.out, o.in,
          b.in, o.out, o.after, b.after, base.plays(), usdPerPlay, b.readings(o),
          w.isPlacebo() ? Map.of() : shares,
          w.isPlacebo() ? List.of() : parts(combos, base, comboObserved,
              countryWeights(shares, w, b.in))));
    }
  }

  /** The position in {@code byHour} of the first cell at or after {@code hour}. */
  private static int firstAtOrAfter(long[] hours, int[] byHour, long hour) {
    int lo = 0;
    int hi = byHour.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (hours[byHour[mid]] < hour) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * How the artist's in-scope expectation splits over countries (by index): its baseline share
   * of each in-scope group times the group's counterfactual in the window, so that the weights
   * are those {@code usdPerInScopePlay} averages the rate card over. Empty when nothing is
   * expected in scope.
   */
  private static Map<Integer, Double> countryWeights(Map<Integer, Double> shares, WindowSpec w,
      double bIn) {
    Map<Integer, Double> weights = new HashMap<>();
    if (bIn > 0) {
      shares.forEach((g, pi) -> {
        if (OutageModel.inScope(g)) {
          weights.merge(OutageModel.countryOf(g), pi * w.sum(g, WindowSpec.WINDOW) / bIn,
              Double::sum);
        }
      });
    }
    return weights;
  }

  /**
   * The artist's (country, platform, tier) parts in the window: each in-scope part takes its
   * country's weight in proportion to its baseline plays among the country's in-scope parts.
   */
  private List<MarketPart> parts(Combos combos, Baseline base, double[] observed,
      Map<Integer, Double> countryWeights) {
    Map<Integer, Double> inScopeBaseline = new HashMap<>();
    for (int k = 0; k < combos.size(); k++) {
      if (base.comboInScope()[k]) {
        inScopeBaseline.merge(combos.country.get(k), base.comboBaseline()[k], Double::sum);
      }
    }
    List<MarketPart> out = new ArrayList<>();
    for (int k = 0; k < combos.size(); k++) {
      int c = combos.country.get(k);
      boolean in = base.comboInScope()[k];
      double total = inScopeBaseline.getOrDefault(c, 0.0);
      double weight = in && total > 0
          ? countryWeights.getOrDefault(c, 0.0) * base.comboBaseline()[k] / total : 0;
      if (weight == 0 && observed[k] == 0) {
        continue;
      }
      String code = countries.get(c);
      String tier = combos.tier.get(k);
      out.add(new MarketPart(code == null || code.isEmpty() ? "*" : code,
          combos.platform.get(k) == null ? "*" : combos.platform.get(k),
          tier == null ? "*" : tier, in, weight, observed[k], rates.rate(code, tier)));
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
