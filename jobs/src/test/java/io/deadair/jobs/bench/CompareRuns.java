package io.deadair.jobs.bench;

import io.deadair.jobs.spark.SparkSessions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * For scripts/cluster-test: checks that two runs wrote the same tables, row for row. Rows are
 * matched by sorting on every column that is not floating point; floating values must agree to
 * {@value #RELATIVE} relative (or that much absolute, near zero), since sums may add up in another
 * order on another cluster. Prints one line per table and exits 1 on any difference.
 *
 * <p>Usage: {@code CompareRuns RUN_DIR_A RUN_DIR_B [RELATIVE]}
 */
public final class CompareRuns {

  static final double RELATIVE = 1e-9;
  private static double relative = RELATIVE;

  private CompareRuns() {}

  public static void main(String[] args) throws Exception {
    relative = args.length > 2 ? Double.parseDouble(args[2]) : RELATIVE;
    SparkSession spark = SparkSessions.create("deadair-compare");
    int differences = 0;
    try {
      Path a = new Path(args[0], "tables");
      FileSystem fs = a.getFileSystem(spark.sparkContext().hadoopConfiguration());
      List<String> tables = new ArrayList<>();
      for (FileStatus s : fs.listStatus(a)) {
        tables.add(s.getPath().getName());
      }
      tables.sort(null);
      if (tables.isEmpty()) {
        throw new IllegalStateException("No tables under " + a);
      }
      for (String t : tables) {
        differences += compare(t, spark.read().parquet(args[0] + "/tables/" + t),
            spark.read().parquet(args[1] + "/tables/" + t));
      }
    } finally {
      spark.stop();
    }
    System.out.println(differences == 0 ? "compare: the same tables" : "compare: " + differences
        + " tables differ");
    System.exit(differences == 0 ? 0 : 1);
  }

  /** The rows sorted by every column that is not floating point. */
  private static List<Row> sorted(Dataset<Row> t) {
    List<Column> keys = new ArrayList<>();
    for (StructField f : t.schema().fields()) {
      if (!f.dataType().equals(DataTypes.DoubleType)) {
        keys.add(t.col(f.name()).asc_nulls_first());
      }
    }
    return t.orderBy(keys.toArray(Column[]::new)).collectAsList();
  }

  private static int compare(String name, Dataset<Row> a, Dataset<Row> b) {
    if (!Arrays.equals(a.columns(), b.columns())) {
      System.out.printf("%s: columns differ: %s against %s%n", name,
          Arrays.toString(a.columns()), Arrays.toString(b.columns()));
      return 1;
    }
    List<Row> ra = sorted(a);
    List<Row> rb = sorted(b);
    if (ra.size() != rb.size()) {
      System.out.printf("%s: %d rows against %d%n", name, ra.size(), rb.size());
      return 1;
    }
    double worst = 0;
    for (int i = 0; i < ra.size(); i++) {
      for (int c = 0; c < a.columns().length; c++) {
        Object x = ra.get(i).get(c);
        Object y = rb.get(i).get(c);
        if (x instanceof Double dx && y instanceof Double dy) {
          double diff = Math.abs(dx - dy);
          double scale = Math.max(Math.abs(dx), Math.abs(dy));
          if (diff > relative * scale && diff > relative) {
            System.out.printf("%s: row %d, %s: %s against %s%n", name, i, a.columns()[c], x, y);
            return 1;
          }
          worst = Math.max(worst, scale > 0 ? diff / scale : 0);
        } else if (x == null ? y != null : !x.equals(y)) {
          System.out.printf("%s: row %d, %s: %s against %s%n", name, i, a.columns()[c], x, y);
          return 1;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d rows the same (largest relative difference %.1e)%n",
        name, ra.size(), worst);
    return 0;
  }
}
