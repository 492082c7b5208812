package io.deadair.jobs.read;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.deadair.common.contract.Contract;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.domain.Countries;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import io.deadair.common.io.InputException;
import io.deadair.common.revenue.RateCard;
import io.deadair.jobs.spark.SparkSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Reads and checks the small inputs on the driver, before the pass over the plays. Outages and
 * the rate card steer every estimate, so one bad row in them stops the run with its file, line,
 * column and reason; bad rows of artists and releases go to quarantine like bad plays.
 */
public final class SmallInputReader {

  /** The rate card shipped with Dead Air; rate-card-sources.md beside it gives its sources. */
  static final String DEFAULT_RATE_CARD = "/deadair/rate-card.csv";

  private SmallInputReader() {}

  /** A row of a small input with where it came from, for messages. */
  private record Located(Row row, String where) {}

  /** Every row of a small table, in file order, each with "FILE, line N" for messages. */
  private static List<Located> located(TableReader.Read read) {
    List<Located> out = new ArrayList<>();
    for (Row r : LineNumbers.withLines(read.rows(), read.lines())
        .orderBy(TableReader.FILE, LineNumbers.LINE).collectAsList()) {
      out.add(new Located(r, r.<String>getAs(TableReader.FILE)
          + (r.isNullAt(r.fieldIndex(LineNumbers.LINE)) ? ""
              : ", line " + r.getAs(LineNumbers.LINE))));
    }
    return out;
  }

  /** Stops on the first unusable row of a table that must be clean. */
  private static void requireClean(TableReader.Read read, List<Located> rows) {
    long bad = rows.stream().filter(l -> l.row().getAs(TableReader.REASON) != null).count();
    for (Located l : rows) {
      String reason = l.row().getAs(TableReader.REASON);
      if (reason != null) {
        String column = l.row().getAs(TableReader.COLUMN);
        throw new InputException(String.format(Locale.ROOT, "%s: %s%s: %s%s",
            read.table().name(), l.where(), column == null ? "" : ", column " + column, reason,
            bad > 1 ? String.format(Locale.ROOT, " (%d bad rows; the first is shown)", bad)
                : ""));
      }
    }
    if (rows.isEmpty()) {
      throw new InputException(read.table().name() + ": " + read.path() + " has no rows"
          + (read.table() == Contract.OUTAGES
              ? "; leave out --outages to measure the outages found in the data" : ""));
    }
  }

  public static List<OutageWindow> outages(SparkSession spark, String path, Ledger ledger) {
    TableReader.Read read = TableReader.read(spark, path, Contract.OUTAGES);
    List<Located> rows = located(read);
    requireClean(read, rows);
    List<OutageWindow> out = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Located l : rows) {
      Row r = l.row();
      String id = r.getAs("outage_id");
      String where = "outages: " + l.where() + " (outage " + id + ")";
      String first = seen.putIfAbsent(id, l.where());
      if (first != null) {
        throw new InputException(where + ": outage_id " + id + " is already used at " + first);
      }
      Instant start = r.<Timestamp>getAs("start").toInstant();
      Instant end = r.<Timestamp>getAs("end").toInstant();
      if (end.equals(start)) {
        throw new InputException(where + ": start and end are both " + start
            + "; an outage must last at least a moment");
      }
      if (end.isBefore(start)) {
        throw new InputException(where + ": end " + end + " is before start " + start
            + "; are the two swapped?");
      }
      Scope countries = scope(r, "countries", true, where);
      for (String c : countries.values()) {
        if (!Countries.isValid(c)) {
          throw new InputException(String.format(Locale.ROOT,
              "%s, column countries: '%s' is not an ISO 3166-1 alpha-2 code", where, c));
        }
      }
      out.add(new OutageWindow(id, start, end, countries, scope(r, "platforms", false, where),
          r.getAs("description")));
    }
    out.sort(Comparator.comparing(OutageWindow::start).thenComparing(OutageWindow::id));
    warnOverlaps(out, ledger);
    ledger.add("outages", path, rows.size(), rows.size(), 0, null, Map.of());
    return out;
  }

  /**
   * Overlapping outages are allowed (a regional one inside a global one), but a play lost in the
   * overlap counts towards each, so the analyst is told.
   */
  private static void warnOverlaps(List<OutageWindow> sorted, Ledger ledger) {
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size() && sorted.get(j).start()
          .isBefore(sorted.get(i).end()); j++) {
        ledger.warn(String.format(Locale.ROOT, "outages %s and %s overlap (%s to %s); plays lost"
            + " in the overlap count towards both", sorted.get(i).id(), sorted.get(j).id(),
            sorted.get(j).start(), sorted.get(i).end().isBefore(sorted.get(j).end())
                ? sorted.get(i).end() : sorted.get(j).end()));
      }
    }
  }

  private static Scope scope(Row r, String column, boolean upper, String where) {
    try {
      return Scope.parse(r.getAs(column), upper);
    } catch (IllegalArgumentException e) {
      throw new InputException(where + ", column " + column + ": " + e.getMessage());
    }
  }

  public static RateCard rateCard(SparkSession spark, Optional<String> path, Ledger ledger) {
    TableReader.Read read = path.isPresent()
        ? TableReader.read(spark, path.get(), Contract.RATE_CARD)
        : TextTables.readCsvText(spark, "(default rate card)", defaultRateCard(),
            Contract.RATE_CARD);
    List<Located> rows = located(read);
    requireClean(read, rows);
    RateCard card = new RateCard();
    Map<String, String> seen = new HashMap<>();
    for (Located l : rows) {
      String country = l.row().getAs("country");
      String tier = l.row().getAs("tier");
      String first = seen.putIfAbsent(country + "/" + tier, l.where());
      if (first != null) {
        throw new InputException(String.format(Locale.ROOT, "rate_card: %s: country %s, tier %s"
            + " is already priced at %s", l.where(), country, tier, first));
      }
      card.put(country, tier, l.row().<Double>getAs("usd_per_stream"));
    }
    if (path.isPresent()) {
      ledger.add("rate_card", path.get(), rows.size(), rows.size(), 0, null, Map.of());
    }
    try {
      return card.requireFallback("rate_card: " + read.path());
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
  }

  /** The shipped card's lines, from the jar (so it works the same on a cluster). */
  private static List<String> defaultRateCard() {
    try (InputStream in = SmallInputReader.class.getResourceAsStream(DEFAULT_RATE_CARD)) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The artists. An artist_id listed twice keeps its first row; the later ones go to quarantine,
   * so that the name used does not depend on how Spark happens to split the file.
   */
  public static Dataset<Row> artists(SparkSession spark, String path, Ledger ledger) {
    TableReader.Read read = TableReader.read(spark, path, Contract.ARTISTS);
    Column first = row_number().over(Window.partitionBy(col("artist_id"),
            col(TableReader.REASON).isNull())
        .orderBy(TableReader.FILE, TableReader.BLOCK, TableReader.POS));
    read = read.withRowRule(first.gt(1), "artist_id", concat(lit("artist_id '"),
        col("artist_id"), lit("' is listed on an earlier line, whose row is used")));
    return account(read, ledger, true);
  }

  public static Dataset<Row> releases(SparkSession spark, Optional<String> path, Ledger ledger) {
    TableSpec t = Contract.RELEASES;
    if (path.isEmpty()) {
      return spark.createDataFrame(List.of(), SparkSchemas.of(t));
    }
    TableReader.Read read = TableReader.read(spark, path.get(), t)
        .withRowRule(col("track_id").isNull().and(col("album_id").isNull()), "track_id",
            lit("neither track_id nor album_id is given"));
    return account(read, ledger, false);
  }

  /**
   * The promotions: a row whose end is not after its start, or whose promotion_id is on an
   * earlier line, goes to quarantine.
   */
  public static Dataset<Row> promotions(SparkSession spark, Optional<String> path,
      Ledger ledger) {
    TableSpec t = Contract.PROMOTIONS;
    if (path.isEmpty()) {
      return spark.createDataFrame(List.of(), SparkSchemas.of(t));
    }
    Column first = row_number().over(Window.partitionBy(col("promotion_id"),
            col(TableReader.REASON).isNull())
        .orderBy(TableReader.FILE, TableReader.BLOCK, TableReader.POS));
    TableReader.Read read = TableReader.read(spark, path.get(), t)
        .withRowRule(col("end").leq(col("start")), "end", lit("end is not after start"))
        .withRowRule(first.gt(1), "promotion_id", concat(lit("promotion_id '"),
            col("promotion_id"), lit("' is listed on an earlier line, whose row is used")));
    return account(read, ledger, false);
  }

  /** Counts a small table into the ledger and returns its usable rows, cached. */
  private static Dataset<Row> account(TableReader.Read read, Ledger ledger, boolean needRows) {
    Dataset<Row> rows = read.rows().cache();
    TableReader.Read cached = new TableReader.Read(read.table(), read.path(), read.format(), rows,
        read.lines(), read.raw());
    Row counts = rows.agg(count(lit(1)), count(col(TableReader.REASON))).first();
    long total = counts.getLong(0);
    if (total == 0 && needRows) {
      throw new InputException(read.table().name() + ": " + read.path() + " has no rows");
    }
    long bad = counts.getLong(1);
    Dataset<Row> quarantined = bad == 0 ? null : cached.quarantine().cache();
    ledger.add(read.table().name(), read.path(), total, total - bad, bad, quarantined, Map.of());
    return cached.valid();
  }
}
