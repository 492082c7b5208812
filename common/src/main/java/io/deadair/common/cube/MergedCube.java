package io.deadair.common.cube;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The reduce side of the cube: every partial of one artist bucket, merged, then walked artist by
 * artist. Hourly cells, slot sums and track days only ever get added up, so the partials' cells
 * are appended as they come (a cell split over two partials is simply two cells); listeners are
 * the one part whose duplicates matter, and they are merged per artist when it is walked.
 */
public final class MergedCube {

  private final CubeLayout layout;
  private final int words;

  final BytesIndex artists = new BytesIndex();
  final BytesIndex platforms = new BytesIndex();
  final BytesIndex tracks = new BytesIndex();
  final BytesIndex users = new BytesIndex();

  /** Hourly cells: artist and hour, country, platform and tier (as {@link CubeAggregate}). */
  final Cells hourly = new Cells(2, 1);
  /** Slot sums: artist, slot; plays, ms, skips, known ends. */
  final Cells slots = new Cells(2, 4);
  /** Listeners: artist, listener; the slot mask's words. */
  final Cells listeners;
  /** Track days: artist and track, day; plays. */
  final Cells trackDays = new Cells(2, 1);

  public MergedCube(CubeLayout layout) {
    this.layout = layout;
    this.words = layout.maskWords();
    this.listeners = new Cells(2, words);
  }

  /** Adds a partial written by {@link CubeAggregate#partials}, from {@code offset} on. */
  public void absorb(byte[] bytes, int offset) {
    PartialReader.read(this, bytes, offset);
  }

  public void absorb(byte[] partial) {
    absorb(partial, 0);
  }

  /**
   * Calls {@code each} with every artist's merged cube, in the order of the artists' ids. The
   * cube is reused between calls: copy what must outlive the call.
   */
  public void forEachArtist(Consumer<ArtistCube> each) {
    new ArtistGrouping(this).forEach(each);
  }

  CubeLayout layout() {
    return layout;
  }

  int words() {
    return words;
  }

  /**
   * Appended entries of one part: {@code keys} longs then {@code values} longs each, in one
   * growing array.
   */
  static final class Cells {
    final int keys;
    final int stride;
    long[] data = new long[1024];
    int size;

    Cells(int keys, int values) {
      this.keys = keys;
      this.stride = keys + values;
    }

    /** Appends an entry with zero values; returns where its values start. */
    int append(long k1, long k2) {
      int p = size * stride;
      if (p + stride > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, p + stride));
      }
      data[p] = k1;
      data[p + 1] = k2;
      size++;
      return p + keys;
    }

    long first(int i) {
      return data[i * stride];
    }

    long second(int i) {
      return data[i * stride + 1];
    }

    /** Value {@code k} of entry {@code i}. */
    long value(int i, int k) {
      return data[i * stride + keys + k];
    }

    double doubleValue(int i, int k) {
      return Double.longBitsToDouble(value(i, k));
    }
  }
}
