package io.deadair.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * One UTC day's plays of one slice of artists, gathered in plain arrays, then sorted by time and
 * written as one Parquet file in the plays contract's columns with Parquet's own column writers
 * (v2 pages: the sorted times delta-encode to a few bits each).
 */
final class PlayFile {

  static final MessageType SCHEMA = Types.buildMessage()
      .optional(PrimitiveTypeName.INT64)
      .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
      .named("ts")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("user_id")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("track_id")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
      .named("artist_id")
      .optional(PrimitiveTypeName.INT32).named("ms_played")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("country")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("platform")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("tier")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
      .named("reason_end")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
      .named("source")
      .named("spark_schema");

  private long[] ts = new long[1024];
  private int[] user = new int[1024];
  private int[] artist = new int[1024];
  private int[] track = new int[1024];
  private int[] ms = new int[1024];
  private byte[] country = new byte[1024];
  private byte[] platform = new byte[1024];
  private byte[] tier = new byte[1024];
  private byte[] reason = new byte[1024];
  private byte[] source = new byte[1024];
  private int size;

  void add(long tsMs, int u, int a, int t, int played, int c, int p, int ti, int r, int s) {
    if (size == ts.length) {
      int n = size * 2;
      ts = Arrays.copyOf(ts, n);
      user = Arrays.copyOf(user, n);
      artist = Arrays.copyOf(artist, n);
      track = Arrays.copyOf(track, n);
      ms = Arrays.copyOf(ms, n);
      country = Arrays.copyOf(country, n);
      platform = Arrays.copyOf(platform, n);
      tier = Arrays.copyOf(tier, n);
      reason = Arrays.copyOf(reason, n);
      source = Arrays.copyOf(source, n);
    }
    ts[size] = tsMs;
    user[size] = u;
    artist[size] = a;
    track[size] = t;
    ms[size] = played;
    country[size] = (byte) c;
    platform[size] = (byte) p;
    tier[size] = (byte) ti;
    reason[size] = (byte) r;
    source[size] = (byte) s;
    size++;
  }

  int size() {
    return size;
  }

  /**
   * Writes the plays in time order (plays of the same millisecond in the order they were
   * drawn, so the file is the same on every run) with zstd at {@code level}, as one row group.
   *
   * <p>Values go straight to Parquet's column writers, row by row: the record layer above them
   * (ParquetWriter with a WriteSupport) cost three times as much per play (1.2 against 3-4 us,
   * measured on 300 k plays).
   */
  void write(Path file, Configuration conf, int level, PlayIds ids) {
    sortByTime();
    Configuration c = new Configuration(conf);
    c.setInt("parquet.compression.codec.zstd.level", level);
    ParquetProperties props = ParquetProperties.builder()
        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
        // Sorted times delta-encode to a few bits; a dictionary of them only costs time.
        .withDictionaryEncoding("ts", false)
        .build();
    CodecFactory codecs = new CodecFactory(c, props.getPageSizeThreshold());
    try {
      ParquetFileWriter out = new ParquetFileWriter(HadoopOutputFile.fromPath(file, c), SCHEMA,
          ParquetFileWriter.Mode.OVERWRITE, ParquetWriter.DEFAULT_BLOCK_SIZE,
          ParquetWriter.MAX_PADDING_SIZE_DEFAULT, props.getColumnIndexTruncateLength(),
          props.getStatisticsTruncateLength(), props.getPageWriteChecksumEnabled());
      out.start();
      ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(
          codecs.getCompressor(CompressionCodecName.ZSTD), SCHEMA, props.getAllocator(),
          props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
      ColumnWriteStore columns = props.newColumnWriteStore(SCHEMA, pages, pages);
      writeRows(columns, ids);
      out.startBlock(size);
      columns.flush();
      pages.flushToFileWriter(out);
      out.endBlock();
      columns.close();
      pages.close();
      out.end(Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      codecs.release();
    }
  }

  private void writeRows(ColumnWriteStore columns, PlayIds ids) {
    ColumnWriter[] w = SCHEMA.getColumns().stream().map(columns::getColumnWriter)
        .toArray(ColumnWriter[]::new);
    // Optional columns: a present value has definition level 1.
    for (int i = 0; i < size; i++) {
      w[0].write(ts[i], 0, 1);
      w[1].write(ids.user(user[i]), 0, 1);
      w[2].write(ids.track(artist[i], track[i]), 0, 1);
      w[3].write(ids.artist(artist[i]), 0, 1);
      w[4].write(ms[i], 0, 1);
      w[5].write(PlayIds.COUNTRIES.get(country[i]), 0, 1);
      w[6].write(PlayIds.PLATFORMS.get(platform[i]), 0, 1);
      w[7].write(PlayIds.TIERS.get(tier[i]), 0, 1);
      w[8].write(PlayIds.REASONS.get(reason[i]), 0, 1);
      w[9].write(PlayIds.SOURCES.get(source[i]), 0, 1);
      columns.endRecord();
    }
  }

  /** Puts the plays in time order, ties in the order they were added. */
  private void sortByTime() {
    long first = Arrays.stream(ts, 0, size).min().orElse(0);
    long[] order = new long[size];
    for (int i = 0; i < size; i++) {
      order[i] = ((ts[i] - first) << 32) | i;
    }
    Arrays.sort(order);
    int[] from = new int[size];
    for (int i = 0; i < size; i++) {
      from[i] = (int) order[i];
    }
    ts = gather(ts, from);
    user = gather(user, from);
    artist = gather(artist, from);
    track = gather(track, from);
    ms = gather(ms, from);
    country = gather(country, from);
    platform = gather(platform, from);
    tier = gather(tier, from);
    reason = gather(reason, from);
    source = gather(source, from);
  }

  private static long[] gather(long[] values, int[] from) {
    long[] out = new long[from.length];
    for (int i = 0; i < from.length; i++) {
      out[i] = values[from[i]];
    }
    return out;
  }

  private static int[] gather(int[] values, int[] from) {
    int[] out = new int[from.length];
    for (int i = 0; i < from.length; i++) {
      out[i] = values[from[i]];
    }
    return out;
  }

  private static byte[] gather(byte[] values, int[] from) {
    byte[] out = new byte[from.length];
    for (int i = 0; i < from.length; i++) {
      out[i] = values[from[i]];
    }
    return out;
  }
}
