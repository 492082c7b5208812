package io.deadair.jobs.estimate;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.cube.CubeCodes;
import io.deadair.common.cube.PassTotals;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.ServiceModel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service counterfactual of every outage, built on the driver from the pass's small
 * per-(country, platform, hour) totals.
 *
 * @param models each outage's model, in the outages' order
 * @param hourly per outage id, the hourly service counterfactual of each group, for timelines
 * @param clocksOffTable per outage id, the countries whose listeners keep another clock than the
 *     zone table's over its baseline, with that clock
 */
public record Service(List<OutageModel> models,
    Map<String, Map<Integer, Map<Long, Double>>> hourly,
    Map<String, Map<String, ZoneId>> clocksOffTable) {

  public static Service of(PassTotals totals, List<OutageWindow> outages, ImpactConfig config) {
    Map<ServiceModel.CountryPlatform, Map<Long, Double>> series = new HashMap<>();
    totals.service().forEach((cell, plays) -> series.computeIfAbsent(
        new ServiceModel.CountryPlatform(cell.country(), cell.platform()),
        k -> new HashMap<>()).put(cell.hour(), plays));
    ServiceModel model = new ServiceModel(CubeCodes.COUNTRIES, series, config);
    List<OutageModel> models = new ArrayList<>();
    Map<String, Map<Integer, Map<Long, Double>>> hourly = new LinkedHashMap<>();
    Map<String, Map<String, ZoneId>> clocks = new LinkedHashMap<>();
    for (OutageWindow o : outages) {
      ServiceModel.Built b = model.build(o, outages);
      models.add(b.model());
      hourly.put(o.id(), b.hourlyCounterfactual());
      clocks.put(o.id(), b.clocksOffTable());
    }
    return new Service(models, hourly, clocks);
  }

  /** Placebo windows over every outage. */
  public int placeboWindows() {
    return models.stream().mapToInt(m -> m.windows().size() - 1).sum();
  }
}
