package io.deadair.common.cube;

import io.deadair.common.cube.MergedCube.Cells;

/** Reads a partial that {@link PartialWriter} wrote into a merged cube, translating its codes. */
final class PartialReader {

  private PartialReader() {}

  static void read(MergedCube cube, byte[] partial, int offset) {
    ByteSource in = new ByteSource(partial, offset);
    int[] artists = dictionary(in, cube.artists, 0);
    int[] platforms = dictionary(in, cube.platforms, 1);
    int[] tracks = dictionary(in, cube.tracks, 1);
    int[] users = dictionary(in, cube.users, 1);
    int hourly = in.readVarInt();
    int slots = in.readVarInt();
    int listeners = in.readVarInt();
    int trackDays = in.readVarInt();
    readHourly(cube, in, hourly, artists, platforms);
    readSlots(cube, in, slots, artists);
    readListeners(cube, in, listeners, artists, users);
    readTrackDays(cube, in, trackDays, artists, tracks);
  }

  private static void readHourly(MergedCube cube, ByteSource in, int n, int[] artists,
      int[] platforms) {
    for (int i = 0; i < n; i++) {
      long a = artists[in.readVarInt()];
      long hour = in.readSignedVarLong() & 0xFFFFFFFFL;
      long country = in.readVarLong();
      long platform = platforms[in.readVarInt()];
      long tier = in.readVarLong();
      int p = cube.hourly.append((a << 32) | hour, (country << 40) | (platform << 8) | tier);
      cube.hourly.data[p] = Double.doubleToRawLongBits(in.readAmount());
    }
  }

  private static void readSlots(MergedCube cube, ByteSource in, int n, int[] artists) {
    for (int i = 0; i < n; i++) {
      int p = cube.slots.append(artists[in.readVarInt()], in.readVarInt());
      long[] v = cube.slots.data;
      for (int part = 0; part < 4; part++) {
        v[p + part] = Double.doubleToRawLongBits(in.readAmount());
      }
    }
  }

  private static void readListeners(MergedCube cube, ByteSource in, int n, int[] artists,
      int[] users) {
    int words = cube.words();
    for (int i = 0; i < n; i++) {
      int p = cube.listeners.append(artists[in.readVarInt()], users[in.readVarInt()] - 1);
      long[] v = cube.listeners.data;
      for (int w = 0; w < words; w++) {
        v[p + w] = in.readVarLong();
      }
    }
  }

  private static void readTrackDays(MergedCube cube, ByteSource in, int n, int[] artists,
      int[] tracks) {
    Cells days = cube.trackDays;
    for (int i = 0; i < n; i++) {
      long a = artists[in.readVarInt()];
      long track = tracks[in.readVarInt()];
      int p = days.append((a << 32) | track, in.readSignedVarLong());
      days.data[p] = Double.doubleToRawLongBits(in.readAmount());
    }
  }

  /**
   * Reads a dictionary and interns its values; entry i of the result is the cube's code of the
   * partial's value i (plus {@code base}, which keeps 0 for none where codes start at 1).
   */
  private static int[] dictionary(ByteSource in, BytesIndex values, int base) {
    int[] codes = new int[in.readVarInt() + base];
    byte[] buf = in.buffer();
    for (int i = base; i < codes.length; i++) {
      int off = in.readBytesOffset();
      codes[i] = base + values.add(buf, off, in.lastLength());
    }
    return codes;
  }
}
