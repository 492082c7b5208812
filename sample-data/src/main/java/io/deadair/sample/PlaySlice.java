package io.deadair.sample;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * One generation task: the plays of one slice of the artists, drawn local day by local day and
 * written as one Parquet file per UTC day under {@code date=} folders, each day written as soon
 * as no later local day can add to it. It also counts the ground truth of its artists.
 */
final class PlaySlice implements PlayDraws.PlaySink {

  private static final long MS_PER_DAY = 86_400_000L;
  /** Parts of the truth per (outage, artist); see {@link Result#truth}. */
  static final int TRUTH_PARTS = 5;

  /**
   * What a slice wrote and counted.
   *
   * @param artists the slice's artists, in the order of {@code truth}
   * @param truth per outage o and the slice's k-th artist, at {@code (o * n + k) * 5} where n
   *     is the slice's artists: plays drawn in the window, of them in scope, of them removed,
   *     drawn in the recovery window (rebound not included), and rebound
   * @param markets per {@link MarketTruth#key}: the in-scope plays drawn in an outage's window
   *     and, of them, those removed
   */
  record Result(int slice, int[] artists, long drawn, long removed, long rebound, long written,
      long[] truth, Map<Long, long[]> markets) implements Serializable {}

  private final PlayDraws draws;
  private final int slice;
  private final int[] artists;
  /** Position of each artist (by index) in {@link #artists}, -1 for other slices' artists. */
  private final int[] position;
  private final Map<Long, PlayFile> days = new TreeMap<>();
  private final long[] truth;
  private final Map<Long, long[]> markets = new HashMap<>();
  private final PlayIds ids;
  private long drawn;
  private long removed;
  private long rebound;
  private long written;
  /** The file of the last play's day: consecutive plays mostly share a day. */
  private PlayFile lastFile;
  private long lastDay;

  private PlaySlice(PlayDraws draws, int slice, int[] artists, int allArtists, int outages,
      int users) {
    this.draws = draws;
    this.slice = slice;
    this.artists = artists;
    this.position = new int[allArtists];
    Arrays.fill(position, -1);
    for (int k = 0; k < artists.length; k++) {
      position[artists[k]] = k;
    }
    this.ids = new PlayIds(users, allArtists);
    this.truth = new long[outages * artists.length * TRUTH_PARTS];
  }

  /**
   * Deals the artists into {@code slices} slices of about equal expected plays: each artist,
   * most popular first, goes to the slice with the fewest so far. With artist 0 alone a tenth of
   * all plays, dealing them round-robin left one of two slices with 53 % of the work.
   */
  static int[][] deal(double[] shares, int slices) {
    Integer[] byShare = new Integer[shares.length];
    Arrays.setAll(byShare, i -> i);
    Arrays.sort(byShare, Comparator.comparingDouble((Integer i) -> -shares[i])
        .thenComparingInt(i -> i));
    double[] load = new double[slices];
    List<List<Integer>> dealt = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      dealt.add(new ArrayList<>());
    }
    for (int a : byShare) {
      int least = 0;
      for (int s = 1; s < slices; s++) {
        if (load[s] < load[least]) {
          least = s;
        }
      }
      load[least] += shares[a];
      dealt.get(least).add(a);
    }
    return dealt.stream().map(l -> l.stream().mapToInt(Integer::intValue).sorted().toArray())
        .toArray(int[][]::new);
  }

  /**
   * Draws the plays of {@code artists} (slice number {@code slice}) and writes them into
   * {@code plays} (a folder).
   */
  static Result write(PlayDraws draws, int[] artists, int allArtists, int days, int outages,
      int slice, String plays, Configuration conf, int zstdLevel) {
    PlaySlice s = new PlaySlice(draws, slice, artists, allArtists, outages,
        draws.userCount());
    int[][] daily = new int[artists.length][];
    for (int k = 0; k < artists.length; k++) {
      daily[k] = draws.dailyPlays(artists[k]);
    }
    long firstDay = draws.firstEpochDay();
    for (int d = -1; d <= days; d++) {
      for (int k = 0; k < artists.length; k++) {
        int n = daily[k][d + 1];
        if (n > 0) {
          draws.plays(artists[k], d, n, s);
        }
      }
      // Local day d reaches at most one UTC day back, and a rebound only forward in time: once
      // it is drawn, UTC days before it are complete.
      s.flush(firstDay + d, plays, conf, zstdLevel);
    }
    s.flush(Long.MAX_VALUE, plays, conf, zstdLevel);
    return new Result(slice, artists, s.drawn, s.removed, s.rebound, s.written, s.truth,
        s.markets);
  }

  @Override
  public void play(long tsMs, int user, int artist, int track, int ms, int country,
      int platform, int tier, int reason, int windowOf, boolean inScope, boolean wasRemoved,
      int afterOf, int reboundOf) {
    int k = position[artist];
    int n = artists.length;
    if (windowOf >= 0) {
      int at = (windowOf * n + k) * TRUTH_PARTS;
      truth[at]++;
      truth[at + 1] += inScope ? 1 : 0;
      truth[at + 2] += wasRemoved ? 1 : 0;
      if (inScope) {
        long[] m = markets.computeIfAbsent(MarketTruth.key(windowOf, artist, country, platform,
            tier), x -> new long[2]);
        m[0]++;
        m[1] += wasRemoved ? 1 : 0;
      }
    }
    if (afterOf >= 0 && reboundOf < 0) {
      truth[(afterOf * n + k) * TRUTH_PARTS + 3]++;
    }
    if (reboundOf >= 0) {
      truth[(reboundOf * n + k) * TRUTH_PARTS + 4]++;
      rebound++;
    } else {
      drawn++;
    }
    if (wasRemoved) {
      removed++;
      return;
    }
    written++;
    long day = Math.floorDiv(tsMs, MS_PER_DAY);
    if (day != lastDay || lastFile == null) {
      lastDay = day;
      lastFile = days.computeIfAbsent(day, x -> new PlayFile());
    }
    lastFile.add(tsMs, user, artist, track, ms, country, platform, tier, reason,
        draws.source(artist, user, tsMs));
  }

  /** Writes and forgets every UTC day before {@code day}. */
  private void flush(long day, String plays, Configuration conf, int zstdLevel) {
    Iterator<Map.Entry<Long, PlayFile>> it = days.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, PlayFile> e = it.next();
      if (e.getKey() >= day) {
        break;
      }
      Path file = new Path(plays, "date=" + LocalDate.ofEpochDay(e.getKey()) + "/part-"
          + String.format("%05d", slice) + ".zstd.parquet");
      e.getValue().write(file, conf, zstdLevel, ids);
      it.remove();
      lastFile = null;
    }
  }
}
