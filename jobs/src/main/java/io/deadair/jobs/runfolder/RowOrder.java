package io.deadair.jobs.runfolder;

import io.deadair.common.contract.ColumnSpec;
import io.deadair.common.contract.ColumnType;
import io.deadair.common.contract.TableSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The order a table's rows are written in, so that two runs on the same input give the same files
 * row for row: every column, those that identify a row (text, whole numbers, times) before the
 * measures, each ascending with nulls first, text in UTF-8 byte order as Spark sorts it.
 */
public final class RowOrder implements Comparator<Row>, Serializable {

  private final int[] columns;
  private final boolean[] text;

  RowOrder(TableSpec spec) {
    List<Integer> keys = new ArrayList<>();
    List<Integer> measures = new ArrayList<>();
    List<ColumnSpec> cols = spec.columns();
    for (int i = 0; i < cols.size(); i++) {
      (cols.get(i).type() == ColumnType.DOUBLE ? measures : keys).add(i);
    }
    keys.addAll(measures);
    columns = keys.stream().mapToInt(Integer::intValue).toArray();
    text = new boolean[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      ColumnType t = cols.get(i).type();
      text[i] = t == ColumnType.STRING || t == ColumnType.STRING_LIST;
    }
  }

  /** The same order as Spark sort columns, for tables sorted by Spark. */
  static Column[] columns(TableSpec spec) {
    RowOrder o = new RowOrder(spec);
    return Arrays.stream(o.columns).mapToObj(i -> functions.col(spec.columns().get(i).name())
        .asc_nulls_first()).toArray(Column[]::new);
  }

  /**
   * Text in code point order, which is UTF-8 byte order (Spark's). Java's own (UTF-16) order
   * differs from it only where a surrogate, half of a character beyond U+FFFF, meets a character
   * from U+E000: there the surrogate must sort after, and both are moved so that it does.
   */
  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      int x = a.charAt(i);
      int y = b.charAt(i);
      if (x != y) {
        if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE) {
          x = surrogatesLast(x);
          y = surrogatesLast(y);
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /** U+D800 to U+FFFF with the surrogates (D800 to DFFF) moved after U+E000 to U+FFFF. */
  private static int surrogatesLast(int c) {
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public int compare(Row a, Row b) {
    for (int i : columns) {
      Object x = a.get(i);
      Object y = b.get(i);
      if (x == null || y == null) {
        if (x != y) {
          return x == null ? -1 : 1;
        }
        continue;
      }
      int c = text[i] ? compareCodePoints((String) x, (String) y)
          : ((Comparable) x).compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
