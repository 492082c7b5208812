package io.deadair.jobs.report;

import io.deadair.common.contract.ColumnSpec;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.io.InputException;
import io.deadair.jobs.spark.SparkSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a run's result table back on the driver with Parquet's own reader, as rows in the
 * contract's columns: the report needs a few thousand rows of each table, which a Spark query
 * costs seconds to plan and run, and this milliseconds.
 */
final class TableRows {

  private TableRows() {}

  /** Every row of table {@code spec} under {@code dir/tables/}. */
  static List<Row> read(Configuration conf, Path dir, TableSpec spec) {
    return read(conf, dir, spec, r -> true);
  }

  /** The rows of table {@code spec} under {@code dir/tables/} that {@code keep} keeps. */
  static List<Row> read(Configuration conf, Path dir, TableSpec spec, Predicate<Row> keep) {
    Path table = new Path(dir, "tables/" + spec.name());
    StructType schema = SparkSchemas.nullable(spec);
    List<Row> rows = new ArrayList<>();
    try {
      FileSystem fs = table.getFileSystem(conf);
      if (!fs.exists(table)) {
        throw new InputException(table + " is missing: " + dir + " is not a complete run of"
            + " this version of Dead Air; run it again to draw its report");
      }
      List<Path> parts = new ArrayList<>();
      for (FileStatus s : fs.listStatus(table)) {
        String name = s.getPath().getName();
        if (s.isFile() && name.endsWith(".parquet") && !name.startsWith(".")) {
          parts.add(s.getPath());
        }
      }
      parts.sort(null);
      for (Path part : parts) {
        try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), part)
            .withConf(conf).build()) {
          for (Group g = r.read(); g != null; g = r.read()) {
            Row row = row(g, spec, schema);
            if (keep.test(row)) {
              rows.add(row);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + table + ": " + e.getMessage(), e);
    }
    return rows;
  }

  private static Row row(Group g, TableSpec spec, StructType schema) {
    List<ColumnSpec> cols = spec.columns();
    Object[] values = new Object[cols.size()];
    for (int i = 0; i < values.length; i++) {
      String name = cols.get(i).name();
      if (!g.getType().containsField(name)) {
        throw new InputException("A table lacks column " + name + " of " + spec.name()
            + ": the run is from another version of Dead Air; run it again to draw its report");
      }
      if (g.getFieldRepetitionCount(name) == 0) {
        continue;
      }
      values[i] = switch (cols.get(i).type()) {
        case STRING, STRING_LIST -> g.getString(name, 0);
        case INT -> g.getInteger(name, 0);
        case LONG -> g.getLong(name, 0);
        case DOUBLE -> g.getDouble(name, 0);
        case BOOLEAN -> g.getBoolean(name, 0);
        case DATE -> Date.valueOf(LocalDate.ofEpochDay(g.getInteger(name, 0)));
        case TIMESTAMP -> micros(g.getLong(name, 0));
      };
    }
    return new GenericRowWithSchema(values, schema);
  }

  private static Timestamp micros(long micros) {
    Timestamp t = new Timestamp(Math.floorDiv(micros, 1000L));
    t.setNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
    return t;
  }

}
