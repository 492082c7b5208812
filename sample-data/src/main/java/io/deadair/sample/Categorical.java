package io.deadair.sample;

import java.io.Serializable;
import java.util.Arrays;

/** Picks an index with probability proportional to its weight, from a uniform number. */
final class Categorical implements Serializable {

  private static final long serialVersionUID = 1L;
  private final double[] cumulative;

  Categorical(double... weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("No weights");
    }
    cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0)) {
        throw new IllegalArgumentException("Negative or NaN weight at " + i);
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("Weights sum to zero");
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
  }

  /** The index whose cumulative share first exceeds {@code u}, for {@code u} in [0, 1). */
  int pick(double u) {
    int i = Arrays.binarySearch(cumulative, u);
    int idx = i >= 0 ? i + 1 : -i - 1;
    return Math.min(idx, cumulative.length - 1);
  }

  /** The normalised probability of index {@code i}. */
  double probability(int i) {
    return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
  }
}
