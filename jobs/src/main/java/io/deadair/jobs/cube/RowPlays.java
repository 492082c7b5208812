package io.deadair.jobs.cube;

import io.deadair.common.cube.CubeAggregate;
import io.deadair.common.cube.PassTotals;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Adds plays that the reader's projection already parsed and checked (CSV, JSON lines, Parquet
 * of other types) to a cube: rows in the columns of {@link ColumnarPlays#COLUMNS}, then the
 * reader's reason column (null for a usable row).
 */
final class RowPlays implements PlaySource.BatchCoder<InternalRow> {

  private static final PlayCoder[] TEXT = ColumnarPlays.TEXT;
  private static final int REASON = TEXT.length;

  @Override
  public void add(InternalRow row, CubeAggregate cube, PassTotals totals, PlayClock clock) {
    if (!row.isNullAt(REASON)) {
      totals.countRejected();
      return;
    }
    long micros = row.getLong(0);
    // A row outside the windows counts only in the service's fine series and its artist's
    // track day: its other text is not coded, which costs more here than the pass's own coders.
    boolean outside = clock.slot(micros) < 0;
    int[] code = new int[TEXT.length];
    for (int c = 1; c < TEXT.length; c++) {
      if (TEXT[c] != null && (!outside || TEXT[c] == PlayCoder.COUNTRY
          || TEXT[c] == PlayCoder.PLATFORM || TEXT[c] == PlayCoder.ARTIST
          || TEXT[c] == PlayCoder.TRACK)) {
        code[c] = TEXT[c].code(row.isNullAt(c) ? null : row.getUTF8String(c), cube);
      }
    }
    ColumnarPlays.addCoded(cube, totals, clock, micros, code, row.getInt(4));
  }
}
