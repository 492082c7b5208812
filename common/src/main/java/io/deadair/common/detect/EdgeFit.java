package io.deadair.common.detect;

/**
 * Moves a drop's edges to where it is likeliest: the window whose plays fell the most
 * convincingly below expectation (the largest generalised likelihood ratio,
 * {@link DropScan#score}), among starts and ends within a few buckets of the run found, or
 * anywhere inside it.
 */
final class EdgeFit {

  private EdgeFit() {}

  /**
   * The best {@code [s, e)}: each edge within {@code radius} buckets of its edge in
   * {@code [start, end)}, or, when {@code inside}, anywhere between the two as well.
   */
  static int[] best(double[] counts, double[] expected, int start, int end, int radius,
      boolean inside) {
    double[] cy = prefix(counts);
    double[] ce = prefix(expected);
    int[] best = {start, end};
    double top = -1;
    int n = counts.length;
    int lastStart = Math.min(n - 1, inside ? end + radius - 1 : start + radius);
    int firstEnd = inside ? start - radius + 1 : end - radius;
    for (int s = Math.max(0, start - radius); s <= lastStart; s++) {
      for (int e = Math.max(s + 1, firstEnd); e <= Math.min(n, end + radius); e++) {
        double score = DropScan.score(cy[e] - cy[s], ce[e] - ce[s], 1);
        if (score > top) {
          top = score;
          best = new int[] {s, e};
        }
      }
    }
    return best;
  }

  private static double[] prefix(double[] v) {
    double[] out = new double[v.length + 1];
    for (int i = 0; i < v.length; i++) {
      out[i + 1] = out[i] + v[i];
    }
    return out;
  }
}
