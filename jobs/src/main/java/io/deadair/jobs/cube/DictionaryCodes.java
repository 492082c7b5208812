package io.deadair.jobs.cube;

import java.lang.reflect.Field;
import java.util.Arrays;
import org.apache.parquet.column.Dictionary;
import org.apache.spark.sql.execution.datasources.parquet.ParquetDictionary;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.vectorized.ColumnVector;

/**
 * Remembers the code of each entry of a Parquet column chunk's dictionary, so that a dictionary
 * encoded column (artists, countries, platforms: a few distinct values in millions of rows) is
 * trimmed, checked and looked up once per distinct value instead of once per row.
 *
 * <p>Spark's vectorised reader keeps dictionary ids and the chunk's dictionary in the column
 * vector but does not expose the dictionary object, whose identity tells when a new chunk begins;
 * it is read through reflection. Where that fails (another Spark), {@link #codes} returns null
 * and every row is coded on its own: slower, same result.
 */
final class DictionaryCodes {

  static final int UNKNOWN = Integer.MIN_VALUE;
  private static final Field VECTOR_DICTIONARY = field(WritableColumnVector.class, "dictionary");
  private static final Field PARQUET_DICTIONARY = field(ParquetDictionary.class, "dictionary");

  private Object dictionary;
  private int[] codes;

  private static Field field(Class<?> c, String name) {
    try {
      Field f = c.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The code cache of the vector's current dictionary (entries {@link #UNKNOWN} until coded), or
   * null when the vector holds plain values.
   */
  int[] codes(ColumnVector v) {
    if (!(v instanceof WritableColumnVector w) || !w.hasDictionary()
        || VECTOR_DICTIONARY == null || PARQUET_DICTIONARY == null) {
      return null;
    }
    Object d;
    try {
      Object spark = VECTOR_DICTIONARY.get(w);
      if (!(spark instanceof ParquetDictionary)) {
        return null;
      }
      d = PARQUET_DICTIONARY.get(spark);
    } catch (IllegalAccessException e) {
      return null;
    }
    if (d != dictionary) {
      dictionary = d;
      int size = ((Dictionary) d).getMaxId() + 1;
      codes = new int[size];
      Arrays.fill(codes, UNKNOWN);
    }
    return codes;
  }

  /** The dictionary id of row {@code row} of a vector for which {@link #codes} was not null. */
  static int id(ColumnVector v, int row) {
    return ((WritableColumnVector) v).getDictionaryIds().getDictId(row);
  }
}
