package io.deadair.jobs.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;

/**
 * Aggregates an RDD with the partitions' results merged in partition order. Spark's own
 * {@code aggregate} and {@code treeAggregate} merge them in the order tasks finish, so float sums
 * and sketches may differ in their last digits from one run to the next; a run must not.
 */
public final class InOrder {

  private InOrder() {}

  /** A fresh accumulator for each partition. */
  public interface Zero<A> extends Serializable {
    A get();
  }

  public static <T, A> A aggregate(JavaRDD<T> rdd, Zero<A> zero, Function2<A, T, A> add,
      Function2<A, A, A> merge) {
    List<A> parts = rdd.mapPartitions((Iterator<T> it) -> {
      A acc = zero.get();
      while (it.hasNext()) {
        acc = add.call(acc, it.next());
      }
      return Collections.singletonList(acc).iterator();
    }).collect();
    A total = zero.get();
    try {
      for (A part : parts) {
        total = merge.call(total, part);
      }
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    return total;
  }
}
