package io.deadair.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.deadair.charts.ReportModel.DeclaredVsData;
import io.deadair.charts.ReportModel.DetectionReport;
import io.deadair.charts.ReportModel.FoundWindow;
import io.deadair.charts.ReportModel.ServicePoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The report's records of what the detector found, from {@code detected_outages},
 * {@code service_series} and the detection part of run.json.
 */
final class DetectionRecords {

  private DetectionRecords() {}

  static DetectionReport of(List<Row> found, List<Row> series, JsonNode detection) {
    List<ServicePoint> points = new ArrayList<>();
    for (Row r : series) {
      points.add(new ServicePoint(instant(r, "bucket_start"), r.<Double>getAs("observed_plays"),
          r.<Double>getAs("expected_plays")));
    }
    points.sort(Comparator.comparing(ServicePoint::start));
    List<FoundWindow> windows = new ArrayList<>();
    for (Row r : found) {
      windows.add(new FoundWindow(r.getAs("detected_id"), instant(r, "start"),
          instant(r, "end"), r.getAs("countries"), r.getAs("platforms"),
          r.<Double>getAs("lost_plays"), r.<Double>getAs("lost_plays_low"),
          r.<Double>getAs("lost_plays_high"), r.getAs("matches_outage_id")));
    }
    windows.sort(Comparator.comparing(FoundWindow::start));
    List<DeclaredVsData> declared = new ArrayList<>();
    for (JsonNode o : detection.path("declared_against_data")) {
      List<String> mismatches = new ArrayList<>();
      o.path("mismatches").forEach(m -> mismatches.add(m.asText()));
      declared.add(new DeclaredVsData(o.path("outage_id").asText(),
          Instant.parse(o.path("start").asText()), Instant.parse(o.path("end").asText()),
          o.hasNonNull("detected_id") ? o.path("detected_id").asText() : null, mismatches));
    }
    return new DetectionReport(points, windows, declared);
  }

  private static Instant instant(Row r, String column) {
    return r.<Timestamp>getAs(column).toInstant();
  }
}
