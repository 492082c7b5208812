package io.deadair.charts;

import io.deadair.charts.ReportModel.Card;
import io.deadair.charts.ReportModel.Outage;
import io.deadair.charts.ReportModel.Release;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;

/**
 * An artist card: one image an artist-relations person can forward to the artist's manager, with
 * the artist's own hourly timeline and the key numbers written on it.
 */
public final class CardChartFactory {

  private CardChartFactory() {}

  /** The key-number lines of a card, in reading order. */
  public static List<String> keyLines(Card card, Outage outage, double confidence) {
    ReportModel.Artist a = card.artist();
    String level = Formats.decimal(100 * confidence, 0) + " %";
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.US, "Lost plays: %s (%s interval %s)",
        Formats.plays(a.lostPlays()), level,
        Formats.range(a.lostLow(), a.lostHigh(), Formats::plays)));
    lines.add(String.format(Locale.US, "Lost revenue: %s (%s)", Formats.usd(a.lostRevenue()),
        Formats.range(a.revenueLow(), a.revenueHigh(), Formats::usd)));
    lines.add(String.format(Locale.US, "%s of expected plays in the window; %s of a normal"
            + " week's plays", Formats.pct(a.lostPct()), Formats.pct(card.shareOfWeekLost())));
    if (!card.where().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (ReportModel.Where w : card.where()) {
        parts.add(String.format(Locale.US, "%s %s %s %s", w.country(), w.platform(), w.tier(),
            Formats.usd(w.lostRevenue())));
      }
      lines.add("Where: " + String.join(" · ", parts));
    }
    for (Release r : card.releases()) {
      lines.add(String.format(Locale.US, "Release %s went live %s, %s", r.item(),
          Formats.when(r.releaseTs()) + " UTC", r.releaseTs().isBefore(outage.start())
              ? "before the outage" : "during the outage"));
    }
    return lines;
  }

  /** The card's height in pixels: more key lines take more room. */
  public static int height(Card card) {
    return 540 + 20 * (card.releases().size() + (card.where().isEmpty() ? 0 : 1));
  }

  public static JFreeChart createChart(Card card, Outage outage, double confidence) {
    ReportModel.Artist a = card.artist();
    JFreeChart chart = TimelineChartFactory.createChart(a.label(), card.series(), outage,
        a.emerging() ? ChartTheme.EMERGING : ChartTheme.OBSERVED);
    int at = 0;
    TextTitle who = new TextTitle(PhaseChartFactory.capitalise(a.segment()) + " artist · outage "
        + outage.id() + ", " + Formats.window(outage.start(), outage.end()),
        ChartTheme.font(Font.PLAIN, 12));
    who.setPaint(ChartTheme.MUTED);
    who.setHorizontalAlignment(HorizontalAlignment.LEFT);
    chart.addSubtitle(at++, who);
    for (String line : keyLines(card, outage, confidence)) {
      TextTitle t = new TextTitle(line, ChartTheme.font(at == 1 ? Font.BOLD : Font.PLAIN, 14));
      t.setPaint(ChartTheme.INK);
      t.setHorizontalAlignment(HorizontalAlignment.LEFT);
      t.setPadding(new RectangleInsets(1, 0, 1, 0));
      chart.addSubtitle(at++, t);
    }
    return chart;
  }
}
