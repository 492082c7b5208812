package io.deadair.jobs.runfolder;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import io.deadair.common.contract.ColumnSpec;
import io.deadair.common.contract.ColumnType;
import io.deadair.common.contract.TableSpec;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;

/**
 * Writes a result table, already sorted, as one Parquet file and one CSV file from the driver,
 * with Parquet's own writer and the CSV writer Spark uses (univocity): a table of thousands of
 * rows costs milliseconds this way instead of a Spark job for each file.
 *
 * <p>Parquet columns take the contract's types (text as UTF-8, times as UTC microseconds), so
 * Spark, DuckDB and pandas read them back as they read Spark's own files. CSV follows RFC 4180
 * as spreadsheets read it, times as ISO-8601 with a Z, and text that a spreadsheet would run as
 * a formula neutralised with a leading apostrophe.
 */
public final class TableFileWriter {

  /** A CSV cell starting with one of these is neutralised with a leading apostrophe. */
  static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r]");
  private static final DateTimeFormatter CSV_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

  private TableFileWriter() {}

  /** Writes {@code rows} (in the table's columns) to both files; returns how many there were. */
  static long write(Configuration conf, TableSpec spec, Iterator<Row> rows, Path parquet,
      Path csv) {
    int n = spec.columns().size();
    long count = 0;
    try (ParquetWriter<Row> p = RowWriteSupport.open(conf, spec, parquet);
        Writer text = new OutputStreamWriter(csv.getFileSystem(conf).create(csv, true),
            StandardCharsets.UTF_8)) {
      CsvWriter c = new CsvWriter(text, csvSettings());
      c.writeHeaders(spec.columnNames().toArray(String[]::new));
      Object[] cells = new Object[n];
      while (rows.hasNext()) {
        Row r = rows.next();
        for (int i = 0; i < n; i++) {
          Object v = r.get(i);
          cells[i] = v == null ? null : cell(v);
        }
        p.write(r);
        c.writeRow(cells);
        count++;
      }
      c.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + parquet + ": " + e.getMessage(), e);
    }
    return count;
  }

  /** The table's double columns. */
  static List<String> measures(TableSpec spec) {
    return spec.columns().stream().filter(c -> c.type() == ColumnType.DOUBLE)
        .map(ColumnSpec::name).toList();
  }

  /** Ensures a folder exists (for the Parquet file of a table). */
  static void mkdirs(FileSystem fs, Path dir) {
    try {
      fs.mkdirs(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  static MessageType schema(TableSpec spec) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (ColumnSpec c : spec.columns()) {
      switch (c.type()) {
        case STRING, STRING_LIST -> b.optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType()).named(c.name());
        case INT -> b.optional(PrimitiveTypeName.INT32).named(c.name());
        case LONG -> b.optional(PrimitiveTypeName.INT64).named(c.name());
        case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
        case BOOLEAN -> b.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
        case DATE -> b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType())
            .named(c.name());
        case TIMESTAMP -> b.optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
            .named(c.name());
      }
    }
    return b.named("spark_schema");
  }

  /** Writes {@code rows} (in the table's columns) to a CSV file alone. */
  static void writeCsv(Configuration conf, TableSpec spec, Iterable<Row> rows, Path csv) {
    try (Writer text = new OutputStreamWriter(csv.getFileSystem(conf).create(csv, true),
        StandardCharsets.UTF_8)) {
      CsvWriter c = new CsvWriter(text, csvSettings());
      c.writeHeaders(spec.columnNames().toArray(String[]::new));
      Object[] cells = new Object[spec.columns().size()];
      for (Row r : rows) {
        for (int i = 0; i < cells.length; i++) {
          cells[i] = r.get(i) == null ? null : cell(r.get(i));
        }
        c.writeRow(cells);
      }
      c.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + csv + ": " + e.getMessage(), e);
    }
  }

  /** A value as its CSV cell: numbers as Java prints them, times in UTC, text made safe. */
  private static String cell(Object v) {
    if (v instanceof String s) {
      return FORMULA_START.matcher(s).find() ? "'" + s : s;
    }
    if (v instanceof Timestamp t) {
      return CSV_TIME.format(t.toInstant());
    }
    return v.toString();
  }

  private static CsvWriterSettings csvSettings() {
    CsvWriterSettings s = new CsvWriterSettings();
    s.getFormat().setDelimiter(',');
    s.getFormat().setQuote('"');
    s.getFormat().setQuoteEscape('"');
    s.getFormat().setLineSeparator("\n");
    s.setQuoteEscapingEnabled(true);
    s.setIgnoreLeadingWhitespaces(false);
    s.setIgnoreTrailingWhitespaces(false);
    s.setNullValue("");
    s.setEmptyValue("");
    return s;
  }
}
