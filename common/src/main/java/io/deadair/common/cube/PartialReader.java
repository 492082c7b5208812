package io.deadair.common.cube;

/** Reads a partial that {@link PartialWriter} wrote into a cube, translating its codes. */
final class PartialReader {

  private PartialReader() {}

  static void read(CubeAggregate cube, byte[] partial, int offset) {
    ByteSource in = new ByteSource(partial, offset);
    byte[] buf = in.buffer();
    int[] artists = new int[in.readVarInt()];
    for (int i = 0; i < artists.length; i++) {
      int off = in.readBytesOffset();
      artists[i] = cube.artist(buf, off, in.lastLength());
    }
    int[] platforms = new int[in.readVarInt() + 1];
    for (int i = 1; i < platforms.length; i++) {
      int off = in.readBytesOffset();
      platforms[i] = cube.platform(buf, off, in.lastLength());
    }
    int[] tracks = new int[in.readVarInt() + 1];
    for (int i = 1; i < tracks.length; i++) {
      int off = in.readBytesOffset();
      tracks[i] = cube.track(buf, off, in.lastLength());
    }
    int hourly = in.readVarInt();
    int slots = in.readVarInt();
    int listeners = in.readVarInt();
    int trackDays = in.readVarInt();
    for (int i = 0; i < hourly; i++) {
      int a = artists[in.readVarInt()];
      int hour = (int) in.readSignedVarLong();
      int country = in.readVarInt();
      int platform = platforms[in.readVarInt()];
      int tier = in.readVarInt();
      cube.mergeHourly(a, hour, country, platform, tier, in.readAmount());
    }
    for (int i = 0; i < slots; i++) {
      int a = artists[in.readVarInt()];
      int slot = in.readVarInt();
      cube.mergeSlot(a, slot, in.readAmount(), in.readAmount(), in.readAmount(),
          in.readAmount());
    }
    long[] mask = new long[cube.words()];
    for (int i = 0; i < listeners; i++) {
      int a = artists[in.readVarInt()];
      int off = in.readBytesOffset();
      int user = cube.user(buf, off, in.lastLength());
      for (int w = 0; w < mask.length; w++) {
        mask[w] = in.readVarLong();
      }
      cube.mergeListener(a, user, mask);
    }
    for (int i = 0; i < trackDays; i++) {
      int a = artists[in.readVarInt()];
      int track = tracks[in.readVarInt()];
      int day = (int) in.readSignedVarLong();
      cube.mergeTrackDay(a, track, day, in.readAmount());
    }
  }
}
