package io.deadair.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deadair.common.domain.OutageWindow;
import io.deadair.sample.OutagePlan.Planned;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutagePlanTest {

  private static GeneratorOptions options(int days, int count, List<String> specs) {
    return new GeneratorOptions("x", 100, days, 1000, 500, 1, LocalDate.of(2026, 2, 2), count,
        specs);
  }

  @Test
  void defaultPlanHasGlobalRegionalAndPlatformOutagesInTheLastWeek() {
    GeneratorOptions o = options(35, 3, List.of());
    List<Planned> plan = OutagePlan.build(o).outages();
    assertThat(plan).extracting(p -> p.window().id())
        .containsExactly("global-1", "regional-1", "platform-1");
    assertThat(plan.get(0).window().isGlobal()).as("first is global").isTrue();
    assertThat(plan.get(0).window().duration()).as("global length").isEqualTo(
        Duration.ofHours(3));
    assertThat(plan.get(1).window().countries().values()).as("regional countries").hasSize(4);
    assertThat(plan.get(2).window().platforms().isAll()).as("platform-only scope").isFalse();
    LocalDate lastWeek = o.start().plusDays(o.days() - 7);
    for (Planned p : plan) {
      assertThat(p.window().start().atZone(ZoneOffset.UTC).toLocalDate())
          .as("%s in the last week", p.window().id()).isAfterOrEqualTo(lastWeek);
    }
  }

  @Test
  void outagesLeaveEachOthersRecoveryWindowsAlone() {
    List<Planned> plan = OutagePlan.build(options(60, 8, List.of())).outages();
    for (int i = 1; i < plan.size(); i++) {
      Duration gap = Duration.between(plan.get(i - 1).window().end(), plan.get(i).window()
          .start());
      assertThat(gap).as("gap before outage %d", i).isGreaterThan(OutagePlan.AFTER);
    }
    Planned last = plan.get(plan.size() - 1);
    assertThat(last.window().end().plus(OutagePlan.REBOUND_MAX_DELAY))
        .as("last rebound inside the data").isBefore(LocalDate.of(2026, 2, 2).plusDays(60)
            .atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  @Test
  void explicitSpecsSetShapeAndSeverity() {
    List<Planned> plan = OutagePlan.build(options(35, 0, List.of("platform:4:0.3",
        "global:1h:0.9"))).outages();
    assertThat(plan.get(0).window().duration()).isEqualTo(Duration.ofHours(4));
    assertThat(plan.get(0).severity()).isEqualTo(0.3);
    assertThat(plan.get(1).window().isGlobal()).isTrue();
    assertThat(plan.get(1).window().duration()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aStartHourPlacesTheWindowThereEvenAcrossUtcMidnight() {
    List<Planned> plan = OutagePlan.build(options(35, 0, List.of("regional:4:0.6:22",
        "global:2:0.9:1"))).outages();
    Planned late = plan.get(0);
    assertThat(late.window().start().atZone(ZoneOffset.UTC).getHour()).isEqualTo(22);
    assertThat(late.window().end().atZone(ZoneOffset.UTC).toLocalDate())
        .as("ends the next UTC day").isEqualTo(late.window().start().atZone(ZoneOffset.UTC)
            .toLocalDate().plusDays(1));
    assertThat(plan.get(1).window().start().atZone(ZoneOffset.UTC).getHour()).isEqualTo(1);
  }

  @Test
  void badSpecsAndTooFewDaysAreRefusedWithAReason() {
    assertThatThrownBy(() -> OutagePlan.build(options(35, 0, List.of("global:2:0.5:24"))))
        .hasMessageContaining("is not a UTC hour 0..23");
    assertThatThrownBy(() -> OutagePlan.build(options(35, 0, List.of("global:2:0.5:3.5"))))
        .hasMessageContaining("is not a UTC hour 0..23");
    assertThatThrownBy(() -> OutagePlan.build(options(35, 0, List.of("city:2"))))
        .hasMessageContaining("kind must be global, regional or platform");
    assertThatThrownBy(() -> OutagePlan.build(options(35, 0, List.of("global:2:1.5"))))
        .hasMessageContaining("severity in (0, 1]");
    assertThatThrownBy(() -> OutagePlan.build(options(35, 0, List.of("global:x"))))
        .hasMessageContaining("'x' is not a number");
    assertThatThrownBy(() -> OutagePlan.build(options(10, 3, List.of())))
        .hasMessageContaining("need at least 13 days");
  }

  @Test
  void anOutageMayStartOffTheHourAndBeDeclaredRoundedVaguelyOrNotAtAll() {
    List<Planned> plan = OutagePlan.build(options(35, 0, List.of("regional:0.5:0.6:19h20:rounded",
        "platform:1.5:0.5:7h05:vague", "global:1:0.4:3:none", "global:2"))).outages();

    Planned rounded = plan.get(0);
    assertThat(rounded.window().start().toString()).endsWith("T19:20:00Z");
    assertThat(rounded.window().end().toString()).endsWith("T19:50:00Z");
    OutageWindow declared = rounded.declaredWindow().orElseThrow();
    assertThat(declared.start().toString()).as("rounded down").endsWith("T19:00:00Z");
    assertThat(declared.end().toString()).as("rounded up").endsWith("T20:00:00Z");
    assertThat(declared.countries()).isEqualTo(rounded.window().countries());

    OutageWindow vague = plan.get(1).declaredWindow().orElseThrow();
    assertThat(vague.start().toString()).endsWith("T07:00:00Z");
    assertThat(vague.end().toString()).as("08:35 rounded up").endsWith("T09:00:00Z");
    assertThat(vague.platforms().isAll()).as("declared on every platform").isTrue();
    assertThat(plan.get(1).window().platforms().isAll()).as("but it was one").isFalse();

    assertThat(plan.get(2).declaredWindow()).isEmpty();
    assertThat(plan.get(3).declaredWindow()).contains(plan.get(3).window());
  }

  @Test
  void aDeclaredFormOrStartItCannotReadIsRefusedWithTheSpec() {
    assertThatThrownBy(() -> OutagePlan.build(options(35, 0, List.of("global:1:0.4:3:maybe"))))
        .hasMessageContaining("declared must be exact, rounded, vague or none, not 'maybe'");
    assertThatThrownBy(() -> OutagePlan.build(options(35, 0, List.of("global:1:0.4:19h75"))))
        .hasMessageContaining("start '19h75' is not a UTC hour");
    assertThatThrownBy(() -> OutagePlan.build(options(35, 0, List.of("global:1:0.4:3:none:x"))))
        .hasMessageContaining(OutagePlan.SPEC);
  }
}
