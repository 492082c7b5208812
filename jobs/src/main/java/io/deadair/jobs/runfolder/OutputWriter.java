package io.deadair.jobs.runfolder;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deadair.common.contract.OutputTables;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.io.InputException;
import io.deadair.jobs.spark.SparkSchemas;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a run's outputs into a staging folder beside {@code --out} and moves it into place only
 * when everything is written, so a failed run leaves the previous output untouched.
 */
public final class OutputWriter {

  private static final String WORK = "_work";
  /** The staging folder's name: hidden, beside the target, and unique to the run. */
  private static final String PARTIAL = ".%s.partial-";

  private final SparkSession spark;
  private final Path target;
  private final Path staging;
  private final FileSystem fs;
  /** Removes the staging folder when the JVM is stopped (Ctrl-C, SIGTERM) mid-run. */
  private final Runnable cleanup = this::abort;
  private final Map<String, Long> rowCounts = Collections.synchronizedMap(new TreeMap<>());
  private final Map<String, List<Row>> written = new ConcurrentHashMap<>();

  public OutputWriter(SparkSession spark, String out) {
    this.spark = spark;
    this.target = new Path(out);
    try {
      this.fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      refuseForeign(fs, target, out);
      Path parent = fs.makeQualified(target).getParent();
      removeLeftovers(fs, parent, target.getName());
      this.staging = new Path(parent, PARTIAL.formatted(target.getName()) + UUID.randomUUID());
      fs.mkdirs(staging);
      ShutdownHookManager.get().addShutdownHook(cleanup, FileSystem.SHUTDOWN_HOOK_PRIORITY + 20);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare output folder " + out + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * A successful run replaces {@code --out} as a whole, so it must be new, empty, or an earlier
   * run's output (it has run.json): a mistyped {@code --out} must never wipe other files.
   */
  private static void refuseForeign(FileSystem fs, Path target, String out) throws IOException {
    if (!fs.exists(target)) {
      return;
    }
    if (!fs.getFileStatus(target).isDirectory()) {
      throw new InputException("--out " + out + " is a file; give a folder for the run's"
          + " output");
    }
    if (fs.listStatus(target).length > 0 && !fs.exists(new Path(target, "run.json"))) {
      throw new InputException("--out " + out + " is a folder that holds other files and no"
          + " run.json, so it is not an earlier Dead Air output; a run replaces its --out as a"
          + " whole, so give a new or empty folder");
    }
  }

  /**
   * Removes staging folders that runs killed outright (which no code of theirs could stop) left
   * beside the target. Two runs must not write the same --out at the same time.
   */
  private static void removeLeftovers(FileSystem fs, Path parent, String name)
      throws IOException {
    if (!fs.exists(parent)) {
      return;
    }
    for (FileStatus s : fs.listStatus(parent)) {
      if (s.isDirectory() && s.getPath().getName().startsWith(PARTIAL.formatted(name))) {
        fs.delete(s.getPath(), true);
      }
    }
  }

  /** Tables with at most this many rows are sorted on the driver; larger ones by Spark. */
  public static final long DRIVER_SORT_ROWS = 2_000_000;

  /** Writes one contract table, made on the driver, as Parquet under tables/ and CSV under csv/. */
  public long writeTable(TableSpec spec, List<Row> rows) {
    return writeTable(spec, rows, true);
  }

  /**
   * As {@link #writeTable(TableSpec, List)}, keeping the rows in the order given unless
   * {@code sort}: for a table whose natural order (time) is not its columns' order.
   */
  public long writeTable(TableSpec spec, List<Row> rows, boolean sort) {
    List<Row> sorted = named(spec, rows);
    if (sort) {
      sorted.sort(new RowOrder(spec));
    }
    written.put(spec.name(), sorted);
    return write(spec, sorted.iterator(), "tables/" + spec.name(),
        "csv/" + spec.name() + ".csv");
  }

  /**
   * Keeps some rows of a table written by the executors for the report (its card artists'),
   * which then needs not read the table back.
   */
  public void keep(TableSpec spec, List<Row> rows) {
    written.put(spec.name(), named(spec, rows));
  }

  /** The rows with the table's schema, so that readers can take values by column name. */
  private static List<Row> named(TableSpec spec, List<Row> rows) {
    StructType schema = SparkSchemas.nullable(spec);
    List<Row> named = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Object[] values = new Object[r.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(i);
      }
      named.add(new GenericRowWithSchema(values, schema));
    }
    return named;
  }

  /**
   * The rows of each table written from the driver, as written, and those kept: the report is
   * drawn from them instead of reading the files back. Tables too large to hold are absent.
   */
  public Map<String, List<Row>> written() {
    return written;
  }

  /**
   * Writes one contract table made on the executors, of about {@code expectedRows} rows: a small
   * table is collected and sorted on the driver, a large one sorted by Spark and streamed to the
   * driver a partition at a time.
   */
  public long writeTable(TableSpec spec, JavaRDD<Row> rows, long expectedRows) {
    spark.sparkContext().setJobDescription("table " + spec.name());
    if (expectedRows <= DRIVER_SORT_ROWS) {
      return writeTable(spec, rows.collect());
    }
    return write(spec, sortedBySpark(spec, spark.createDataFrame(rows,
        SparkSchemas.nullable(spec))), "tables/" + spec.name(), "csv/" + spec.name() + ".csv");
  }

  /**
   * Writes rows of a contract table as a CSV file alone, at {@code path} under the run folder:
   * a slice of a table for one reader, such as one label's artists.
   */
  public void writeCsv(TableSpec spec, List<Row> rows, String path) {
    TableFileWriter.writeCsv(spark.sparkContext().hadoopConfiguration(), spec, rows,
        new Path(staging, path));
  }

  /**
   * Where the executors write a contract table too large to pass through the driver (a row per
   * artist and day), as Parquet part files under tables/ ({@link TaskFile}), each in the order
   * its rows come (artist by artist, day by day). Such a table has no CSV: it feeds dashboards
   * and accruals, and holds more rows than a spreadsheet opens.
   */
  public TaskFile.Target taskFiles(TableSpec spec) {
    Path dir = new Path(staging, "tables/" + spec.name());
    TableFileWriter.mkdirs(fs, dir);
    return new TaskFile.Target(spec, dir.toString(), spark.sparkContext().hadoopConfiguration());
  }

  /**
   * Ends a table the tasks wrote ({@link #taskFiles}): removes what failed attempts left, writes
   * an empty file if no task had a row (so that readers find the columns), and records the rows
   * the tasks reported.
   */
  public void endTaskFiles(TableSpec spec, long rows) {
    TaskFile.end(fs, spark.sparkContext().hadoopConfiguration(), spec,
        new Path(staging, "tables/" + spec.name()));
    rowCounts.put(spec.name(), rows);
  }

  /** Writes the quarantine as Parquet (quarantine/rows) and CSV (quarantine/rows.csv). */
  public long writeQuarantine(Dataset<Row> rows) {
    Iterator<Row> sorted = rows == null ? Collections.emptyIterator()
        : sortedBySpark(OutputTables.QUARANTINE, rows);
    return write(OutputTables.QUARANTINE, sorted, "quarantine/rows", "quarantine/rows.csv");
  }

  private static Iterator<Row> sortedBySpark(TableSpec spec, Dataset<Row> table) {
    List<String> missing = new ArrayList<>(spec.columnNames());
    missing.removeAll(Arrays.asList(table.columns()));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Table " + spec.name() + " lacks columns " + missing);
    }
    return table.select(spec.columnNames().stream().map(c -> col(c)).toArray(Column[]::new))
        .orderBy(RowOrder.columns(spec)).toLocalIterator();
  }

  /** Writes sorted rows in one Parquet file (in folder {@code parquet}) and one CSV file. */
  private long write(TableSpec spec, Iterator<Row> rows, String parquet, String csv) {
    Path dir = new Path(staging, parquet);
    TableFileWriter.mkdirs(fs, dir);
    long n = TableFileWriter.write(spark.sparkContext().hadoopConfiguration(), spec, rows,
        new Path(dir, "part-00000.zstd.parquet"), new Path(staging, csv));
    rowCounts.put(spec.name(), n);
    return n;
  }

  /**
   * Writes an intermediate table under the staging folder and reads it back, so that later
   * steps start from it instead of recomputing its lineage (and never rescan the plays).
   */
  public Dataset<Row> work(String name, Dataset<Row> table) {
    String path = new Path(staging, WORK + "/" + name).toString();
    table.write().mode(SaveMode.Overwrite).parquet(path);
    return spark.read().parquet(path);
  }

  /** Writes run.json. */
  public void writeRunJson(Map<String, Object> run) {
    run.put("outputs", rowCounts);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (OutputStream os = fs.create(new Path(staging, "run.json"), true)) {
      mapper.writeValue(os, run);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write run.json: " + e.getMessage(), e);
    }
  }

  /** Moves the staging folder into place, replacing the previous output. */
  public void commit() {
    try {
      fs.delete(new Path(staging, WORK), true);
      if (fs.exists(target)) {
        fs.delete(target, true);
      }
      if (!fs.rename(staging, target)) {
        throw new IOException("rename of " + staging + " to " + target + " failed");
      }
      forgetCleanup();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move the output into place: " + e.getMessage(), e);
    }
  }

  /** Removes the staging folder after a failure. */
  public void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException | RuntimeException e) {
      // The run has already failed; its message matters more than this one.
    }
    forgetCleanup();
  }

  private void forgetCleanup() {
    try {
      ShutdownHookManager.get().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }

  /** The staging folder, which holds the run's files until {@link #commit}. */
  public String staging() {
    return staging.toString();
  }

  public Map<String, Long> rowCounts() {
    return rowCounts;
  }
}
