package io.deadair.jobs.spark;

import io.deadair.common.contract.ColumnSpec;
import io.deadair.common.contract.ColumnType;
import io.deadair.common.contract.TableSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Turns the Spark-free data contract into Spark schemas. */
public final class SparkSchemas {

  private SparkSchemas() {}

  /** The Spark schema of a contract table; lists are kept as their {@code ;}-joined text. */
  public static StructType of(TableSpec table) {
    StructType schema = new StructType();
    for (ColumnSpec c : table.columns()) {
      schema = schema.add(c.name(), typeOf(c.type()), !c.required());
    }
    return schema;
  }

  /** The same schema with every column nullable, for rows the job makes itself. */
  public static StructType nullable(TableSpec table) {
    StructType schema = new StructType();
    for (ColumnSpec c : table.columns()) {
      schema = schema.add(c.name(), typeOf(c.type()), true);
    }
    return schema;
  }

  /** The Spark type a contract column is read into. */
  public static DataType typeOf(ColumnType type) {
    return switch (type) {
      case STRING, STRING_LIST -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
    };
  }
}
