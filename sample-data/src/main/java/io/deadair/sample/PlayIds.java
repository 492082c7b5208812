package io.deadair.sample;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.io.api.Binary;

/**
 * The Parquet values of one slice's plays: each user, track and artist id spelled once (as
 * {@code String.format} would) and reused for every play of it, and the few
 * country, platform, tier and end-reason values.
 */
final class PlayIds {

  static final List<Binary> COUNTRIES = binaries(World.COUNTRIES.stream()
      .map(World.Country::code).toList());
  static final List<Binary> PLATFORMS = binaries(World.PLATFORMS);
  static final List<Binary> TIERS = binaries(World.TIERS);
  static final List<Binary> REASONS = binaries(World.REASONS);
  static final List<Binary> SOURCES = binaries(World.SOURCES);

  private final Binary[] users;
  private final Binary[] artists;
  private final Binary[][] tracks;

  PlayIds(int userCount, int artistCount) {
    users = new Binary[userCount];
    artists = new Binary[artistCount];
    tracks = new Binary[artistCount][];
  }

  // Byte-array values: Binary.fromString wraps a ByteBuffer whose position every read moves,
  // which breaks when slices on several threads write the same shared value.
  private static List<Binary> binaries(List<String> values) {
    return values.stream()
        .map(v -> Binary.fromConstantByteArray(v.getBytes(StandardCharsets.UTF_8))).toList();
  }

  /** {@code u} and the user number in eight digits. */
  Binary user(int u) {
    Binary b = users[u];
    if (b == null) {
      b = users[u] = spell(new byte[32], 0, 'u', u, 8);
    }
    return b;
  }

  /** {@code a} and the artist number in five digits. */
  Binary artist(int a) {
    Binary b = artists[a];
    if (b == null) {
      b = artists[a] = spell(new byte[32], 0, 'a', a, 5);
    }
    return b;
  }

  /** The artist id, {@code -t} and the track number in three digits. */
  Binary track(int a, int t) {
    Binary[] own = tracks[a];
    if (own == null || t >= own.length) {
      own = tracks[a] = own == null ? new Binary[t + 1] : Arrays.copyOf(own, t + 1);
    }
    Binary b = own[t];
    if (b == null) {
      byte[] buf = new byte[32];
      int n = write(buf, 0, 'a', a, 5);
      buf[n] = '-';
      b = own[t] = spell(buf, n + 1, 't', t, 3);
    }
    return b;
  }

  private static Binary spell(byte[] buf, int at, char prefix, int value, int width) {
    int end = write(buf, at, prefix, value, width);
    return Binary.fromConstantByteArray(Arrays.copyOf(buf, end));
  }

  /**
   * Writes {@code prefix} and {@code value} (0 or more) zero-padded to {@code width} digits at
   * {@code at}; returns the offset after the last byte written.
   */
  private static int write(byte[] buf, int at, char prefix, int value, int width) {
    buf[at++] = (byte) prefix;
    int digits = 1;
    for (int v = value; v >= 10; v /= 10) {
      digits++;
    }
    for (int i = digits; i < width; i++) {
      buf[at++] = '0';
    }
    int end = at + digits;
    for (int i = end - 1; i >= at; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return end;
  }
}
