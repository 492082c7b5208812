package io.deadair.jobs.cube;

import static org.apache.spark.sql.functions.col;

import io.deadair.common.contract.Contract;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.cube.CubeLayout;
import io.deadair.common.cube.PassTotals;
import io.deadair.common.io.InputFormat;
import io.deadair.common.model.PhaseCalendar;
import io.deadair.jobs.read.TableReader;
import io.deadair.jobs.read.TextTables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The one pass over the plays (or stream counts): every split is read once into a cube of plain
 * arrays ({@link io.deadair.common.cube.CubeAggregate}), which is handed on as compact partials,
 * one per artist bucket, and shuffled so that each bucket's partials meet in one task. Running
 * the pass collects only the small {@link PassTotals}; the buckets are merged by the next step,
 * from the same shuffle files.
 *
 * @param partials the shuffled partials: partition b holds bucket b, partition {@code buckets}
 *     the splits' totals
 * @param buckets the number of artist buckets
 * @param totals the pass's totals, over every split
 * @param layout what codes of hours and days in the partials count from
 * @param read the input as the reader sees it, for the quarantine of unusable rows
 * @param columnar whether the plays came straight from Parquet column vectors
 */
public record PlayPass(JavaPairRDD<Integer, byte[]> partials, int buckets, PassTotals totals,
    CubeLayout layout, TableReader.Read read, boolean columnar) {

  /** A split's cube is handed on when it holds this many cells (bounds a task's memory). */
  static final int MAX_CELLS = 2_000_000;
  /** Input bytes per artist bucket: about one reduce task's share. */
  private static final long BYTES_PER_BUCKET = 32L << 20;
  private static final long MAX_BUCKETS = 16_384;
  private static final String MIN_PARTITIONS = "spark.sql.files.minPartitionNum";

  /** Runs the pass over play events, keeping the hours of {@code calendar}. */
  public static PlayPass plays(SparkSession spark, String path, PhaseCalendar calendar,
      UnaryOperator<Dataset<Row>> prune) {
    TableReader.Read read = TableReader.read(spark, path, Contract.PLAYS, prune);
    PlayClock clock = new PlayClock(calendar);
    int buckets = buckets(spark, path);
    Scan scan = read.format() == InputFormat.PARQUET && ColumnarPlays.fits(read.raw().schema())
        ? columnarScan(spark, read.raw()) : null;
    JavaPairRDD<Integer, byte[]> partials;
    if (scan != null) {
      partials = scan.batches().mapPartitionsToPair(split(new ColumnarPlays(scan.positions(),
          read.raw().schema().apply("ms_played").dataType().equals(DataTypes.LongType)),
          clock, buckets));
    } else if (read.format() == InputFormat.CSV) {
      partials = lines(spark, path, prune).mapPartitionsToPair(split(new CsvPlays(
          TextTables.textColumns(read), TextTables.csvOptions(path)), clock, buckets));
    } else {
      partials = rows(read.rows(), columns(Contract.PLAYS)).mapPartitionsToPair(
          split(new RowPlays(), clock, buckets));
    }
    return shuffle(partials, buckets, clock, read, scan != null);
  }

  /** Runs the pass over stream counts, keeping the hours of {@code calendar}. */
  public static PlayPass counts(SparkSession spark, String path, PhaseCalendar calendar) {
    TableReader.Read read = TableReader.read(spark, path, Contract.STREAM_COUNTS);
    PlayClock clock = new PlayClock(calendar);
    int buckets = buckets(spark, path);
    return shuffle(rows(read.rows(), columns(Contract.STREAM_COUNTS)).mapPartitionsToPair(
        split(new CountRows(), clock, buckets)), buckets, clock, read, false);
  }

  private static <T> PairFlatMapFunction<Iterator<T>, Integer, byte[]> split(
      PlaySource.BatchCoder<T> coder, PlayClock clock, int buckets) {
    return input -> new PlaySource<>(input, coder, clock, buckets, MAX_CELLS);
  }

  private static PlayPass shuffle(JavaPairRDD<Integer, byte[]> partials, int buckets,
      PlayClock clock, TableReader.Read read, boolean columnar) {
    JavaPairRDD<Integer, byte[]> shuffled = partials.partitionBy(new HashPartitioner(buckets + 1));
    PassTotals totals = Partials.totals(shuffled.collectPartitions(new int[] {buckets})[0]
        .iterator());
    return new PlayPass(shuffled, buckets, totals, clock.layout(), read, columnar);
  }

  /** The input's lines as Spark's text reader gives them, for a coder that splits them. */
  private static JavaRDD<InternalRow> lines(SparkSession spark, String path,
      UnaryOperator<Dataset<Row>> prune) {
    return prune.apply(spark.read().text(path)).select("value").queryExecution().toRdd()
        .toJavaRDD();
  }

  /** The contract's columns of a table, in its order, that the row coders read. */
  private static List<String> columns(TableSpec table) {
    return table == Contract.PLAYS ? ColumnarPlays.COLUMNS
        : List.of("bucket_start", "bucket_minutes", "artist_id", "track_id", "country", "tier",
            "streams");
  }

  /** The reader's checked rows in {@code columns}, then its reason column, as Spark rows. */
  private static JavaRDD<InternalRow> rows(Dataset<Row> checked, List<String> columns) {
    List<Column> cols = new ArrayList<>();
    columns.forEach(c -> cols.add(col(c)));
    cols.add(col(TableReader.REASON));
    return checked.select(cols.toArray(Column[]::new)).queryExecution().toRdd().toJavaRDD();
  }

  /** A columnar scan of the play columns, and where each column is in its batches. */
  private record Scan(JavaRDD<ColumnarBatch> batches, int[] positions) {}

  /**
   * Spark's own Parquet scan of {@code raw}'s play columns, as column batches, or null when the
   * plan is not a plain columnar file scan.
   */
  private static Scan columnarScan(SparkSession spark, Dataset<Row> raw) {
    List<String> wanted = new ArrayList<>(ColumnarPlays.COLUMNS);
    wanted.retainAll(Arrays.asList(raw.columns()));
    Column[] cols = wanted.stream().map(c -> col(c)).toArray(Column[]::new);
    SparkPlan plan = raw.select(cols).queryExecution().executedPlan();
    List<SparkPlan> leaves = CollectionConverters.asJava(plan.collectLeaves());
    if (leaves.size() != 1 || !(leaves.get(0) instanceof FileSourceScanExec scan)
        || !scan.supportsColumnar()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Attribute a : CollectionConverters.asJava(scan.output())) {
      out.add(a.name());
    }
    int[] positions = new int[ColumnarPlays.COLUMNS.size()];
    for (int c = 0; c < positions.length; c++) {
      positions[c] = out.indexOf(ColumnarPlays.COLUMNS.get(c));
      if (positions[c] < 0 && wanted.contains(ColumnarPlays.COLUMNS.get(c))) {
        return null;
      }
    }
    // More, smaller splits than Spark's default (one per core) keep both cores busy to the end.
    String before = spark.conf().contains(MIN_PARTITIONS) ? spark.conf().get(MIN_PARTITIONS)
        : null;
    if (before == null) {
      spark.conf().set(MIN_PARTITIONS, 4L * spark.sparkContext().defaultParallelism());
    }
    try {
      return new Scan(scan.executeColumnar().toJavaRDD(), positions);
    } finally {
      if (before == null) {
        spark.conf().unset(MIN_PARTITIONS);
      }
    }
  }

  /**
   * Artist buckets for an input: one per 32 MB, at least two per core, at most 16,384 (at 1.5 TB
   * of plays, 94 MB a bucket: a reduce task stays within a few times what one holds at 200 M
   * plays, while a map task writes at most that many shuffle blocks).
   */
  private static int buckets(SparkSession spark, String path) {
    long bytes;
    try {
      Path p = new Path(path);
      bytes = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).getContentSummary(p)
          .getLength();
    } catch (IOException e) {
      bytes = 0;
    }
    int cores = spark.sparkContext().defaultParallelism();
    return (int) Math.max(2L * cores, Math.min(MAX_BUCKETS, (bytes + BYTES_PER_BUCKET - 1)
        / BYTES_PER_BUCKET));
  }
}
