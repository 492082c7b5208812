package io.deadair.common.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The series the detector scans, from the top down: the whole service, each country, each
 * platform, and each (country, platform) part, every one with at least a minimum share of the
 * service's plays. A drop in a small part shows in the series above it.
 */
final class Slices {

  /** One series to scan: a name for logs and the parts it sums. */
  record Slice(String name, IntPredicate parts) {}

  private Slices() {}

  static List<Slice> of(ServiceSeries series, double minShare) {
    List<ServiceSeries.Part> parts = series.parts();
    double all = 0;
    Map<String, Double> countries = new LinkedHashMap<>();
    Map<String, Double> platforms = new LinkedHashMap<>();
    double[] partTotal = new double[parts.size()];
    for (int p = 0; p < parts.size(); p++) {
      partTotal[p] = series.total(p);
      all += partTotal[p];
      ServiceSeries.Part part = parts.get(p);
      if (part.country() != null) {
        countries.merge(part.country(), partTotal[p], Double::sum);
      }
      if (part.platform() != null) {
        platforms.merge(part.platform(), partTotal[p], Double::sum);
      }
    }
    double least = minShare * all;
    List<Slice> out = new ArrayList<>();
    out.add(new Slice("service", p -> true));
    countries.forEach((c, v) -> add(out, v >= least, "country " + c,
        p -> c.equals(parts.get(p).country())));
    platforms.forEach((pf, v) -> add(out, v >= least, "platform " + pf,
        p -> pf.equals(parts.get(p).platform())));
    for (int p = 0; p < parts.size(); p++) {
      ServiceSeries.Part part = parts.get(p);
      int only = p;
      add(out, partTotal[p] >= least && part.country() != null && part.platform() != null
          && countries.size() > 1 && platforms.size() > 1,
          part.country() + " " + part.platform(), q -> q == only);
    }
    return out;
  }

  private static void add(List<Slice> out, boolean big, String name, IntPredicate parts) {
    if (big) {
      out.add(new Slice(name, parts));
    }
  }
}
