package io.deadair.jobs.impact;

import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.sample.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class OutputWriterTest {

  @Test
  void textThatASpreadsheetWouldRunIsNeutralisedAndNumbersAreNot() {
    StructType schema = new StructType().add("name", DataTypes.StringType)
        .add("value", DataTypes.DoubleType);
    List<Row> rows = List.of(RowFactory.create("=HYPERLINK(\"x\")", -1.5),
        RowFactory.create("+1", 2.0), RowFactory.create("-2", 3.0), RowFactory.create("@SUM", 4.0),
        RowFactory.create("\tTab", 5.0), RowFactory.create("Mira & Co", 6.0));
    List<Row> safe = OutputWriter.spreadsheetSafe(SharedSpark.session()
        .createDataFrame(rows, schema)).collectAsList();
    assertThat(safe).extracting(r -> r.getString(0)).containsExactly("'=HYPERLINK(\"x\")",
        "'+1", "'-2", "'@SUM", "'\tTab", "Mira & Co");
    assertThat(safe.get(0).getDouble(1)).as("numbers untouched").isEqualTo(-1.5);
  }
}
