package io.deadair.jobs.estimate;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.config.SegmentSettings;
import io.deadair.common.domain.SegmentRule;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.ArtistResult.ArtistInfo;
import io.deadair.common.model.ArtistResult.OutageResult;
import io.deadair.common.model.SegmentBasis;
import io.deadair.jobs.spark.InOrder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * Each outage's segment rule ({@link SegmentSettings}), from one pass over the per-artist
 * results: the audiences (for the relative rule's percentiles, by percentile_approx's summary),
 * the smallest artist-day of the baseline (to tell a chart) and the artists without a debut date.
 */
final class SegmentRules {

  private SegmentRules() {}

  /** The rules, and what each stood on. */
  record Result(List<SegmentRule> rules, List<SegmentBasis> basis) {}

  /** Per outage: audiences, the smallest positive artist-day, and counts. */
  private static final class Sums implements Serializable {
    final Quantiles audience = new Quantiles();
    double smallestDay = Double.POSITIVE_INFINITY;
    long artists;
    long withoutDebut;
    boolean listeners;

    void add(ArtistResult r, OutageResult o) {
      if (o.audience() <= 0) {
        return;
      }
      audience.add(o.audience());
      if (o.smallestDay() > 0) {
        smallestDay = Math.min(smallestDay, o.smallestDay());
      }
      artists++;
      ArtistInfo info = r.info();
      boolean known = info != null && (info.debut() != null || info.emerging() != null);
      withoutDebut += known ? 0 : 1;
      listeners |= o.hasListeners();
    }

    Sums merge(Sums o) {
      audience.merge(o.audience);
      smallestDay = Math.min(smallestDay, o.smallestDay);
      artists += o.artists;
      withoutDebut += o.withoutDebut;
      listeners |= o.listeners;
      return this;
    }
  }

  static Result fit(JavaRDD<ArtistResult> results, int outages, ImpactConfig config) {
    Sums[] sums = InOrder.aggregate(results, () -> newSums(outages), (acc, r) -> {
      for (int k = 0; k < outages; k++) {
        if (r.outages()[k] != null) {
          acc[k].add(r, r.outages()[k]);
        }
      }
      return acc;
    }, (a, b) -> {
      for (int k = 0; k < outages; k++) {
        a[k].merge(b[k]);
      }
      return a;
    });
    List<SegmentRule> rules = new ArrayList<>();
    List<SegmentBasis> basis = new ArrayList<>();
    for (Sums s : sums) {
      SegmentBasis b = basis(s, config);
      basis.add(b);
      rules.add(new SegmentRule(b.emergingLine(), b.establishedLine(),
          config.segments().debutYears()));
    }
    return new Result(rules, basis);
  }

  private static SegmentBasis basis(Sums s, ImpactConfig config) {
    SegmentSettings set = config.segments();
    double smallest = s.smallestDay == Double.POSITIVE_INFINITY ? 0 : s.smallestDay;
    // An emerging artist's average day at the plays line: a chart's every day is above it.
    double emergingDay = set.emergingPlays() * set.inputShare() / SegmentSettings.LINE_DAYS;
    boolean chart = s.artists > 0 && smallest > emergingDay;
    String audience = s.listeners ? "listeners" : "plays";
    if (set.relative()) {
      Double low = s.audience.query(set.emergingPercentile() / 100);
      Double high = s.audience.query(set.establishedPercentile() / 100);
      return new SegmentBasis("relative", audience, chart ? -1 : low == null ? 0.0 : low,
          high == null ? Double.MAX_VALUE : high, chart, smallest, s.artists, s.withoutDebut);
    }
    SegmentRule r = set.absoluteRule(s.listeners, config.baselineDays());
    return new SegmentBasis("absolute", audience, chart ? -1 : r.emergingMaxListeners(),
        r.establishedMinListeners(), chart, smallest, s.artists, s.withoutDebut);
  }

  private static Sums[] newSums(int n) {
    Sums[] s = new Sums[n];
    for (int i = 0; i < n; i++) {
      s[i] = new Sums();
    }
    return s;
  }
}
