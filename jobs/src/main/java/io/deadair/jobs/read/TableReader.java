package io.deadair.jobs.read;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.deadair.common.contract.TableSpec;
import io.deadair.common.io.InputException;
import io.deadair.common.io.InputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads one input of the data contract from any Hadoop path, as Parquet, CSV with a header or JSON
 * lines (chosen from the file names), into the contract's columns. Every row also carries where it
 * came from (file, and the line or record number or what is needed to work it out), its raw text
 * when it is unusable, and the column and reason that make it so ({@link ContractColumns}).
 *
 * <p>CSV and JSON lines are read as text and parsed line by line with Spark's own CSV and JSON
 * parsers, so that a malformed line keeps its raw text and its place in the file.
 */
public final class TableReader {

  /** The file a row came from. */
  public static final String FILE = "_file";
  /** For text, the start of the file block the row was read in; null when {@link #POS} is the
   * line or record number itself. */
  public static final String BLOCK = "_block";
  /** The line or record number (from 1), or for text in a block its position in the scan. */
  public static final String POS = "_pos";
  /** The raw line, or the record as JSON, for an unusable row. */
  public static final String RAW = "_raw";
  /** The column that makes a row unusable, or null when the whole line is. */
  public static final String COLUMN = "_column";
  /** Why a row is unusable, or null for a good row. */
  public static final String REASON = "_reason";


  private TableReader() {}

  /**
   * The rows of one input.
   *
   * @param lines for text inputs, every line with its block and position, to number the lines of
   *     unusable rows ({@link LineNumbers}); null for Parquet
   * @param raw the input's own rows before any check: for Parquet the files' rows (pruned), for
   *     text each line's fields in the file's own columns (with {@link #FILE}, {@link #BLOCK},
   *     {@link #POS} and the line itself in {@code value})
   */
  public record Read(TableSpec table, String path, InputFormat format, Dataset<Row> rows,
      Dataset<Row> lines, Dataset<Row> raw) {

    /** The rows that conform to the contract, in its columns only. */
    public Dataset<Row> valid() {
      return rows.filter(col(REASON).isNull())
          .select(table.columnNames().stream().map(c -> col(c)).toArray(Column[]::new));
    }

    /** The rows that do not, with where they came from and why. */
    public Dataset<Row> rejected() {
      return rows.filter(col(REASON).isNotNull());
    }

    /** The rejected rows as quarantine rows, with their line or record numbers. */
    public Dataset<Row> quarantine() {
      return LineNumbers.quarantine(table.name(), rejected(), lines);
    }

    /** This read with one more rule on whole rows: where {@code bad} holds, the row is unusable. */
    public Read withRowRule(Column bad, String column, Column reason) {
      Column fresh = col(REASON).isNull().and(bad);
      return new Read(table, path, format, rows
          .withColumn(RAW, when(fresh.and(col(RAW).isNull()), to_json(struct(table.columnNames()
              .stream().map(c -> col(c)).toArray(Column[]::new)))).otherwise(col(RAW)))
          .withColumn(COLUMN, when(fresh, lit(column)).otherwise(col(COLUMN)))
          .withColumn(REASON, when(fresh, reason).otherwise(col(REASON))), lines, raw);
    }
  }

  /** Reads {@code path} as the contract table {@code table}. */
  public static Read read(SparkSession spark, String path, TableSpec table) {
    return read(spark, path, table, raw -> raw);
  }

  /**
   * Reads {@code path}, letting {@code prune} filter the raw rows first, so that a filter on a
   * lake's partition column (such as {@code date}) skips whole folders.
   */
  public static Read read(SparkSession spark, String path, TableSpec table,
      UnaryOperator<Dataset<Row>> prune) {
    InputFormat format = detect(spark, path, table);
    if (format == InputFormat.PARQUET) {
      Dataset<Row> raw = prune.apply(parquet(spark, path, table));
      Dataset<Row> located = raw.withColumn(FILE, col("_metadata.file_path"))
          .withColumn(BLOCK, lit(null).cast(DataTypes.LongType))
          .withColumn(POS, col("_metadata.row_index").plus(1));
      ContractColumns.checkTypes(raw.schema(), table, path);
      return new Read(table, path, format, ContractColumns.rows(located, raw.schema(), table, path,
          ContractColumns.NO_LINE_PROBLEM, false), null, raw);
    }
    return TextTables.read(spark, path, table, format, prune);
  }

  /** The Parquet files at {@code path}; a file that is not Parquet is named in the message. */
  private static Dataset<Row> parquet(SparkSession spark, String path, TableSpec table) {
    try {
      return spark.read().parquet(path);
    } catch (Exception e) {
      // Spark throws its (checked) SparkException from Scala when a footer cannot be read.
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new InputException(table.name() + ": cannot read " + path + " as Parquet: "
          + String.valueOf(root.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /** The format of a file, or of the data files in a folder (searched two levels deep). */
  static InputFormat detect(SparkSession spark, String path, TableSpec table) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new InputException(table.name() + ": no file or folder at " + path);
      }
      FileStatus st = fs.getFileStatus(p);
      if (st.isFile()) {
        if (st.getLen() == 0) {
          throw new InputException(table.name() + ": " + path + " is empty (0 bytes)");
        }
        return InputFormat.ofFileName(p.getName()).orElseThrow(() -> new InputException(
            table.name() + ": cannot tell the format of " + path
                + " from its name; use a .parquet, .csv or .json/.jsonl suffix"));
      }
      List<String> names = new ArrayList<>();
      collectNames(fs, p, 0, names);
      if (names.isEmpty()) {
        throw new InputException(table.name() + ": the folder " + path + " holds no data file");
      }
      return InputFormat.ofFiles(table.name() + " folder " + path, names);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + path + ": " + e.getMessage(), e);
    }
  }

  private static void collectNames(FileSystem fs, Path dir, int depth, List<String> out)
      throws IOException {
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      if (InputFormat.isHidden(name)) {
        continue;
      }
      if (s.isFile()) {
        out.add(name);
      } else if (depth < 2 && out.size() < 1_000) {
        collectNames(fs, s.getPath(), depth + 1, out);
      }
    }
  }
}
