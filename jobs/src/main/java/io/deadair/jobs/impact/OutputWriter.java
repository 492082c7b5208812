package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deadair.common.contract.Contract;
import io.deadair.common.contract.TableSpec;
import io.deadair.jobs.read.InputException;
import io.deadair.sample.TableFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Writes a run's outputs into a staging folder beside {@code --out} and moves it into place only
 * when everything is written, so a failed run leaves the previous output untouched.
 */
final class OutputWriter {

  /** A CSV cell starting with one of these is neutralised with a leading apostrophe. */
  static final String FORMULA_START = "^[=+\\-@\\t\\r]";

  private static final String WORK = "_work";
  /** The staging folder's name: hidden, beside the target, and unique to the run. */
  private static final String PARTIAL = ".%s.partial-";

  private final SparkSession spark;
  private final Path target;
  private final Path staging;
  private final FileSystem fs;
  /** Removes the staging folder when the JVM is stopped (Ctrl-C, SIGTERM) mid-run. */
  private final Runnable cleanup = this::abort;
  private final Map<String, Long> rowCounts =
      Collections.synchronizedMap(new TreeMap<>());

  OutputWriter(SparkSession spark, String out) {
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
    for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(parent)) {
      if (s.isDirectory() && s.getPath().getName().startsWith(PARTIAL.formatted(name))) {
        fs.delete(s.getPath(), true);
      }
    }
  }

  /** Writes one contract table as Parquet under tables/ and CSV under csv/. */
  long writeTable(TableSpec spec, Dataset<Row> table) {
    return write(spec, table, "tables/" + spec.name(), "csv/" + spec.name() + ".csv");
  }

  /** Writes the quarantine as Parquet (quarantine/rows) and CSV (quarantine/rows.csv). */
  long writeQuarantine(Dataset<Row> rows) {
    return write(Contract.QUARANTINE, rows, "quarantine/rows", "quarantine/rows.csv");
  }

  /**
   * Writes a table in one Parquet file and one CSV file, its rows sorted on every column (text
   * and whole numbers first), so that two runs on the same input give the same files row for row.
   */
  private long write(TableSpec spec, Dataset<Row> table, String parquet, String csv) {
    List<String> missing = new ArrayList<>(spec.columnNames());
    missing.removeAll(Arrays.asList(table.columns()));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Table " + spec.name() + " lacks columns " + missing);
    }
    Dataset<Row> ordered = table.select(spec.columnNames().stream().map(c -> col(c))
        .toArray(Column[]::new)).orderBy(sortOrder(spec)).cache();
    try {
      ordered.coalesce(1).write().mode(SaveMode.Overwrite).option("compression", "zstd")
          .parquet(new Path(staging, parquet).toString());
      TableFiles.writeSingleCsv(spark, spreadsheetSafe(ordered),
          new Path(staging, csv).toString());
      long n = ordered.count();
      rowCounts.put(spec.name(), n);
      return n;
    } finally {
      ordered.unpersist();
    }
  }

  /** Every column, those that identify a row (text, whole numbers, times) before measures. */
  private static Column[] sortOrder(TableSpec spec) {
    List<Column> keys = new ArrayList<>();
    List<Column> measures = new ArrayList<>();
    for (io.deadair.common.contract.ColumnSpec c : spec.columns()) {
      (c.type() == io.deadair.common.contract.ColumnType.DOUBLE ? measures : keys)
          .add(col(c.name()).asc_nulls_first());
    }
    keys.addAll(measures);
    return keys.toArray(Column[]::new);
  }

  long writeTable(String name, Dataset<Row> table) {
    return writeTable(Contract.table(name).orElseThrow(), table);
  }

  /**
   * Neutralises text cells a spreadsheet would run as a formula: those starting with =, +, -,
   * @, tab or carriage return get a leading apostrophe. Numbers are left alone.
   */
  static Dataset<Row> spreadsheetSafe(Dataset<Row> table) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : table.schema().fields()) {
      Column c = col(f.name());
      cols.add(f.dataType().equals(DataTypes.StringType)
          ? when(c.rlike(FORMULA_START), concat(lit("'"), c)).otherwise(c).as(f.name()) : c);
    }
    return table.select(cols.toArray(Column[]::new));
  }

  /**
   * Writes an intermediate table under the staging folder and reads it back, so that later
   * steps start from it instead of recomputing its lineage (and never rescan the plays).
   */
  Dataset<Row> work(String name, Dataset<Row> table) {
    String path = new Path(staging, WORK + "/" + name).toString();
    table.write().mode(SaveMode.Overwrite).parquet(path);
    return spark.read().parquet(path);
  }

  /** Writes run.json. */
  void writeRunJson(Map<String, Object> run) {
    run.put("outputs", rowCounts);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (OutputStream os = fs.create(new Path(staging, "run.json"), true)) {
      mapper.writeValue(os, run);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write run.json: " + e.getMessage(), e);
    }
  }

  /** Moves the staging folder into place, replacing the previous output. */
  void commit() {
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
  void abort() {
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
  String staging() {
    return staging.toString();
  }

  Map<String, Long> rowCounts() {
    return rowCounts;
  }
}
