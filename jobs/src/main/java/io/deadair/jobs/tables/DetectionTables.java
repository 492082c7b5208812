package io.deadair.jobs.tables;

import io.deadair.common.contract.OutputTables;
import io.deadair.common.detect.DeclaredCheck;
import io.deadair.common.detect.DetectedWindow;
import io.deadair.common.detect.Detection;
import io.deadair.common.detect.ServiceSeries;
import io.deadair.common.domain.OutageWindow;
import io.deadair.jobs.runfolder.OutputWriter;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** The detector's tables: the windows found ({@code detected_outages}) and the series. */
public final class DetectionTables {

  private DetectionTables() {}

  /** Writes both tables; {@code declared} are the outages the windows are matched against. */
  public static void write(OutputWriter writer, Detection found, List<OutageWindow> declared) {
    // In time order, so that d-10 follows d-9.
    writer.writeTable(OutputTables.DETECTED_OUTAGES, windows(found, declared), false);
    writer.writeTable(OutputTables.SERVICE_SERIES, series(found));
  }

  private static List<Row> windows(Detection found, List<OutageWindow> declared) {
    Map<String, String> matches = DeclaredCheck.matches(declared, found.windows());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < found.windows().size(); i++) {
      DetectedWindow w = found.windows().get(i);
      String id = DeclaredCheck.id(i);
      rows.add(RowFactory.create(id, Timestamp.from(w.start()), Timestamp.from(w.end()),
          w.countries().format(), w.platforms().format(), round(w.expected()),
          round(w.observed()), round(w.lost()), round(w.lostLow()), round(w.lostHigh()),
          round(w.score()), matches.get(id)));
    }
    return rows;
  }

  private static List<Row> series(Detection found) {
    ServiceSeries s = found.series();
    double[] observed = s.sum(p -> true);
    List<Row> rows = new ArrayList<>();
    for (int t = 0; t < s.length(); t++) {
      if (s.inData(t)) {
        rows.add(RowFactory.create(Timestamp.from(s.start(t)), s.stepMinutes(), observed[t],
            round(found.serviceExpected()[t])));
      }
    }
    return rows;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
