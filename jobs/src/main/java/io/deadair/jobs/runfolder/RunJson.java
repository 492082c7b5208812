package io.deadair.jobs.runfolder;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Segment;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.LevelDay;
import io.deadair.common.stats.Calibration;
import io.deadair.common.stats.RankComparison;
import io.deadair.jobs.estimate.Estimates;
import io.deadair.jobs.read.Ledger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The content of run.json: versions, inputs with their reconciled row counts, warnings,
 * parameters, each outage as declared and as measured, what the model learned, and timings.
 */
public final class RunJson {

  private final SparkSession spark;
  private final Ledger ledger;
  private final Map<String, Double> timings;

  public RunJson(SparkSession spark, Ledger ledger, Map<String, Double> timings) {
    this.spark = spark;
    this.ledger = ledger;
    this.timings = timings;
  }

  /** run.json of a run that measured no outage: versions, inputs, warnings, parameters. */
  public Map<String, Object> buildDetectionOnly(Instant started, ImpactConfig config) {
    Map<String, Object> run = header(started);
    run.put("parameters", config.asMap());
    run.put("timings_seconds", timings);
    return run;
  }

  private Map<String, Object> header(Instant started) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", "Dead Air");
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("deadair", DeadAirVersion.get());
    versions.put("spark", spark.version());
    versions.put("java", System.getProperty("java.version"));
    run.put("versions", versions);
    run.put("started", started.toString());
    run.put("finished", Instant.now().toString());
    Map<String, Object> inputs = new LinkedHashMap<>(ledger.inputs());
    inputs.putIfAbsent("rate_card", Map.of("path", "(default, shipped with Dead Air)"));
    run.put("inputs", inputs);
    run.put("warnings", ledger.warnings());
    return run;
  }

  public Map<String, Object> build(Instant started, List<OutageWindow> declared,
      List<OutageWindow> outages, Estimates.Fit fit, Map<String, RankComparison> tests,
      ImpactConfig config) {
    Map<String, Object> run = header(started);
    run.put("parameters", config.asMap());
    run.put("notes", SegmentNotes.lines(fit.segments(), config));
    run.put("outages", outages(declared, outages, fit, tests));
    run.put("model", model(fit.fitted()));
    run.put("timings_seconds", timings);
    return run;
  }

  private static List<Map<String, Object>> outages(List<OutageWindow> declared,
      List<OutageWindow> outages, Estimates.Fit fit, Map<String, RankComparison> tests) {
    List<Map<String, Object>> os = new ArrayList<>();
    for (int i = 0; i < outages.size(); i++) {
      OutageWindow o = outages.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("outage_id", o.id());
      m.put("start", declared.get(i).start().toString());
      m.put("end", declared.get(i).end().toString());
      if (o != declared.get(i)) {
        m.put("measured_from", o.start().toString());
        m.put("measured_to", o.end().toString());
      }
      m.put("description", o.description());
      m.put("countries", o.countries().format());
      m.put("platforms", o.platforms().format());
      m.put("service_model_relative_error", fit.serviceError().get(o.id()));
      m.put("artist_level_day", fit.fitted().levelDay(i).label());
      Map<String, Double> levelError = new LinkedHashMap<>();
      for (LevelDay d : LevelDay.values()) {
        levelError.put(d.label(), fit.levelDayError()[i][d.ordinal()]);
      }
      m.put("artist_level_placebo_error", levelError);
      if (i < fit.segments().size()) {
        m.put("segments", SegmentNotes.json(fit.segments().get(i)));
      }
      RankComparison t = tests.get(o.id());
      if (t != null) {
        m.put("emerging_vs_established", t);
      }
      os.add(m);
    }
    return os;
  }

  private static Map<String, Object> model(Fitted fitted) {
    Map<String, Object> model = new LinkedHashMap<>();
    Map<String, Double> tau2 = new LinkedHashMap<>();
    for (Segment s : Segment.values()) {
      if (fitted.tau2().containsKey(s)) {
        tau2.put(s.label(), fitted.tau2().get(s));
      }
    }
    model.put("level_prior_variance_by_segment", tau2);
    model.put("calibration_size_class_bounds", Calibration.CLASS_BOUNDS);
    model.put("calibration_factors", fitted.calibration().factors());
    model.put("calibration_placebo_windows", fitted.calibration().samples());
    return model;
  }
}
