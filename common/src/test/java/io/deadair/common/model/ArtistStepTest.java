package io.deadair.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.cube.ArtistCube;
import io.deadair.common.cube.CubeAggregate;
import io.deadair.common.cube.CubeCodes;
import io.deadair.common.cube.CubeLayout;
import io.deadair.common.cube.MergedCube;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Phase;
import io.deadair.common.domain.Scope;
import io.deadair.common.model.ArtistResult.OutageResult;
import io.deadair.common.model.ArtistResult.PhaseStat;
import io.deadair.common.model.ArtistResult.Release;
import io.deadair.common.model.ArtistResult.ReleaseMatch;
import io.deadair.common.revenue.RateCard;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-artist step on a hand-made artist whose phases, listeners, hourly plays, releases and
 * royalty pace can be counted by hand.
 */
class ArtistStepTest {

  private static final Instant START = Instant.parse("2026-03-03T10:00:00Z");
  private static final long W0 = START.getEpochSecond() / 3600;
  private static final int DE = CubeCodes.country("DE");
  private final ImpactConfig config = ImpactConfig.defaults();
  private final OutageWindow outage = new OutageWindow("o1", START, START.plusSeconds(3 * 3600),
      Scope.all(), Scope.all(), "");
  private final PhaseCalendar calendar = PhaseCalendar.of(List.of(outage), 28, 24);
  private final CubeLayout layout = new CubeLayout(calendar.firstHour(),
      Math.floorDiv(calendar.firstHour(), 24), calendar.slots().size());
  private final CubeAggregate cube = new CubeAggregate(layout, 64);

  /** A flat service: 100 plays an hour in DE on ios. */
  private OutageModel model() {
    Map<Long, Double> byHour = new HashMap<>();
    for (long h = W0 - 40 * 24; h < W0 + 48; h++) {
      byHour.put(h, 100.0);
    }
    return new ServiceModel(CubeCodes.COUNTRIES,
        Map.of(new ServiceModel.CountryPlatform(DE, "ios"), byHour), config)
        .build(outage, List.of(outage)).model();
  }

  private int code(String s, int which) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return switch (which) {
      case 0 -> cube.artist(b, 0, b.length);
      case 1 -> cube.platform(b, 0, b.length);
      case 2 -> cube.track(b, 0, b.length);
      default -> cube.user(b, 0, b.length);
    };
  }

  private void play(String user, long hour, String track, long ms, boolean skip) {
    cube.addPlay(code("a1", 0), (int) (hour - layout.firstHour()), calendar.slotOf(hour), DE,
        code("ios", 1), 1, code(track, 2), (int) (Math.floorDiv(hour, 24) - layout.firstDay()),
        code(user, 3), ms, skip, true, 0);
  }

  private ArtistResult run(List<Release> releases) {
    ArtistStep step = new ArtistStep(List.of(model()), new RateCard().put("*", "*", 0.003),
        calendar, true, config);
    List<ArtistResult> out = new ArrayList<>();
    MergedCube merged = new MergedCube(layout);
    merged.absorb(cube.partials(1)[0]);
    merged.forEachArtist((ArtistCube a) -> out.add(step.run(a, null, releases)));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void phasesCountEachListenerOnceAndSumTheirPlays() {
    // u1 before and during, u2 before only (twice), u3 after, u4 during twice.
    play("u1", W0 - 50, "t1", 60_000, false);
    play("u1", W0 + 1, "t1", 30_000, true);
    play("u2", W0 - 30, "t1", 60_000, false);
    play("u2", W0 - 200, "t2", 60_000, false);
    play("u3", W0 + 5, "t1", 120_000, false);
    play("u4", W0, "t2", 60_000, true);
    play("u4", W0 + 2, "t2", 60_000, false);
    OutageResult o = run(List.of()).outages()[0];
    Map<Phase, PhaseStat> byPhase = new HashMap<>();
    o.phases().forEach(p -> byPhase.put(p.phase(), p));
    PhaseStat before = byPhase.get(Phase.BEFORE);
    PhaseStat during = byPhase.get(Phase.DURING);
    PhaseStat after = byPhase.get(Phase.AFTER);
    assertThat(before.plays()).isEqualTo(3);
    assertThat(before.listeners()).as("u1 and u2").isEqualTo(2);
    assertThat(before.hours()).isEqualTo(28 * 24);
    assertThat(during.plays()).isEqualTo(3);
    assertThat(during.listeners()).as("u1 and u4").isEqualTo(2);
    assertThat(during.ms()).isEqualTo(150_000.0);
    assertThat(during.skips()).isEqualTo(2.0);
    assertThat(during.hours()).isEqualTo(3);
    assertThat(after.listeners()).as("u3").isEqualTo(1);
    assertThat(o.audience()).as("baseline listeners").isEqualTo(2);
    assertThat(o.timelineStart()).isEqualTo(W0 - 48);
    assertThat(o.timeline()[(int) (W0 - 30 - o.timelineStart())]).isEqualTo(1.0);
    assertThat(o.timeline()[(int) (W0 + 2 - o.timelineStart())]).isEqualTo(1.0);
    assertThat(o.timeline()).as("plays from 48 h before to the end of recovery")
        .hasSize(48 + 3 + 24);
    assertThat(o.outageWindow()).as("the outage's own window comes first").isNotNull();
    assertThat(o.outageWindow().inObserved()).isEqualTo(3.0);
  }

  @Test
  void tracksOnPaceForTheThresholdAndReleasesNearTheOutageAreKept() {
    // t1: 3 plays a day over the 28 baseline days (1,095 a year); t2: one a day (365 a year).
    for (long d = 1; d <= 28; d++) {
      for (int k = 0; k < 3; k++) {
        play("u" + k, W0 - 24 * d + k, "t1", 1000, false);
      }
      play("u9", W0 - 24 * d + 5, "t2", 1000, false);
    }
    Instant released = START.minusSeconds(2 * 86_400);
    OutageResult o = run(List.of(new Release("t2", null, released),
        new Release(null, "album", released), new Release("t1", null,
            START.minusSeconds(30 * 86_400)))).outages()[0];
    assertThat(o.royaltyTracks()).extracting(ArtistResult.TrackPlays::trackId)
        .containsExactly("t1");
    assertThat(o.royaltyTracks().get(0).plays()).isCloseTo(84, within(1e-9));
    assertThat(o.artistBaselineTrackPlays()).isCloseTo(84 + 28, within(1e-9));
    assertThat(o.releases()).as("the release 30 days before is outside the lookback")
        .hasSize(2);
    ReleaseMatch track = o.releases().get(0);
    // From the release day to the outage day (3 UTC days): t2 1 a day, the artist 4 a day; the
    // first week has only the 2 days before the outage.
    assertThat(track.share()).isCloseTo(2.0 / 8.0, within(1e-9));
    assertThat(track.firstWeekPlays()).isEqualTo(2.0);
    ReleaseMatch album = o.releases().get(1);
    assertThat(album.share()).as("an album is all of the artist's plays").isEqualTo(1.0);
    assertThat(album.firstWeekPlays()).isEqualTo(8.0);
  }
}
