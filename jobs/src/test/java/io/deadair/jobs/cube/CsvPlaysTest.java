package io.deadair.jobs.cube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** The CSV pass's own reading of times must be Spark's cast, to the microsecond. */
class CsvPlaysTest {

  /** What the reader's projection makes of a time with an offset: Spark's cast. */
  private static Long spark(String s) {
    scala.Option<Object> t = DateTimeUtils.stringToTimestamp(UTF8String.fromString(s.trim()),
        ZoneOffset.UTC);
    return t.isDefined() ? (Long) t.get() : null;
  }

  @Test
  void plainTimesAreReadExactlyAsSparksCastReadsThem() {
    // Seeded: the same thousands of times, valid and not, on every run.
    Random rnd = new Random(20261202);
    List<String> times = new ArrayList<>(List.of("2024-02-29T00:00:00Z", "2026-02-29T00:00:00Z",
        "2026-02-30T10:00:00Z", "2026-04-31T10:00:00Z", "2026-12-31T23:59:59Z",
        "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z",
        "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2026-1-01T10:00:00Z"));
    for (int i = 0; i < 5000; i++) {
      times.add(String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", 1960 + rnd.nextInt(100),
          rnd.nextInt(14), rnd.nextInt(33), rnd.nextInt(26), rnd.nextInt(62),
          rnd.nextInt(62)));
    }
    for (String t : times) {
      assertThat(CsvPlays.timestamp(t)).as(t).isEqualTo(spark(t));
    }
  }

  @Test
  void otherFormsGoToTheCastAndTimesWithoutAnOffsetAreUnreadable() {
    assertThat(CsvPlays.timestamp(" 2026-03-02T15:05:09+01:00 "))
        .isEqualTo(spark("2026-03-02T14:05:09Z"));
    assertThat(CsvPlays.timestamp("1772460309000"))
        .as("epoch milliseconds").isEqualTo(1_772_460_309_000_000L);
    assertThat(CsvPlays.timestamp("2026-03-02T14:05:09"))
        .as("no offset").isNull();
    assertThat(CsvPlays.timestamp("2026-03-02T14:05:09UTC"))
        .as("an offset the contract does not accept").isNull();
    assertThat(CsvPlays.whole(" 42 ")).isEqualTo(42);
    assertThat(CsvPlays.whole("4.2")).isNull();
  }
}
