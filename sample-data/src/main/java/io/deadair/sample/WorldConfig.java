package io.deadair.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The generated world's scale, written beside its data as {@code deadair.properties} for
 * {@code deadair run --config}: what the absolute segment lines need to know about a world of a
 * few thousand simulated listeners and a thousand artists.
 */
public final class WorldConfig {

  /** How many listeners of a real service each simulated listener stands for. */
  static final int LISTENERS_PER_LISTENER = 250;

  static final String TEXT = """
      # The generated world's scale (written by deadair generate).
      # Each simulated listener stands for %d listeners of a real service, so artists' audiences
      # are divided by this share before the absolute segment lines (docs/method.md section 9).
      segment.input_share = %s
      # Popularity here is a Zipf law over one catalogue of about a thousand artists: the top
      # artist has some 60 times the median's audience, where a real service spans five orders
      # of magnitude. The established line is lowered so that the world has established artists.
      segment.established.min_monthly_listeners = 100000
      # Its listeners play an artist they hear about 2.5 times in 28 days (the default lines
      # for stream counts assume 5), so the plays lines are 2.5 times the listener lines.
      segment.emerging.max_monthly_plays = 125000
      segment.established.min_monthly_plays = 250000
      """.formatted(LISTENERS_PER_LISTENER, 1.0 / LISTENERS_PER_LISTENER);

  private WorldConfig() {}

  /** Writes {@code deadair.properties} into the folder {@code out}. */
  static void write(SparkSession spark, String out) {
    Path p = new Path(out, "deadair.properties");
    try (OutputStream s = p.getFileSystem(spark.sparkContext().hadoopConfiguration())
        .create(p, true)) {
      s.write(TEXT.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + p, e);
    }
  }
}
