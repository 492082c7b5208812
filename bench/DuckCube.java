import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import io.deadair.common.model.PhaseCalendar;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reference engine of bench/scale: DuckDB computes the cube Dead Air's one pass computes
 * (the same three grouping sets over the same plays, rows outside the outages' windows counted
 * apart) from the same Parquet files and writes it to one Parquet file. Not part of the build:
 * run as a single-file program with DuckDB's JDBC driver and deadair-common on the class path.
 *
 * <p>Usage: DuckCube DATA_DIR OUT_FILE THREADS MEMORY_LIMIT
 */
public class DuckCube {
  public static void main(String[] args) throws Exception {
    String data = args[0];
    String out = args[1];
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + Integer.parseInt(args[2]));
      s.execute("SET memory_limit = '" + args[3] + "'");
      s.execute("SET preserve_insertion_order = false");
      List<OutageWindow> outages = new ArrayList<>();
      try (ResultSet r = s.executeQuery("SELECT outage_id, CAST(\"start\" AS VARCHAR),"
          + " CAST(\"end\" AS VARCHAR), countries, platforms FROM read_csv('" + data
          + "/outages.csv', header = true, all_varchar = true)")) {
        while (r.next()) {
          outages.add(new OutageWindow(r.getString(1), Instant.parse(r.getString(2)),
              Instant.parse(r.getString(3)), Scope.parse(r.getString(4), true),
              Scope.parse(r.getString(5), false), ""));
        }
      }
      PhaseCalendar calendar = PhaseCalendar.of(outages, 28, 24);
      s.execute("CREATE TABLE slots (hour BIGINT, slot INTEGER)");
      StringBuilder values = new StringBuilder();
      for (PhaseCalendar.Slot sl : calendar.slots()) {
        for (long h = sl.start(); h < sl.end(); h++) {
          values.append(values.length() == 0 ? "" : ",").append('(').append(h).append(',')
              .append(sl.index()).append(')');
        }
      }
      s.execute("INSERT INTO slots VALUES " + values);
      String from = LocalDate.ofEpochDay(Math.floorDiv(calendar.firstHour(), 24) - 1).toString();
      String to = LocalDate.ofEpochDay(Math.floorDiv(calendar.endHour(), 24) + 1).toString();
      s.execute("""
          COPY (
            WITH p AS (
              SELECT artist_id, track_id, user_id, country, platform, tier,
                     CAST(ms_played AS BIGINT) AS ms_played,
                     CASE WHEN reason_end IN ('fwdbtn', 'backbtn') THEN 1 ELSE 0 END AS skip,
                     CASE WHEN reason_end IS NOT NULL THEN 1 ELSE 0 END AS known,
                     CAST(floor(epoch(ts) / 3600) AS BIGINT) AS hour,
                     CAST(ts AS DATE) AS day
              FROM read_parquet('%1$s/plays/*/*.parquet', hive_partitioning = true)
              WHERE "date" BETWEEN DATE '%2$s' AND DATE '%3$s'),
            u AS (
              SELECT p.*, s.slot, s.slot IS NULL AS outside FROM p LEFT JOIN slots s USING (hour))
            SELECT outside, artist_id, hour, country, platform, tier, track_id, day, slot,
                   user_id, count(*) AS plays, sum(ms_played) AS ms_played,
                   sum(skip) AS skips, sum(known) AS known_reason
            FROM u
            GROUP BY GROUPING SETS ((outside),
                                    (outside, artist_id, hour, country, platform, tier),
                                    (outside, artist_id, track_id, day),
                                    (outside, artist_id, slot, user_id))
          ) TO '%4$s' (FORMAT parquet, COMPRESSION zstd)
          """.formatted(data, from, to, out));
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + out + "')")) {
        r.next();
        System.out.printf(Locale.ROOT, "duckdb: %,d cube rows in %.1f s%n", r.getLong(1),
            (System.nanoTime() - t0) / 1e9);
      }
    }
  }
}
