package io.deadair.common.model;

import io.deadair.common.revenue.RateCard;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

  private void estimateOutage(ArtistCells a, Combos combos, int[] byHour, OutageModel om,
      List<ArtistWindowStats> out) {
    int n = a.size();
    int m = combos.size();
    boolean[] comboInScope = new boolean[m];
    int[] comboGroup = new int[m];
    for (int k = 0; k < m; k++) {
      int c = combos.country.get(k);
      comboInScope[k] = om.inScope(countries.get(c), combos.platform.get(k));
      comboGroup[k] = OutageModel.groupKey(c, comboInScope[k]);
    }
    double[] comboBaseline = new double[m];
    boolean[] comboInBaseline = new boolean[m];
    double baselinePlays = 0;
    for (int i = 0; i < n; i++) {
      if (om.inBaseline(a.hours()[i])) {
        int k = combos.ofCell[i];
        comboBaseline[k] += a.plays()[i];
        comboInBaseline[k] = true;
        baselinePlays += a.plays()[i];
      }
    }
    Map<Integer, Double> baseline = new TreeMap<>();
    Map<Integer, Map<String, Double>> tiers = new TreeMap<>();
    for (int k = 0; k < m; k++) {
      if (comboInBaseline[k]) {
        baseline.merge(comboGroup[k], comboBaseline[k], Double::sum);
        String t = combos.tier.get(k);
        tiers.computeIfAbsent(combos.country.get(k), x -> new TreeMap<>())
            .merge(t == null ? "*" : t, comboBaseline[k], Double::sum);
      }
    }
    // An artist's rate per country is the same in every window: work it out once.
    Map<Integer, Double> rates = new HashMap<>();
    Map<Integer, Double> shares = new TreeMap<>();
    baseline.forEach((g, o) -> {
      double s = om.baselineSums().getOrDefault(g, 0.0);
      if (s > 0) {
        shares.put(g, o / s);
      }
    });
    long[] hours = a.hours();
    for (WindowSpec w : om.windows()) {
      double oRecent = 0;
      double oDay = 0;
      double oBoth = 0;
      double oIn = 0;
      double oOut = 0;
      double oOutLate = 0;
      double oOutBoth = 0;
      double oOutBothLate = 0;
      double oAfter = 0;
      // Cells sorted by hour: only those from the earliest level window's start to the end of
      // the recovery window can count.
      for (int j = firstAtOrAfter(hours, byHour, w.earliest()); j < n; j++) {
        int i = byHour[j];
        long h = hours[i];
        double p = a.plays()[i];
        if (h >= w.afterEnd()) {
          break;
        }
        if (h < w.start()) {
          if (!om.excluded().contains(h)) {
            oRecent += h >= w.recentStart(a.countries()[i]) ? p : 0;
            oDay += h >= w.dayStart() ? p : 0;
            oBoth += w.onBothDay(a.countries()[i], h) ? p : 0;
          }
        } else if (h < w.end()) {
          if (comboInScope[combos.ofCell[i]]) {
            oIn += p;
          } else {
            oOut += p;
            boolean late = h >= w.split();
            oOutLate += late ? p : 0;
            if (w.onBothDay(a.countries()[i], h)) {
              oOutBoth += late ? 0 : p;
              oOutBothLate += late ? p : 0;
            }
          }
        } else {
          oAfter += p;
        }
      }
      if (baselinePlays == 0 && oIn + oOut + oRecent + oDay == 0) {
        continue;
      }
      double bRecent = 0;
      double bDay = 0;
      double bBoth = 0;
      double bIn = 0;
      double bInLate = 0;
      double bOut = 0;
      double bOutLate = 0;
      double bOutBoth = 0;
      double bOutBothLate = 0;
      double bAfter = 0;
      double usd = 0;
      for (Map.Entry<Integer, Double> e : shares.entrySet()) {
        int g = e.getKey();
        double pi = e.getValue();
        bRecent += pi * w.sum(g, WindowSpec.RECENT);
        bDay += pi * w.sum(g, WindowSpec.DAY_RECENT);
        bBoth += pi * w.sum(g, WindowSpec.BOTH_RECENT);
        double win = pi * w.sum(g, WindowSpec.WINDOW);
        double late = pi * w.sum(g, WindowSpec.LATE);
        if (OutageModel.inScope(g)) {
          bIn += win;
          bInLate += late;
          usd += win * rates.computeIfAbsent(OutageModel.countryOf(g), c -> rate(c, tiers));
        } else {
          bOut += win;
          bOutLate += late;
          bOutBoth += pi * w.sum(g, WindowSpec.BOTH_WINDOW);
          bOutBothLate += pi * w.sum(g, WindowSpec.BOTH_LATE);
        }
        bAfter += pi * w.sum(g, WindowSpec.AFTER);
      }
      double oOutEarly = oOut - oOutLate;
      double bOutEarly = bOut - bOutLate;
      LevelReadings day = new LevelReadings(oDay + oOutEarly, bDay + bOutEarly, oOutLate, bOutLate,
          oBoth + oOutBoth, bBoth + bOutBoth, oOutBothLate, bOutBothLate, bInLate);
      double usdPerPlay = bIn > 0 ? usd / bIn : rate(-1, tiers);
      out.add(new ArtistWindowStats(a.artistId(), w, oRecent + oOut, bRecent + bOut, oIn, bIn,
          oOut, oAfter, bAfter, baselinePlays, usdPerPlay, day,
          w.isPlacebo() ? Map.of() : shares,
          w.isPlacebo() ? Map.of() : markets(shares, w, bIn, tiers)));
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
