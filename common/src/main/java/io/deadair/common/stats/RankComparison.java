package io.deadair.common.stats;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Whether one group's values tend to be larger than another's: the Mann-Whitney U test with its
 * effect sizes.
 *
 * @param nFirst size of the first group
 * @param nSecond size of the second group
 * @param uFirst U of the first group: pairs where its value is larger (ties count a half)
 * @param pTwoSided two-sided p-value (normal approximation, Commons Math)
 * @param pFirstLarger one-sided p-value for "the first group is larger"
 * @param probabilityFirstLarger common-language effect size, uFirst / (nFirst nSecond)
 * @param rankBiserial 2 probabilityFirstLarger - 1, from -1 to 1
 */
public record RankComparison(
    int nFirst,
    int nSecond,
    double uFirst,
    double pTwoSided,
    double pFirstLarger,
    double probabilityFirstLarger,
    double rankBiserial) {

  /** Compares {@code first} with {@code second}; null when either group is empty. */
  public static RankComparison of(double[] first, double[] second) {
    if (first.length == 0 || second.length == 0) {
      return null;
    }
    double[] all = new double[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
    double rankSum = 0;
    for (int i = 0; i < first.length; i++) {
      rankSum += ranks[i];
    }
    double n1 = first.length;
    double n2 = second.length;
    double u1 = rankSum - n1 * (n1 + 1) / 2;
    double p2 = new MannWhitneyUTest().mannWhitneyUTest(first, second);
    double pOne = u1 >= n1 * n2 / 2 ? p2 / 2 : 1 - p2 / 2;
    double cl = u1 / (n1 * n2);
    return new RankComparison(first.length, second.length, u1, p2, pOne, cl, 2 * cl - 1);
  }
}
