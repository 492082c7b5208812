package io.deadair.common.cube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The cube's map and reduce sides together: random plays split over several "tasks" that hand
 * their cubes on in partials (some more than once), partials merged per bucket, and every
 * artist's merged cells compared with the same sums made directly from the plays.
 */
class CubeAggregateTest {

  private static final CubeLayout LAYOUT = new CubeLayout(490_000, 490_000 / 24, 70);
  private static final String[] PLATFORMS = {"ios", "android", "web"};

  /** One generated play with its codes as text. */
  private record Play(String artist, int hour, int slot, int country, String platform, int tier,
      String track, int day, String user, long ms, boolean skip, boolean known) {}

  private static List<Play> plays(long seed, int n) {
    Random rnd = new Random(seed);
    List<Play> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int hour = rnd.nextInt(200);
      out.add(new Play("a" + rnd.nextInt(40), hour, hour % LAYOUT.slotCount(),
          1 + rnd.nextInt(5), PLATFORMS[rnd.nextInt(3)], 1 + rnd.nextInt(2),
          rnd.nextInt(4) == 0 ? null : "t" + rnd.nextInt(30), hour / 24, "u" + rnd.nextInt(300),
          rnd.nextInt(300_000), rnd.nextInt(5) == 0, rnd.nextInt(7) != 0));
    }
    return out;
  }

  private static int code(CubeAggregate c, String s, int which) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return switch (which) {
      case 0 -> c.artist(b, 0, b.length);
      case 1 -> c.platform(b, 0, b.length);
      case 2 -> c.track(b, 0, b.length);
      default -> c.user(b, 0, b.length);
    };
  }

  private static void add(CubeAggregate c, Play p) {
    c.addPlay(code(c, p.artist(), 0), p.hour(), p.slot(), p.country(), code(c, p.platform(), 1),
        p.tier(), p.track() == null ? 0 : code(c, p.track(), 2), p.day(), code(c, p.user(), 3),
        p.ms(), p.skip(), p.known(), 0);
  }

  /** What the reduce side saw of one artist, in comparable form. */
  private record Seen(Map<String, Double> cells, Map<Integer, List<Double>> slots,
      Map<Long, Integer> listenersBySlotMask, Map<String, Double> trackDays) {}

  private static Seen seen(ArtistCube a) {
    Map<String, Double> cells = new TreeMap<>();
    for (int i = 0; i < a.cells(); i++) {
      cells.merge((a.hour(i) - LAYOUT.firstHour()) + "|" + a.country(i) + "|" + a.platform(i)
          + "|" + a.tier(i), a.plays(i), Double::sum);
    }
    // A slot (like a cell) may come in several entries, one per partial: they add up.
    Map<Integer, List<Double>> slots = new TreeMap<>();
    for (int i = 0; i < a.slotCount(); i++) {
      List<Double> s = slots.getOrDefault(a.slot(i), List.of(0.0, 0.0, 0.0, 0.0));
      slots.put(a.slot(i), List.of(s.get(0) + a.slotSum(i, 0), s.get(1) + a.slotSum(i, 1),
          s.get(2) + a.slotSum(i, 2), s.get(3) + a.slotSum(i, 3)));
    }
    Map<Long, Integer> masks = new TreeMap<>();
    for (int i = 0; i < a.listeners(); i++) {
      masks.merge(a.mask(i, 0) ^ (a.mask(i, 1) * 31), 1, Integer::sum);
    }
    Map<String, Double> days = new TreeMap<>();
    for (int i = 0; i < a.trackDays(); i++) {
      days.merge(a.track(i) + "|" + (a.day(i) - LAYOUT.firstDay()), a.trackPlays(i),
          Double::sum);
    }
    return new Seen(cells, slots, masks, days);
  }

  /** The same sums straight from the plays. */
  private static Map<String, Seen> expected(List<Play> plays) {
    Map<String, List<Play>> byArtist = new TreeMap<>();
    plays.forEach(p -> byArtist.computeIfAbsent(p.artist(), k -> new ArrayList<>()).add(p));
    Map<String, Seen> out = new TreeMap<>();
    byArtist.forEach((artist, ps) -> {
      Map<String, Double> cells = new TreeMap<>();
      Map<Integer, List<Double>> slots = new TreeMap<>();
      Map<String, long[]> userMasks = new HashMap<>();
      Map<String, Double> days = new TreeMap<>();
      for (Play p : ps) {
        cells.merge(p.hour() + "|" + p.country() + "|" + p.platform() + "|"
            + CubeCodes.TIERS.get(p.tier()), 1.0, Double::sum);
        List<Double> s = slots.getOrDefault(p.slot(), List.of(0.0, 0.0, 0.0, 0.0));
        slots.put(p.slot(), List.of(s.get(0) + 1, s.get(1) + p.ms(),
            s.get(2) + (p.skip() ? 1 : 0), s.get(3) + (p.known() ? 1 : 0)));
        long[] m = userMasks.computeIfAbsent(p.user(), k -> new long[2]);
        m[p.slot() / 64] |= 1L << p.slot();
        if (p.track() != null) {
          days.merge(p.track() + "|" + p.day(), 1.0, Double::sum);
        }
      }
      Map<Long, Integer> masks = new TreeMap<>();
      userMasks.values().forEach(m -> masks.merge(m[0] ^ (m[1] * 31), 1, Integer::sum));
      out.put(artist, new Seen(cells, slots, masks, days));
    });
    return out;
  }

  @Test
  void partialsFromManySplitsMergeIntoEachArtistsExactSums() {
    List<Play> plays = plays(20261202L, 20_000);
    int buckets = 3;
    List<List<byte[]>> byBucket = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      byBucket.add(new ArrayList<>());
    }
    int tasks = 4;
    long used = 0;
    for (int t = 0; t < tasks; t++) {
      CubeAggregate split = new CubeAggregate(LAYOUT, 16);
      List<Play> mine = plays.subList(t * plays.size() / tasks, (t + 1) * plays.size() / tasks);
      for (int i = 0; i < mine.size(); i++) {
        add(split, mine.get(i));
        // Hand the cube on mid-split too, as a full map-side cube does.
        if (i == mine.size() / 2 || i == mine.size() - 1) {
          used += split.usedRows();
          byte[][] partials = split.partials(buckets);
          for (int b = 0; b < buckets; b++) {
            if (partials[b] != null) {
              byBucket.get(b).add(partials[b]);
            }
          }
          split.clearCells();
        }
      }
    }
    assertThat(used).as("every play counted once").isEqualTo(plays.size());
    Map<String, Seen> got = new TreeMap<>();
    Set<String> bucketOfEach = new HashSet<>();
    for (int b = 0; b < buckets; b++) {
      MergedCube merged = new MergedCube(LAYOUT);
      byBucket.get(b).forEach(merged::absorb);
      int bucket = b;
      List<String> order = new ArrayList<>();
      merged.forEachArtist(a -> {
        assertThat(CubeBuckets.of(a.artistId(), buckets)).as("artist in its own bucket")
            .isEqualTo(bucket);
        assertThat(got.put(a.artistId(), seen(a))).as("artist seen once").isNull();
        order.add(a.artistId());
        bucketOfEach.add(a.artistId());
      });
      assertThat(order).as("artists come in id order").isSorted();
    }
    assertThat(got).isEqualTo(expected(plays));
    assertThat(bucketOfEach).hasSize(40);
  }

  @Test
  void countsSpreadOverHoursKeepFractionsAndLeaveSlotsAndListenersEmpty() {
    CubeAggregate c = new CubeAggregate(LAYOUT, 16);
    int a = code(c, "a1", 0);
    int t = code(c, "t9", 2);
    c.addCount(a, 5, 3, 0, t, 0, 2.5);
    c.addCount(a, 5, 3, 0, t, 0, 0.25);
    c.addCount(a, 6, 0, 2, 0, 0, 1.0);
    MergedCube merged = new MergedCube(LAYOUT);
    merged.absorb(c.partials(1)[0]);
    List<Seen> all = new ArrayList<>();
    merged.forEachArtist(x -> all.add(seen(x)));
    assertThat(all).hasSize(1);
    assertThat(all.get(0).cells()).containsExactly(Map.entry("5|3|null|null", 2.75),
        Map.entry("6|0|null|free", 1.0));
    assertThat(all.get(0).slots()).isEmpty();
    assertThat(all.get(0).listenersBySlotMask()).isEmpty();
    // A count without a track still counts in its day, so that the artist's days are whole.
    assertThat(all.get(0).trackDays()).containsOnly(Map.entry("t9|0", 2.75),
        Map.entry("null|0", 1.0));
  }

  @Test
  void totalsTravelAsBytesAndAddUpTheServiceSeries() {
    CubeAggregate c = new CubeAggregate(LAYOUT, 16);
    plays(7, 500).forEach(p -> add(c, p));
    PassTotals t = new PassTotals();
    t.countRejected();
    t.countOutside();
    t.countOutside();
    t.addBucket(1_764_000_000L, 60);
    t.absorb(c);
    PassTotals back = PassTotals.fromBytes(t.toBytes());
    assertThat(back).isEqualTo(t);
    assertThat(back.used()).isEqualTo(500);
    assertThat(back.outside()).isEqualTo(2);
    assertThat(back.service().values().stream().mapToDouble(Double::doubleValue).sum())
        .as("service series sums to the plays").isEqualTo(500.0);
    PassTotals twice = PassTotals.fromBytes(t.toBytes());
    twice.merge(back);
    assertThat(twice.used()).isEqualTo(1000);
    assertThat(twice.buckets()).hasSize(1);
  }

  @Test
  void slotSumsKeepEachSourceApartUnderTheSameSlot() {
    CubeAggregate c = new CubeAggregate(LAYOUT, 16);
    int a = code(c, "a1", 0);
    int u = code(c, "u1", 3);
    c.addPlay(a, 5, 3, 1, 0, 1, 0, 0, u, 1000, false, true, 2);
    c.addPlay(a, 5, 3, 1, 0, 1, 0, 0, u, 1000, false, true, 2);
    c.addPlay(a, 5, 3, 1, 0, 1, 0, 0, u, 1000, false, true, 1);
    c.addPlay(a, 5, 3, 1, 0, 1, 0, 0, u, 1000, false, true, 0);
    MergedCube merged = new MergedCube(LAYOUT);
    merged.absorb(c.partials(1)[0]);
    Map<Integer, Double> bySource = new TreeMap<>();
    merged.forEachArtist(x -> {
      for (int i = 0; i < x.slotCount(); i++) {
        assertThat(x.slot(i)).as("the slot, whatever the source").isEqualTo(3);
        bySource.merge(x.source(i), x.slotSum(i, 0), Double::sum);
      }
    });
    assertThat(bySource).containsExactly(Map.entry(0, 1.0), Map.entry(1, 1.0),
        Map.entry(2, 2.0));
  }
}
