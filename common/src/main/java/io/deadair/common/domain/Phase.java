package io.deadair.common.domain;

import java.util.Locale;

/** The three phases around an outage that every metric is reported for. */
public enum Phase {
  /** The baseline window before the outage, other outages left out. */
  BEFORE,
  /** The outage window itself. */
  DURING,
  /** The recovery window right after the outage. */
  AFTER;

  /** The lower-case name used in tables. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
