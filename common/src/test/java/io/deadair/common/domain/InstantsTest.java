package io.deadair.common.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantsTest {

  private final Instant expected = Instant.parse("2026-03-02T14:05:09Z");

  @Test
  void isoWithAnyOffsetAndEpochMillisAgree() {
    assertThat(Instants.parse("2026-03-02T14:05:09Z")).isEqualTo(expected);
    assertThat(Instants.parse("2026-03-02T15:05:09+01:00")).isEqualTo(expected);
    assertThat(Instants.parse(" " + expected.toEpochMilli() + " ")).isEqualTo(expected);
  }

  @Test
  void aTimeWithoutOffsetIsRefused() {
    assertThatThrownBy(() -> Instants.parse("2026-03-02T14:05:09"))
        .hasMessageContaining("with an offset");
    assertThatThrownBy(() -> Instants.parse("")).hasMessageContaining("Empty");
  }

  @Test
  void countriesAreIsoAlpha2() {
    assertThat(Countries.isValid("DE")).isTrue();
    assertThat(Countries.isValid("de")).as("lower case").isFalse();
    assertThat(Countries.isValid("XX")).isFalse();
  }
}
