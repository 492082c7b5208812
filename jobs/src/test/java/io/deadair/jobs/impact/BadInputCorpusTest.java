package io.deadair.jobs.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.contract.Contract;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import io.deadair.common.io.InputException;
import io.deadair.common.model.PhaseCalendar;
import io.deadair.jobs.cube.PlayPass;
import io.deadair.jobs.read.Ledger;
import io.deadair.jobs.read.SmallInputReader;
import io.deadair.jobs.read.TableReader;
import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: one small file per case under {@code BadInputTest/}, and in
 * {@code cases.tsv} exactly what Dead Air must do with it: quarantine one row (at this line, for
 * this column, with this reason) and use the rest, stop with this message, or warn.
 */
class BadInputCorpusTest {

  private static final Path CORPUS = corpus();
  private static SparkSession spark;

  /** One row of cases.tsv. */
  record Case(String file, String outcome, String line, String column, String expected) {
    @Override
    public String toString() {
      return file + " -> " + outcome;
    }

    Path path() {
      return CORPUS.resolve(file);
    }

    String input() {
      return file.substring(0, file.indexOf('/'));
    }

    /** The expected text with the case file's path put in. */
    String expectedText() {
      return expected.replace("{path}", path().toString())
          .replace("{file}", "file:" + path());
    }
  }

  @BeforeAll
  static void start() {
    spark = SharedSpark.session();
  }

  private static Path corpus() {
    try {
      return Path.of(BadInputCorpusTest.class.getResource("/BadInputTest/cases.tsv").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    for (String l : Files.readAllLines(CORPUS.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
      if (l.startsWith("#") || l.startsWith("case\t")) {
        continue;
      }
      String[] f = l.split("\t", -1);
      out.add(new Case(f[0], f[1], f[2], f[3], f[4]));
    }
    return out.stream();
  }

  @Test
  void theCorpusCoversEveryInputWithAtLeastThirtyCases() throws IOException {
    List<Case> all = cases().toList();
    assertThat(all).as("cases").hasSizeGreaterThanOrEqualTo(30);
    assertThat(all.stream().map(Case::input).distinct())
        .as("inputs covered").containsExactlyInAnyOrder("plays", "stream_counts", "artists",
            "releases", "promotions", "outages", "rate_card", "config");
    for (Case c : all) {
      assertThat(c.path()).as("case file").exists();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBadInputHasItsExactOutcome(Case c) {
    switch (c.outcome()) {
      case "quarantine" -> checkQuarantine(c);
      case "error" -> assertThatThrownBy(() -> load(c, new Ledger(100, m -> { })))
          .as(c.file()).isInstanceOfAny(InputException.class, IllegalArgumentException.class)
          .hasMessage(c.expectedText());
      case "warning" -> {
        Ledger ledger = new Ledger(100, m -> { });
        load(c, ledger);
        assertThat(ledger.warnings()).as(c.file()).containsExactly(c.expectedText());
      }
      default -> throw new IllegalArgumentException("Unknown outcome " + c.outcome());
    }
  }

  /**
   * The pass over plays and stream counts judges rows with checks of its own (column vectors,
   * Spark's CSV reader); it must find exactly the rows the reader's checks find unusable.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("passCases")
  void thePassAgreesWithTheReaderOnEveryBadRow(Case c) {
    String p = c.path().toString();
    OutageWindow o = new OutageWindow("o1", Instant.parse("2026-03-03T00:00:00Z"),
        Instant.parse("2026-03-03T01:00:00Z"), Scope.all(), Scope.all(), "");
    PhaseCalendar calendar = PhaseCalendar.of(List.of(o), 28, 24);
    PlayPass pass = c.input().equals("plays") ? PlayPass.plays(spark, p, calendar, raw -> raw)
        : PlayPass.counts(spark, p, calendar);
    TableReader.Read read = pass.read();
    assertThat(pass.totals().rejected()).as(c.file() + " unusable rows")
        .isEqualTo(read.rejected().count());
    assertThat(pass.totals().used() + pass.totals().outside()).as(c.file() + " usable rows")
        .isEqualTo(read.valid().count());
  }

  static Stream<Case> passCases() throws IOException {
    return cases().filter(c -> c.outcome().equals("quarantine")
        && (c.input().equals("plays") || c.input().equals("stream_counts")));
  }

  /** The one bad row is quarantined as written, and every other row is used. */
  private static void checkQuarantine(Case c) {
    Ledger ledger = new Ledger(100, m -> { });
    Dataset<Row> used = load(c, ledger);
    Dataset<Row> q = ledger.quarantine();
    List<Row> rows = q.collectAsList();
    assertThat(rows).as(c.file() + " quarantined rows").hasSize(1);
    Row r = rows.get(0);
    assertThat(r.<String>getAs("input")).isEqualTo(c.input());
    assertThat(r.<String>getAs("file")).isEqualTo("file:" + c.path());
    assertThat(r.<Long>getAs("line")).as(c.file() + " line").isEqualTo(Long.parseLong(c.line()));
    assertThat(r.<String>getAs("column")).as(c.file() + " column")
        .isEqualTo(c.column().isEmpty() ? null : c.column());
    assertThat(r.<String>getAs("reason")).as(c.file() + " reason").isEqualTo(c.expected());
    List<String> lines = readLines(c.path());
    assertThat(r.<String>getAs("raw")).as(c.file() + " raw text is the file's line")
        .isEqualTo(lines.get(Integer.parseInt(c.line()) - 1));
    var counts = ledger.inputs().get(c.input());
    assertThat((long) counts.get("rows_read")).as(c.file() + " rows read")
        .isEqualTo(used.count() + 1);
    assertThat((long) counts.get("rows_quarantined")).isEqualTo(1);
  }

  private static List<String> readLines(Path p) {
    try {
      return List.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).split("\n", -1));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a case file the way the job reads its input, and returns the usable rows. */
  private static Dataset<Row> load(Case c, Ledger ledger) {
    String p = c.path().toString();
    return switch (c.input()) {
      case "plays", "stream_counts" -> big(p, Contract.table(c.input()).orElseThrow(), ledger);
      case "artists" -> SmallInputReader.artists(spark, p, ledger);
      case "releases" -> SmallInputReader.releases(spark, Optional.of(p), ledger);
      case "promotions" -> SmallInputReader.promotions(spark, Optional.of(p), ledger);
      case "outages" -> {
        SmallInputReader.outages(spark, p, ledger);
        yield null;
      }
      case "rate_card" -> {
        SmallInputReader.rateCard(spark, Optional.of(p), ledger);
        yield null;
      }
      case "config" -> {
        ImpactConfig.load(c.path());
        yield null;
      }
      default -> throw new IllegalArgumentException(c.input());
    };
  }

  /** Plays and stream counts as the cube pass reads them: usable rows, and the quarantine. */
  private static Dataset<Row> big(String path, TableSpec table, Ledger ledger) {
    TableReader.Read read = TableReader.read(spark, path, table);
    long all = read.rows().count();
    long bad = read.rejected().count();
    ledger.add(table.name(), path, all, all - bad, bad, bad == 0 ? null : read.quarantine(),
        Map.of());
    return read.valid();
  }
}
