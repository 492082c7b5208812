package io.deadair.jobs.read;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.deadair.common.model.PhaseCalendar;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Plays partitioned by a {@code date} folder: only the folders of the days a run needs. */
public final class DatePartitions {

  private DatePartitions() {}

  /**
   * Skips partition folders outside the calendar's days (a day of margin each side) when the
   * input is partitioned by date; any other input is returned as it is.
   */
  public static Dataset<Row> prune(Dataset<Row> raw, PhaseCalendar calendar) {
    if (!Arrays.asList(raw.columns()).contains("date")) {
      return raw;
    }
    String from = LocalDate.ofEpochDay(Math.floorDiv(calendar.firstHour(), 24) - 1).toString();
    String to = LocalDate.ofEpochDay(Math.floorDiv(calendar.endHour(), 24) + 1).toString();
    return raw.filter(col("date").cast("date").between(lit(from).cast("date"),
        lit(to).cast("date")));
  }
}
