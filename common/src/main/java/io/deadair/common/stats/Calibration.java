package io.deadair.common.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How much wider than the model says an interval must be to cover the truth as often as it
 * claims, learned from placebo windows where nothing happened: per size class of expected plays,
 * the factor that makes the empirical quantile of |z| match the normal one.
 */
public final class Calibration implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Upper bounds of the size classes, in expected plays per window. */
  public static final double[] CLASS_BOUNDS = {5, 20, 100, 500, Double.POSITIVE_INFINITY};
  /** Fewer placebo windows than this in a class and the pooled factor is used. */
  public static final int MIN_SAMPLES = 30;

  private final double confidence;
  private final double quantile;
  private final double[] factors;
  private final long[] samples;

  private Calibration(double confidence, double[] factors, long[] samples) {
    this.confidence = confidence;
    this.quantile = normalQuantile(confidence);
    this.factors = factors;
    this.samples = samples;
  }

  /** The size class of a window with {@code expected} plays. */
  public static int sizeClass(double expected) {
    for (int i = 0; i < CLASS_BOUNDS.length; i++) {
      if (expected < CLASS_BOUNDS[i]) {
        return i;
      }
    }
    return CLASS_BOUNDS.length - 1;
  }

  /** The two-sided normal quantile for a confidence level, e.g. 1.96 for 0.95. */
  public static double normalQuantile(double confidence) {
    return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + confidence / 2);
  }

  /**
   * Learns the factors from placebo z-scores ((observed - expected) / sd) and their expected
   * plays.
   */
  public static Calibration fit(double confidence, double[] expected, double[] z) {
    int k = CLASS_BOUNDS.length;
    List<List<Double>> byClass = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < z.length; i++) {
      byClass.get(sizeClass(expected[i])).add(Math.abs(z[i]));
    }
    double[] q = new double[k];
    long[] n = new long[k];
    for (int c = 0; c < k; c++) {
      n[c] = byClass.get(c).size();
      q[c] = n[c] == 0 ? 0 : quantile(byClass.get(c).stream().mapToDouble(d -> d).toArray(),
          confidence);
    }
    double pooled = z.length == 0 ? 0
        : quantile(Arrays.stream(z).map(Math::abs).toArray(), confidence);
    return fromQuantiles(confidence, q, n, pooled, z.length);
  }

  /**
   * Builds the calibration from the quantile of |z| at the confidence level in each size class
   * (and pooled). A class with fewer than {@link #MIN_SAMPLES} windows takes the pooled factor. A
   * factor is never below 1: placebos may show the model too wide by chance, and an interval is
   * not narrowed on that evidence.
   */
  public static Calibration fromQuantiles(double confidence, double[] absZQuantile,
      long[] samples, double pooledQuantile, long pooledSamples) {
    double zq = normalQuantile(confidence);
    double pooled = pooledSamples >= MIN_SAMPLES ? Math.max(1, pooledQuantile / zq) : 1;
    double[] f = new double[CLASS_BOUNDS.length];
    for (int c = 0; c < f.length; c++) {
      f[c] = samples[c] >= MIN_SAMPLES ? Math.max(1, absZQuantile[c] / zq) : pooled;
    }
    return new Calibration(confidence, f, samples.clone());
  }

  private static double quantile(double[] values, double confidence) {
    return new Percentile().withEstimationType(Percentile.EstimationType.R_7)
        .evaluate(values, confidence * 100);
  }

  /** The factor for a window with {@code expected} plays. */
  public double factor(double expected) {
    return factors[sizeClass(expected)];
  }

  /** Half-width of the interval for a prediction with standard deviation {@code sd}. */
  public double halfWidth(double expected, double sd) {
    return quantile * factor(expected) * sd;
  }

  public double[] factors() {
    return factors.clone();
  }

  public long[] samples() {
    return samples.clone();
  }
}
