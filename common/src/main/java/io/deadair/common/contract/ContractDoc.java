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
      - **Bad values**: a value that cannot be read as its column's type, or a missing required
        value, marks the row as rejected with the column and the reason; rejected rows are never
        used and never dropped silently.

      """;

  private ContractDoc() {}

  public static void main(String[] args) {
    System.out.print(render());
  }

  /** The whole document. */
  public static String render() {
    StringBuilder out = new StringBuilder(INTRO);
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
    out.append("| column | type | required | meaning | example |\n");
    out.append("|---|---|---|---|---|\n");
    for (ColumnSpec c : t.columns()) {
      out.append("| `").append(c.name()).append("` | ").append(c.type().description())
          .append(" | ").append(c.required() ? "yes" : "no").append(" | ")
          .append(c.meaning().replace("|", "\\|")).append(" | ")
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
