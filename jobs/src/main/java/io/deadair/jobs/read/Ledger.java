package io.deadair.jobs.read;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import io.deadair.common.contract.OutputTables;
import io.deadair.common.io.InputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What became of every input row: read = used + quarantined + dropped by each documented rule.
 * It gathers the quarantine of every input and stops the run when an input is mostly bad.
 */
public final class Ledger {

  /** Messages list at most this many kinds of problem. */
  private static final int SHOWN_PROBLEMS = 3;

  private final double maxBadPct;
  private final Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
  private final List<Dataset<Row>> quarantine = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private final Consumer<String> onWarning;

  /** A ledger that allows up to {@code maxBadPct} % unusable rows per input. */
  public Ledger(double maxBadPct, Consumer<String> onWarning) {
    this.maxBadPct = maxBadPct;
    this.onWarning = onWarning;
  }

  /**
   * Records one input. {@code quarantined} rows are {@link OutputTables#QUARANTINE} rows; {@code
   * dropped} counts rows left out by a documented rule, by rule.
   *
   * @throws InputException when more than the allowed share of the input is unusable
   */
  public synchronized void add(String input, String path, long read, long used,
      long quarantinedCount, Dataset<Row> quarantined, Map<String, Long> dropped) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("rows_read", read);
    m.put("rows_used", used);
    m.put("rows_quarantined", quarantinedCount);
    dropped.forEach((rule, n) -> m.put("rows_dropped_" + rule, n));
    long accounted = used + quarantinedCount + dropped.values().stream()
        .mapToLong(Long::longValue).sum();
    if (accounted != read) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "%s: %d rows read but %d accounted for", input, read, accounted));
    }
    inputs.put(input, m);
    if (quarantinedCount > 0) {
      quarantine.add(quarantined);
      double pct = 100.0 * quarantinedCount / read;
      if (pct > maxBadPct) {
        throw new InputException(String.format(Locale.ROOT, "%s: %,d of %,d rows (%.1f %%) in %s"
            + " cannot be used, more than max_bad_rows_pct = %s %%. %s Fix the input, or raise"
            + " max_bad_rows_pct in --config to accept it.", input, quarantinedCount, read, pct,
            path, BigDecimal.valueOf(maxBadPct).stripTrailingZeros().toPlainString(),
            problems(quarantined)));
      }
      warn(String.format(Locale.ROOT, "%s: %,d of %,d rows cannot be used; they are in"
          + " quarantine/ with the reason", input, quarantinedCount, read));
    }
  }

  /** The commonest problems, each with its count and first example. */
  public static String problems(Dataset<Row> quarantined) {
    List<Row> top = quarantined.groupBy("column")
        .agg(count(lit(1)).as("n"), min(struct("file", "line", "reason")).as("first"))
        .orderBy(col("n").desc(), col("column")).limit(SHOWN_PROBLEMS).collectAsList();
    List<String> parts = new ArrayList<>();
    for (Row r : top) {
      Row first = r.getStruct(2);
      parts.add(String.format(Locale.ROOT, "%s: %,d rows, first at %s%s: %s",
          r.isNullAt(0) ? "whole line" : "column " + r.getString(0), r.getLong(1),
          first.getString(0), first.isNullAt(1) ? "" : ", line " + first.getLong(1),
          first.getString(2)));
    }
    return "Commonest problems: " + String.join("; ", parts) + ".";
  }

  /** Notes something the analyst should know that does not stop the run. */
  public synchronized void warn(String message) {
    warnings.add(message);
    onWarning.accept(message);
  }

  /**
   * The warnings, sorted: inputs are read at the same time, so the order they were found in may
   * change from run to run; run.json must not.
   */
  public synchronized List<String> warnings() {
    List<String> sorted = new ArrayList<>(warnings);
    sorted.sort(null);
    return sorted;
  }

  /** Each input's counts, in the order of {@link #INPUT_ORDER} (then any other). */
  public synchronized Map<String, Map<String, Object>> inputs() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (String name : INPUT_ORDER) {
      if (inputs.containsKey(name)) {
        out.put(name, inputs.get(name));
      }
    }
    inputs.forEach(out::putIfAbsent);
    return out;
  }

  /** The order inputs are listed in run.json. */
  private static final List<String> INPUT_ORDER = List.of("outages", "rate_card", "artists",
      "releases", "plays", "stream_counts");

  /** One input's counts, for adding what later steps find. */
  public synchronized Map<String, Object> input(String name) {
    return inputs.get(name);
  }

  /** Every quarantined row of the run, or null when all were usable; the writer sorts them. */
  public Dataset<Row> quarantine() {
    Dataset<Row> all = null;
    for (Dataset<Row> q : quarantine) {
      all = all == null ? q : all.unionByName(q);
    }
    return all;
  }
}
