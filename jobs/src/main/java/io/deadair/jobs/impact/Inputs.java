package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.col;

import io.deadair.common.contract.Contract;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.domain.Countries;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import io.deadair.common.revenue.RateCard;
import io.deadair.jobs.read.InputException;
import io.deadair.jobs.read.TableReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads and checks the small inputs on the driver: outages, rate card; the rest stay lazy. */
final class Inputs {

  /** The rate card shipped with Dead Air; rate-card-sources.md beside it gives its sources. */
  static final String DEFAULT_RATE_CARD = "/deadair/rate-card.csv";

  private Inputs() {}

  static List<OutageWindow> outages(SparkSession spark, String path) {
    TableReader.Read read = TableReader.read(spark, path, Contract.OUTAGES);
    failOnRejected(read);
    List<OutageWindow> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Row r : read.valid().orderBy("start", "outage_id").collectAsList()) {
      String id = r.getAs("outage_id");
      if (!ids.add(id)) {
        throw new InputException("outages: " + path + " lists outage_id " + id + " twice");
      }
      Scope countries = scope(r, "countries", true, path, id);
      for (String c : countries.values()) {
        if (!Countries.isValid(c)) {
          throw new InputException(String.format(Locale.ROOT,
              "outages: %s, outage %s, column countries: '%s' is not an ISO 3166-1 alpha-2 code",
              path, id, c));
        }
      }
      try {
        out.add(new OutageWindow(id, r.<Timestamp>getAs("start").toInstant(),
            r.<Timestamp>getAs("end").toInstant(), countries,
            scope(r, "platforms", false, path, id), r.getAs("description")));
      } catch (IllegalArgumentException e) {
        throw new InputException("outages: " + path + ": " + e.getMessage());
      }
    }
    if (out.isEmpty()) {
      throw new InputException("outages: " + path + " declares no outage");
    }
    return out;
  }

  private static Scope scope(Row r, String column, boolean upper, String path, String id) {
    try {
      return Scope.parse(r.getAs(column), upper);
    } catch (IllegalArgumentException e) {
      throw new InputException("outages: " + path + ", outage " + id + ", column " + column
          + ": " + e.getMessage());
    }
  }

  static RateCard rateCard(SparkSession spark, java.util.Optional<String> path) {
    TableReader.Read read = path.isPresent()
        ? TableReader.read(spark, path.get(), Contract.RATE_CARD)
        : TableReader.readCsvText(spark, "(default rate card)", defaultRateCard(),
            Contract.RATE_CARD);
    failOnRejected(read);
    RateCard card = new RateCard();
    for (Row r : read.valid().collectAsList()) {
      card.put(r.getAs("country"), r.getAs("tier"), r.<Double>getAs("usd_per_stream"));
    }
    return card.requireFallback("rate card " + read.path());
  }

  /** The shipped card's lines, from the jar (so it works the same on a cluster). */
  private static List<String> defaultRateCard() {
    try (InputStream in = Inputs.class.getResourceAsStream(DEFAULT_RATE_CARD)) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Small tables must be clean: one bad row stops the job with its file, column and reason. */
  static void failOnRejected(TableReader.Read read) {
    List<Row> bad = read.rejected().limit(1).collectAsList();
    if (!bad.isEmpty()) {
      Row b = bad.get(0);
      long n = read.rejected().count();
      throw new InputException(String.format(Locale.ROOT, "%s: %s: %s (%d bad row%s; first"
          + " shown)", read.table().name(), b.<String>getAs(TableReader.SOURCE),
          b.<String>getAs(TableReader.PROBLEM), n, n == 1 ? "" : "s"));
    }
  }

  /** The artists table, or an empty one when none is given. */
  static Dataset<Row> artists(SparkSession spark, String path) {
    TableReader.Read read = TableReader.read(spark, path, Contract.ARTISTS);
    failOnRejected(read);
    return read.valid().dropDuplicates("artist_id");
  }

  static Dataset<Row> releases(SparkSession spark, java.util.Optional<String> path) {
    TableSpec t = Contract.RELEASES;
    if (path.isEmpty()) {
      return spark.createDataFrame(List.of(), io.deadair.jobs.spark.SparkSchemas.of(t));
    }
    TableReader.Read read = TableReader.read(spark, path.get(), t);
    failOnRejected(read);
    return read.valid().filter(col("track_id").isNotNull().or(col("album_id").isNotNull()));
  }
}
