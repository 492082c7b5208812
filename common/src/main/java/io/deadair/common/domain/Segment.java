package io.deadair.common.domain;

import java.util.Locale;

/** The artist segments that Dead Air reports separately, smallest audience first. */
public enum Segment {
  EMERGING,
  MID,
  ESTABLISHED;

  /** The lower-case name used in tables. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label such as {@code emerging}, in any case. */
  public static Segment parse(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
