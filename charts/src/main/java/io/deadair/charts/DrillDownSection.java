package io.deadair.charts;

import static io.deadair.charts.Html.esc;

import io.deadair.charts.ReportModel.DrillDown;
import io.deadair.charts.ReportModel.LabelLoss;
import io.deadair.charts.ReportModel.PromotionLoss;
import io.deadair.common.domain.Segment;

/**
 * The report's tables of where the loss fell beyond single artists: labels by lost revenue (with
 * the file a partner manager would send each label), and the promotions that went dark.
 */
final class DrillDownSection {

  /** Rows each table shows; the CSV files have them all. */
  static final int ROWS = 20;

  private DrillDownSection() {}

  static void render(StringBuilder h, DrillDown d, String level) {
    labels(h, d, level);
    promotions(h, d, level);
  }

  private static void labels(StringBuilder h, DrillDown d, String level) {
    if (d.labels().isEmpty()) {
      return;
    }
    h.append("<h3>Labels and distributors</h3>\n<p class=\"note\">By lost revenue. Each"
        + " label's file lists its artists' losses, ready to send; artists without a label"
        + " are under <em>independent</em>.</p>\n<table>\n<thead><tr><th>Label</th>"
        + "<th class=\"num\">Artists</th><th class=\"num\">Emerging</th>"
        + "<th class=\"num\">Plays lost</th><th class=\"num\">").append(esc(level))
        .append(" interval</th><th class=\"num\">Revenue lost</th><th>File</th></tr></thead>\n"
            + "<tbody>\n");
    for (LabelLoss l : d.labels().stream().limit(ROWS).toList()) {
      h.append("<tr><td>").append(esc(l.name() == null ? l.labelId() : l.name()))
          .append("</td><td class=\"num\">").append(l.artists())
          .append("</td><td class=\"num\">").append(l.emerging())
          .append("</td><td class=\"num\">").append(esc(Formats.plays(l.lostPlays())))
          .append("</td><td class=\"num\">")
          .append(esc(Formats.range(l.lostLow(), l.lostHigh(), Formats::plays)))
          .append("</td><td class=\"num\">").append(esc(Formats.usd(l.lostRevenue())))
          .append("</td><td>").append(l.csv() == null ? "–" : "<a href=\"../"
              + esc(l.csv()) + "\">CSV</a>").append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void promotions(StringBuilder h, DrillDown d, String level) {
    if (d.promotions().isEmpty()) {
      return;
    }
    h.append("<h3>Promotions that went dark</h3>\n<p class=\"note\">Playlists, campaigns and"
        + " concerts whose window met the outage or its recovery window, emerging artists"
        + " first; <em>plays lost</em> are the artist's inside both the promotion and the"
        + " outage.</p>\n<table>\n<thead><tr><th>Artist</th><th>Promotion</th><th>Its window"
        + "</th><th class=\"num\">Hours in the outage</th><th class=\"num\">Share of the"
        + " promotion</th><th class=\"num\">Plays lost</th><th class=\"num\">")
        .append(esc(level)).append(" interval</th></tr></thead>\n<tbody>\n");
    for (PromotionLoss p : d.promotions().stream().limit(ROWS).toList()) {
      boolean emerging = Segment.EMERGING.label().equals(p.segment());
      h.append("<tr").append(emerging ? " class=\"emerging\"" : "").append("><td>")
          .append(esc(p.artistLabel())).append("</td><td>")
          .append(esc(p.kind().replace('_', ' '))).append("</td><td>")
          .append(esc(Formats.window(p.start(), p.end()))).append("</td><td class=\"num\">")
          .append(esc(Formats.decimal(p.overlapHours(), 1))).append("</td><td class=\"num\">")
          .append(esc(Formats.pct(p.sharePct()))).append("</td><td class=\"num\">")
          .append(esc(Formats.plays(p.lostPlays()))).append("</td><td class=\"num\">")
          .append(esc(Formats.range(p.lostLow(), p.lostHigh(), Formats::plays)))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }
}
