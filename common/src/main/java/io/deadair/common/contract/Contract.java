package io.deadair.common.contract;

import static io.deadair.common.contract.ColumnSpec.optional;
import static io.deadair.common.contract.ColumnSpec.required;

import io.deadair.common.contract.TableSpec.Role;
import java.util.List;
import java.util.Optional;

/**
 * Every table Dead Air reads or writes, described once; readers, writers and docs use these. The
 * inputs are here, the outputs in {@link OutputTables}.
 */
public final class Contract {

  /** The longest believable play: a day. */
  public static final long MAX_MS_PLAYED = 86_400_000L;
  /** More streams than this in one bucket is a corrupt count (all of Spotify streams less). */
  public static final long MAX_STREAMS = 1_000_000_000_000L;

  /** Where a play began, in the order of the cube's source codes (1 is library). */
  public static final List<String> PLAY_SOURCES = List.of("library", "playlist", "search",
      "artist_page", "radio", "other");

  private static final ValueRule TIERS = new ValueRule.OneOf(List.of("premium", "free"));
  private static final ValueRule PLATFORM = new ValueRule.Word("[a-z0-9][a-z0-9_.-]{0,31}",
      "a lower-case word of up to 32 letters, digits, '_', '.' or '-'");

  public static final TableSpec PLAYS =
      new TableSpec(
          "plays",
          Role.INPUT,
          "One row per play (stream) of a track by a listener.",
          List.of(
              required("ts", ColumnType.TIMESTAMP, "When the play started, UTC.",
                  "2026-03-02T14:05:09Z"),
              required("user_id", ColumnType.STRING, "Pseudonymous listener id.", "u0012345"),
              required("track_id", ColumnType.STRING, "Track id.", "t000042-03"),
              required("artist_id", ColumnType.STRING, "Primary artist id.", "a000042"),
              required("ms_played", ColumnType.INT, "Milliseconds played, 0 or more.", "183000")
                  .with(new ValueRule.Range(0, MAX_MS_PLAYED, "ms (24 h)")),
              required("country", ColumnType.STRING,
                  "Listener's country, ISO 3166-1 alpha-2, upper case.", "DE")
                  .with(new ValueRule.Country(false)),
              required("platform", ColumnType.STRING,
                  "Client platform: ios, android, desktop, web or another lower-case word.", "ios")
                  .with(PLATFORM),
              required("tier", ColumnType.STRING, "Subscription tier: premium or free.", "premium")
                  .with(TIERS),
              optional("reason_end", ColumnType.STRING,
                  "Why the play ended (trackdone, fwdbtn, backbtn, endplay, logout); "
                      + "fwdbtn and backbtn count as skips.",
                  "trackdone"),
              optional("source", ColumnType.STRING, "Where the play began: library, playlist,"
                  + " search, artist_page, radio or other.", "playlist")
                  .with(new ValueRule.OneOf(PLAY_SOURCES))));

  public static final TableSpec STREAM_COUNTS =
      new TableSpec(
          "stream_counts",
          Role.INPUT,
          "Pre-aggregated stream counts per time bucket, as labels and distributors receive them;"
              + " an alternative to plays.",
          List.of(
              required("bucket_start", ColumnType.TIMESTAMP, "Start of the bucket, UTC.",
                  "2026-03-02T14:00:00Z"),
              required("bucket_minutes", ColumnType.INT,
                  "Bucket length in minutes, from 5 to 1440.", "60")
                  .with(new ValueRule.Range(5, 1440, "minutes")),
              required("artist_id", ColumnType.STRING, "Primary artist id.", "a000042"),
              optional("track_id", ColumnType.STRING, "Track id, when counts are per track.",
                  "t000042-03"),
              optional("country", ColumnType.STRING, "ISO 3166-1 alpha-2 country.", "DE")
                  .with(new ValueRule.Country(false)),
              optional("tier", ColumnType.STRING, "premium or free.", "free").with(TIERS),
              required("streams", ColumnType.LONG, "Streams in the bucket, 0 or more.", "1234")
                  .with(new ValueRule.Range(0, MAX_STREAMS, ""))));

  public static final TableSpec ARTISTS =
      new TableSpec(
          "artists",
          Role.INPUT,
          "One row per artist.",
          List.of(
              required("artist_id", ColumnType.STRING, "Artist id, as in plays.", "a000042"),
              required("name", ColumnType.STRING, "Display name (any Unicode).", "Mira Okafor"),
              optional("debut_date", ColumnType.DATE, "Date of the artist's first release.",
                  "2025-09-12"),
              optional("label_type", ColumnType.STRING, "major, indie or self-released.",
                  "indie"),
              optional("emerging", ColumnType.BOOLEAN,
                  "Overrides the segment rule: true forces emerging, false forbids it.",
                  "true"),
              optional("label_id", ColumnType.STRING,
                  "The artist's label or distributor; blank for none (independent).", "lm1"),
              optional("label_name", ColumnType.STRING, "The label's display name.",
                  "Northgate Records")));

  public static final TableSpec RELEASES =
      new TableSpec(
          "releases",
          Role.INPUT,
          "One row per release of a track or an album.",
          List.of(
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              optional("track_id", ColumnType.STRING,
                  "Released track; track_id or album_id must be present.", "t000042-07"),
              optional("album_id", ColumnType.STRING, "Released album.", ""),
              required("release_ts", ColumnType.TIMESTAMP, "When the release went live, UTC.",
                  "2026-03-06T00:00:00Z")));

  /** The kinds of promotion the promotions table knows. */
  public static final List<String> PROMOTION_KINDS = List.of("editorial_playlist",
      "playlist_pitch", "ad_campaign", "concert", "other");

  public static final TableSpec PROMOTIONS =
      new TableSpec(
          "promotions",
          Role.INPUT,
          "One row per promotion meant to reach the artist's fans in a window: an editorial"
              + " playlist placement, a pitch, an ad campaign, a concert.",
          List.of(
              required("promotion_id", ColumnType.STRING, "Unique id of the promotion.",
                  "p-0042"),
              required("artist_id", ColumnType.STRING, "Artist id.", "a000042"),
              required("kind", ColumnType.STRING, "editorial_playlist, playlist_pitch,"
                  + " ad_campaign, concert or other.", "editorial_playlist")
                  .with(new ValueRule.OneOf(PROMOTION_KINDS)),
              required("start", ColumnType.TIMESTAMP, "Start, ISO-8601 with offset.",
                  "2026-03-06T00:00:00Z"),
              required("end", ColumnType.TIMESTAMP, "End, after the start.",
                  "2026-03-13T00:00:00Z")));

  public static final TableSpec OUTAGES =
      new TableSpec(
          "outages",
          Role.INPUT,
          "One row per declared outage window.",
          List.of(
              required("outage_id", ColumnType.STRING, "Unique id of the outage.", "global-1"),
              required("start", ColumnType.TIMESTAMP,
                  "Start, ISO-8601 with offset (or epoch milliseconds).",
                  "2026-03-04T18:00:00Z"),
              required("end", ColumnType.TIMESTAMP, "End (exclusive), after start.",
                  "2026-03-04T21:00:00Z"),
              required("countries", ColumnType.STRING_LIST,
                  "Affected countries: * for all, or ;-separated ISO codes.", "*"),
              required("platforms", ColumnType.STRING_LIST,
                  "Affected platforms: * for all, or ;-separated names.", "android;ios"),
              optional("description", ColumnType.STRING, "Free text.",
                  "Login service down worldwide")));

  public static final TableSpec RATE_CARD =
      new TableSpec(
          "rate_card",
          Role.INPUT,
          "What one stream pays, by country and tier; a * row is the fallback.",
          List.of(
              required("country", ColumnType.STRING, "ISO 3166-1 alpha-2 country, or *.", "US")
                  .with(new ValueRule.Country(true)),
              required("tier", ColumnType.STRING, "premium, free, or *.", "premium")
                  .with(new ValueRule.OneOf(List.of("premium", "free", "*"))),
              required("usd_per_stream", ColumnType.DOUBLE, "US dollars per stream.", "0.0045")
                  .with(new ValueRule.Amount(0, 1))));

  private static final List<TableSpec> ALL =
      List.of(PLAYS, STREAM_COUNTS, ARTISTS, RELEASES, PROMOTIONS, OUTAGES, RATE_CARD,
          OutputTables.ARTIST_IMPACT, OutputTables.ARTIST_PHASE_METRICS,
          OutputTables.SEGMENT_SUMMARY, OutputTables.TIMELINE, OutputTables.ARTIST_TIMELINE,
          OutputTables.REVENUE_BY_MARKET, OutputTables.RELEASE_IMPACT, OutputTables.ROYALTY_RISK,
          DrillDownTables.ARTIST_MARKET_IMPACT, DrillDownTables.LABEL_IMPACT,
          DrillDownTables.PROMOTION_IMPACT, DrillDownTables.ARTIST_DAILY_ADJUSTED,
          DrillDownTables.TRACK_DAILY_ADJUSTED,
          OutputTables.QUARANTINE, OutputTables.DETECTED_OUTAGES, OutputTables.SERVICE_SERIES,
          TruthTables.OUTAGE_ARTIST_TRUTH, TruthTables.OUTAGE_MARKET_TRUTH);

  private Contract() {}

  /** Every table, inputs first. */
  public static List<TableSpec> tables() {
    return ALL;
  }

  /** The table called {@code name}, if there is one. */
  public static Optional<TableSpec> table(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
