package io.deadair.jobs.read;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import io.deadair.common.contract.ColumnSpec;
import io.deadair.common.contract.ColumnType;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.io.InputFormat;
import io.deadair.jobs.spark.SparkSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one input of the data contract from any Hadoop path, as Parquet, CSV with a header or JSON
 * lines (chosen from the file names), into the contract's Spark schema. Each row carries the file
 * it came from and, when a value could not be read, which column and why.
 */
public final class TableReader {

  /** Column naming the source file of each row. */
  public static final String SOURCE = "_source";
  /** Column describing the first unusable value of a row, or null when the row is good. */
  public static final String PROBLEM = "_problem";

  private static final String EPOCH_MS = "^-?[0-9]{1,18}$";
  private static final String HAS_OFFSET = "(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$";

  private TableReader() {}

  /** The rows of one input, each with {@link #SOURCE} and {@link #PROBLEM}. */
  public record Read(TableSpec table, String path, InputFormat format, Dataset<Row> rows) {

    /** The rows that conform to the contract, in its columns only. */
    public Dataset<Row> valid() {
      return rows.filter(col(PROBLEM).isNull())
          .select(table.columnNames().stream().map(c -> col(c)).toArray(Column[]::new));
    }

    /** The rows that do not, with their source and problem. */
    public Dataset<Row> rejected() {
      return rows.filter(col(PROBLEM).isNotNull());
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
    Dataset<Row> raw = switch (format) {
      case PARQUET -> spark.read().parquet(path);
      case CSV -> spark.read().option("header", "true").option("inferSchema", "false")
          .option("mode", "PERMISSIVE").option("sep", path.toLowerCase(Locale.ROOT).contains(".tsv")
              ? "\t" : ",").csv(path);
      case JSON -> spark.read().option("primitivesAsString", "true").json(path);
    };
    return new Read(table, path, format, conform(prune.apply(raw), table, path));
  }

  /** Reads CSV text held in memory (such as a resource shipped in the jar) as a contract table. */
  public static Read readCsvText(SparkSession spark, String name, List<String> lines,
      TableSpec table) {
    Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "false")
        .csv(spark.createDataset(lines, org.apache.spark.sql.Encoders.STRING()));
    return new Read(table, name, InputFormat.CSV, conform(raw, table, name));
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
        return InputFormat.ofFileName(p.getName()).orElseThrow(() -> new InputException(
            table.name() + ": cannot tell the format of " + path
                + " from its name; use a .parquet, .csv or .json/.jsonl suffix"));
      }
      List<String> names = new ArrayList<>();
      collectNames(fs, p, 0, names);
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

  /**
   * Casts each contract column from whatever the file holds; a missing required column is an
   * error, a missing optional one becomes null, unknown columns are dropped.
   */
  static Dataset<Row> conform(Dataset<Row> raw, TableSpec table, String path) {
    Set<String> present = Arrays.stream(raw.columns()).collect(Collectors.toSet());
    List<String> missing = table.requiredColumnNames().stream()
        .filter(c -> !present.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new InputException(String.format(
          "%s: %s has no column %s (it has: %s)", table.name(), path,
          String.join(", ", missing), String.join(", ", raw.columns())));
    }
    StructType rawSchema = raw.schema();
    List<Column> out = new ArrayList<>();
    Column problem = lit(null).cast(DataTypes.StringType);
    for (int i = table.columns().size() - 1; i >= 0; i--) {
      ColumnSpec c = table.columns().get(i);
      if (!present.contains(c.name())) {
        out.add(0, lit(null).cast(SparkSchemas.typeOf(c.type())).as(c.name()));
        continue;
      }
      DataType rawType = rawSchema.apply(c.name()).dataType();
      Column source = col(c.name());
      Column parsed = parse(source, rawType, c.type());
      out.add(0, parsed.as(c.name()));
      Column blank = rawType.equals(DataTypes.StringType)
          ? source.isNull().or(trim(source).equalTo("")) : source.isNull();
      Column unreadable = source.isNotNull().and(parsed.isNull()).and(not(blank));
      Column bad = c.required() ? unreadable.or(blank) : unreadable;
      problem = when(bad, concat(lit("column " + c.name() + ": "),
          when(blank, lit("required value is missing"))
              .otherwise(concat(lit("cannot read '"), source.cast("string"),
                  lit("' as " + c.type().description())))))
          .otherwise(problem);
    }
    out.add(input_file_name().as(SOURCE));
    out.add(problem.as(PROBLEM));
    return raw.select(out.toArray(Column[]::new));
  }

  /** The value of {@code source} as the contract type, or null where it cannot be read. */
  static Column parse(Column source, DataType rawType, ColumnType type) {
    if (rawType instanceof ArrayType) {
      return type == ColumnType.STRING_LIST ? array_join(source, ";") : lit(null);
    }
    boolean text = rawType.equals(DataTypes.StringType);
    return switch (type) {
      case STRING, STRING_LIST -> text ? when(trim(source).notEqual(""), trim(source))
          : source.cast(DataTypes.StringType);
      case TIMESTAMP -> text ? parseTimestamp(trim(source))
          : rawType instanceof NumericType
              ? timestamp_millis(source.cast("long")) : source.try_cast(DataTypes.TimestampType);
      case INT, LONG, DOUBLE, BOOLEAN, DATE -> (text ? trim(source) : source)
          .try_cast(SparkSchemas.typeOf(type));
    };
  }

  /** ISO-8601 with an offset, or epoch milliseconds; a time without an offset is unreadable. */
  static Column parseTimestamp(Column s) {
    return when(s.rlike(EPOCH_MS), timestamp_millis(s.try_cast("long")))
        .when(s.rlike(HAS_OFFSET), try_to_timestamp(s));
  }
}
