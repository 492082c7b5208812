package io.deadair.jobs.impact;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.cube.PassTotals;
import io.deadair.common.io.InputException;
import io.deadair.jobs.cube.PlayPass;
import io.deadair.jobs.read.Ledger;
import io.deadair.jobs.runfolder.OutputWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Records in the ledger what became of every play (or count) row the pass read: used, unusable
 * (quarantined, with the reasons the reader gives, read again for those rows only) or outside
 * the windows; and stops the run when nothing is left to measure.
 */
final class PlayAccounting {

  private PlayAccounting() {}

  /**
   * Accounts for the rows of {@code pass}; {@code serviceOnly} when the pass only fed the
   * detector, which uses every usable row.
   */
  static void account(PlayPass pass, ImpactOptions options, Ledger ledger,
      OutputWriter writer, boolean serviceOnly) {
    account(pass, options.playInput(), options.outages(), options.config(), ledger, writer,
        serviceOnly);
  }

  /** As above, for a run that names its play input and outages itself. */
  static void account(PlayPass pass, String input, Optional<String> outages,
      ImpactConfig config, Ledger ledger, OutputWriter writer, boolean serviceOnly) {
    PassTotals t = pass.totals();
    long read = t.used() + t.rejected() + t.outside();
    String source = pass.read().path();
    if (read == 0) {
      throw new InputException(input + ": " + source + (serviceOnly ? " has no rows"
          : " has no rows in the days the outages need"));
    }
    Dataset<Row> quarantined = t.rejected() > 0 ? quarantined(pass, input, writer) : null;
    long outside = serviceOnly ? 0 : t.outside();
    ledger.add(input, source, read, read - t.rejected() - outside, t.rejected(), quarantined,
        serviceOnly ? Map.of() : Map.of("outside_windows", outside));
    if (serviceOnly && read == t.rejected()) {
      throw new InputException(input + ": " + source + " has no usable row");
    }
    if (!serviceOnly && t.used() == 0) {
      throw new InputException(input + ": no usable row falls within " + config.baselineDays()
          + " days before to " + config.afterHours() + " h after the outages in "
          + outages.orElse("the data") + "; check the dates of both inputs");
    }
  }

  /** The unusable rows as the reader explains them, which must be the rows the pass rejected. */
  private static Dataset<Row> quarantined(PlayPass pass, String input, OutputWriter writer) {
    Dataset<Row> rows = writer.work("quarantine_" + input, pass.read().quarantine());
    long found = rows.count();
    long rejected = pass.totals().rejected();
    if (found != rejected) {
      throw new IllegalStateException(String.format(Locale.ROOT, "%s: the pass found %,d"
          + " unusable rows but the reader's checks find %,d", input, rejected, found));
    }
    return rows;
  }
}
