package io.deadair.jobs.runfolder;

import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.common.contract.ColumnSpec;
import io.deadair.common.contract.ColumnType;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.contract.TableSpec.Role;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver-side table writer, checked against the files it writes; no Spark needed. */
class TableFileWriterTest {

  private static final TableSpec TABLE = new TableSpec("t", Role.OUTPUT, "A test table.",
      List.of(ColumnSpec.required("name", ColumnType.STRING, "", ""),
          ColumnSpec.optional("value", ColumnType.DOUBLE, "", ""),
          ColumnSpec.optional("n", ColumnType.LONG, "", ""),
          ColumnSpec.optional("at", ColumnType.TIMESTAMP, "", "")));

  @TempDir
  File dir;

  private List<String> write(List<Row> rows) throws IOException {
    Path parquet = new Path(new File(dir, "t.parquet").toURI());
    Path csv = new Path(new File(dir, "t.csv").toURI());
    long n = TableFileWriter.write(new Configuration(), TABLE, rows.iterator(), parquet, csv);
    assertThat(n).as("rows written").isEqualTo(rows.size());
    return Files.readAllLines(new File(dir, "t.csv").toPath(), StandardCharsets.UTF_8);
  }

  @Test
  void textThatASpreadsheetWouldRunIsNeutralisedAndNumbersAreNot() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String name : List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM", "\tTab", "Mira & Co")) {
      rows.add(RowFactory.create(name, -1.5, 3L, null));
    }
    List<String> lines = write(rows);
    assertThat(lines.get(0)).as("header").isEqualTo("name,value,n,at");
    assertThat(lines.subList(1, lines.size())).containsExactly(
        "\"'=HYPERLINK(\"\"x\"\")\",-1.5,3,", "'+1,-1.5,3,", "'-2,-1.5,3,", "'@SUM,-1.5,3,",
        "'\tTab,-1.5,3,", "Mira & Co,-1.5,3,");
  }

  @Test
  void csvQuotesWhatWouldBreakARowAndKeepsSpacesAndTimesInUtc() throws IOException {
    List<String> lines = write(List.of(
        RowFactory.create(" a, \"b\" ", null, null,
            Timestamp.from(Instant.parse("2026-03-03T10:00:00Z"))),
        RowFactory.create("", 0.1, -7L, null)));
    assertThat(lines.subList(1, lines.size())).containsExactly(
        "\" a, \"\"b\"\" \",,,2026-03-03T10:00:00Z", ",0.1,-7,");
  }

  @Test
  void parquetHoldsTheSameValuesInTheContractsTypes() throws IOException {
    Timestamp at = Timestamp.from(Instant.parse("2026-03-03T10:00:00.123456Z"));
    write(List.of(RowFactory.create("Mira", 2.5, 42L, at), RowFactory.create("x", null, null,
        null)));
    List<Group> groups = new ArrayList<>();
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
        new Path(new File(dir, "t.parquet").toURI())).build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        groups.add(g);
      }
    }
    assertThat(groups).hasSize(2);
    Group g = groups.get(0);
    assertThat(g.getString("name", 0)).isEqualTo("Mira");
    assertThat(g.getDouble("value", 0)).isEqualTo(2.5);
    assertThat(g.getLong("n", 0)).isEqualTo(42L);
    assertThat(g.getLong("at", 0)).as("UTC microseconds").isEqualTo(
        at.toInstant().getEpochSecond() * 1_000_000L + 123_456);
    assertThat(groups.get(1).getFieldRepetitionCount("value")).as("null stays null")
        .isZero();
    assertThat(g.getType().getType("at").getLogicalTypeAnnotation()).as("timestamp type")
        .hasToString("TIMESTAMP(MICROS,true)");
  }
}
