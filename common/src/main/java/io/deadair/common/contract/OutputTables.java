package io.deadair.common.contract;

import static io.deadair.common.contract.ColumnSpec.optional;
import static io.deadair.common.contract.ColumnSpec.required;

import io.deadair.common.contract.TableSpec.Role;
import java.util.List;

/**
 * The tables Dead Air writes, described once ({@link Contract} holds the inputs and lists every
 * table); the writers, the report's reader and the data contract's text use these.
 */
public final class OutputTables {

  public static final TableSpec QUARANTINE =
      new TableSpec(
          "quarantine",
          Role.OUTPUT,
          "One row per input row that could not be used, written to quarantine/ with where it"
              + " came from and why.",
          List.of(
              required("input", ColumnType.STRING, "Which input: plays, stream_counts, artists"
                  + " or releases.", "plays"),
              required("file", ColumnType.STRING, "The file the row came from.",
                  "file:/data/plays/part-00003.csv"),
              optional("line", ColumnType.LONG, "Line number in a CSV or JSON lines file (the"
                  + " header is line 1), or record number in a Parquet file (from 1).", "1047"),
              optional("column", ColumnType.STRING, "The column at fault, or empty when the"
                  + " whole line is.", "ms_played"),
              required("reason", ColumnType.STRING, "Why the row could not be used.",
                  "-5 is outside 0..86400000 ms (24 h)"),
              optional("raw", ColumnType.STRING, "The raw line, or the Parquet record as JSON.",
                  "2026-03-02T14:05:09Z,u1,t1,a1,-5,DE,ios,premium")));

  public static final TableSpec ARTIST_IMPACT =
      new TableSpec(
          "artist_impact",
          Role.OUTPUT,
          "One row per (outage, artist): what the outage cost the artist.",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              optional("artist_name", ColumnType.STRING, "Artist name, if known.", "Mira Okafor"),
              required("segment", ColumnType.STRING, "emerging, mid or established.",
                  "emerging"),
              required("expected_plays", ColumnType.DOUBLE,
                  "Plays expected in the window had there been no outage.", "412.6"),
              required("observed_plays", ColumnType.LONG, "Plays observed in the window.",
                  "97"),
              required("lost_plays", ColumnType.DOUBLE, "expected_plays - observed_plays.",
                  "315.6"),
              required("lost_plays_low", ColumnType.DOUBLE, "Lower end of the 95 % interval.",
                  "268.0"),
              required("lost_plays_high", ColumnType.DOUBLE, "Upper end of the 95 % interval.",
                  "361.9"),
              required("lost_pct", ColumnType.DOUBLE, "lost_plays / expected_plays, in %.",
                  "76.5"),
              required("rebound_plays", ColumnType.DOUBLE,
                  "Observed minus expected in the recovery window.", "41.2"),
              required("net_lost_plays", ColumnType.DOUBLE, "lost_plays - rebound_plays.",
                  "274.4"),
              required("lost_revenue_usd", ColumnType.DOUBLE, "Lost plays valued on the rate card.",
                  "1.27"),
              required("lost_revenue_low_usd", ColumnType.DOUBLE, "Lower end, 95 %.", "1.06"),
              required("lost_revenue_high_usd", ColumnType.DOUBLE, "Upper end, 95 %.", "1.49"),
              optional("label_id", ColumnType.STRING, "The artist's label, from the artists"
                  + " table; empty for an independent artist.", "lm1"),
              optional("label_name", ColumnType.STRING, "The label's name.",
                  "Northgate Records"),
              optional("lost_plays_library", ColumnType.DOUBLE, "Lost plays that would have"
                  + " begun in the listener's library (plays with a source only; each source"
                  + " is expected its share of the artist's baseline plays).", "120.4"),
              optional("lost_plays_playlist", ColumnType.DOUBLE, "... from a playlist.", "150.2"),
              optional("lost_plays_search", ColumnType.DOUBLE, "... from search.", "12.0"),
              optional("lost_plays_artist_page", ColumnType.DOUBLE, "... from the artist's"
                  + " page.", "20.1"),
              optional("lost_plays_radio", ColumnType.DOUBLE, "... from radio.", "9.3"),
              optional("lost_plays_other", ColumnType.DOUBLE, "... from elsewhere.", "3.6")));

  public static final TableSpec ARTIST_PHASE_METRICS =
      new TableSpec(
          "artist_phase_metrics",
          Role.OUTPUT,
          "One row per (outage, artist, phase): the plain metrics of each phase.",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              required("phase", ColumnType.STRING, "before, during or after.", "during"),
              required("hours", ColumnType.DOUBLE, "Length of the phase in hours.", "3.0"),
              required("plays", ColumnType.LONG, "Plays in the phase.", "97"),
              required("unique_listeners", ColumnType.LONG, "Distinct listeners in the phase.",
                  "81"),
              required("minutes_played", ColumnType.DOUBLE, "Minutes played.", "288.4"),
              optional("skip_rate", ColumnType.DOUBLE,
                  "Share of plays ended by fwdbtn or backbtn; empty without reason_end.", "0.21"),
              required("plays_per_hour", ColumnType.DOUBLE, "plays / hours.", "32.3")));

  public static final TableSpec SEGMENT_SUMMARY =
      new TableSpec(
          "segment_summary",
          Role.OUTPUT,
          "One row per (outage, segment), plus segment all for the whole service; the rank test"
              + " columns repeat on every row of an outage.",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("segment", ColumnType.STRING, "all, emerging, mid or established.",
                  "emerging"),
              required("artists", ColumnType.LONG, "Artists in the segment.", "812"),
              required("expected_plays", ColumnType.DOUBLE, "Sum of expected plays.", "10412.0"),
              required("lost_plays", ColumnType.DOUBLE, "Sum of lost plays.", "8120.5"),
              required("lost_plays_low", ColumnType.DOUBLE,
                  "Lower end of the interval of the sum, service-model error included.",
                  "7702.0"),
              required("lost_plays_high", ColumnType.DOUBLE, "Upper end.", "8539.0"),
              optional("lost_pct", ColumnType.DOUBLE, "lost / expected, in %.", "78.0"),
              optional("median_lost_pct", ColumnType.DOUBLE,
                  "Median lost_pct of the artists with enough expected plays"
                      + " (min_expected_for_share).", "76.1"),
              required("lost_revenue_usd", ColumnType.DOUBLE, "Sum of lost revenue.", "37.9"),
              required("lost_revenue_low_usd", ColumnType.DOUBLE,
                  "Lower end of the interval of the sum, service-model error included.", "35.8"),
              required("lost_revenue_high_usd", ColumnType.DOUBLE, "Upper end.", "40.0"),
              optional("mwu_emerging_n", ColumnType.INT,
                  "Emerging artists in the rank test.", "240"),
              optional("mwu_established_n", ColumnType.INT,
                  "Established artists in the rank test.", "61"),
              optional("mwu_u", ColumnType.DOUBLE,
                  "Mann-Whitney U of the emerging artists' lost_pct.", "8130.5"),
              optional("mwu_p_value", ColumnType.DOUBLE, "Two-sided p-value.", "0.21"),
              optional("mwu_p_emerging_larger", ColumnType.DOUBLE,
                  "One-sided p-value for: emerging artists lost a larger share.", "0.11"),
              optional("prob_emerging_larger", ColumnType.DOUBLE,
                  "Effect size: chance that a random emerging artist lost a larger share than a"
                      + " random established one.", "0.56"),
              optional("rank_biserial", ColumnType.DOUBLE,
                  "Effect size from -1 to 1: 2 prob_emerging_larger - 1.", "0.12"),
              optional("playlist_expected_plays", ColumnType.DOUBLE, "Plays expected from"
                  + " playlists (when the plays have a source).", "5100.0"),
              optional("playlist_lost_pct", ColumnType.DOUBLE, "The share of them lost, in %:"
                  + " how much the segment's playlist-driven plays went dark.", "81.2"),
              optional("playlist_share_of_lost_pct", ColumnType.DOUBLE, "Playlist plays' share"
                  + " of the segment's lost plays, in %: how much its loss was visibility the"
                  + " service gives.", "44.7")));

  public static final TableSpec TIMELINE =
      new TableSpec(
          "timeline",
          Role.OUTPUT,
          "One row per (outage, hour, series): observed against expected around the window.",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("series", ColumnType.STRING, "all, or a segment name.", "all"),
              required("hour", ColumnType.TIMESTAMP, "Start of the hour, UTC.",
                  "2026-03-04T18:00:00Z"),
              required("observed", ColumnType.DOUBLE, "Plays observed.", "5120"),
              required("expected", ColumnType.DOUBLE, "Plays expected.", "21870.4"),
              required("low", ColumnType.DOUBLE, "Lower end of the 95 % band.", "20611.0"),
              required("high", ColumnType.DOUBLE, "Upper end of the 95 % band.", "23140.2")));

  public static final TableSpec ARTIST_TIMELINE =
      new TableSpec(
          "artist_timeline",
          Role.OUTPUT,
          "One row per (outage, highlighted artist, hour): the artist card's series. Highlighted"
              + " are the top cards_per_outage emerging artists by lost revenue and the"
              + " highlight_artists of the config.",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              required("hour", ColumnType.TIMESTAMP, "Start of the hour, UTC.",
                  "2026-03-04T18:00:00Z"),
              required("observed", ColumnType.DOUBLE, "Plays observed.", "12"),
              required("expected", ColumnType.DOUBLE, "Plays expected.", "48.2"),
              required("low", ColumnType.DOUBLE, "Lower end of the 95 % band.", "31.0"),
              required("high", ColumnType.DOUBLE, "Upper end of the 95 % band.", "66.1")));

  public static final TableSpec REVENUE_BY_MARKET =
      new TableSpec(
          "revenue_by_market",
          Role.OUTPUT,
          "One row per (outage, country, tier): lost plays and revenue split by market, with the"
              + " weights each artist's revenue is computed with, so the rows add up to the"
              + " segment_summary totals.",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("country", ColumnType.STRING, "ISO 3166-1 alpha-2 country.", "DE"),
              required("tier", ColumnType.STRING, "premium, free, or * when unknown.",
                  "premium"),
              required("lost_plays", ColumnType.DOUBLE, "Lost plays in this market.", "812.4"),
              required("lost_revenue_usd", ColumnType.DOUBLE, "Their value on the rate card.",
                  "3.66"),
              required("emerging_lost_revenue_usd", ColumnType.DOUBLE,
                  "The part of it lost by emerging artists.", "0.41")));

  public static final TableSpec DETECTED_OUTAGES =
      new TableSpec(
          "detected_outages",
          Role.OUTPUT,
          "Outages found in the data: runs of 5-minute buckets (stream counts: their own"
              + " buckets) where a part of the service played far fewer plays than expected"
              + " (docs/method.md, finding outages).",
          List.of(
              required("detected_id", ColumnType.STRING, "Id of the window found.", "d-1"),
              required("start", ColumnType.TIMESTAMP, "Start of its first bucket.",
                  "2026-03-04T18:20:00Z"),
              required("end", ColumnType.TIMESTAMP, "End of its last bucket.",
                  "2026-03-04T21:40:00Z"),
              required("countries", ColumnType.STRING,
                  "Countries whose plays fell, ;-separated, or * for all.", "DE;FR"),
              required("platforms", ColumnType.STRING,
                  "Platforms whose plays fell, ;-separated, or * for all.", "*"),
              required("expected_plays", ColumnType.DOUBLE,
                  "Plays its scope was expected to have in the window.", "56300.0"),
              required("observed_plays", ColumnType.DOUBLE, "Plays its scope had.", "8090.0"),
              required("lost_plays", ColumnType.DOUBLE, "Expected minus observed.", "48210.0"),
              required("lost_plays_low", ColumnType.DOUBLE,
                  "Low end of the 95 % interval of lost_plays.", "47650.0"),
              required("lost_plays_high", ColumnType.DOUBLE,
                  "High end of the 95 % interval of lost_plays.", "48770.0"),
              required("evidence", ColumnType.DOUBLE, "How convincing the drop is: the"
                  + " height of the CUSUM that found it, in log-likelihood units"
                  + " (detect_threshold is the least that counts).", "2811.4"),
              optional("matches_outage_id", ColumnType.STRING,
                  "The declared outage it overlaps in time and scope, if any.", "global-1")));

  public static final TableSpec SERVICE_SERIES =
      new TableSpec(
          "service_series",
          Role.OUTPUT,
          "The whole service bucket by bucket over the period read, as the outage detector saw"
              + " it: plays, and plays expected from the other days (fitted without the"
              + " outages found).",
          List.of(
              required("bucket_start", ColumnType.TIMESTAMP, "Start of the bucket.",
                  "2026-03-04T18:20:00Z"),
              required("minutes", ColumnType.INT, "Length of the bucket.", "5"),
              required("observed_plays", ColumnType.DOUBLE, "Plays in the bucket.", "1210.0"),
              required("expected_plays", ColumnType.DOUBLE, "Plays expected.", "1265.4")));

  public static final TableSpec RELEASE_IMPACT =
      new TableSpec(
          "release_impact",
          Role.OUTPUT,
          "Releases that went live during an outage or in the days before it"
              + " (release_lookback_days).",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              optional("artist_name", ColumnType.STRING, "Artist name.", "Mira Okafor"),
              required("segment", ColumnType.STRING, "The artist's segment.", "emerging"),
              optional("track_id", ColumnType.STRING, "Released track.", "a000042-t007"),
              optional("album_id", ColumnType.STRING, "Released album.", ""),
              required("release_ts", ColumnType.TIMESTAMP, "When it went live.",
                  "2026-03-06T00:00:00Z"),
              required("first_week_plays", ColumnType.LONG,
                  "Plays of the release in its first 7 days (UTC days, as far as the data goes).",
                  "2210"),
              optional("share_of_artist_plays", ColumnType.DOUBLE,
                  "The release's share of the artist's plays from release to outage.", "0.62"),
              optional("expected_plays", ColumnType.DOUBLE,
                  "The release's part of the artist's expected plays in the window.", "120.4"),
              optional("lost_plays", ColumnType.DOUBLE, "Its part of the artist's loss.", "98.2"),
              optional("lost_plays_low", ColumnType.DOUBLE, "Lower end, 95 %.", "80.1"),
              optional("lost_plays_high", ColumnType.DOUBLE, "Upper end, 95 %.", "116.3")));

  public static final TableSpec ROYALTY_RISK =
      new TableSpec(
          "royalty_risk",
          Role.OUTPUT,
          "Tracks on pace for the royalty threshold, but not clearly once the outage's loss is"
              + " taken off.",
          List.of(
              required("outage_id", ColumnType.STRING, "Outage id.", "global-1"),
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              optional("artist_name", ColumnType.STRING, "Artist name.", "Mira Okafor"),
              required("segment", ColumnType.STRING, "The artist's segment.", "emerging"),
              required("track_id", ColumnType.STRING, "Track id.", "a000042-t003"),
              required("baseline_plays", ColumnType.LONG, "Plays over the baseline.", "81"),
              required("annualised_plays", ColumnType.DOUBLE,
                  "baseline_plays scaled to 12 months.", "1055.9"),
              required("annualised_low", ColumnType.DOUBLE,
                  "Lower end of its 95 % interval (exact Poisson).", "838.6"),
              required("track_lost_plays", ColumnType.DOUBLE,
                  "The track's part of the artist's loss.", "0.8"),
              required("track_lost_plays_high", ColumnType.DOUBLE, "Upper end, 95 %.", "1.3"),
              required("threshold_plays", ColumnType.LONG, "The royalty threshold.", "1000")));

  private OutputTables() {}
}
