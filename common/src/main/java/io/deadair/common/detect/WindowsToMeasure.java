package io.deadair.common.detect;

import io.deadair.common.domain.OutageWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The outage windows a run measures when they come from the data rather than the log alone. */
public final class WindowsToMeasure {

  private WindowsToMeasure() {}

  /** The windows found, as outages with ids d-1, d-2, ... and a description of the drop. */
  public static List<OutageWindow> found(List<DetectedWindow> found) {
    List<OutageWindow> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      DetectedWindow w = found.get(i);
      out.add(new OutageWindow(DeclaredCheck.id(i), w.start(), w.end(), w.countries(),
          w.platforms(), describe(w)));
    }
    return out;
  }

  /** A window found, in words: how far plays fell, where. */
  public static String describe(DetectedWindow w) {
    return String.format(Locale.ROOT, "Found in the data: plays %.0f %% below expectation"
        + " (countries %s; platforms %s)", 100 * w.lost() / w.expected(), w.countries().format(),
        w.platforms().format());
  }

  /**
   * Each declared outage over the start, end and scope of the window that matches it; as
   * declared where the data shows no drop.
   */
  public static List<OutageWindow> onDataEdges(List<DeclaredCheck.Match> matches) {
    List<OutageWindow> out = new ArrayList<>();
    for (DeclaredCheck.Match m : matches) {
      OutageWindow o = m.declared();
      out.add(m.found().map(w -> new OutageWindow(o.id(), w.start(), w.end(), w.countries(),
          w.platforms(), o.description())).orElse(o));
    }
    return out;
  }
}
