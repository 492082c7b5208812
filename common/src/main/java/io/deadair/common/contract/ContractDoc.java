package io.deadair.common.contract;

import java.util.stream.Collectors;

/**
 * Renders {@code docs/data-contract.md} from {@link Contract}, so that the document and the code
 * cannot drift apart. Run {@code main} to print it; a test fails when the file is stale.
 */
public final class ContractDoc {

  private static final String INTRO = """
      # Dead Air data contract

      Every table Dead Air reads or writes, column by column. This page is generated from
      `common/src/main/java/io/deadair/common/contract/Contract.java`; a test fails when the two
      disagree. Regenerate it with:

          java -cp common/target/classes io.deadair.common.contract.ContractDoc > docs/data-contract.md

      ## Reading inputs

      - **Paths**: any Hadoop path (`file:`, `hdfs://`, `s3a://`, `gs://`, or a plain local path),
        either one file or a folder of part files (Spark's output, or a lake partitioned as
        `date=YYYY-MM-DD/`; files starting with `_` or `.` are skipped).
      - **Formats**, chosen from the file names: Parquet (`.parquet`), CSV with a header row
        (`.csv`, `.csv.gz`; `.tsv` for tab-separated) and JSON lines (`.json`, `.jsonl`,
        `.ndjson`, optionally `.gz`). A folder must hold one format only.
      - **Columns** are matched by name; their order does not matter. Extra columns are ignored;
        a missing optional column reads as empty; a missing required column stops the job
        before any heavy work, with a message naming the file and the column.
      - **Timestamps** are UTC instants. In CSV and JSON they are written either as ISO-8601
        with an offset (`2026-03-02T14:05:09Z`, `2026-03-02T15:05:09+01:00`) or as epoch
        milliseconds (`1772460309000`). A time without an offset is refused, since it would be
        read in whatever zone the machine happens to be in. In Parquet, a timestamp column, or
        an integer column of epoch milliseconds.
      - **Lists** (the outages' `countries` and `platforms`) are `*` for all, or values
        separated by `;` (`DE;FR;NL`). In Parquet and JSON a list of strings works too.
      - **Countries** are ISO 3166-1 alpha-2 codes in upper case; platforms and tiers are lower
        case.
      - **Bad values**: a value that cannot be read as its column's type, a missing required
        value, or a value outside what its column allows (the tables below) makes the row
        unusable; what then happens is listed under [Bad input](#bad-input).
      - **Text files** hold one record per line, in UTF-8 (a byte-order mark is ignored). A
        quoted CSV field cannot span lines. Blank lines are not rows, and a line that repeats
        the CSV header is a header. Text is trimmed; country codes are brought to upper case,
        tiers and platforms to lower case. CSV follows RFC 4180, as spreadsheets write it: a
        quote inside a quoted field is doubled (`"Tom ""TJ"" Jones"`). A JSON lines input's
        fields are taken from its first 1,000 records.

      """;

  private static final String RULES = """
      ## Bad input

      Every input row ends in exactly one of four places, and `run.json` counts each input that
      way: `rows_read` = `rows_used` + `rows_quarantined` + each `rows_dropped_<rule>`. Problems
      with whole files, the outages, the rate card or the configuration stop the run instead.
      In the messages below, PATH is an input as given, FILE a file as Spark names it
      (`file:/...`), and LINE the line number in a CSV or JSON lines file (the header is line 1)
      or the record number in a Parquet file.

      ### Quarantined

      Plays, stream counts, artists and releases: an unusable row is left out, written to
      `quarantine/rows` (Parquet) and `quarantine/rows.csv` with `input`, `file`, `line`,
      `column`, `reason` and `raw` (the line, or the Parquet record as JSON), and counted in
      `rows_quarantined`. A warning says how many.

      | problem | reason written |
      |---|---|
      | a value that cannot be read as its type | `cannot read 'lots' as int32` |
      | a time without an offset | `'2026-03-02 14:05:09' has no UTC offset; write it like 2026-03-02T14:05:09Z or 2026-03-02T15:05:09+01:00` |
      | a required value is missing or blank | `required value is missing` |
      | a value outside what its column allows (see each table) | `-5 is outside 0..86400000 ms (24 h)`, `'family' is not one of premium, free`, `'XQ' is not an ISO 3166-1 alpha-2 country code` |
      | a CSV line with too few or too many fields, or an unclosed quote | `the line does not split into the header's 9 fields (a missing or extra separator, or an unclosed quote)` |
      | a JSON line that is not one object (truncated, an array, not JSON) | `the line is not one JSON object` |
      | a line that is not valid UTF-8 | `the line is not valid UTF-8 (is the file in another encoding?)` |
      | an artist_id listed a second time (the first row is used) | `artist_id 'a1' is listed on an earlier line, whose row is used` |
      | a release with neither track_id nor album_id | `neither track_id nor album_id is given` |

      When more than `max_bad_rows_pct` (default 1 %) of one input is unusable, the run stops:
      results from mostly bad data would mislead. The message gives the commonest problems:

          plays: 960 of 48,002 rows (2.0 %) in PATH cannot be used, more than max_bad_rows_pct = 1 %. Commonest problems: column tier: 960 rows, first at FILE, line 41: 'gold' is not one of premium, free. Fix the input, or raise max_bad_rows_pct in --config to accept it.

      ### Dropped by a rule

      | rule | counted in |
      |---|---|
      | plays (or counts) in no hour any outage needs: its baseline, the outage, its recovery window and its placebo windows | `rows_dropped_outside_windows` |

      ### Kept, with a warning

      Warnings go to the console and to `warnings` in `run.json`.

      | situation | warning |
      |---|---|
      | plays of an artist missing from `artists`: kept and reported under the id, counted in `artists_missing_from_artists_table` and `plays_of_missing_artists` | `3 artists with plays are not in the artists table (120 plays); they are kept and reported under their id` |
      | outages that overlap (a regional outage inside a global one is real) | `outages o1 and o2 overlap (START to END); plays lost in the overlap count towards both` |
      | an outage whose baseline starts before the data does | `outage o1: plays start at T, so its baseline has 5.5 of 28 days; intervals are wider for it` |
      | an outage whose recovery window ends after the data does | `outage o1: plays end at T, before its end plus the 24 h recovery window (T2); the rebound is measured on what there is` |
      | a scope value no play has, while others in the scope do | `outage o1: no play has its platforms andriod; a misspelling?` |
      | a country whose plays fit a fixed UTC offset better than the zone table's clock change inside an outage's baseline (the service model then follows the listeners; [method](method.md) 3.1) | `Listeners in DE keep UTC+01:00 rather than Europe/Berlin's daylight-saving change (baselines of o1, o2); the service model follows the listeners' clock.` |

      ### Stops the run

      The run stops with one line on the console (`deadair: ` and the message; the stack trace
      only with `--verbose`), exit code 2, and leaves any previous output as it was. Outages and
      the rate card steer every estimate, so one bad row in them stops the run. All of these
      are found before the pass over the plays, except the last group.

      | problem | message |
      |---|---|
      | no file or folder at the path | `plays: no file or folder at PATH` |
      | an empty file, or a folder with no data file | `artists: PATH is empty (0 bytes)`, `plays: the folder PATH holds no data file` |
      | a format that cannot be told from the names | `plays: cannot tell the format of PATH from its name; use a .parquet, .csv or .json/.jsonl suffix` |
      | a folder mixing formats | `plays folder PATH mixes formats [CSV, PARQUET]; keep one per input` |
      | a missing required column | `plays: PATH has no column ms_played (it has: artist_id, country, ...)` |
      | a Parquet column of a type that cannot hold the column | `plays: PATH, column ts has type boolean; it must hold timestamp (UTC instant)` |
      | a Parquet timestamp without time zone | `plays: PATH, column ts: a timestamp without time zone cannot be placed in UTC; write it as a UTC timestamp` |
      | a file that is not Parquet | `plays: cannot read PATH as Parquet: ...` |
      | artists, outages or rate card with no rows | `artists: PATH has no rows` |
      | any unusable outage or rate card row | `outages: FILE, line 2, column start: '2026-03-04 18:00' has no UTC offset; ...` |
      | an outage that ends before it starts | `outages: FILE, line 2 (outage o1): end 2026-03-04T18:00:00Z is before start 2026-03-04T21:00:00Z; are the two swapped?` |
      | an outage of zero length | `outages: FILE, line 2 (outage o1): start and end are both 2026-03-04T18:00:00Z; an outage must last at least a moment` |
      | an outage_id used twice | `outages: FILE, line 3 (outage o1): outage_id o1 is already used at FILE, line 2` |
      | a scope country that is not an ISO code | `outages: FILE, line 2 (outage o1), column countries: 'XX' is not an ISO 3166-1 alpha-2 code` |
      | `*` inside a list | `outages: FILE, line 2 (outage o1), column countries: * must stand alone in a scope, not in a list: *;DE` |
      | a rate card country and tier priced twice | `rate_card: FILE, line 4: country US, tier premium is already priced at FILE, line 3` |
      | a rate card without the `*`,`*` row | `rate_card: PATH: the rate card needs a fallback row with country * and tier *` |
      | a config key Dead Air does not know | `Config PATH: unknown key [baseline_dayz]; known keys are ...` |
      | a config value out of range, not a number or not whole | `Config PATH: confidence = 2.0 is out of range. Confidence level of every interval (0.5..0.999).` |
      | `--out` is a file, or a folder with other files and no `run.json` (a run replaces its `--out` as a whole) | `--out PATH is a folder that holds other files and no run.json, so it is not an earlier Dead Air output; ...` |
      | flags that do not fit together | `--artists and --outages are needed with --plays or --stream-counts ...`, `Give exactly one of --plays and --stream-counts` |
      | *after the pass:* too many unusable rows | see [Quarantined](#quarantined) |
      | *after the pass:* no rows at all in the days the outages need | `plays: PATH has no rows in the days the outages need` |
      | *after the pass:* no usable row near any outage | `plays: no usable row falls within 28 days before to 24 h after the outages in PATH; check the dates of both inputs` |
      | *after the pass:* an outage the data does not reach | `outage late (START to END) lies outside the plays' time range near it (FIRST to LAST): there is nothing to compare it with` |
      | *after the pass:* a scope no play falls in | `outage o1: no play has any of its platforms andriod (the data has: android, desktop, ios, web)` |
      | *during the pass:* a file Spark cannot read | `cannot read FILE: CAUSE` |

      Anything else is a fault in Dead Air: exit code 1, the exception's one-line summary and a
      hint to run again with `--verbose`.

      ### Output

      - A run writes into a hidden folder beside `--out` (`.out.partial-<uuid>`) and moves it
        into place only when everything succeeded, so a failed run leaves the previous output
        as it was. Ctrl-C or SIGTERM removes the hidden folder at once; a run killed outright
        (SIGKILL) cannot, and the next run to the same `--out` removes it. Two runs must not
        write the same `--out` at the same time.
      - Every table's rows are sorted (on text, whole-number and time columns first), so two
        runs on the same input write the same files row for row. Each table is one folder of
        Parquet (`tables/<name>/part-00000.zstd.parquet`, zstd, written by the driver from the
        per-artist results: tables are per artist or smaller) and one CSV (`csv/<name>.csv`).
      - CSV outputs are safe to open in a spreadsheet: a text cell that begins with `=`, `+`,
        `-`, `@`, a tab or a carriage return gets a leading apostrophe (`'=HYPERLINK(...)`).
        Numbers are left as they are. The quarantine CSV follows the same rule.

      """;

  private ContractDoc() {}

  public static void main(String[] args) {
    System.out.print(render());
  }

  /** The whole document. */
  public static String render() {
    StringBuilder out = new StringBuilder(INTRO).append(RULES);
    for (TableSpec.Role role : TableSpec.Role.values()) {
      out.append(role == TableSpec.Role.INPUT ? "## Inputs\n\n" : "## Outputs\n\n");
      for (TableSpec t : Contract.tables()) {
        if (t.role() == role) {
          appendTable(out, t);
        }
      }
    }
    return out.toString();
  }

  private static void appendTable(StringBuilder out, TableSpec t) {
    out.append("### `").append(t.name()).append("`\n\n").append(t.summary()).append("\n\n");
    out.append("| column | type | required | meaning | allowed | example |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (ColumnSpec c : t.columns()) {
      out.append("| `").append(c.name()).append("` | ").append(c.type().description())
          .append(" | ").append(c.required() ? "yes" : "no").append(" | ")
          .append(c.meaning().replace("|", "\\|")).append(" | ")
          .append(c.rule() == null ? "" : c.rule().describe()).append(" | ")
          .append(c.example().isEmpty() ? "" : "`" + c.example() + "`").append(" |\n");
    }
    out.append("\nExample row (CSV):\n\n```csv\n")
        .append(String.join(",", t.columnNames())).append('\n')
        .append(t.columns().stream().map(c -> csvCell(c.example()))
            .collect(Collectors.joining(",")))
        .append("\n```\n\n");
  }

  private static String csvCell(String v) {
    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
