package io.deadair.jobs.cube;

import io.deadair.common.contract.Contract;
import io.deadair.common.cube.CubeAggregate;
import io.deadair.common.cube.PassTotals;
import io.deadair.common.cube.ServiceBuckets;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Adds Parquet plays to a cube straight from Spark's column vectors, batch by batch: no row
 * objects, dictionary-encoded text coded once per distinct value, and the contract's checks
 * applied as the reader's are. Used when the files hold the contract's own types (a timestamp,
 * text, a whole number of milliseconds); other Parquet goes through the reader's projection.
 */
final class ColumnarPlays implements PlaySource.BatchCoder<ColumnarBatch> {

  /**
   * The play columns in the order the scan must deliver them; reason_end and source may be
   * absent.
   */
  static final List<String> COLUMNS = List.of("ts", "user_id", "track_id", "artist_id",
      "ms_played", "country", "platform", "tier", "reason_end", "source");
  static final PlayCoder[] TEXT = {null, PlayCoder.USER, PlayCoder.TRACK,
      PlayCoder.ARTIST, null, PlayCoder.COUNTRY, PlayCoder.PLATFORM, PlayCoder.TIER,
      PlayCoder.REASON, PlayCoder.SOURCE};

  private final int[] positions;
  private final boolean msIsLong;
  /** Per column, the codes of its current dictionary; made in each task. */
  private transient DictionaryCodes[] dictionaries;

  /**
   * @param positions where each of {@link #COLUMNS} is in the scan's batches (-1 for an absent
   *     reason_end)
   * @param msIsLong whether ms_played is a 64-bit column (else 32-bit)
   */
  ColumnarPlays(int[] positions, boolean msIsLong) {
    this.positions = positions.clone();
    this.msIsLong = msIsLong;
  }

  /**
   * Whether a Parquet schema holds the play columns in types this reader takes as they are; if
   * not, the plays go through the reader's general projection.
   */
  static boolean fits(StructType schema) {
    for (String c : COLUMNS) {
      if (!List.of(schema.fieldNames()).contains(c)) {
        if (Contract.PLAYS.column(c).orElseThrow().required()) {
          return false;
        }
        continue;
      }
      DataType t = schema.apply(c).dataType();
      boolean ok = switch (c) {
        case "ts" -> t.equals(DataTypes.TimestampType);
        case "ms_played" -> t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType);
        default -> t.equals(DataTypes.StringType);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void add(ColumnarBatch batch, CubeAggregate cube, PassTotals totals, PlayClock clock) {
    ColumnVector ts = batch.column(positions[0]);
    ColumnVector ms = batch.column(positions[4]);
    ColumnVector[] text = textColumns(batch);
    int[][] cached = new int[COLUMNS.size()][];
    for (int c = 1; c < COLUMNS.size(); c++) {
      if (text[c] != null) {
        cached[c] = dictionaries[c].codes(text[c]);
      }
    }
    int[] code = new int[COLUMNS.size()];
    for (int i = 0; i < batch.numRows(); i++) {
      long played = ts.isNullAt(i) || !codeText(text, cached, i, code, cube) ? -1
          : msPlayed(ms, i);
      if (played < 0) {
        totals.countRejected();
        continue;
      }
      addCoded(cube, totals, clock, ts.getLong(i), code, played);
    }
  }

  /** The batch's text columns by {@link #COLUMNS} index (null where absent or not text). */
  private ColumnVector[] textColumns(ColumnarBatch batch) {
    if (dictionaries == null) {
      dictionaries = new DictionaryCodes[COLUMNS.size()];
      for (int c = 0; c < dictionaries.length; c++) {
        dictionaries[c] = new DictionaryCodes();
      }
    }
    ColumnVector[] text = new ColumnVector[COLUMNS.size()];
    for (int c = 1; c < COLUMNS.size(); c++) {
      if (TEXT[c] != null && positions[c] >= 0) {
        text[c] = batch.column(positions[c]);
      }
    }
    return text;
  }

  /** Codes row {@code i}'s text columns into {@code code}; false when one is unusable. */
  private static boolean codeText(ColumnVector[] text, int[][] cached, int i, int[] code,
      CubeAggregate cube) {
    for (int c = 1; c < COLUMNS.size(); c++) {
      if (TEXT[c] == null) {
        continue;
      }
      code[c] = text[c] == null ? PlayCoder.NO_REASON : code(text[c], i, cached[c], TEXT[c], cube);
      if (code[c] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Row {@code i}'s milliseconds played, or -1 when missing or out of range. */
  private long msPlayed(ColumnVector ms, int i) {
    if (ms.isNullAt(i)) {
      return -1;
    }
    long played = msIsLong ? ms.getLong(i) : ms.getInt(i);
    return played < 0 || played > Contract.MAX_MS_PLAYED ? -1 : played;
  }

  /**
   * Adds one usable play whose text columns are coded in {@link #COLUMNS} order, or counts it as
   * outside the windows when its hour is in no slot: the last step of every play coder. Either
   * way it counts in the service's 5-minute series ({@link ServiceBuckets}).
   */
  static void addCoded(CubeAggregate cube, PassTotals totals, PlayClock clock, long micros,
      int[] code, long msPlayed) {
    cube.addServicePlays(code[5], code[6], ServiceBuckets.playBucket(micros), 1);
    int slot = clock.slot(micros);
    if (slot < 0) {
      totals.countOutside();
      cube.addOutside(code[3], code[2], clock.dayOffset(micros), 1);
      return;
    }
    cube.addPlay(code[3], clock.hourOffset(micros), slot, code[5], code[6], code[7], code[2],
        clock.dayOffset(micros), code[1], msPlayed, code[8] == PlayCoder.SKIPPED,
        code[8] != PlayCoder.NO_REASON, code[9]);
  }

  private static int code(ColumnVector v, int row, int[] cache, PlayCoder coder,
      CubeAggregate cube) {
    if (v.isNullAt(row)) {
      return coder.code(null, cube);
    }
    if (cache == null) {
      return coder.code(v.getUTF8String(row), cube);
    }
    int id = DictionaryCodes.id(v, row);
    int c = cache[id];
    if (c == DictionaryCodes.UNKNOWN) {
      c = coder.code(v.getUTF8String(row), cube);
      cache[id] = c;
    }
    return c;
  }

}
