package io.deadair.common.contract;

import static io.deadair.common.contract.ColumnSpec.optional;
import static io.deadair.common.contract.ColumnSpec.required;

import io.deadair.common.contract.TableSpec.Role;
import java.util.List;

/**
 * The tables that say where and how the artists lost: by label, by market and platform, by
 * promotion, and the daily metrics with the outages' loss put back.
 */
public final class DrillDownTables {

  /** The label id that artists without one roll into. */
  public static final String INDEPENDENT = "independent";

  public static final TableSpec LABEL_IMPACT =
      new TableSpec(
          "label_impact",
          Role.OUTPUT,
          "One row per (outage, label): what the outage cost the label's artists. Artists"
              + " without a label roll into label_id independent. Intervals add the artists'"
              + " half-widths in quadrature and the service model's error on the label's"
              + " in-scope expectation, as segment_summary does.",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("label_id", ColumnType.STRING, "Label id, or independent.", "lm1"),
              optional("label_name", ColumnType.STRING, "Label name, if known.",
                  "Northgate Records"),
              required("artists", ColumnType.LONG, "The label's artists measured in the outage.",
                  "212"),
              required("emerging_artists", ColumnType.LONG, "Of them, emerging artists.", "31"),
              required("expected_plays", ColumnType.DOUBLE, "Sum of the artists' expected plays.",
                  "10412.0"),
              required("lost_plays", ColumnType.DOUBLE, "Sum of the artists' lost plays.",
                  "8120.5"),
              required("lost_plays_low", ColumnType.DOUBLE, "Lower end of the 95 % interval.",
                  "7904.1"),
              required("lost_plays_high", ColumnType.DOUBLE, "Upper end of the 95 % interval.",
                  "8336.9"),
              required("emerging_lost_plays", ColumnType.DOUBLE,
                  "The emerging artists' part of lost_plays.", "512.0"),
              required("lost_revenue_usd", ColumnType.DOUBLE, "Sum of the artists' lost revenue.",
                  "31.20"),
              required("lost_revenue_low_usd", ColumnType.DOUBLE, "Lower end, 95 %.", "30.37"),
              required("lost_revenue_high_usd", ColumnType.DOUBLE, "Upper end, 95 %.",
                  "32.03")));

  /** The artist id that artists below the market table's size roll into. */
  public static final String OTHER = "other";

  public static final TableSpec ARTIST_MARKET_IMPACT =
      new TableSpec(
          "artist_market_impact",
          Role.OUTPUT,
          "One row per (outage, artist, country, platform, tier) the artist played in or was"
              + " expected in during the outage window, for artists with at least"
              + " market_min_expected_plays expected plays or a card in the report; the others"
              + " roll into artist_id other."
              + " Each in-scope part is expected the artist's in-scope expectation times its"
              + " weight (its country's share of the expectation, split by its baseline plays);"
              + " out of scope, expected is observed. The parts' lost plays and revenue add up to"
              + " the artist's in artist_impact. A part's interval has its own count noise and its"
              + " weight's share of the artist's level error; the artist's interval is not the"
              + " sum of its parts' (the noise adds in quadrature, the shared level error"
              + " linearly).",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("artist_id", ColumnType.STRING, "Artist id, or other.", "a000042"),
              optional("artist_name", ColumnType.STRING, "Artist name, if known.", "Mira Okafor"),
              optional("segment", ColumnType.STRING, "emerging, mid or established (empty for"
                  + " other).", "emerging"),
              required("country", ColumnType.STRING, "Listener country, or * when unknown.",
                  "DE"),
              required("platform", ColumnType.STRING, "Platform, or * when unknown.", "ios"),
              required("tier", ColumnType.STRING, "premium, free, or * when unknown.", "free"),
              required("in_scope", ColumnType.BOOLEAN, "Whether the outage hit the part.",
                  "true"),
              required("expected_plays", ColumnType.DOUBLE, "Plays expected in the window.",
                  "41.2"),
              required("observed_plays", ColumnType.DOUBLE, "Plays observed in the window.",
                  "6.0"),
              required("lost_plays", ColumnType.DOUBLE, "expected_plays - observed_plays.",
                  "35.2"),
              required("lost_plays_low", ColumnType.DOUBLE, "Lower end of the 95 % interval.",
                  "22.9"),
              required("lost_plays_high", ColumnType.DOUBLE, "Upper end of the 95 % interval.",
                  "47.5"),
              required("lost_revenue_usd", ColumnType.DOUBLE,
                  "lost_plays at the rate card's rate for the country and tier.", "0.035"),
              required("lost_revenue_low_usd", ColumnType.DOUBLE, "Lower end, 95 %.", "0.023"),
              required("lost_revenue_high_usd", ColumnType.DOUBLE, "Upper end, 95 %.",
                  "0.048")));

  public static final TableSpec PROMOTION_IMPACT =
      new TableSpec(
          "promotion_impact",
          Role.OUTPUT,
          "One row per (promotion, outage) where the promotion's window met the outage or its"
              + " recovery window and the artist was measured in the outage. The plays expected"
              + " and lost inside the promotion are the artist's in the outage window, taken in"
              + " the proportion of the service's hourly counterfactual that falls in the"
              + " promotion's hours.",
          List.of(
              required("promotion_id", ColumnType.STRING, "Promotion id.", "p-0042"),
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              optional("artist_name", ColumnType.STRING, "Artist name, if known.", "Mira Okafor"),
              required("segment", ColumnType.STRING, "emerging, mid or established.",
                  "emerging"),
              required("kind", ColumnType.STRING, "The promotion's kind.", "editorial_playlist"),
              required("promotion_start", ColumnType.TIMESTAMP, "Start of the promotion, UTC.",
                  "2026-03-06T00:00:00Z"),
              required("promotion_end", ColumnType.TIMESTAMP, "End of the promotion, UTC.",
                  "2026-03-13T00:00:00Z"),
              required("overlap_hours", ColumnType.DOUBLE, "Hours of the promotion inside the"
                  + " outage window.", "3.0"),
              required("recovery_overlap_hours", ColumnType.DOUBLE, "Hours of the promotion"
                  + " inside the recovery window.", "24.0"),
              required("share_of_promotion_pct", ColumnType.DOUBLE, "overlap_hours as a share of"
                  + " the promotion's whole window, in %.", "1.8"),
              required("expected_plays", ColumnType.DOUBLE, "The artist's plays expected inside"
                  + " both the promotion and the outage window.", "96.2"),
              required("lost_plays", ColumnType.DOUBLE, "Of them, lost.", "81.0"),
              required("lost_plays_low", ColumnType.DOUBLE, "Lower end of the 95 % interval.",
                  "70.4"),
              required("lost_plays_high", ColumnType.DOUBLE, "Upper end of the 95 % interval.",
                  "91.6"),
              required("lost_revenue_usd", ColumnType.DOUBLE, "Lost plays valued as the"
                  + " artist's are.", "0.31")));

  public static final TableSpec ARTIST_DAILY_ADJUSTED =
      new TableSpec(
          "artist_daily_adjusted",
          Role.OUTPUT,
          "One row per (artist, UTC day) of the input, for every artist measured in an outage:"
              + " the plays observed and the plays with every outage window's loss put back"
              + " (adjusted_plays), for dashboards, charts and royalty accruals that would"
              + " otherwise carry the dip. A window's loss goes to its days in the proportion"
              + " of the service's hourly counterfactual on each. Parquet only (part files"
              + " written by the executors): it holds a row per artist and day.",
          List.of(
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              optional("artist_name", ColumnType.STRING, "Artist name, if known.", "Mira Okafor"),
              required("day", ColumnType.DATE, "UTC day.", "2026-03-03"),
              required("observed_plays", ColumnType.DOUBLE, "Plays observed that day.", "412.0"),
              required("window_expected_plays", ColumnType.DOUBLE, "Plays expected inside"
                  + " outage windows that day (0 on a day without one).", "96.2"),
              required("lost_plays", ColumnType.DOUBLE, "Plays the outages took that day.",
                  "81.0"),
              required("adjusted_plays", ColumnType.DOUBLE, "observed_plays + lost_plays.",
                  "493.0"),
              required("adjusted_plays_low", ColumnType.DOUBLE, "Lower end of the 95 %"
                  + " interval of the repair.", "482.4"),
              required("adjusted_plays_high", ColumnType.DOUBLE, "Upper end, 95 %.", "503.6"),
              required("affected", ColumnType.BOOLEAN, "Whether an outage window fell on the"
                  + " day for the artist.", "true"),
              optional("outage_ids", ColumnType.STRING, "The outages of the day, separated by"
                  + " ;.", "global-1")));

  public static final TableSpec TRACK_DAILY_ADJUSTED =
      new TableSpec(
          "track_daily_adjusted",
          Role.OUTPUT,
          "The same per (track, UTC day), for the tracks named in release_impact or"
              + " royalty_risk. A track's part of its artist's loss is its share of the"
              + " artist's plays since its release (releases) or over the baseline (others)."
              + " Parquet only, like artist_daily_adjusted.",
          List.of(
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              required("track_id", ColumnType.STRING, "Track id.", "t000042-07"),
              required("day", ColumnType.DATE, "UTC day.", "2026-03-03"),
              required("observed_plays", ColumnType.DOUBLE, "Plays observed that day.", "41.0"),
              required("lost_plays", ColumnType.DOUBLE, "Plays the outages took that day.",
                  "8.1"),
              required("adjusted_plays", ColumnType.DOUBLE, "observed_plays + lost_plays.",
                  "49.1"),
              required("adjusted_plays_low", ColumnType.DOUBLE, "Lower end, 95 %.", "45.0"),
              required("adjusted_plays_high", ColumnType.DOUBLE, "Upper end, 95 %.", "53.2"),
              required("affected", ColumnType.BOOLEAN, "Whether an outage window fell on the"
                  + " day for the artist.", "true"),
              optional("outage_ids", ColumnType.STRING, "The outages of the day.",
                  "global-1")));

  private DrillDownTables() {}
}
