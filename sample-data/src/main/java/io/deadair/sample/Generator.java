package io.deadair.sample;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.deadair.common.contract.Contract;
import io.deadair.sample.ArtistCatalog.Artist;
import io.deadair.sample.OutagePlan.Planned;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Generates a realistic play log with declared outages and the exact ground truth of what each
 * outage removed, as a Spark job: the per-artist and per-play draws run on the executors.
 *
 * <p>Output layout under {@code out}: {@code plays/} (Parquet, partitioned by UTC {@code date}),
 * {@code artists.parquet}, {@code releases.parquet}, {@code outages.csv}, and {@code truth/} with
 * {@code outage_artist_truth} (Parquet and CSV) and {@code outages.csv} (severity, rebound share,
 * totals).
 */
public final class Generator {

  /** Plays per generation task; keeps tasks around a few seconds each. */
  private static final long PLAYS_PER_TASK = 1_500_000;

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

    log.accept("writing artists, releases and outages");
    writeArtists(spark, catalog, out + "/artists");
    writeReleases(spark, catalog, o, out + "/releases");
    TableFiles.writeSingleCsv(spark, outagesTable(spark, plan, false), out + "/outages.csv");

    Dataset<Row> events = drawEvents(spark, o, draws).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      log.accept("drawing and writing plays");
      writePlays(plays(events), out + "/plays", o.playsPerDay());
      Row totals = events.agg(
          count(lit(1)),
          sum(when(col("removed"), 1).otherwise(0)),
          sum(when(col("rebound_of").geq(0), 1).otherwise(0))).first();
      long drawn = totals.getLong(0) - totals.getLong(2);
      long removed = totals.isNullAt(1) ? 0 : totals.getLong(1);
      long rebound = totals.isNullAt(2) ? 0 : totals.getLong(2);
      log.accept("writing ground truth");
      Dataset<Row> truth = truth(spark, events, catalog.size(), plan).cache();
      TableFiles.writeSingleParquet(spark, truth, out + "/truth/outage_artist_truth.parquet");
      TableFiles.writeSingleCsv(spark, truth, out + "/truth/outage_artist_truth.csv");
      TableFiles.writeSingleCsv(spark, outageTruth(spark, plan, truth), out
          + "/truth/outages.csv");
      truth.unpersist();
      return new Result(drawn, removed, rebound, drawn - removed + rebound, catalog.size(),
          plan.size());
    } finally {
      events.unpersist();
    }
  }

  /** Every drawn play with its truth flags, before anything is removed. */
  static Dataset<Row> drawEvents(SparkSession spark, GeneratorOptions o, PlayDraws draws) {
    Broadcast<PlayDraws> b = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(draws);
    long expected = o.playsPerDay() * (o.days() + 2L);
    int cellSlices = (int) Math.max(2, Math.min(1_000, o.artists() / 2_000));
    int playSlices = (int) Math.max(4, Math.min(10_000, expected / PLAYS_PER_TASK + 1));
    Dataset<Row> cells = spark.range(0, o.artists(), 1, cellSlices)
        .flatMap((FlatMapFunction<Long, Row>) a -> b.value().cells(a),
            Encoders.row(PlayDraws.CELL));
    return cells
        .repartition(playSlices, col("artist"), col("day"))
        .flatMap((FlatMapFunction<Row, Row>) cell -> b.value().plays(cell),
            Encoders.row(PlayDraws.EVENT));
  }

  /** The events that happened, in the plays contract, plus the UTC date they are filed under. */
  static Dataset<Row> plays(Dataset<Row> events) {
    Column artistId = concat(lit("a"), lpad(col("artist").cast("string"), 5, "0"));
    return events
        .filter(col("removed").equalTo(false))
        .select(
            timestamp_millis(col("ts_ms")).as("ts"),
            concat(lit("u"), lpad(col("user").cast("string"), 8, "0")).as("user_id"),
            concat(artistId, lit("-t"), lpad(col("track").cast("string"), 3, "0"))
                .as("track_id"),
            artistId.as("artist_id"),
            col("ms_played"),
            lookup(col("country"), World.COUNTRIES.stream().map(World.Country::code).toList())
                .as("country"),
            lookup(col("platform"), World.PLATFORMS).as("platform"),
            lookup(col("tier"), World.TIERS).as("tier"),
            lookup(col("reason"), World.REASONS).as("reason_end"))
        .withColumn("date", to_date(col("ts")));
  }

  private static Column lookup(Column index, List<String> values) {
    Column[] lits = values.stream().map(v -> lit(v)).toArray(Column[]::new);
    // The cast types an empty list (no outages) too.
    return element_at(array(lits), index.plus(1)).cast("string");
  }

  private static void writePlays(Dataset<Row> plays, String path, long playsPerDay) {
    int filesPerDay = (int) Math.max(1, playsPerDay / 2_000_000);
    plays
        .repartition(col("date"), pmod(hash(col("user_id")), lit(filesPerDay)))
        .sortWithinPartitions("ts", "user_id", "track_id")
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "zstd")
        // v2 pages delta-encode the sorted timestamps: about a third of v1's size.
        .option("parquet.writer.version", "v2")
        .option("parquet.compression.codec.zstd.level", "9")
        .partitionBy("date")
        .parquet(path);
  }

  /** Exact truth per (outage, artist), zeros included, from the events' own flags. */
  static Dataset<Row> truth(SparkSession spark, Dataset<Row> events, int artists,
      OutagePlan plan) {
    Dataset<Row> window = events.filter(col("window_of").geq(0))
        .groupBy(col("window_of").as("o"), col("artist"))
        .agg(count(lit(1)).as("counterfactual_plays"),
            sum(when(col("in_scope"), 1L).otherwise(0L)).as("in_scope_plays"),
            sum(when(col("removed"), 1L).otherwise(0L)).as("removed_plays"));
    Dataset<Row> after = events.filter(col("after_of").geq(0).and(col("rebound_of").lt(0)))
        .groupBy(col("after_of").as("o"), col("artist"))
        .agg(count(lit(1)).as("after_counterfactual_plays"));
    Dataset<Row> rebound = events.filter(col("rebound_of").geq(0))
        .groupBy(col("rebound_of").as("o"), col("artist"))
        .agg(count(lit(1)).as("rebound_plays"));
    Dataset<Row> grid = spark.range(artists).select(col("id").cast("int").as("artist"))
        .crossJoin(spark.range(plan.size()).select(col("id").cast("int").as("o")));
    List<String> ids = plan.outages().stream().map(p -> p.window().id()).toList();
    String[] keys = {"o", "artist"};
    return grid
        .join(window, keys, "left")
        .join(after, keys, "left")
        .join(rebound, keys, "left")
        .select(
            lookup(col("o"), ids).as("outage_id"),
            concat(lit("a"), lpad(col("artist").cast("string"), 5, "0")).as("artist_id"),
            zero("counterfactual_plays"),
            zero("in_scope_plays"),
            zero("removed_plays"),
            zero("after_counterfactual_plays"),
            zero("rebound_plays"))
        .orderBy("outage_id", "artist_id")
        .selectExpr(Contract.OUTAGE_ARTIST_TRUTH.columnNames().toArray(String[]::new));
  }

  private static Column zero(String name) {
    return coalesce(col(name), lit(0L)).cast("long").as(name);
  }

  private static Dataset<Row> outagesTable(SparkSession spark, OutagePlan plan,
      boolean withTruth) {
    StructType schema = new StructType()
        .add("outage_id", DataTypes.StringType)
        .add("start", DataTypes.StringType)
        .add("end", DataTypes.StringType)
        .add("countries", DataTypes.StringType)
        .add("platforms", DataTypes.StringType)
        .add("description", DataTypes.StringType);
    if (withTruth) {
      schema = schema.add("severity", DataTypes.DoubleType)
          .add("rebound_share", DataTypes.DoubleType);
    }
    List<Row> rows = new ArrayList<>();
    for (Planned p : plan.outages()) {
      var w = p.window();
      List<Object> v = new ArrayList<>(List.of(w.id(), w.start().toString(), w.end().toString(),
          w.countries().format(), w.platforms().format(), w.description()));
      if (withTruth) {
        v.add(p.severity());
        v.add(Math.round(p.reboundShare() * 1000) / 1000.0);
      }
      rows.add(RowFactory.create(v.toArray()));
    }
    return spark.createDataFrame(rows, schema);
  }

  private static Dataset<Row> outageTruth(SparkSession spark, OutagePlan plan,
      Dataset<Row> truth) {
    Dataset<Row> totals = truth.groupBy("outage_id").agg(
        sum("counterfactual_plays").as("counterfactual_plays"),
        sum("in_scope_plays").as("in_scope_plays"),
        sum("removed_plays").as("removed_plays"),
        sum("rebound_plays").as("rebound_plays"));
    return outagesTable(spark, plan, true).join(totals, "outage_id").orderBy("start");
  }

  private static void writeArtists(SparkSession spark, ArtistCatalog catalog, String path) {
    StructType schema = new StructType()
        .add("artist_id", DataTypes.StringType, false)
        .add("name", DataTypes.StringType, false)
        .add("debut_date", DataTypes.DateType)
        .add("label_type", DataTypes.StringType)
        .add("emerging", DataTypes.BooleanType);
    List<Row> rows = new ArrayList<>();
    for (Artist a : catalog.artists()) {
      rows.add(RowFactory.create(a.id(), a.name(), java.sql.Date.valueOf(a.debutDate()),
          a.labelType(), null));
    }
    TableFiles.writeSingleParquet(spark, spark.createDataFrame(rows, schema), path
        + ".parquet");
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
}
