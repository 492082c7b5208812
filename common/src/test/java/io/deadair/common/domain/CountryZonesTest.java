package io.deadair.common.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CountryZonesTest {

  private static long hour(String instant) {
    return Instant.parse(instant).getEpochSecond() / 3600;
  }

  @Test
  void localHourFollowsDaylightSavingTime() {
    var us = CountryZones.zoneOf("US");
    // 2026-03-08: clocks in the US go forward; 14:00 UTC is 09:00 before and 10:00 after.
    assertThat(CountryZones.localHour(us, hour("2026-03-07T14:00:00Z"))).isEqualTo(9);
    assertThat(CountryZones.localHour(us, hour("2026-03-09T14:00:00Z"))).isEqualTo(10);
    assertThat(CountryZones.localHour(CountryZones.zoneOf("IN"), hour("2026-03-09T14:00:00Z")))
        .as("half-hour offset, +05:30").isEqualTo(19);
  }

  @Test
  void unknownCountriesKeepUtc() {
    assertThat(CountryZones.zoneOf("XX")).isEqualTo(ZoneOffset.UTC);
    assertThat(CountryZones.zoneOf(null)).isEqualTo(ZoneOffset.UTC);
    assertThat(CountryZones.zoneOf("BR").getId()).isEqualTo("America/Sao_Paulo");
  }
}
