package io.deadair.jobs.cube;

import io.deadair.common.cube.CubeLayout;
import io.deadair.common.cube.MergedCube;
import io.deadair.common.cube.PassTotals;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import scala.Tuple2;

/**
 * The partials of one artist bucket, as the shuffle delivers them. Shuffle blocks arrive in no
 * fixed order, and the order partials are merged in decides the order of float sums; stamped
 * with the split and the place in it that made them, they are merged in that order instead, so
 * that a run gives the same numbers to the last digit every time, locally or on a cluster.
 */
public final class Partials {

  private static final int STAMP = Long.BYTES;

  private Partials() {}

  /** The partial with its split's number and its place in the split in front. */
  static byte[] stamp(int split, int place, byte[] partial) {
    byte[] out = new byte[STAMP + partial.length];
    ByteBuffer.wrap(out).putLong(((long) split << 32) | place);
    System.arraycopy(partial, 0, out, STAMP, partial.length);
    return out;
  }

  /**
   * Merges every stamped partial of a bucket into one cube, in stamp order; null when the
   * bucket has none.
   */
  public static MergedCube merge(Iterator<Tuple2<Integer, byte[]>> stamped, CubeLayout layout) {
    List<byte[]> all = inOrder(stamped);
    if (all.isEmpty()) {
      return null;
    }
    MergedCube cube = new MergedCube(layout);
    for (byte[] b : all) {
      cube.absorb(b, STAMP);
    }
    return cube;
  }

  /** The splits' totals, merged in stamp order. */
  static PassTotals totals(Iterator<Tuple2<Integer, byte[]>> stamped) {
    PassTotals totals = new PassTotals();
    for (byte[] b : inOrder(stamped)) {
      totals.merge(PassTotals.fromBytes(Arrays.copyOfRange(b, STAMP, b.length)));
    }
    return totals;
  }

  private static List<byte[]> inOrder(Iterator<Tuple2<Integer, byte[]>> stamped) {
    List<byte[]> all = new ArrayList<>();
    stamped.forEachRemaining(t -> all.add(t._2()));
    all.sort(Comparator.comparingLong(b -> ByteBuffer.wrap(b).getLong()));
    return all;
  }
}
