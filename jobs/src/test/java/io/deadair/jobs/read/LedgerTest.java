package io.deadair.jobs.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deadair.common.contract.OutputTables;
import io.deadair.common.io.InputException;
import io.deadair.jobs.spark.SparkSchemas;
import io.deadair.sample.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The ledger on counts and quarantine rows made in memory: every row read is used, quarantined
 * or dropped by a named rule; a little bad input is a warning, too much stops the run.
 */
class LedgerTest {

  private final List<String> shown = new ArrayList<>();
  private final Ledger ledger = new Ledger(1.0, shown::add);

  /** {@code n} quarantine rows of {@code input}, unusable in column {@code column}. */
  private static Dataset<Row> quarantined(String input, int n, String column, String reason) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create(input, "file:/in/" + input + ".csv", (long) i + 2, column,
          reason, "raw " + i));
    }
    return SharedSpark.session().createDataFrame(rows, SparkSchemas.of(OutputTables.QUARANTINE));
  }

  @Test
  void everyRowReadIsUsedQuarantinedOrDroppedByARule() {
    ledger.add("artists", "a.csv", 10, 7, 0, null, Map.of("duplicate_id", 3L));

    assertThat(ledger.input("artists")).containsEntry("rows_read", 10L)
        .containsEntry("rows_used", 7L).containsEntry("rows_quarantined", 0L)
        .containsEntry("rows_dropped_duplicate_id", 3L);
    assertThat(ledger.warnings()).isEmpty();
    assertThat(ledger.quarantine()).isNull();
  }

  @Test
  void rowsThatAreNotAccountedForAreAFaultOfDeadAirsNotOfTheInput() {
    assertThatThrownBy(() -> ledger.add("plays", "p", 10, 7, 0, null, Map.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("10 rows read but 7");
  }

  @Test
  void aFewBadRowsAreQuarantinedWithAWarning() {
    ledger.add("plays", "p.csv", 1000, 990, 10, quarantined("plays", 10, "country", "bad"),
        Map.of());
    ledger.add("artists", "a.csv", 200, 198, 2, quarantined("artists", 2, "debut", "bad"),
        Map.of());

    assertThat(ledger.warnings()).containsExactly(
        "artists: 2 of 200 rows cannot be used; they are in quarantine/ with the reason",
        "plays: 10 of 1,000 rows cannot be used; they are in quarantine/ with the reason");
    assertThat(shown).hasSize(2);
    assertThat(ledger.quarantine().count()).as("both inputs' rows, in one table").isEqualTo(12);
    assertThat(ledger.inputs().keySet()).as("run.json's order").containsExactly("artists",
        "plays");
  }

  @Test
  void moreBadRowsThanAllowedStopTheRunNamingTheCommonestProblem() {
    Dataset<Row> bad = quarantined("plays", 15, "ms_played", "-5 is outside 0..86400000 ms")
        .unionByName(quarantined("plays", 5, "country", "'XQ' is not a country"));

    assertThatThrownBy(() -> ledger.add("plays", "p.csv", 1000, 980, 20, bad, Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("plays: 20 of 1,000 rows (2.0 %) in p.csv cannot be used")
        .hasMessageContaining("max_bad_rows_pct = 1 %")
        .hasMessageContaining("column ms_played: 15 rows, first at file:/in/plays.csv, line 2:"
            + " -5 is outside 0..86400000 ms; column country: 5 rows");
  }
}
