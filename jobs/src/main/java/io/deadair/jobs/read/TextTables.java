package io.deadair.jobs.read;

import static io.deadair.jobs.read.TableReader.BLOCK;
import static io.deadair.jobs.read.TableReader.FILE;
import static io.deadair.jobs.read.TableReader.POS;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.deadair.common.contract.TableSpec;
import io.deadair.common.io.InputException;
import io.deadair.common.io.InputFormat;
import io.deadair.jobs.read.TableReader.Read;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The text inputs, CSV with a header and JSON lines: read as lines and parsed line by line with
 * Spark's own CSV and JSON parsers, so that a malformed line keeps its raw text and its place in
 * the file. A small file is read on the driver.
 */
public final class TextTables {

  static final String CORRUPT = "_corrupt_record";
  /** CSV as RFC 4180 and spreadsheets write it: a quote inside a quoted field is doubled. */
  static final String QUOTE = "\"";
  private static final int SCHEMA_SAMPLE_LINES = 1_000;

  private TextTables() {}

  /** Reads the text input at {@code path}, letting {@code prune} filter its lines first. */
  static Read read(SparkSession spark, String path, TableSpec table,
      InputFormat format, UnaryOperator<Dataset<Row>> prune) {
    Path small = smallFile(spark, path);
    if (small != null) {
      return readText(spark, path, small.toString(), lines(spark, small), table, format,
          separator(path));
    }
    Dataset<Row> lines = prune.apply(spark.read().text(path))
        .select(col("value"), col("_metadata.file_path").as(FILE),
            col("_metadata.file_block_start").as(BLOCK),
            monotonically_increasing_id().as(POS));
    return parseText(spark, table, path, format, lines, separator(path));
  }

  /** Text files up to this size are read on the driver: a Spark scan would cost more. */
  private static final long SMALL_FILE_BYTES = 4L << 20;

  /** {@code path}, qualified, when it is one small text file; null otherwise. */
  private static Path smallFile(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus st = fs.getFileStatus(p);
      return st.isFile() && st.getLen() <= SMALL_FILE_BYTES ? fs.makeQualified(p) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The lines of a small file, decoded as UTF-8 (bytes that are not become U+FFFD, as in Spark's
   * text source) and split where Hadoop's line reader splits them.
   */
  private static List<String> lines(SparkSession spark, Path file) {
    try (InputStream in = file.getFileSystem(spark.sparkContext().hadoopConfiguration())
        .open(file)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
      if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
        out.remove(out.size() - 1);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads CSV text held in memory (such as a resource shipped in the jar) as a contract table. */
  public static Read readCsvText(SparkSession spark, String name, List<String> text,
      TableSpec table) {
    return readText(spark, name, name, text, table, InputFormat.CSV, ",");
  }

  /**
   * Reads lines held on the driver as a contract table; each row knows its line number, and
   * Spark runs the checks on the driver, without a job.
   *
   * @param file the name rows give as their file
   */
  private static Read readText(SparkSession spark, String path, String file, List<String> text,
      TableSpec table, InputFormat format, String sep) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      rows.add(RowFactory.create(text.get(i), file, null, (long) i + 1));
    }
    StructType schema = new StructType().add("value", DataTypes.StringType)
        .add(FILE, DataTypes.StringType).add(BLOCK, DataTypes.LongType)
        .add(POS, DataTypes.LongType);
    Read read = parseText(spark, table, path, format, spark.createDataFrame(rows, schema), sep);
    // Its rows already carry their line numbers.
    return new Read(read.table(), read.path(), read.format(), read.rows(), null, read.raw());
  }

  private static String separator(String path) {
    return path.toLowerCase(Locale.ROOT).contains(".tsv") ? "\t" : ",";
  }

  /**
   * Parses lines of CSV (the first line of each file is its header) or JSON lines. Blank lines
   * are not rows; a line that repeats the header is a header.
   */
  private static Read parseText(SparkSession spark, TableSpec table, String path,
      InputFormat format, Dataset<Row> lines, String sep) {
    Column value = regexp_replace(col("value"), "^\uFEFF", "");
    Dataset<Row> text = lines.withColumn("value", value);
    List<String> header = format == InputFormat.CSV ? csvHeader(spark, text, path, table)
        : jsonFields(spark, text, path, table);
    StructType schema = new StructType();
    for (String h : header) {
      schema = schema.add(h, DataTypes.StringType);
    }
    schema = schema.add(CORRUPT, DataTypes.StringType);
    Map<String, String> options = Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord",
        CORRUPT, "sep", sep, "escape", QUOTE);
    Column parsed = format == InputFormat.CSV
        ? from_csv(col("value"), lit(schema.toDDL()), options)
        : from_json(col("value"), schema, options);
    Dataset<Row> data = text.filter(notBlank(col("value")))
        .select(col("value"), col(FILE), col(BLOCK), col(POS), parsed.as("p"))
        .select(col("value"), col(FILE), col(BLOCK), col(POS), col("p.*"));
    if (format == InputFormat.CSV) {
      Column isHeader = lit(true);
      for (int i = 0; i < header.size(); i++) {
        isHeader = isHeader.and(trim(col("`" + header.get(i) + "`")).eqNullSafe(header.get(i)));
      }
      data = data.filter(not(col(CORRUPT).isNull().and(isHeader)));
    }
    Column lineProblem = when(col("value").contains("\uFFFD"),
        lit("the line is not valid UTF-8 (is the file in another encoding?)"))
        .when(col(CORRUPT).isNotNull(), lit(format == InputFormat.CSV
            ? "the line does not split into the header's " + header.size() + " fields (a"
                + " missing or extra separator, or an unclosed quote)"
            : "the line is not one JSON object"));
    StructType rawSchema = data.drop("value", FILE, BLOCK, POS, CORRUPT).schema();
    return new Read(table, path, format,
        ContractColumns.rows(data, rawSchema, table, path, lineProblem, true), lines,
        data.drop(CORRUPT));
  }

  /** The header of a CSV input, read by Spark's CSV reader from its first line. */
  private static List<String> csvHeader(SparkSession spark, Dataset<Row> text, String path,
      TableSpec table) {
    List<Row> first = text.filter(notBlank(col("value"))).limit(1).collectAsList();
    if (first.isEmpty()) {
      throw new InputException(table.name() + ": " + path + " is empty (not even a header)");
    }
    String line = first.get(0).getString(0);
    String[] names = spark.read().option("header", "true").option("sep", separator(path))
        .option("escape", QUOTE)
        .csv(spark.createDataset(List.of(line), Encoders.STRING())).columns();
    List<String> header = Arrays.stream(names).map(String::trim).toList();
    ContractColumns.checkColumns(Set.copyOf(header), table, path);
    return header;
  }

  /** The fields of a JSON lines input, from its first lines. */
  private static List<String> jsonFields(SparkSession spark, Dataset<Row> text, String path,
      TableSpec table) {
    List<String> sample = text.filter(notBlank(col("value"))).limit(SCHEMA_SAMPLE_LINES)
        .select("value").as(Encoders.STRING()).collectAsList();
    if (sample.isEmpty()) {
      throw new InputException(table.name() + ": " + path + " is empty");
    }
    StructType inferred = spark.read().option("primitivesAsString", "true")
        .json(spark.createDataset(sample, Encoders.STRING())).schema();
    List<String> fields = Arrays.stream(inferred.fields()).map(StructField::name)
        .filter(n -> !n.equals(CORRUPT)).collect(Collectors.toList());
    ContractColumns.checkColumns(Set.copyOf(fields), table, path);
    return fields;
  }

  /**
   * Whether a line holds anything but white space and control characters: the lines Spark's
   * CSV reader keeps (a line of tabs is blank, as much as an empty one).
   */
  private static Column notBlank(Column line) {
    return line.rlike("[^\\x00-\\x20]");
  }

  /** The columns of a text input, in its own order (a CSV file's header). */
  public static List<String> textColumns(Read read) {
    List<String> out = new ArrayList<>(Arrays.asList(read.raw().columns()));
    out.removeAll(List.of("value", FILE, BLOCK, POS));
    return out;
  }

  /** The options Dead Air reads CSV with: RFC 4180 quotes, unusable lines kept aside. */
  public static Map<String, String> csvOptions(String path) {
    return Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT, "sep",
        separator(path), "escape", QUOTE);
  }
}
