package io.deadair.jobs.cube;

import io.deadair.common.cube.CubeAggregate;
import io.deadair.common.cube.PassTotals;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import scala.Tuple2;

/**
 * Runs one input split through a cube and hands the cube on in partials, one per artist bucket,
 * whenever it holds {@code maxCells} cells and once at the end, so a split's memory stays bounded
 * whatever its size. The last item is the split's {@link PassTotals}, under bucket number
 * {@code buckets} (a partition of its own). Each partial is stamped with its split and its place
 * in it ({@link Partials}), so that a bucket merges its partials in the same order on every run.
 */
final class PlaySource<T> implements Iterator<Tuple2<Integer, byte[]>> {

  /** Adds the rows of one item of a split (a column batch, or one row) to a cube. */
  interface BatchCoder<T> extends Serializable {
    void add(T item, CubeAggregate cube, PassTotals totals, PlayClock clock);
  }

  private final Iterator<T> input;
  private final BatchCoder<T> coder;
  private final PlayClock clock;
  private final int buckets;
  private final int maxCells;
  private final PassTotals totals = new PassTotals();
  private final ArrayDeque<Tuple2<Integer, byte[]>> ready = new ArrayDeque<>();
  private final CubeAggregate cube;
  private final int split = TaskContext.getPartitionId();
  private int handedOn;
  private boolean done;

  PlaySource(Iterator<T> input, BatchCoder<T> coder, PlayClock clock, int buckets,
      int maxCells) {
    this.input = input;
    this.coder = coder;
    this.clock = clock;
    this.buckets = buckets;
    this.maxCells = maxCells;
    this.cube = new CubeAggregate(clock.layout(), Math.min(maxCells, 1 << 16));
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !done) {
      fill();
    }
    return !ready.isEmpty();
  }

  @Override
  public Tuple2<Integer, byte[]> next() {
    hasNext();
    return ready.removeFirst();
  }

  private void fill() {
    while (input.hasNext() && cube.cells() < maxCells) {
      coder.add(input.next(), cube, totals, clock);
    }
    totals.absorb(cube);
    byte[][] partials = cube.partials(buckets);
    for (int b = 0; b < buckets; b++) {
      if (partials[b] != null) {
        ready.add(new Tuple2<>(b, Partials.stamp(split, handedOn, partials[b])));
      }
    }
    handedOn++;
    cube.clearCells();
    if (!input.hasNext()) {
      ready.add(new Tuple2<>(buckets, Partials.stamp(split, handedOn, totals.toBytes())));
      done = true;
    }
  }
}
