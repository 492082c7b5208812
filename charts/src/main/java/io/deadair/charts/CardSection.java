package io.deadair.charts;

import static io.deadair.charts.Html.esc;
import static io.deadair.charts.Html.name;

import io.deadair.charts.ChartWriter.Written;
import io.deadair.charts.ReportModel.Card;
import io.deadair.charts.ReportModel.OutageReport;
import io.deadair.charts.ReportModel.Report;
import io.deadair.charts.ReportRenderer.OutageCharts;
import java.util.Optional;

/**
 * The report's artist cards: per highlighted artist, the card image (ready to forward, with
 * the key numbers and where the artist lost written on it) and the artist's days with the
 * outages' loss put back.
 */
final class CardSection {

  private CardSection() {}

  static void render(StringBuilder h, Report r, OutageReport o, OutageCharts c) {
    if (o.cards().isEmpty()) {
      return;
    }
    h.append("<h3>Artist cards</h3>\n<p class=\"note\">One image per highlighted artist, with"
        + " the numbers on it, ready to forward; beside it, the artist's days as observed and"
        + " with the outages' loss put back, the line dashboards and royalty accruals should"
        + " carry.</p>\n<div class=\"cards\">\n");
    for (int i = 0; i < o.cards().size(); i++) {
      Card card = o.cards().get(i);
      figure(h, c.cards().get(i), card, r, o);
      Optional<Written> days = i < c.cardDays().size() ? c.cardDays().get(i) : Optional.empty();
      days.ifPresent(w -> h.append("<figure class=\"card days\">\n").append(img(w))
          .append("<figcaption>").append(name(card.artist().label()))
          .append(": plays per day, observed and repaired ").append(files(w))
          .append("</figcaption>\n</figure>\n"));
    }
    h.append("</div>\n");
  }

  private static void figure(StringBuilder h, Written w, Card card, Report r, OutageReport o) {
    h.append("<figure class=\"card\">\n").append(img(w)).append("<figcaption><strong>")
        .append(name(card.artist().label())).append("</strong>");
    for (String line : CardChartFactory.keyLines(card, o.outage(), r.confidence())) {
      h.append("<br>").append(esc(line));
    }
    h.append(" ").append(files(w)).append("</figcaption>\n</figure>\n");
  }

  private static String img(Written w) {
    return "<img src=\"" + esc(w.png()) + "\" width=\"" + w.width() + "\" height=\""
        + w.height() + "\" alt=\"" + esc(w.alt()) + "\">\n";
  }

  private static String files(Written w) {
    return "<span class=\"files\"><a href=\"" + esc(w.png()) + "\">PNG</a> · <a href=\""
        + esc(w.svg()) + "\">SVG</a></span>";
  }
}
