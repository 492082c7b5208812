package io.deadair.common.detect;

import io.deadair.common.domain.CountryZones;
import io.deadair.common.domain.Scope;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Finds outages in the fine service series. Every part is fitted its {@link SeasonalBaseline}
 * on its country's clock; every slice ({@link Slices}) sums its parts' plays and expectations
 * and is scanned ({@link DropScan}). The buckets found are masked and everything is fitted and
 * scanned again, so the second baselines hold no outage. Runs that overlap in time are one
 * outage: its edges are moved to where the drop is likeliest on the slice that found it, its
 * scope is drilled down ({@link ScopeFinder}), and its edges are moved again on its scope. Lost
 * plays are what the scope expected less what it had, with a normal interval from the
 * quasi-Poisson variance.
 */
public final class OutageDetector {

  /** Buckets before a found run that the second fit also leaves out. */
  private static final int PAD = 2;
  /**
   * Minutes after a found run that the second fit also leaves out: plays that come back after
   * an outage would otherwise raise the day's level and with it the plays the outage lost.
   */
  private static final int REBOUND_MINUTES = 180;
  private static final double Z95 = 1.959964;

  private final ServiceSeries series;
  private final DetectorSettings settings;
  private final int hourBuckets;
  private final boolean[] outside;
  private final DayClock[] clocks;

  private OutageDetector(ServiceSeries series, DetectorSettings settings) {
    this.series = series;
    this.settings = settings;
    this.hourBuckets = Math.max(1, 60 / series.stepMinutes());
    this.outside = new boolean[series.length()];
    for (int t = 0; t < outside.length; t++) {
      outside[t] = !series.inData(t);
    }
    clocks = new DayClock[series.parts().size()];
    Map<ZoneId, DayClock> byZone = new HashMap<>();
    for (int p = 0; p < clocks.length; p++) {
      clocks[p] = byZone.computeIfAbsent(CountryZones.zoneOf(series.parts().get(p).country()),
          z -> DayClock.of(series, z));
    }
  }

  /** The outages in {@code series}, in time order, and the service's expected plays. */
  public static Detection detect(ServiceSeries series, DetectorSettings settings) {
    if (series.isEmpty()) {
      return new Detection(series, List.of(), new double[0], null);
    }
    return new OutageDetector(series, settings).detect();
  }

  private Detection detect() {
    List<Slices.Slice> slices = Slices.of(series, settings.minShare());
    Expectation fitted = new Expectation(outside);
    List<Found> found = List.of();
    for (int round = 0; round < 2; round++) {
      found = scan(slices, fitted);
      fitted = new Expectation(masked(found));
    }
    List<DetectedWindow> windows = new ArrayList<>();
    for (Found f : merged(found)) {
      DetectedWindow w = window(f, fitted);
      if (w.lost() <= 0) {
        continue; // the scope, refined, shows no loss: the run was the slice's noise
      }
      DetectedWindow last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
      if (last != null && w.start().isBefore(last.end())) {
        windows.set(windows.size() - 1, w.score() > last.score() ? w : last);
      } else {
        windows.add(w);
      }
    }
    return new Detection(series, windows, fitted.sum(p -> true), null);
  }

  /** A run found on one slice. */
  private record Found(int start, int end, double score, IntPredicate parts) {}

  private List<Found> scan(List<Slices.Slice> slices, Expectation fitted) {
    boolean[] scanned = new boolean[outside.length];
    for (int t = 0; t < scanned.length; t++) {
      scanned[t] = !outside[t];
    }
    List<Found> out = new ArrayList<>();
    for (Slices.Slice s : slices) {
      double[] y = series.sum(s.parts());
      double[] e = fitted.sum(s.parts());
      for (DropScan.Run r : DropScan.runs(y, e, scanned, fitted.dispersion(y, e),
          settings.drop(), settings.threshold())) {
        out.add(new Found(r.start(), r.end(), r.score(), s.parts()));
      }
    }
    return out;
  }

  private boolean[] masked(List<Found> found) {
    boolean[] mask = outside.clone();
    int after = REBOUND_MINUTES / series.stepMinutes();
    for (Found f : found) {
      for (int t = Math.max(0, f.start() - PAD); t < Math.min(mask.length, f.end() + after);
          t++) {
        mask[t] = true;
      }
    }
    return mask;
  }

  /** Runs that overlap in time, merged; each keeps the parts of its strongest run. */
  private static List<Found> merged(List<Found> found) {
    List<Found> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingInt(Found::start));
    List<Found> out = new ArrayList<>();
    for (Found f : sorted) {
      Found last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && f.start() <= last.end()) {
        Found strong = f.score() > last.score() ? f : last;
        out.set(out.size() - 1, new Found(last.start(), Math.max(last.end(), f.end()),
            strong.score(), strong.parts()));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The window of one merged run: its edges, its scope, what it lost; its evidence is the
   * height of the strongest CUSUM that found it (the scope, chosen because it fell, would
   * overstate it).
   */
  private DetectedWindow window(Found f, Expectation fitted) {
    int radius = settings.refineBuckets();
    int[] seed = EdgeFit.best(series.sum(f.parts()), fitted.sum(f.parts()), f.start(), f.end(),
        radius, true);
    Scope[] scope = new ScopeFinder(series.parts(), fitted.sums(seed, true),
        fitted.sums(seed, false)).scope(f.parts());
    IntPredicate inScope = q -> scope[0].contains(series.parts().get(q).country())
        && scope[1].contains(series.parts().get(q).platform());
    double[] y = series.sum(inScope);
    double[] e = fitted.sum(inScope);
    int[] edges = EdgeFit.best(y, e, seed[0], seed[1], radius, false);
    double x = 0;
    double ex = 0;
    for (int t = edges[0]; t < edges[1]; t++) {
      x += y[t];
      ex += e[t];
    }
    double dispersion = fitted.dispersion(y, e);
    int days = series.length() / series.slotsPerDay();
    double half = Z95 * Math.sqrt(dispersion * ex * (1 + 1.0 / Math.max(1, days - 1)));
    return new DetectedWindow(series.start(edges[0]), series.start(edges[1]), scope[0],
        scope[1], ex, x, ex - x, ex - x - half, ex - x + half, f.score());
  }

  /** Every part's expectation, fitted without the buckets a mask leaves out. */
  private final class Expectation {
    final boolean[] mask;
    final double[][] expected;

    Expectation(boolean[] mask) {
      this.mask = mask;
      int n = series.parts().size();
      expected = new double[n][];
      for (int p = 0; p < n; p++) {
        expected[p] = SeasonalBaseline.fit(series.plays(p), mask, clocks[p], hourBuckets)
            .expected();
      }
    }

    /** Per part, its plays (or expected plays) over buckets {@code [edges[0], edges[1])}. */
    double[] sums(int[] edges, boolean observed) {
      double[] out = new double[expected.length];
      for (int p = 0; p < out.length; p++) {
        double[] s = observed ? series.plays(p) : expected[p];
        for (int t = edges[0]; t < edges[1]; t++) {
          out[p] += s[t];
        }
      }
      return out;
    }

    /** The expected plays of the parts {@code chosen} accepts, bucket by bucket. */
    double[] sum(IntPredicate chosen) {
      double[] out = new double[series.length()];
      for (int p = 0; p < expected.length; p++) {
        if (chosen.test(p)) {
          for (int t = 0; t < out.length; t++) {
            out[t] += expected[p][t];
          }
        }
      }
      return out;
    }

    /** How much more than Poisson {@code y} scatters around {@code e}, at 5 minutes and 1 h. */
    double dispersion(double[] y, double[] e) {
      return Math.max(1, Math.max(SeasonalBaseline.dispersion(y, e, mask, 1),
          SeasonalBaseline.dispersion(y, e, mask, hourBuckets)));
    }
  }
}
