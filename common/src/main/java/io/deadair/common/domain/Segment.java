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
}
