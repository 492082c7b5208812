package io.deadair.jobs.runfolder;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.config.SegmentSettings;
import io.deadair.common.model.SegmentBasis;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the report's reader must know about who counts as emerging: the rule with its lines,
 * whether the input looks like a chart, and how many artists had no debut date. One line each,
 * for run.json's {@code notes}, from the outage with the most artists.
 */
final class SegmentNotes {

  private SegmentNotes() {}

  /** Each outage's basis as run.json keeps it. */
  static Map<String, Object> json(SegmentBasis b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", b.rule());
    m.put("audience", b.audience());
    m.put("emerging_max_audience", b.emergingLine() < 0 ? null : b.emergingLine());
    m.put("established_min_audience", b.establishedLine());
    m.put("looks_like_a_chart", b.chartLike());
    m.put("smallest_artist_day_plays", b.smallestDay());
    m.put("artists", b.artists());
    m.put("artists_without_debut", b.withoutDebut());
    return m;
  }

  static List<String> lines(List<SegmentBasis> bases, ImpactConfig config) {
    List<String> out = new ArrayList<>();
    SegmentBasis b = bases.stream().max(Comparator.comparingLong(SegmentBasis::artists))
        .orElse(null);
    if (b == null || b.artists() == 0) {
      return out;
    }
    out.add(rule(b, config));
    SegmentSettings s = config.segments();
    if (b.chartLike()) {
      out.add(String.format(Locale.ROOT, "This input looks like a chart, not a catalogue: every"
          + " artist's smallest day in the baseline had at least %s plays, more than an emerging"
          + " artist plays in a day (%s). It has no emerging artists, whichever rule is set.",
          count(b.smallestDay()),
          count(s.emergingPlays() * s.inputShare() / SegmentSettings.LINE_DAYS)));
    }
    if (b.withoutDebut() > 0) {
      out.add(String.format(Locale.ROOT, "%s of %s artists have no debut date (and no emerging"
          + " column) in the artists file, so the rule cannot call them emerging; give"
          + " debut_date or emerging to classify them.", count(b.withoutDebut()),
          count(b.artists())));
    }
    return out;
  }

  /** The rule and its lines, in words. */
  private static String rule(SegmentBasis b, ImpactConfig config) {
    SegmentSettings s = config.segments();
    String unit = b.audience().equals("listeners") ? "listeners" : "plays";
    if (b.rule().equals("relative")) {
      return String.format(Locale.ROOT, "Emerging artists (relative rule): at or below the %s"
          + " percentile of this run's artists by %s in the baseline (%s), with a debut in the"
          + " last %d years. The rule is relative: in any input, the smallest artists can be"
          + " called emerging, even on a chart of stars.", ordinal(s.emergingPercentile()), unit,
          count(Math.max(0, b.emergingLine())), s.debutYears());
    }
    boolean listeners = unit.equals("listeners");
    return String.format(Locale.ROOT, "Emerging artists: at most %s %s in 28 days across the"
        + " whole service (%s in this input's %d-day baseline, which holds %s of the service),"
        + " and a debut in the last %d years; established: at least %s (%s here).",
        count(listeners ? s.emergingListeners() : s.emergingPlays()), unit,
        count(Math.max(0, b.emergingLine() < 0
            ? s.absoluteRule(listeners, config.baselineDays()).emergingMaxListeners()
            : b.emergingLine())), config.baselineDays(), share(s.inputShare()),
        s.debutYears(), count(listeners ? s.establishedListeners() : s.establishedPlays()),
        count(b.establishedLine()));
  }

  private static String count(double v) {
    return String.format(Locale.US, "%,.0f", v);
  }

  private static String share(double v) {
    return v >= 1 ? "all" : new BigDecimal(100 * v).round(new MathContext(3))
        .stripTrailingZeros().toPlainString() + " %";
  }

  private static String ordinal(double p) {
    long n = Math.round(p);
    if (n % 100 >= 11 && n % 100 <= 13) {
      return n + "th";
    }
    int last = (int) (n % 10);
    return n + (last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th");
  }
}
