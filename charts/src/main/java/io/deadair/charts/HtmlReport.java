package io.deadair.charts;

import static io.deadair.charts.Html.esc;
import static io.deadair.charts.Html.name;

import io.deadair.charts.ChartWriter.Written;
import io.deadair.charts.ReportModel.Artist;
import io.deadair.charts.ReportModel.OutageReport;
import io.deadair.charts.ReportModel.Release;
import io.deadair.charts.ReportModel.Report;
import io.deadair.charts.ReportModel.RoyaltyRisk;
import io.deadair.charts.ReportModel.SegmentTotals;
import io.deadair.charts.ReportRenderer.OutageCharts;
import io.deadair.common.domain.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The report page: one self-contained HTML file that opens from disk with no server and nothing
 * fetched from elsewhere. Every value from the data goes through {@link Html#esc}.
 */
public final class HtmlReport {

  /** Rows of the most-affected and royalty tables; the CSV files hold the rest. */
  static final int TABLE_ROWS = 25;

  private HtmlReport() {}

  public static String render(Report report, List<OutageCharts> charts, Optional<Written> found) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Dead Air report</title>\n<script>\n").append(resource("report-head.js"))
        .append("</script>\n<style>\n").append(resource("report.css"))
        .append("</style>\n</head>\n<body data-report=\"deadair\">\n");
    header(h, report);
    for (int i = 0; i < report.outages().size(); i++) {
      outage(h, report, report.outages().get(i), charts.get(i), i + 1);
    }
    report.detection().ifPresent(d -> DetectionSection.render(h, d, found.orElseThrow()));
    h.append(resource("how-to-read.html"));
    files(h, report);
    h.append("<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, Report r) {
    h.append("<header>\n<h1>What the outages cost artists</h1>\n<p class=\"lede\">")
        .append(r.outages().size()).append(r.outages().size() == 1 ? " outage" : " outages")
        .append(", measured against what each artist would have played without it. Generated ")
        .append(esc(Formats.when(r.generated()))).append(" UTC by Dead Air from ")
        .append("<code>").append(esc(r.inputs())).append("</code>.</p>\n");
    if (!r.dataNotes().isEmpty()) {
      h.append("<ul class=\"data-notes\" aria-label=\"About the data\">\n");
      for (String n : r.dataNotes()) {
        h.append("<li>").append(esc(n)).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("<nav><ul>\n");
    for (int i = 0; i < r.outages().size(); i++) {
      OutageReport o = r.outages().get(i);
      h.append("<li><a href=\"#outage-").append(i + 1).append("\">Outage ")
          .append(name(o.outage().id())).append("</a> · ")
          .append(esc(Formats.window(o.outage().start(), o.outage().end()))).append("</li>\n");
    }
    h.append("<li><a href=\"#how-to-read\">How to read this</a></li>\n")
        .append("<li><a href=\"#how-computed\">How it was computed</a></li>\n")
        .append("<li><a href=\"#files\">Data files</a></li>\n</ul></nav>\n</header>\n");
  }

  private static void outage(StringBuilder h, Report r, OutageReport o, OutageCharts c, int n) {
    ReportModel.Outage w = o.outage();
    h.append("<section class=\"outage\" id=\"outage-").append(n).append("\">\n<h2>Outage ")
        .append(name(w.id()));
    if (w.description() != null && !w.description().isBlank()) {
      h.append(": ").append(name(w.description()));
    }
    h.append("</h2>\n<p class=\"when\">").append(esc(Formats.window(w.start(), w.end())))
        .append(" (").append(esc(Formats.hours(w.start(), w.end()))).append(") · countries ")
        .append(esc(Formats.scope(w.countries()))).append(" · platforms ")
        .append(esc(Formats.scope(w.platforms())));
    if (!w.measuredFrom().equals(w.start()) || !w.measuredTo().equals(w.end())) {
      h.append(" · measured over the whole count buckets ")
          .append(esc(Formats.window(w.measuredFrom(), w.measuredTo())));
    }
    h.append("</p>\n");
    headline(h, r, o);
    figure(h, c.timeline(), "The service's plays hour by hour. The dashed line is what Dead Air"
        + " expected without the outage, the grey band its " + level(r) + " interval. Where the"
        + " blue line falls below the band, plays were lost; above it after the outage, they"
        + " came back.");
    figure(h, c.phases(), "Each segment's plays per hour before, during and after the outage,"
        + " as a percentage of its own baseline. The light bar shows what was expected during"
        + " the outage, so the gap between it and the blue bar is the loss.");
    figure(h, c.shareLost(), "How much of their expected plays artists lost, segment by"
        + " segment. A box higher up means a segment lost a larger share.");
    c.emerging().ifPresent(e -> figure(h, e, "The emerging artists who lost the most revenue;"
        + " the whisker is the " + level(r) + " interval."));
    figure(h, c.markets(), "Where the revenue was lost: listener countries, split by"
        + " subscription tier.");
    DrillDownSection.render(h, o.drillDown(), level(r));
    artistTable(h, r, o);
    releases(h, o);
    royalty(h, o);
    CardSection.render(h, r, o, c);
    h.append("</section>\n");
  }

  private static void headline(StringBuilder h, Report r, OutageReport o) {
    SegmentTotals all = o.totals("all").orElse(null);
    if (all == null) {
      h.append("<p>No artist had a baseline for this outage.</p>\n");
      return;
    }
    SegmentTotals em = o.totals(Segment.EMERGING.label()).orElse(null);
    h.append("<div class=\"headline\">\n");
    stat(h, "Lost plays", Formats.plays(all.lostPlays()), level(r) + " interval "
        + Formats.range(all.lostLow(), all.lostHigh(), Formats::plays) + " · "
        + Formats.pct(all.lostPct()) + " of " + Formats.plays(all.expectedPlays())
        + " expected");
    stat(h, "Lost revenue", Formats.usd(all.lostRevenue()), level(r) + " interval "
        + Formats.range(all.revenueLow(), all.revenueHigh(), Formats::usd));
    o.emergingRevenueShare().ifPresent(share -> stat(h, "Emerging artists' share of the loss",
        Formats.pct(share), "of lost revenue (" + Formats.usd(em.lostRevenue()) + "); "
            + Formats.pct(100 * em.lostPlays() / all.lostPlays()) + " of lost plays; "
            + Formats.plays(em.artists()) + " emerging artists"));
    SegmentTotals est = o.totals(Segment.ESTABLISHED.label()).orElse(null);
    if (em != null && est != null && em.playlistShareOfLost() != null
        && est.playlistShareOfLost() != null) {
      stat(h, "Emerging artists' loss from playlists", Formats.pct(em.playlistShareOfLost()),
          "of their lost plays were playlist plays, against "
              + Formats.pct(est.playlistShareOfLost()) + " for established artists; "
              + Formats.pct(em.playlistLostPct()) + " of their playlist plays went dark");
    }
    h.append("</div>\n");
  }

  private static void stat(StringBuilder h, String label, String value, String detail) {
    h.append("<div class=\"stat\"><div class=\"label\">").append(esc(label))
        .append("</div><div class=\"value\">").append(esc(value))
        .append("</div><div class=\"detail\">").append(esc(detail)).append("</div></div>\n");
  }

  private static void figure(StringBuilder h, Written w, String caption) {
    h.append("<figure>\n<img src=\"").append(esc(w.png())).append("\" width=\"")
        .append(w.width()).append("\" height=\"").append(w.height()).append("\" alt=\"")
        .append(esc(w.alt())).append("\">\n<figcaption>").append(esc(caption))
        .append(" <span class=\"files\"><a href=\"").append(esc(w.png()))
        .append("\">PNG</a> · <a href=\"").append(esc(w.svg()))
        .append("\">SVG</a></span></figcaption>\n</figure>\n");
  }

  private static void artistTable(StringBuilder h, Report r, OutageReport o) {
    h.append("<h3>Most affected artists</h3>\n<p class=\"note\">The ")
        .append(Math.min(TABLE_ROWS, o.mostAffected().size()))
        .append(" artists who lost the most revenue; click a heading to sort. All artists are"
            + " in <a href=\"../csv/artist_impact.csv\">artist_impact.csv</a>.</p>\n")
        .append("<table class=\"sortable\">\n<thead><tr><th>Artist</th><th>Segment</th>")
        .append("<th class=\"num\">Expected plays</th><th class=\"num\">Observed</th>")
        .append("<th class=\"num\">Lost plays</th><th class=\"num\">").append(level(r))
        .append(" interval</th><th class=\"num\">Lost %</th><th class=\"num\">Rebound</th>")
        .append("<th class=\"num\">Lost revenue</th></tr></thead>\n<tbody>\n");
    for (Artist a : o.mostAffected().subList(0, Math.min(TABLE_ROWS, o.mostAffected().size()))) {
      h.append("<tr").append(a.emerging() ? " class=\"emerging\"" : "").append("><td>")
          .append(name(a.label())).append("</td><td>").append(esc(a.segment())).append("</td>");
      num(h, a.expectedPlays(), Formats.plays(a.expectedPlays()));
      num(h, a.observedPlays(), Formats.plays(a.observedPlays()));
      num(h, a.lostPlays(), Formats.plays(a.lostPlays()));
      num(h, a.lostLow(), Formats.range(a.lostLow(), a.lostHigh(), Formats::plays));
      num(h, a.lostPct(), Formats.pct(a.lostPct()));
      num(h, a.rebound(), Formats.plays(a.rebound()));
      num(h, a.lostRevenue(), Formats.usd(a.lostRevenue()));
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void num(StringBuilder h, double sortValue, String text) {
    h.append("<td class=\"num\" data-v=\"").append(Double.isFinite(sortValue) ? sortValue : 0)
        .append("\">").append(esc(text)).append("</td>");
  }

  private static void releases(StringBuilder h, OutageReport o) {
    h.append("<h3>Releases that collided with the outage</h3>\n");
    if (!o.releases().isEmpty()) {
      h.append("<p class=\"note\">Releases that went live during the outage or in the days"
          + " before it, emerging artists first; <em>its lost plays</em> is the release's part"
          + " of its artist's loss.</p>\n");
    }
    if (o.releases().isEmpty()) {
      h.append("<p class=\"note\">No release went live during the outage or in the days before"
          + " it.</p>\n");
      return;
    }
    h.append("<table class=\"sortable\">\n<thead><tr><th>Artist</th><th>Segment</th>")
        .append("<th>Release</th><th>Went live (UTC)</th><th class=\"num\">First-week plays")
        .append("</th><th class=\"num\">Its lost plays</th><th class=\"num\">Interval</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Release rel : o.releases()) {
      h.append("<tr").append(emerging(rel.segment()) ? " class=\"emerging\"" : "")
          .append("><td>").append(name(rel.name() == null ? rel.artistId() : rel.name()))
          .append("</td><td>").append(esc(rel.segment())).append("</td><td>")
          .append(name(rel.item())).append("</td><td data-v=\"")
          .append(rel.releaseTs().toEpochMilli()).append("\">")
          .append(esc(Formats.when(rel.releaseTs()))).append("</td>");
      num(h, rel.firstWeekPlays(), Formats.plays(rel.firstWeekPlays()));
      double lost = rel.lostPlays() == null ? 0 : rel.lostPlays();
      num(h, lost, rel.lostPlays() == null ? "–" : Formats.plays(lost));
      num(h, rel.lostLow() == null ? 0 : rel.lostLow(), rel.lostLow() == null ? "–"
          : Formats.range(rel.lostLow(), rel.lostHigh(), Formats::plays));
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void royalty(StringBuilder h, OutageReport o) {
    h.append("<h3>Tracks the outage may push under the royalty threshold</h3>\n");
    if (o.royaltyRisks().isEmpty()) {
      h.append("<p class=\"note\">No track on pace for the threshold is put at risk by this"
          + " outage.</p>\n");
      return;
    }
    List<RoyaltyRisk> rows = o.royaltyRisks().subList(0, Math.min(TABLE_ROWS,
        o.royaltyRisks().size()));
    h.append("<p class=\"note\">Tracks whose 12-month pace is above the threshold, but not"
            + " clearly once their part of the loss is taken off; emerging artists first; ")
        .append(rows.size())
        .append(" of ").append(o.royaltyRisks().size()).append(" shown, all in <a href=\"")
        .append("../csv/royalty_risk.csv\">royalty_risk.csv</a>.</p>\n")
        .append("<table class=\"sortable\">\n<thead><tr><th>Artist</th><th>Segment</th>")
        .append("<th>Track</th><th class=\"num\">Plays per 12 months</th>")
        .append("<th class=\"num\">Low end</th><th class=\"num\">Lost (high end)</th>")
        .append("<th class=\"num\">Threshold</th></tr></thead>\n<tbody>\n");
    for (RoyaltyRisk k : rows) {
      h.append("<tr").append(emerging(k.segment()) ? " class=\"emerging\"" : "")
          .append("><td>").append(name(k.name() == null ? k.artistId() : k.name()))
          .append("</td><td>").append(esc(k.segment())).append("</td><td>")
          .append(name(k.trackId())).append("</td>");
      num(h, k.annualised(), Formats.plays(k.annualised()));
      num(h, k.annualisedLow(), Formats.plays(k.annualisedLow()));
      num(h, k.trackLostHigh(), Formats.decimal(k.trackLostHigh(), 1));
      num(h, k.threshold(), Formats.plays(k.threshold()));
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void files(StringBuilder h, Report r) {
    h.append("<section id=\"files\">\n<h2>Data files</h2>\n<p>Every number above comes from"
        + " these tables (Parquet under <code>tables/</code>, the same as CSV):</p>\n<ul>\n");
    for (String f : r.csvFiles()) {
      h.append("<li><a href=\"../csv/").append(esc(f)).append("\">").append(esc(f))
          .append("</a></li>\n");
    }
    h.append("<li><a href=\"../quarantine/rows.csv\">quarantine/rows.csv</a>: input rows that"
        + " could not be used, each with its file, line and reason</li>\n");
    h.append("<li><a href=\"../run.json\">run.json</a>: inputs, parameters, row counts and"
        + " timings</li>\n</ul>\n<p class=\"note\">Run id ").append(esc(r.runId()))
        .append(".</p>\n</section>\n");
  }

  private static boolean emerging(String segment) {
    return Segment.EMERGING.label().equals(segment);
  }

  private static String level(Report r) {
    return Formats.level(r.confidence());
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing report resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
