package io.deadair.common.detect;

import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The declared outages held against the ones found in the data: which found window matches
 * which declared outage (they overlap in time and share a country and a platform; the largest
 * overlap wins), the edges and scope the data supports for each declared outage, and what
 * differs.
 */
public final class DeclaredCheck {

  /** Differences shorter than this are the bucket's rounding, not a mismatch. */
  public static final Duration SLACK = Duration.ofMinutes(10);

  /**
   * One declared outage against the data.
   *
   * @param declared the outage as declared
   * @param found the window that matches it, if the data shows a drop
   * @param detectedId the found window's id, or null
   */
  public record Match(OutageWindow declared, Optional<DetectedWindow> found, String detectedId) {

    /** What the data says differs from the declaration, one phrase each; empty if nothing. */
    public List<String> mismatches() {
      List<String> out = new ArrayList<>();
      if (found.isEmpty()) {
        out.add("no drop in the data");
        return out;
      }
      DetectedWindow w = found.get();
      late(out, Duration.between(declared.start(), w.start()), "starts", "later", "earlier");
      late(out, Duration.between(declared.end(), w.end()), "ends", "later", "earlier");
      spared(out, declared.countries(), w.countries(), "countries");
      spared(out, declared.platforms(), w.platforms(), "platforms");
      return out;
    }

    private static void late(List<String> out, Duration d, String what, String after,
        String before) {
      if (d.abs().compareTo(SLACK) > 0) {
        out.add(String.format(Locale.ROOT, "%s %d min %s", what, d.abs().toMinutes(),
            d.isNegative() ? before : after));
      }
    }

    private static void spared(List<String> out, Scope declared, Scope found, String what) {
      if (found.isAll() || found.equals(declared)) {
        return;
      }
      if (declared.isAll()) {
        out.add("only " + what + " " + found.format() + " fell");
        return;
      }
      List<String> spared = new ArrayList<>(declared.values());
      spared.removeAll(found.values());
      List<String> extra = new ArrayList<>(found.values());
      extra.removeAll(declared.values());
      if (!spared.isEmpty()) {
        out.add(what + " " + String.join(";", spared) + " spared");
      }
      if (!extra.isEmpty()) {
        out.add(what + " " + String.join(";", extra) + " fell too");
      }
    }
  }

  private DeclaredCheck() {}

  /** The id of the {@code i}-th window found (0-based): d-1, d-2, ... */
  public static String id(int i) {
    return "d-" + (i + 1);
  }

  /** For each window found (by id), the declared outage it matches, or null. */
  public static Map<String, String> matches(List<OutageWindow> declared,
      List<DetectedWindow> found) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < found.size(); i++) {
      DetectedWindow w = found.get(i);
      OutageWindow best = null;
      long most = 0;
      for (OutageWindow o : declared) {
        long overlap = overlapSeconds(o, w);
        if (overlap > most && sharesScope(o, w)) {
          most = overlap;
          best = o;
        }
      }
      out.put(id(i), best == null ? null : best.id());
    }
    return out;
  }

  /** Every declared outage against the window found that matches it best, if any. */
  public static List<Match> check(List<OutageWindow> declared, List<DetectedWindow> found) {
    Map<String, String> matches = matches(declared, found);
    List<Match> out = new ArrayList<>();
    for (OutageWindow o : declared) {
      Optional<DetectedWindow> best = Optional.empty();
      String bestId = null;
      for (int i = 0; i < found.size(); i++) {
        DetectedWindow w = found.get(i);
        if (o.id().equals(matches.get(id(i)))
            && (best.isEmpty() || w.lost() > best.get().lost())) {
          best = Optional.of(w);
          bestId = id(i);
        }
      }
      out.add(new Match(o, best, bestId));
    }
    return out;
  }

  private static long overlapSeconds(OutageWindow o, DetectedWindow w) {
    Instant from = o.start().isAfter(w.start()) ? o.start() : w.start();
    Instant to = o.end().isBefore(w.end()) ? o.end() : w.end();
    return Math.max(0, Duration.between(from, to).getSeconds());
  }

  private static boolean sharesScope(OutageWindow o, DetectedWindow w) {
    return intersect(o.countries(), w.countries()) && intersect(o.platforms(), w.platforms());
  }

  private static boolean intersect(Scope a, Scope b) {
    return a.isAll() || b.isAll() || a.values().stream().anyMatch(b.values()::contains);
  }
}
