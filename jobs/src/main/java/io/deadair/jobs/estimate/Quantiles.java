package io.deadair.jobs.estimate;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.util.QuantileSummaries;

/**
 * Approximate quantiles exactly as Spark's {@code percentile_approx(x, p, 10000)} computes them
 * (the same {@link QuantileSummaries}, filled and compressed the same way), mergeable across
 * partitions, for aggregations over the per-artist results that run outside Spark SQL.
 */
public final class Quantiles implements Serializable {

  /** The relative error of percentile_approx's default accuracy, 10,000. */
  private static final double RELATIVE_ERROR = 1.0 / 10_000;
  /** percentile_approx compresses once its buffer holds this many samples. */
  private static final int BUFFER_LIMIT = (int) (1 / RELATIVE_ERROR) * 2 * 2;

  private QuantileSummaries summaries = new QuantileSummaries(
      QuantileSummaries.defaultCompressThreshold(), RELATIVE_ERROR,
      new QuantileSummaries.Stats[0], 0L, false);
  private boolean compressed = true;

  public void add(double value) {
    summaries = summaries.insert(value);
    compressed = false;
    if (summaries.sampled().length >= BUFFER_LIMIT) {
      compress();
    }
  }

  public Quantiles merge(Quantiles other) {
    compress();
    other.compress();
    summaries = summaries.merge(other.summaries);
    return this;
  }

  /** The quantile {@code p}, or null when no value was added. */
  public Double query(double p) {
    compress();
    if (summaries.count() == 0) {
      return null;
    }
    return (Double) summaries.query(p).get();
  }

  /** How many values were added (Spark's summary counts buffered values only once compressed). */
  public long count() {
    compress();
    return summaries.count();
  }

  private void compress() {
    if (!compressed) {
      summaries = summaries.compress();
      compressed = true;
    }
  }
}
