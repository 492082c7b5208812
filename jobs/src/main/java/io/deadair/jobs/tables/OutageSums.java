package io.deadair.jobs.tables;

import io.deadair.common.contract.Contract;
import io.deadair.common.domain.Segment;
import io.deadair.common.model.ArtistImpact;
import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.model.MarketPart;
import io.deadair.common.model.WindowPrediction;
import io.deadair.jobs.estimate.Quantiles;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One outage's sums over every artist's finished estimate, mergeable across partitions: the
 * segment totals and medians, the rank test's samples, the timeline's observed plays and
 * expectation parts, the loss by market, and the artists that get a card.
 */
public final class OutageSums implements Serializable {

  /** Series of the totals: 0 is the whole service, then 1 + each segment's ordinal. */
  static final int ALL = 0;
  static final int SERIES = 1 + Segment.values().length;

  /**
   * Totals per series: artists, expected, lost, sum of half², expected in scope, revenue parts.
   */
  static final int ARTISTS = 0;
  static final int EXPECTED = 1;
  static final int LOST = 2;
  static final int HALF_SQ = 3;
  static final int EXPECTED_IN = 4;
  static final int HALF_USD_SQ = 5;
  static final int EXPECTED_IN_USD = 6;
  static final int REVENUE = 7;
  static final int PLAYLIST_EXPECTED = 8;
  static final int PLAYLIST_LOST = 9;
  /** Artists whose plays gave a source. */
  static final int WITH_SOURCE = 10;

  final double[][] totals = new double[SERIES][11];
  final boolean[] present = new boolean[SERIES];
  final Quantiles[] medians = new Quantiles[SERIES];
  final List<Double> emergingShares = new ArrayList<>();
  final List<Double> establishedShares = new ArrayList<>();
  /** Per segment series: level times baseline share, per service group. */
  final List<Map<Integer, Double>> lambda = new ArrayList<>();
  /** Per segment series: summed level variance part and expected in scope. */
  final double[][] modelVar = new double[SERIES][2];
  final double[][] observed;
  /** Per market (country|tier): lost plays, and the part lost by emerging artists. */
  final Map<String, double[]> markets = new HashMap<>();
  /** Emerging artists by lost revenue, best first, at most {@code cards}. */
  final TreeSet<Candidate> top = new TreeSet<>();
  final Set<String> listed = new HashSet<>();
  private final int cards;

  /** An emerging artist's claim to a card: more lost revenue first, then by id. */
  record Candidate(double lostRevenue, String artistId) implements Comparable<Candidate>,
      Serializable {
    @Override
    public int compareTo(Candidate o) {
      int c = Double.compare(o.lostRevenue, lostRevenue);
      return c != 0 ? c : artistId.compareTo(o.artistId);
    }
  }

  OutageSums(int timelineHours, int cards) {
    this.cards = cards;
    observed = new double[SERIES][timelineHours];
    for (int s = 0; s < SERIES; s++) {
      medians[s] = new Quantiles();
      lambda.add(new TreeMap<>());
    }
  }

  /** Adds an artist's observed plays by timeline hour to the service's and its segment's. */
  void addObserved(double[] timeline, int series) {
    for (int h = 0; h < timeline.length; h++) {
      observed[ALL][h] += timeline[h];
      if (series > 0) {
        observed[series][h] += timeline[h];
      }
    }
  }

  /** Adds an artist's playlist-driven plays, expected and lost, to its totals. */
  void addPlaylist(double[] expected, double[] lost, int series) {
    int playlist = Contract.PLAY_SOURCES.indexOf("playlist");
    for (int s : new int[] {ALL, series}) {
      totals[s][PLAYLIST_EXPECTED] += expected[playlist];
      totals[s][PLAYLIST_LOST] += lost[playlist];
      totals[s][WITH_SOURCE]++;
    }
  }

  /** Adds an artist's impact to the service's totals and its segment's. */
  void addImpact(ArtistImpact a, WindowPrediction p, int series, double minExpected) {
    for (int s : new int[] {ALL, series}) {
      double[] t = totals[s];
      present[s] = true;
      t[ARTISTS]++;
      t[EXPECTED] += a.expectedPlays();
      t[LOST] += a.lostPlays();
      t[HALF_SQ] += a.half() * a.half();
      t[EXPECTED_IN] += p.expectedIn();
      t[HALF_USD_SQ] += Math.pow(a.half() * a.usdPerPlay(), 2);
      t[EXPECTED_IN_USD] += p.expectedIn() * a.usdPerPlay();
      t[REVENUE] += a.lostRevenue();
      if (a.expectedPlays() >= minExpected && a.lostPct() != null) {
        medians[s].add(a.lostPct());
      }
    }
  }

  /** Adds an artist's expectation parts to its segment's: level times share per group. */
  void addExpectation(WindowStat w, WindowPrediction p, int series) {
    w.shares().forEach((g, pi) -> lambda.get(series).merge(g, p.level() * pi, Double::sum));
    modelVar[series][0] += p.modelVar();
    modelVar[series][1] += p.expectedIn();
  }

  /** Adds an artist's lost plays in each of its in-scope parts to their markets. */
  void addMarkets(WindowStat w, double expectedIn, boolean emerging) {
    for (MarketPart part : w.parts()) {
      if (part.inScope()) {
        double[] t = markets.computeIfAbsent(part.market(), x -> new double[2]);
        t[0] += part.lost(expectedIn);
        t[1] += emerging ? part.lost(expectedIn) : 0;
      }
    }
  }

  void offerCard(double lostRevenue, String artistId) {
    if (cards == 0) {
      return;
    }
    top.add(new Candidate(lostRevenue, artistId));
    if (top.size() > cards) {
      top.pollLast();
    }
  }

  OutageSums merge(OutageSums o) {
    for (int s = 0; s < SERIES; s++) {
      for (int i = 0; i < totals[s].length; i++) {
        totals[s][i] += o.totals[s][i];
      }
      present[s] |= o.present[s];
      medians[s].merge(o.medians[s]);
      Map<Integer, Double> mine = lambda.get(s);
      o.lambda.get(s).forEach((g, v) -> mine.merge(g, v, Double::sum));
      modelVar[s][0] += o.modelVar[s][0];
      modelVar[s][1] += o.modelVar[s][1];
      for (int h = 0; h < observed[s].length; h++) {
        observed[s][h] += o.observed[s][h];
      }
    }
    emergingShares.addAll(o.emergingShares);
    establishedShares.addAll(o.establishedShares);
    o.markets.forEach((m, v) -> {
      double[] t = markets.computeIfAbsent(m, k -> new double[2]);
      t[0] += v[0];
      t[1] += v[1];
    });
    o.top.forEach(c -> offerCard(c.lostRevenue(), c.artistId()));
    listed.addAll(o.listed);
    return this;
  }

  /** The artists that get a card: the top emerging ones, then those the config lists. */
  List<String> cardArtists() {
    List<String> out = new ArrayList<>();
    top.forEach(c -> out.add(c.artistId()));
    for (String a : new TreeSet<>(listed)) {
      if (!out.contains(a)) {
        out.add(a);
      }
    }
    return out;
  }
}
