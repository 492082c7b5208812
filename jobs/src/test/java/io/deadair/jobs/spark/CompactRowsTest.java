package io.deadair.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** Rows through the compact form and back, value for value; no Spark needed. */
class CompactRowsTest {

  private static List<Row> roundTrip(List<Row> rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      CompactRows.write(out, rows);
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      return CompactRows.read(in);
    }
  }

  @Test
  void everyValueComesBackEqual() throws IOException {
    Timestamp at = Timestamp.from(Instant.parse("2026-03-03T10:15:30.123456Z"));
    List<Row> rows = List.of(
        RowFactory.create("o-1", "Björk 🎵", 1.5e-300, -0.0, 42L, 7, true, at,
            Date.valueOf(LocalDate.of(2026, 3, 3))),
        RowFactory.create(null, "", Double.NaN, Double.POSITIVE_INFINITY, Long.MIN_VALUE,
            Integer.MAX_VALUE, false, null, null));

    List<Row> back = roundTrip(rows);

    assertThat(back).hasSize(2);
    for (int r = 0; r < rows.size(); r++) {
      for (int i = 0; i < rows.get(r).length(); i++) {
        assertThat(back.get(r).get(i)).as("row %d value %d", r, i)
            .isEqualTo(rows.get(r).get(i));
      }
    }
    assertThat(((Timestamp) back.get(0).get(7)).getNanos()).isEqualTo(123_456_000);
  }

  @Test
  void aDayStaysItsDayWhereTheDriversTimeZoneIsNotTheExecutors() throws IOException {
    TimeZone zone = TimeZone.getDefault();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14: an executor
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        CompactRows.write(out, List.of(RowFactory.create(Date.valueOf(LocalDate.of(2026, 3,
            3)))));
      }
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Pago_Pago")); // UTC-11: the driver
      try (ObjectInputStream in = new ObjectInputStream(
          new ByteArrayInputStream(bytes.toByteArray()))) {
        assertThat(((Date) CompactRows.read(in).get(0).get(0)).toLocalDate())
            .isEqualTo(LocalDate.of(2026, 3, 3));
      }
    } finally {
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void noRowsAndUnevenRows() throws IOException {
    assertThat(roundTrip(List.of())).isEmpty();
    assertThatThrownBy(() -> roundTrip(List.of(RowFactory.create("a", 1.0),
        RowFactory.create("b")))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 values among rows of 2");
  }
}
