package io.deadair.sample;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.timestamp_millis;

import io.deadair.common.domain.OutageWindow;
import io.deadair.sample.ArtistCatalog.Artist;
import io.deadair.sample.OutagePlan.Planned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Generates a realistic play log with declared outages and the exact ground truth of what each
 * outage removed, as a Spark job: the per-artist and per-play draws run on the executors.
 *
 * <p>Output layout under {@code out}: {@code plays/} (Parquet, partitioned by UTC {@code date}),
 * {@code artists.parquet}, {@code releases.parquet}, {@code outages.csv} (the outages as the
 * incident log declares them: exactly, at whole hours, vaguely or not at all), and {@code truth/}
 * with {@code outage_artist_truth} (Parquet and CSV) and {@code outages.csv} (every outage's true
 * window, severity, rebound share, totals, and how it was declared).
 */
public final class Generator {

  /**
   * At most this many plays a day per slice: each slice buffers about two days of its plays, and
   * each day of it becomes one file with one row group.
   */
  private static final long DAILY_PLAYS_PER_SLICE = 2_000_000;
  /** zstd's default level: level 9 saved 1 % of the space for 15 % more time (6 M plays). */
  private static final int ZSTD_LEVEL = 3;

  private static final StructType TRUTH_SCHEMA = new StructType()
      .add("outage_id", DataTypes.StringType)
      .add("artist_id", DataTypes.StringType)
      .add("counterfactual_plays", DataTypes.LongType)
      .add("in_scope_plays", DataTypes.LongType)
      .add("removed_plays", DataTypes.LongType)
      .add("after_counterfactual_plays", DataTypes.LongType)
      .add("rebound_plays", DataTypes.LongType);

  private Generator() {}

  /** What a run produced, counted from its own draws. */
  public record Result(long drawnPlays, long removedPlays, long reboundPlays, long writtenPlays,
      int artists, int outages) {}

  /** Generates everything into {@code o.out()}, replacing what is there. */
  public static Result run(SparkSession spark, GeneratorOptions o, Consumer<String> log) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    // INT96, Spark's default, neither delta-encodes nor reads well outside Spark.
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS");
    ArtistCatalog catalog = ArtistCatalog.build(o);
    OutagePlan plan = OutagePlan.build(o);
    PlayDraws draws = new PlayDraws(o, catalog, plan);
    String out = o.out();

    log.accept("drawing and writing plays");
    List<PlaySlice.Result> slices = writePlays(spark, o, draws,
        catalog.artists().stream().mapToDouble(Artist::share).toArray(), plan.size(),
        out + "/plays");
    log.accept("writing artists, releases and outages");
    ArtistFiles.write(spark, catalog, o.seed(), out + "/artists");
    writeReleases(spark, catalog, o, out + "/releases");
    TableFiles.writeSingleCsv(spark, outagesTable(spark, plan), out + "/outages.csv");
    WorldConfig.write(spark, out);
    TableFiles.writeSingleCsv(spark, PromotionPlan.table(spark, catalog, o), out
        + "/promotions.csv");
    TableFiles.writeSingleCsv(spark, MarketTruth.table(spark, slices, plan), out
        + "/truth/outage_market_truth.csv");
    long drawn = slices.stream().mapToLong(PlaySlice.Result::drawn).sum();
    long removed = slices.stream().mapToLong(PlaySlice.Result::removed).sum();
    long rebound = slices.stream().mapToLong(PlaySlice.Result::rebound).sum();
    log.accept("writing ground truth");
    List<Row> truth = truth(slices, o.artists(), plan);
    Dataset<Row> table = spark.createDataFrame(broadcastRows(spark, truth), TRUTH_SCHEMA);
    TableFiles.writeSingleParquet(spark, table, out + "/truth/outage_artist_truth.parquet");
    TableFiles.writeSingleCsv(spark, table, out + "/truth/outage_artist_truth.csv");
    TableFiles.writeSingleCsv(spark, outageTruth(spark, plan, truth), out
        + "/truth/outages.csv");
    return new Result(drawn, removed, rebound, drawn - removed + rebound, catalog.size(),
        plan.size());
  }

  /**
   * Draws and writes every play, one task per slice of the artists, each writing one Parquet
   * file per UTC day under {@code plays/date=...}.
   */
  private static List<PlaySlice.Result> writePlays(SparkSession spark, GeneratorOptions o,
      PlayDraws draws, double[] shares, int outages, String plays) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path dir = new Path(plays);
    try {
      dir.getFileSystem(conf).delete(dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace " + plays + ": " + e.getMessage(), e);
    }
    // A whole number of slices per core, so that no core draws alone at the end.
    int cores = jsc.defaultParallelism();
    long perCore = (o.playsPerDay() + cores * DAILY_PLAYS_PER_SLICE - 1)
        / (cores * DAILY_PLAYS_PER_SLICE);
    int slices = (int) Math.min(o.artists(), cores * perCore);
    int[][] dealt = PlaySlice.deal(shares, slices);
    Broadcast<PlayDraws> b = jsc.broadcast(draws);
    Broadcast<SerializableConfiguration> c = jsc.broadcast(new SerializableConfiguration(conf));
    int artists = o.artists();
    int days = o.days();
    List<Integer> ids = IntStream.range(0, slices).boxed().toList();
    List<PlaySlice.Result> results = jsc.parallelize(ids, slices)
        .map(s -> PlaySlice.write(b.value(), dealt[s], artists, days, outages, s, plays,
            c.value().value(), ZSTD_LEVEL))
        .collect();
    try {
      dir.getFileSystem(conf).create(new Path(dir, "_SUCCESS"), true).close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot finish " + plays + ": " + e.getMessage(), e);
    }
    return results;
  }

  /**
   * Rows for Spark through a broadcast: a local table of them would travel inside its one task
   * (6 MB for 20 k artists), which Spark warns about on the console.
   */
  private static JavaRDD<Row> broadcastRows(SparkSession spark, List<Row> rows) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<List<Row>> b = jsc.broadcast(rows);
    return jsc.parallelize(List.of(0), 1).flatMap(unused -> b.value().iterator());
  }

  /** Exact truth per (outage, artist), zeros included, from the slices' own counts. */
  static List<Row> truth(List<PlaySlice.Result> slices, int artists, OutagePlan plan) {
    int n = plan.size();
    long[][] byArtist = new long[n * artists][];
    for (PlaySlice.Result r : slices) {
      int k = r.artists().length;
      for (int o = 0; o < n; o++) {
        for (int j = 0; j < k; j++) {
          int at = (o * k + j) * PlaySlice.TRUTH_PARTS;
          byArtist[o * artists + r.artists()[j]] = Arrays.copyOfRange(r.truth(), at,
              at + PlaySlice.TRUTH_PARTS);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    List<Planned> outages = new ArrayList<>(plan.outages());
    List<Integer> order = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparing(o -> outages.get(o).window().id())).toList();
    for (int o : order) {
      for (int a = 0; a < artists; a++) {
        long[] t = byArtist[o * artists + a];
        rows.add(RowFactory.create(outages.get(o).window().id(), ArtistCatalog.artistId(a),
            t[0], t[1], t[2], t[3], t[4]));
      }
    }
    return rows;
  }

  /** outages.csv: the declared outages, as declared. */
  private static Dataset<Row> outagesTable(SparkSession spark, OutagePlan plan) {
    List<Row> rows = plan.outages().stream().flatMap(p -> p.declaredWindow().stream())
        .map(w -> RowFactory.create(windowValues(w).toArray())).toList();
    return spark.createDataFrame(rows, outagesSchema(false));
  }

  private static StructType outagesSchema(boolean withTruth) {
    StructType schema = new StructType()
        .add("outage_id", DataTypes.StringType)
        .add("start", DataTypes.StringType)
        .add("end", DataTypes.StringType)
        .add("countries", DataTypes.StringType)
        .add("platforms", DataTypes.StringType)
        .add("description", DataTypes.StringType);
    return withTruth
        ? schema.add("severity", DataTypes.DoubleType).add("rebound_share", DataTypes.DoubleType)
        : schema;
  }

  private static List<Object> windowValues(OutageWindow w) {
    return new ArrayList<>(List.of(w.id(), w.start().toString(), w.end().toString(),
        w.countries().format(), w.platforms().format(), w.description()));
  }

  /** The true window with severity and rebound share. */
  private static List<Object> truthValues(Planned p) {
    List<Object> v = windowValues(p.window());
    v.add(p.severity());
    v.add(Math.round(p.reboundShare() * 1000) / 1000.0);
    return v;
  }

  /** How the outage was declared, and the window declared (nulls when it was not). */
  private static List<Object> declaredValues(Planned p) {
    Optional<OutageWindow> d = p.declaredWindow();
    return Arrays.asList(p.declared().name().toLowerCase(Locale.ROOT),
        d.map(w -> w.start().toString()).orElse(null), d.map(w -> w.end().toString()).orElse(null),
        d.map(w -> w.countries().format()).orElse(null),
        d.map(w -> w.platforms().format()).orElse(null));
  }



  private static void writeReleases(SparkSession spark, ArtistCatalog catalog,
      GeneratorOptions o, String path) {
    StructType schema = new StructType()
        .add("artist_id", DataTypes.StringType, false)
        .add("track_id", DataTypes.StringType)
        .add("album_id", DataTypes.StringType)
        .add("release_ms", DataTypes.LongType, false);
    List<Row> rows = new ArrayList<>();
    for (Artist a : catalog.artists()) {
      if (a.hasRelease()) {
        long ms = o.start().plusDays(a.releaseDay()).toEpochDay() * 86_400_000L;
        rows.add(RowFactory.create(a.id(), ArtistCatalog.trackId(a.index(), a.tracks()), null,
            ms));
      }
    }
    Dataset<Row> releases = spark.createDataFrame(rows, schema)
        .withColumn("release_ts", timestamp_millis(col("release_ms")))
        .drop("release_ms");
    TableFiles.writeSingleParquet(spark, releases, path + ".parquet");
  }

  public static String describe(Result r) {
    return String.format(Locale.ROOT,
        "%,d plays written (%,d drawn, %,d removed by %d outages, %,d came back) for %,d artists",
        r.writtenPlays(), r.drawnPlays(), r.removedPlays(), r.outages(), r.reboundPlays(),
        r.artists());
  }

  /** The outages with their severity, rebound share and truth totals, in order of start. */
  private static Dataset<Row> outageTruth(SparkSession spark, OutagePlan plan,
      List<Row> truth) {
    StructType schema = outagesSchema(true)
        .add("counterfactual_plays", DataTypes.LongType)
        .add("in_scope_plays", DataTypes.LongType)
        .add("removed_plays", DataTypes.LongType)
        .add("rebound_plays", DataTypes.LongType)
        .add("declared", DataTypes.StringType)
        .add("declared_start", DataTypes.StringType)
        .add("declared_end", DataTypes.StringType)
        .add("declared_countries", DataTypes.StringType)
        .add("declared_platforms", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    List<Planned> byStart = plan.outages().stream()
        .sorted(Comparator.comparing(p -> p.window().start().toString())).toList();
    for (Planned p : byStart) {
      long[] sums = new long[4];
      for (Row t : truth) {
        if (t.getString(0).equals(p.window().id())) {
          sums[0] += t.getLong(2);
          sums[1] += t.getLong(3);
          sums[2] += t.getLong(4);
          sums[3] += t.getLong(6);
        }
      }
      List<Object> v = truthValues(p);
      Arrays.stream(sums).forEach(v::add);
      v.addAll(declaredValues(p));
      rows.add(RowFactory.create(v.toArray()));
    }
    return spark.createDataFrame(rows, schema);
  }
}
