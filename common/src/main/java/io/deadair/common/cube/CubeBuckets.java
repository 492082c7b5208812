package io.deadair.common.cube;

import java.nio.charset.StandardCharsets;

/**
 * Which bucket (reduce partition) an artist's cells go to: a hash of the artist id's UTF-8 bytes,
 * the same in every JVM, so that plays, artists and releases of one artist meet in one place.
 */
public final class CubeBuckets {

  private CubeBuckets() {}

  public static int of(byte[] bytes, int offset, int length, int buckets) {
    return Math.floorMod(BytesIndex.hash(bytes, offset, length), buckets);
  }

  public static int of(String artistId, int buckets) {
    byte[] b = artistId.getBytes(StandardCharsets.UTF_8);
    return of(b, 0, b.length, buckets);
  }
}
