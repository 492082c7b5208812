package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deadair.common.contract.Contract;
import io.deadair.common.contract.TableSpec;
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

  private final SparkSession spark;
  private final Path target;
  private final Path staging;
  private final FileSystem fs;
  private final Map<String, Long> rowCounts =
      Collections.synchronizedMap(new TreeMap<>());

  OutputWriter(SparkSession spark, String out) {
    this.spark = spark;
    this.target = new Path(out);
    try {
      this.fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path parent = fs.makeQualified(target).getParent();
      this.staging = new Path(parent, "." + target.getName() + ".partial-" + UUID.randomUUID());
      fs.mkdirs(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare output folder " + out + ": "
          + e.getMessage(), e);
    }
  }

  /** Writes one contract table as Parquet under tables/ and CSV under csv/. */
  long writeTable(TableSpec spec, Dataset<Row> table) {
    List<String> missing = new ArrayList<>(spec.columnNames());
    missing.removeAll(Arrays.asList(table.columns()));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Table " + spec.name() + " lacks columns " + missing);
    }
    Dataset<Row> ordered = table.select(spec.columnNames().stream().map(c -> col(c))
        .toArray(Column[]::new)).cache();
    try {
      ordered.coalesce(1).write().mode(SaveMode.Overwrite).option("compression", "zstd")
          .parquet(new Path(staging, "tables/" + spec.name()).toString());
      TableFiles.writeSingleCsv(spark, spreadsheetSafe(ordered),
          new Path(staging, "csv/" + spec.name() + ".csv").toString());
      long n = ordered.count();
      rowCounts.put(spec.name(), n);
      return n;
    } finally {
      ordered.unpersist();
    }
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
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move the output into place: " + e.getMessage(), e);
    }
  }

  /** Removes the staging folder after a failure. */
  void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      // The run has already failed; its message matters more than this one.
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
