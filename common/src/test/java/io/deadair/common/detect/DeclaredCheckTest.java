package io.deadair.common.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredCheckTest {

  private static final OutageWindow DECLARED = new OutageWindow("global-1",
      Instant.parse("2026-03-03T19:00:00Z"), Instant.parse("2026-03-03T22:00:00Z"), Scope.all(),
      Scope.all(), "worldwide");

  private static DetectedWindow found(String start, String end, Scope countries) {
    return new DetectedWindow(Instant.parse(start), Instant.parse(end), countries, Scope.all(),
        1000, 200, 800, 750, 850, 300);
  }

  @Test
  void aLateStartALongerTailAndSparedCountriesAreNamed() {
    DetectedWindow w = found("2026-03-03T19:20:00Z", "2026-03-03T22:40:00Z",
        Scope.of("DE", "FR", "GB"));
    List<DeclaredCheck.Match> m = DeclaredCheck.check(List.of(DECLARED), List.of(w));
    assertThat(m.get(0).detectedId()).isEqualTo("d-1");
    assertThat(m.get(0).mismatches()).containsExactly("starts 20 min later", "ends 40 min later",
        "only countries DE;FR;GB fell");
  }

  @Test
  void edgesWithinTenMinutesAreTheSame() {
    DetectedWindow w = found("2026-03-03T19:05:00Z", "2026-03-03T21:55:00Z", Scope.all());
    assertThat(DeclaredCheck.check(List.of(DECLARED), List.of(w)).get(0).mismatches())
        .isEmpty();
  }

  @Test
  void aDeclaredOutageWithoutADropAndAWindowWithoutADeclarationStayApart() {
    DetectedWindow elsewhere = found("2026-03-05T10:00:00Z", "2026-03-05T11:00:00Z",
        Scope.all());
    assertThat(DeclaredCheck.matches(List.of(DECLARED), List.of(elsewhere)))
        .containsEntry("d-1", null);
    DeclaredCheck.Match m = DeclaredCheck.check(List.of(DECLARED), List.of(elsewhere)).get(0);
    assertThat(m.found()).isEmpty();
    assertThat(m.mismatches()).containsExactly("no drop in the data");
  }

  @Test
  void aWindowInOtherCountriesDoesNotMatch() {
    OutageWindow regional = new OutageWindow("regional-1", DECLARED.start(), DECLARED.end(),
        Scope.of("DE"), Scope.all(), "Germany");
    DetectedWindow w = found("2026-03-03T19:00:00Z", "2026-03-03T22:00:00Z", Scope.of("BR"));
    assertThat(DeclaredCheck.matches(List.of(regional), List.of(w))).containsEntry("d-1", null);
  }
}
