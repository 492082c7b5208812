package io.deadair.jobs.runfolder;

import io.deadair.common.detect.DeclaredCheck;
import io.deadair.common.detect.DetectedWindow;
import io.deadair.common.detect.Detection;
import io.deadair.common.domain.OutageWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detection part of run.json: the series scanned, how many windows were found, and each
 * declared outage against the data (the edges and scope the data supports, what differs), and
 * the warnings an analyst must see: a declared outage with no drop, a drop that runs on past
 * the declared end.
 */
public final class DetectionJson {

  private DetectionJson() {}

  public static Map<String, Object> of(Detection found, List<OutageWindow> declared) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (found.skipped() != null) {
      m.put("skipped", found.skipped());
      return m;
    }
    m.put("bucket_minutes", found.series().stepMinutes());
    m.put("windows_found", found.windows().size());
    List<Map<String, Object>> each = new ArrayList<>();
    for (DeclaredCheck.Match match : DeclaredCheck.check(declared, found.windows())) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("outage_id", match.declared().id());
      o.put("start", match.declared().start().toString());
      o.put("end", match.declared().end().toString());
      o.put("detected_id", match.detectedId());
      match.found().ifPresent(w -> {
        o.put("data_start", w.start().toString());
        o.put("data_end", w.end().toString());
        o.put("data_countries", w.countries().format());
        o.put("data_platforms", w.platforms().format());
        o.put("data_lost_plays", Math.round(w.lost()));
      });
      o.put("mismatches", match.mismatches());
      each.add(o);
    }
    m.put("declared_against_data", each);
    return m;
  }

  /** The warnings about declared outages the data contradicts. */
  public static List<String> warnings(Detection found, List<OutageWindow> declared) {
    List<String> out = new ArrayList<>();
    if (found.skipped() != null) {
      return out;
    }
    for (DeclaredCheck.Match match : DeclaredCheck.check(declared, found.windows())) {
      OutageWindow o = match.declared();
      if (match.found().isEmpty()) {
        out.add(String.format(Locale.ROOT, "outage %s (%s to %s) shows no drop in the data:"
            + " no window of plays far below expectation overlaps it", o.id(), o.start(),
            o.end()));
        continue;
      }
      DetectedWindow w = match.found().get();
      Duration past = Duration.between(o.end(), w.end());
      if (past.compareTo(DeclaredCheck.SLACK) > 0) {
        out.add(String.format(Locale.ROOT, "the drop of outage %s runs %d min past its declared"
            + " end, to %s (window %s); set use_detected_edges to measure it over the data's"
            + " edges", o.id(), past.toMinutes(), w.end(), match.detectedId()));
      }
    }
    return out;
  }
}
