package io.deadair.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Writes small tables as single files through the Hadoop file system (any scheme). */
public final class TableFiles {

  /** ISO-8601 in UTC with a Z, the form the data contract reads back. */
  public static final String TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ssXXX";

  private TableFiles() {}

  /** Writes {@code table} as one CSV file with a header at exactly {@code path}. */
  public static void writeSingleCsv(SparkSession spark, Dataset<Row> table, String path) {
    String staging = path + ".staging";
    table
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("header", "true")
        .option("timestampFormat", TIMESTAMP_FORMAT)
        .option("emptyValue", "")
        // RFC 4180, as spreadsheets read it: a quote inside a quoted field is doubled.
        .option("escape", "\"")
        .csv(staging);
    moveSinglePart(spark, staging, ".csv", path);
  }

  /** Writes {@code table} as one zstd Parquet file at exactly {@code path}. */
  public static void writeSingleParquet(SparkSession spark, Dataset<Row> table, String path) {
    String staging = path + ".staging";
    table.coalesce(1).write().mode(SaveMode.Overwrite).option("compression", "zstd")
        .parquet(staging);
    moveSinglePart(spark, staging, ".parquet", path);
  }

  private static void moveSinglePart(SparkSession spark, String staging, String suffix,
      String target) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path dir = new Path(staging);
    Path dest = new Path(target);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      Path part = null;
      for (FileStatus st : fs.listStatus(dir)) {
        String name = st.getPath().getName();
        if (name.startsWith("part-") && name.endsWith(suffix)) {
          part = st.getPath();
        }
      }
      if (part == null) {
        throw new IllegalStateException("Spark wrote no " + suffix + " part file in " + staging);
      }
      fs.delete(dest, true);
      if (!fs.rename(part, dest)) {
        throw new IOException("Could not move " + part + " to " + dest);
      }
      fs.delete(dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing " + target + " failed: " + e.getMessage(), e);
    }
  }
}
