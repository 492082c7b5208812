package io.deadair.common.contract;

import static io.deadair.common.contract.ColumnSpec.required;

import io.deadair.common.contract.TableSpec.Role;
import java.util.List;

/** The generator's truth tables: what it drew and what its outages removed, exactly. */
public final class TruthTables {

  public static final TableSpec OUTAGE_ARTIST_TRUTH =
      new TableSpec(
          "outage_artist_truth",
          Role.OUTPUT,
          "Generator only: the exact counts of its own draws per (outage, artist).",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              required("counterfactual_plays", ColumnType.LONG,
                  "Plays drawn inside the window before any was removed.", "412"),
              required("in_scope_plays", ColumnType.LONG,
                  "Of those, plays inside the outage's countries and platforms.", "412"),
              required("removed_plays", ColumnType.LONG,
                  "Plays removed by the outage (they are not in plays).", "329"),
              required("after_counterfactual_plays", ColumnType.LONG,
                  "Plays drawn in the recovery window, rebound not included.", "3120"),
              required("rebound_plays", ColumnType.LONG,
                  "Removed plays that came back after the window (they are in plays).", "74")));

  public static final TableSpec OUTAGE_MARKET_TRUTH =
      new TableSpec(
          "outage_market_truth",
          Role.OUTPUT,
          "Generator only: per (outage, artist, country, platform, tier) in the outage's scope,"
              + " the plays drawn in the window and those removed.",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              required("country", ColumnType.STRING, "Listener country.", "DE"),
              required("platform", ColumnType.STRING, "Platform.", "android"),
              required("tier", ColumnType.STRING, "premium or free.", "free"),
              required("in_scope_plays", ColumnType.LONG, "Plays drawn inside the window.",
                  "41"),
              required("removed_plays", ColumnType.LONG, "Of them, plays the outage removed.",
                  "35")));

  private TruthTables() {}
}
