import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * For bench/csv: DuckDB writes a generated data set's Parquet plays as one CSV file with a header
 * row and times as 2026-03-04T18:00:00Z, the way a log export writes them. Not part of the build:
 * run as a single-file program with DuckDB's JDBC driver on the class path.
 *
 * <p>Usage: ToCsv DATA_DIR OUT_FILE MEMORY_LIMIT
 */
public class ToCsv {
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET memory_limit = '" + args[2] + "'");
      s.execute("SET TimeZone = 'UTC'");
      s.execute("COPY (SELECT strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, user_id, track_id,"
          + " artist_id, ms_played, country, platform, tier, reason_end FROM read_parquet('"
          + args[0] + "/plays/**/*.parquet')) TO '" + args[1] + "' (HEADER, DELIMITER ',')");
    }
  }
}
