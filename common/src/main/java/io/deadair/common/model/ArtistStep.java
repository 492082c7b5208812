package io.deadair.common.model;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.contract.Contract;
import io.deadair.common.cube.ArtistCube;
import io.deadair.common.cube.CubeCodes;
import io.deadair.common.domain.Phase;
import io.deadair.common.model.ArtistResult.ArtistInfo;
import io.deadair.common.model.ArtistResult.OutageResult;
import io.deadair.common.model.ArtistResult.PhaseStat;
import io.deadair.common.model.ArtistResult.Release;
import io.deadair.common.model.ArtistResult.TrackPlays;
import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.revenue.RateCard;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The per-artist step, run on the executors once per artist on its merged cube: the estimator's
 * window statistics ({@link ArtistModel}), the plain metrics of each phase with exact unique
 * listeners, the hourly plays around each outage, and the track plays of its releases and of
 * tracks near the royalty threshold. Everything after it works on these small results.
 */
public final class ArtistStep implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Phase[] PHASES = Phase.values();
  /** Per slot: plays, ms, skips, known ends, a row there, then plays per source. */
  private static final int SUMS = 5 + Contract.PLAY_SOURCES.size();

  private final List<OutageModel> models;
  private final ArtistModel model;
  private final PhaseCalendar calendar;
  private final boolean listeners;
  private final int baselineDays;
  private final int releaseLookbackDays;
  private final long royaltyThreshold;
  /** Per outage and phase, the calendar slots of that phase. */
  private final boolean[][][] phaseSlots;
  private final double[][] phaseHours;
  private final long[] timelineStart;
  private final long[] timelineEnd;
  private final long[] baselineStartDay;
  private final long[] startDay;

  /**
   * @param models the outages' models (the service counterfactual)
   * @param calendar the phase slots the cube's slot sums and masks refer to
   * @param listeners whether the input has listeners (plays; not stream counts)
   */
  public ArtistStep(List<OutageModel> models, RateCard rates, PhaseCalendar calendar,
      boolean listeners, ImpactConfig config) {
    this.models = List.copyOf(models);
    this.model = new ArtistModel(models, CubeCodes.COUNTRIES, rates);
    this.calendar = calendar;
    this.listeners = listeners;
    this.baselineDays = config.baselineDays();
    this.releaseLookbackDays = config.releaseLookbackDays();
    this.royaltyThreshold = config.royaltyThreshold();
    int n = models.size();
    int slots = calendar.slots().size();
    phaseSlots = new boolean[n][PHASES.length][slots];
    phaseHours = new double[n][PHASES.length];
    timelineStart = new long[n];
    timelineEnd = new long[n];
    baselineStartDay = new long[n];
    startDay = new long[n];
    for (int k = 0; k < n; k++) {
      OutageModel m = models.get(k);
      String id = m.outage().id();
      for (PhaseCalendar.Slot s : calendar.slots()) {
        Phase p = s.phases().get(id);
        if (p != null) {
          phaseSlots[k][p.ordinal()][s.index()] = true;
        }
      }
      for (Phase p : PHASES) {
        phaseHours[k][p.ordinal()] = calendar.hours(id, p);
      }
      WindowSpec w = m.windows().get(0);
      timelineStart[k] = w.start() - ServiceModel.TIMELINE_HOURS_BEFORE;
      timelineEnd[k] = w.afterEnd();
      baselineStartDay[k] = Math.floorDiv(m.baselineStart(), 24);
      startDay[k] = LocalDate.ofInstant(m.outage().start(), ZoneOffset.UTC).toEpochDay();
    }
  }

  /** The outage models, in the order of {@link ArtistResult#outages()}. */
  public List<OutageModel> models() {
    return models;
  }

  /** The result of one artist, with its artists-table row (or null) and releases. */
  public ArtistResult run(ArtistCube cube, ArtistInfo info, List<Release> releases) {
    ArtistCells cells = new ArtistCells(cube.artistId(), cube.hoursCopy(), cube.countriesCopy(),
        cube.platformsCopy(), cube.tiersCopy(), cube.playsCopy());
    Map<String, List<ArtistWindowStats>> stats = new HashMap<>();
    for (ArtistWindowStats s : model.estimate(cells)) {
      stats.computeIfAbsent(s.window().outageId(), k -> new ArrayList<>()).add(s);
    }
    double[][] slotSums = slotSums(cube);
    ArtistDays days = new ArtistDays(cube);
    OutageResult[] out = new OutageResult[models.size()];
    Set<String> followed = new HashSet<>();
    for (int k = 0; k < models.size(); k++) {
      OutageModel m = models.get(k);
      List<WindowStat> windows = windows(m, stats.getOrDefault(m.outage().id(), List.of()));
      List<PhaseStat> phases = phases(k, cube, slotSums);
      double[] timeline = timeline(k, cube);
      if (windows.isEmpty() && phases.isEmpty() && timeline == null) {
        continue;
      }
      Map<String, Double> baseline = baselineTrackPlays(k, cube);
      double artistBaseline = baseline.values().stream().mapToDouble(Double::doubleValue).sum();
      out[k] = new OutageResult(windows, phases, timelineStart[k], timeline,
          royaltyTracks(baseline), artistBaseline,
          ReleaseMatches.of(m, releaseLookbackDays, startDay[k], cube, releases),
          days.smallestIn(baselineStartDay[k], startDay[k]));
      followed.addAll(followedTracks(out[k]));
    }
    double plays = 0;
    for (int i = 0; i < cube.cells(); i++) {
      plays += cube.plays(i);
    }
    return new ArtistResult(cube.artistId(), info, plays, out, days.daily(followed));
  }

  /**
   * The tracks whose daily plays the daily tables follow: released ones, and those on pace for
   * less than twice the royalty threshold (a track must be near it to be at risk: one outage
   * takes hours, not half a year).
   */
  private Set<String> followedTracks(OutageResult o) {
    Set<String> out = new HashSet<>();
    o.releases().forEach(r -> {
      if (r.release().trackId() != null) {
        out.add(r.release().trackId());
      }
    });
    double perYear = 365.0 / baselineDays;
    o.royaltyTracks().forEach(t -> {
      if (t.plays() * perYear < 2.0 * royaltyThreshold) {
        out.add(t.trackId());
      }
    });
    return out;
  }

  private static List<WindowStat> windows(OutageModel m, List<ArtistWindowStats> stats) {
    List<WindowStat> out = new ArrayList<>();
    for (ArtistWindowStats s : stats) {
      out.add(new WindowStat(m.windows().indexOf(s.window()), s.recentObserved(),
          s.recentBase(), s.inObserved(), s.inBase(), s.outObserved(), s.afterObserved(),
          s.afterBase(), s.baselinePlays(), s.usdPerInScopePlay(), s.otherDays(),
          // Sorted copies: what sums over them later does so in the same order every run.
          s.window().isPlacebo() ? Map.of() : new TreeMap<>(s.shares()),
          s.parts()));
    }
    out.sort(Comparator.comparingInt(WindowStat::window));
    return out;
  }

  /**
   * Per calendar slot: plays, ms, skips, plays with a known end, and whether the artist has a
   * row there. Plays carry them from the pass; stream counts add up their hourly cells here.
   */
  private double[][] slotSums(ArtistCube cube) {
    double[][] sums = new double[calendar.slots().size()][SUMS];
    if (listeners) {
      for (int i = 0; i < cube.slotCount(); i++) {
        double[] s = sums[cube.slot(i)];
        for (int part = 0; part < 4; part++) {
          s[part] += cube.slotSum(i, part);
        }
        s[4] = 1;
        if (cube.source(i) > 0) {
          s[4 + cube.source(i)] += cube.slotSum(i, 0);
        }
      }
    } else {
      for (int i = 0; i < cube.cells(); i++) {
        int slot = calendar.slotOf(cube.hour(i));
        if (slot >= 0) {
          sums[slot][0] += cube.plays(i);
          sums[slot][4] = 1;
        }
      }
    }
    return sums;
  }

  private List<PhaseStat> phases(int k, ArtistCube cube, double[][] slotSums) {
    List<PhaseStat> out = new ArrayList<>();
    for (Phase p : PHASES) {
      boolean[] in = phaseSlots[k][p.ordinal()];
      double[] t = new double[SUMS];
      for (int s = 0; s < in.length; s++) {
        if (in[s]) {
          for (int part = 0; part < SUMS; part++) {
            t[part] += slotSums[s][part];
          }
        }
      }
      if (t[4] == 0) {
        continue;
      }
      out.add(listeners
          ? new PhaseStat(p, phaseHours[k][p.ordinal()], t[0], uniqueListeners(cube, in), t[1],
              t[2], t[3], bySource(t))
          : new PhaseStat(p, phaseHours[k][p.ordinal()], t[0], null, null, null, 0, null));
    }
    return out;
  }

  /** A phase's plays per source, or null when none of its plays has one. */
  private static double[] bySource(double[] sums) {
    double[] s = Arrays.copyOfRange(sums, 5, SUMS);
    return Arrays.stream(s).sum() > 0 ? s : null;
  }

  /** Listeners whose slot mask meets the phase's slots: each counts once however often heard. */
  private static long uniqueListeners(ArtistCube cube, boolean[] slots) {
    int words = cube.maskWords();
    long[] phase = new long[words];
    for (int s = 0; s < slots.length; s++) {
      if (slots[s]) {
        phase[s >>> 6] |= 1L << s;
      }
    }
    long n = 0;
    for (int i = 0; i < cube.listeners(); i++) {
      for (int w = 0; w < words; w++) {
        if ((cube.mask(i, w) & phase[w]) != 0) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  private double[] timeline(int k, ArtistCube cube) {
    double[] t = null;
    for (int i = 0; i < cube.cells(); i++) {
      long h = cube.hour(i);
      if (h >= timelineStart[k] && h < timelineEnd[k]) {
        if (t == null) {
          t = new double[(int) (timelineEnd[k] - timelineStart[k])];
        }
        t[(int) (h - timelineStart[k])] += cube.plays(i);
      }
    }
    return t;
  }

  /** Plays per named track over the UTC days of the outage's baseline. */
  private Map<String, Double> baselineTrackPlays(int k, ArtistCube cube) {
    Map<String, Double> out = new HashMap<>();
    for (int i = 0; i < cube.trackDays(); i++) {
      long d = cube.day(i);
      if (d >= baselineStartDay[k] && d < startDay[k] && cube.track(i) != null) {
        out.merge(cube.track(i), cube.trackPlays(i), Double::sum);
      }
    }
    return out;
  }

  /** The tracks whose baseline pace reaches the royalty threshold in 12 months. */
  private List<TrackPlays> royaltyTracks(Map<String, Double> baseline) {
    double perYear = 365.0 / baselineDays;
    List<TrackPlays> out = new ArrayList<>();
    baseline.forEach((track, plays) -> {
      if (plays * perYear >= royaltyThreshold) {
        out.add(new TrackPlays(track, plays));
      }
    });
    return out;
  }
}
