package io.deadair.charts;

import static io.deadair.charts.Html.esc;

import io.deadair.charts.ChartWriter.Written;
import io.deadair.charts.ReportModel.DeclaredVsData;
import io.deadair.charts.ReportModel.DetectionReport;
import io.deadair.charts.ReportModel.FoundWindow;
import java.util.List;

/**
 * The report's section on outages found in the data: the service series with the windows found
 * beside the declared ones, the windows found, and where the incident log and the data
 * disagree (a late start, a longer tail, spared countries, no drop at all).
 */
final class DetectionSection {

  private DetectionSection() {}

  static void render(StringBuilder h, DetectionReport d, Written chart) {
    h.append("<section id=\"detection\">\n<h2>Outages found in the data</h2>\n<p>")
        .append(d.found().isEmpty() ? "No window where plays fell far below what the other"
            + " days lead to expect."
            : d.found().size() + (d.found().size() == 1 ? " window" : " windows")
                + " where plays in part of the service fell far below what the other days"
                + " lead to expect, found without the incident log.")
        .append("</p>\n<figure><img src=\"").append(esc(chart.png())).append("\" width=\"")
        .append(chart.width()).append("\" height=\"").append(chart.height()).append("\" alt=\"")
        .append(esc(chart.alt())).append("\"><figcaption>Red: found in the data; grey: declared."
            + " <span class=\"files\"><a href=\"").append(esc(chart.png()))
        .append("\">PNG</a> · <a href=\"").append(esc(chart.svg()))
        .append("\">SVG</a></span></figcaption></figure>\n");
    found(h, d.found());
    mismatches(h, d.declared());
    h.append("</section>\n");
  }

  private static void found(StringBuilder h, List<FoundWindow> found) {
    if (found.isEmpty()) {
      return;
    }
    h.append("<table>\n<thead><tr><th>Found</th><th>When</th><th>Countries</th>"
        + "<th>Platforms</th><th class=\"num\">Plays lost</th><th class=\"num\">95 % interval"
        + "</th><th>Declared as</th></tr></thead>\n<tbody>\n");
    for (FoundWindow w : found) {
      h.append("<tr><td>").append(esc(w.id())).append("</td><td>")
          .append(esc(Formats.window(w.start(), w.end()))).append("</td><td>")
          .append(esc(Formats.scope(w.countries()))).append("</td><td>")
          .append(esc(Formats.scope(w.platforms()))).append("</td><td class=\"num\">")
          .append(esc(Formats.plays(w.lost()))).append("</td><td class=\"num\">")
          .append(esc(Formats.range(w.lostLow(), w.lostHigh(), Formats::plays)))
          .append("</td><td>").append(w.matches() == null ? "<em>not declared</em>"
              : esc(w.matches())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void mismatches(StringBuilder h, List<DeclaredVsData> declared) {
    List<DeclaredVsData> differ = declared.stream().filter(o -> !o.mismatches().isEmpty())
        .toList();
    if (declared.isEmpty()) {
      return;
    }
    if (differ.isEmpty()) {
      h.append("<p>Every declared outage shows in the data within ten minutes of its declared"
          + " start and end, over its declared countries and platforms.</p>\n");
      return;
    }
    h.append("<h3>Where the incident log and the data disagree</h3>\n<table>\n<thead><tr>"
        + "<th>Declared</th><th>As declared</th><th>Found</th><th>What the data shows</th>"
        + "</tr></thead>\n<tbody>\n");
    for (DeclaredVsData o : differ) {
      h.append("<tr><td>").append(esc(o.outageId())).append("</td><td>")
          .append(esc(Formats.window(o.start(), o.end()))).append("</td><td>")
          .append(o.detectedId() == null ? "–" : esc(o.detectedId())).append("</td><td>")
          .append(esc(String.join("; ", o.mismatches()))).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }
}
