package io.deadair.jobs.read;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Numbers the lines of unusable rows. A text file may be read in several blocks, and a row only
 * knows its block and its position in the scan; counting the lines of each block (a second,
 * parse-free read, done only when some row was unusable) gives the line each block starts at.
 * Spark gives the same positions to both reads, since it splits the same files the same way.
 */
public final class LineNumbers {

  /** The line or record number column added by {@link #withLines}. */
  public static final String LINE = "_line";

  private LineNumbers() {}

  /**
   * Quarantine rows ({@code input, file, line, column, reason, raw}) for {@code rejected} rows of
   * a {@link TableReader.Read}, numbered with the help of its {@code lines} (null for Parquet,
   * whose rows already carry their record number).
   */
  public static Dataset<Row> quarantine(String input, Dataset<Row> rejected, Dataset<Row> lines) {
    return withLines(rejected, lines).select(lit(input).as("input"),
        col(TableReader.FILE).as("file"), col(LINE).as("line"),
        col(TableReader.COLUMN).as("column"), col(TableReader.REASON).as("reason"),
        col(TableReader.RAW).as("raw"));
  }

  /** {@code rows} with their line or record number in {@link #LINE}. */
  public static Dataset<Row> withLines(Dataset<Row> rows, Dataset<Row> lines) {
    if (lines == null) {
      return rows.withColumn(LINE, col(TableReader.POS));
    }
    Dataset<Row> starts = blockStarts(rows.sparkSession(), lines);
    Dataset<Row> joined = rows.join(broadcast(starts), col(TableReader.FILE)
        .equalTo(col("b_file")).and(col(TableReader.BLOCK).equalTo(col("b_block"))), "left");
    return joined.withColumn(LINE, when(col(TableReader.BLOCK).isNull(), col(TableReader.POS))
            .otherwise(col("b_first_line").plus(col(TableReader.POS)).minus(col("b_first_pos"))))
        .drop("b_file", "b_block", "b_first_pos", "b_first_line");
  }

  /**
   * Where each block of each file starts: its first line number and the scan position of that
   * line. Blocks are few (one per 128 MB), so this is worked out on the driver.
   */
  private static Dataset<Row> blockStarts(SparkSession spark, Dataset<Row> lines) {
    List<Row> blocks = lines.filter(col(TableReader.BLOCK).isNotNull())
        .groupBy(TableReader.FILE, TableReader.BLOCK)
        .agg(count(lit(1)), min(TableReader.POS))
        .orderBy(TableReader.FILE, TableReader.BLOCK).collectAsList();
    List<Row> starts = new ArrayList<>();
    String file = null;
    long line = 1;
    for (Row b : blocks) {
      if (!b.getString(0).equals(file)) {
        file = b.getString(0);
        line = 1;
      }
      starts.add(RowFactory.create(file, b.getLong(1), line, b.getLong(3)));
      line += b.getLong(2);
    }
    StructType schema = new StructType().add("b_file", DataTypes.StringType)
        .add("b_block", DataTypes.LongType).add("b_first_line", DataTypes.LongType)
        .add("b_first_pos", DataTypes.LongType);
    return spark.createDataFrame(starts, schema);
  }
}
