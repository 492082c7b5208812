package io.deadair.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractTest {

  @Test
  void everyTableOfTheBriefIsDescribed() {
    assertThat(Contract.tables()).extracting(TableSpec::name).contains("plays", "stream_counts",
        "artists", "releases", "outages", "rate_card", "artist_impact", "artist_phase_metrics",
        "segment_summary", "timeline", "detected_outages");
    assertThat(Contract.PLAYS.requiredColumnNames()).as("required plays columns")
        .containsExactly("ts", "user_id", "track_id", "artist_id", "ms_played", "country",
            "platform", "tier");
    assertThat(Contract.OUTAGES.columnNames()).as("outages CSV header")
        .containsExactly("outage_id", "start", "end", "countries", "platforms", "description");
  }

  @Test
  void artistImpactHeaderIsSpelledAsPromised() {
    assertThat(String.join(",", OutputTables.ARTIST_IMPACT.columnNames())).isEqualTo(
        "outage_id,artist_id,artist_name,segment,expected_plays,observed_plays,lost_plays,"
            + "lost_plays_low,lost_plays_high,lost_pct,rebound_plays,net_lost_plays,"
            + "lost_revenue_usd,lost_revenue_low_usd,lost_revenue_high_usd,label_id,label_name,"
            + "lost_plays_library,lost_plays_playlist,lost_plays_search,lost_plays_artist_page,"
            + "lost_plays_radio,lost_plays_other");
  }

  @Test
  void tablesRefuseDuplicateAndBadlyNamedColumns() {
    ColumnSpec a = ColumnSpec.required("a", ColumnType.STRING, "m", "e");
    assertThatThrownBy(() -> new TableSpec("t", TableSpec.Role.INPUT, "s", List.of(a, a)))
        .hasMessageContaining("Duplicate column a in t");
    assertThatThrownBy(() -> ColumnSpec.required("Bad Name", ColumnType.STRING, "m", "e"))
        .hasMessageContaining("snake_case");
  }

  @Test
  void theDocumentIsUpToDate() throws IOException {
    Path doc = repoRoot().resolve("docs/data-contract.md");
    String expected = ContractDoc.render();
    if (!Files.exists(doc) || !Files.readString(doc).equals(expected)) {
      Path fresh = Path.of("target", "data-contract.md");
      Files.createDirectories(fresh.getParent());
      Files.writeString(fresh, expected);
      assertThat(Files.exists(doc) ? Files.readString(doc) : "")
          .as("docs/data-contract.md is stale; the current text is in common/%s", fresh)
          .isEqualTo(expected);
    }
    assertThat(expected).as("every table has a section").contains("### `plays`",
        "### `artist_impact`", "### `outage_artist_truth`");
  }

  /** The repository root: the nearest folder up from here holding a {@code deadair} launcher. */
  private static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("deadair"))) {
      p = p.getParent();
    }
    assertThat(p).as("repository root above %s", Path.of("").toAbsolutePath()).isNotNull();
    return p;
  }
}
