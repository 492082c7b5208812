package io.deadair.common.model;

import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Phase;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which phase of which outage every hour belongs to, known from the outages alone before any play
 * is read.
 *
 * <p>For outage <i>o</i> with window [w0, w1) in epoch hours: <i>before</i> is [w0 − 24·baseline
 * days, w0) minus every other outage's window and recovery, <i>during</i> is [w0, w1) and
 * <i>after</i> is [w1, w1 + after hours). The phases of different outages overlap, so the hours
 * are cut into <b>slots</b>: maximal runs of hours in which every outage's phase stays the same.
 * Each play falls in at most one slot, which lets the single pass over the plays keep one row per
 * (artist, slot, listener) and still count the unique listeners of every phase exactly: a phase
 * is a union of whole slots.
 */
public final class PhaseCalendar implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * A run of hours [start, end) with one phase per outage it concerns.
   *
   * @param index the slot's number, from 0 in time order
   * @param phases outage id to its phase in these hours (outages with none are absent)
   */
  public record Slot(int index, long start, long end, Map<String, Phase> phases)
      implements Serializable {

    public long hours() {
      return end - start;
    }
  }

  private final List<Slot> slots;
  private final long[] starts;
  private final Map<String, Map<Phase, Long>> phaseHours;

  private PhaseCalendar(List<Slot> slots, Map<String, Map<Phase, Long>> phaseHours) {
    this.slots = List.copyOf(slots);
    this.starts = slots.stream().mapToLong(Slot::start).toArray();
    this.phaseHours = phaseHours;
  }

  /** First hour of an outage's window. */
  public static long startHour(OutageWindow o) {
    return Math.floorDiv(o.start().getEpochSecond(), 3600);
  }

  /** The hour after the last hour an outage's window touches. */
  public static long endHour(OutageWindow o) {
    return Math.floorDiv(o.end().getEpochSecond() + 3599, 3600);
  }

  /** Hours of every outage other than {@code outage}: their windows and recovery windows. */
  public static HourSet excludedHours(OutageWindow outage, List<OutageWindow> all,
      int afterHours) {
    List<Long> out = new ArrayList<>();
    for (OutageWindow o : all) {
      if (o.id().equals(outage.id())) {
        continue;
      }
      for (long h = startHour(o); h < endHour(o) + afterHours; h++) {
        out.add(h);
      }
    }
    return new HourSet(out);
  }

  /** One outage's hours: baseline from b0, window [w0, w1), recovery to a1, and what to skip. */
  private record Bounds(long b0, long w0, long w1, long a1, HourSet excluded) {

    static Bounds of(OutageWindow o, List<OutageWindow> all, int baselineDays, int afterHours) {
      long w0 = startHour(o);
      long w1 = endHour(o);
      return new Bounds(w0 - 24L * baselineDays, w0, w1, w1 + afterHours,
          excludedHours(o, all, afterHours));
    }

    /** The outage's phase at hour {@code h}, or null outside its hours or in a skipped hour. */
    Phase at(long h) {
      return h < b0 || h >= a1 ? null
          : h < w0 ? (excluded.contains(h) ? null : Phase.BEFORE)
          : h < w1 ? Phase.DURING : Phase.AFTER;
    }
  }

  public static PhaseCalendar of(List<OutageWindow> outages, int baselineDays, int afterHours) {
    int n = outages.size();
    Bounds[] bounds = new Bounds[n];
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      bounds[i] = Bounds.of(outages.get(i), outages, baselineDays, afterHours);
      from = Math.min(from, bounds[i].b0());
      to = Math.max(to, bounds[i].a1());
    }
    List<Slot> slots = new ArrayList<>();
    Map<String, Map<Phase, Long>> phaseHours = new LinkedHashMap<>();
    Phase[] current = null;
    long runStart = from;
    for (long h = from; h <= to; h++) {
      Phase[] sig = new Phase[n];
      boolean any = false;
      for (int i = 0; h < to && i < n; i++) {
        sig[i] = bounds[i].at(h);
        if (sig[i] != null) {
          any = true;
          phaseHours.computeIfAbsent(outages.get(i).id(), k -> new LinkedHashMap<>())
              .merge(sig[i], 1L, Long::sum);
        }
      }
      if (current != null && !Arrays.equals(current, sig)) {
        slots.add(slot(slots.size(), runStart, h, current, outages));
        current = null;
      }
      if (current == null && any) {
        current = sig;
        runStart = h;
      }
    }
    return new PhaseCalendar(slots, phaseHours);
  }

  private static Slot slot(int index, long start, long end, Phase[] sig,
      List<OutageWindow> outages) {
    Map<String, Phase> phases = new LinkedHashMap<>();
    for (int i = 0; i < sig.length; i++) {
      if (sig[i] != null) {
        phases.put(outages.get(i).id(), sig[i]);
      }
    }
    return new Slot(index, start, end, Collections.unmodifiableMap(phases));
  }

  public List<Slot> slots() {
    return slots;
  }

  /** The slot an hour falls in, or -1 when no outage needs that hour. */
  public int slotOf(long hour) {
    int i = Arrays.binarySearch(starts, hour);
    int idx = i >= 0 ? i : -i - 2;
    return idx >= 0 && hour < slots.get(idx).end() ? idx : -1;
  }

  /** How many hours a phase of an outage covers (0 if none). */
  public long hours(String outageId, Phase phase) {
    return phaseHours.getOrDefault(outageId, Map.of()).getOrDefault(phase, 0L);
  }

  /** The phase of an outage at an hour, or null. */
  public Phase phaseOf(String outageId, long hour) {
    int s = slotOf(hour);
    return s < 0 ? null : slots.get(s).phases().get(outageId);
  }

  /** First hour any outage needs. */
  public long firstHour() {
    return slots.isEmpty() ? 0 : slots.get(0).start();
  }

  /** The hour after the last hour any outage needs. */
  public long endHour() {
    return slots.isEmpty() ? 0 : slots.get(slots.size() - 1).end();
  }
}
