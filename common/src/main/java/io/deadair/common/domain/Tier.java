package io.deadair.common.domain;

import java.util.Locale;

/** A listener's subscription tier. */
public enum Tier {
  PREMIUM,
  FREE;

  /** The lower-case name used in files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code premium} or {@code free}, in any case. */
  public static Tier parse(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
