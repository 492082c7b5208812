package io.deadair.common.model;

/**
 * The day on which an artist's level is read: the hours before a window that share its day
 * are taken to share its level. Which one fits is a property of the service and its data, so
 * the fit chooses per outage on the placebo windows.
 */
public enum LevelDay {
  /** Each country's local day: popularity moves at the listeners' midnight. */
  LISTENERS("listeners' day"),
  /** The UTC day: popularity moves when the service refreshes its charts and playlists. */
  SERVICE("service day (UTC)"),
  /** Both: only hours on the window's local day and its UTC day count. */
  BOTH("listeners' and service day");

  private final String label;

  LevelDay(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
