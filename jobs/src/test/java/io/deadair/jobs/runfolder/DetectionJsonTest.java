package io.deadair.jobs.runfolder;

import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.common.detect.DetectedWindow;
import io.deadair.common.detect.Detection;
import io.deadair.common.detect.ServiceSeries;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionJsonTest {

  private static final OutageWindow LATE_TAIL = outage("global-1", "19:00", "22:00");
  private static final OutageWindow NO_DROP = outage("global-2", "02:00", "03:00");

  private static OutageWindow outage(String id, String from, String to) {
    return new OutageWindow(id, Instant.parse("2026-03-03T" + from + ":00Z"),
        Instant.parse("2026-03-03T" + to + ":00Z"), Scope.all(), Scope.all(), "declared");
  }

  private static Detection found() {
    DetectedWindow w = new DetectedWindow(Instant.parse("2026-03-03T19:20:00Z"),
        Instant.parse("2026-03-03T22:40:00Z"), Scope.of("DE", "FR"), Scope.all(), 1000, 200, 800,
        750, 850, 300);
    return new Detection(ServiceSeries.none(), List.of(w), new double[0], null);
  }

  @Test
  void aDeclaredOutageWithoutADropAndADropPastItsEndAreWarnings() {
    List<String> warnings = DetectionJson.warnings(found(), List.of(LATE_TAIL, NO_DROP));
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).startsWith("the drop of outage global-1 runs 40 min past its"
        + " declared end, to 2026-03-03T22:40:00Z (window d-1)");
    assertThat(warnings.get(1)).startsWith("outage global-2 (2026-03-03T02:00:00Z to"
        + " 2026-03-03T03:00:00Z) shows no drop in the data");
  }

  @Test
  void eachDeclaredOutageGetsTheEdgesAndScopeTheDataSupports() {
    Map<String, Object> json = DetectionJson.of(found(), List.of(LATE_TAIL, NO_DROP));
    assertThat(json).containsEntry("windows_found", 1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> each = (List<Map<String, Object>>) json.get(
        "declared_against_data");
    assertThat(each.get(0)).containsEntry("detected_id", "d-1")
        .containsEntry("data_start", "2026-03-03T19:20:00Z")
        .containsEntry("data_end", "2026-03-03T22:40:00Z")
        .containsEntry("data_countries", "DE;FR").containsEntry("data_platforms", "*")
        .containsEntry("mismatches", List.of("starts 20 min later", "ends 40 min later",
            "only countries DE;FR fell"));
    assertThat(each.get(1)).containsEntry("detected_id", null)
        .containsEntry("mismatches", List.of("no drop in the data"));
  }

  @Test
  void aSkippedDetectionWarnsOfNothingAndSaysWhy() {
    Detection skipped = Detection.skipped("too coarse");
    assertThat(DetectionJson.warnings(skipped, List.of(NO_DROP))).isEmpty();
    assertThat(DetectionJson.of(skipped, List.of(NO_DROP))).containsEntry("skipped",
        "too coarse");
  }
}
