package io.deadair.sample;

/**
 * Stateless, seeded hashing of small integer keys to uniform numbers, so that an attribute (a
 * listener's country, a fan's identity) is the same wherever and however often it is computed.
 */
final class Hashing {

  private Hashing() {}

  /** SplitMix64's finaliser: a bijective mix of 64 bits with good avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A 64-bit key derived from the seed and any number of integer parts. */
  static long key(long seed, long... parts) {
    long h = mix(seed + 0x9e3779b97f4a7c15L);
    for (long p : parts) {
      h = mix(h ^ (p + 0x9e3779b97f4a7c15L + (h << 6) + (h >>> 2)));
    }
    return h;
  }

  /** A uniform number in [0, 1) derived from the seed and the parts. */
  static double unit(long seed, long... parts) {
    return (key(seed, parts) >>> 11) * 0x1.0p-53;
  }
}
