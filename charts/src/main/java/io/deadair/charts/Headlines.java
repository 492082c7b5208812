package io.deadair.charts;

import io.deadair.charts.ReportModel.Outage;
import io.deadair.charts.ReportModel.OutageReport;
import io.deadair.charts.ReportModel.Report;
import io.deadair.charts.ReportModel.SegmentTotals;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers the report opens with, one line per outage, for the end of a run's console
 * output: what the outage cost in plays and revenue with their intervals, and how much of the
 * lost revenue fell on emerging artists. Whoever ran the job sees them without opening the page.
 */
public final class Headlines {

  private Headlines() {}

  public static List<String> of(Report r) {
    List<String> out = new ArrayList<>();
    for (OutageReport o : r.outages()) {
      Outage w = o.outage();
      StringBuilder s = new StringBuilder(w.id()).append(" (")
          .append(Formats.window(w.start(), w.end())).append("; countries ")
          .append(Formats.scope(w.countries())).append("; platforms ")
          .append(Formats.scope(w.platforms())).append("): ");
      SegmentTotals all = o.totals("all").orElse(null);
      if (all == null) {
        out.add(s.append("no artist had a baseline").toString());
        continue;
      }
      String level = Formats.level(r.confidence()) + " interval ";
      s.append(Formats.plays(all.lostPlays())).append(" plays lost (").append(level)
          .append(Formats.range(all.lostLow(), all.lostHigh(), Formats::plays)).append("), ")
          .append(Formats.usd(all.lostRevenue())).append(" of revenue (").append(level)
          .append(Formats.range(all.revenueLow(), all.revenueHigh(), Formats::usd)).append(")");
      o.emergingRevenueShare().ifPresent(share -> s.append("; emerging artists ")
          .append(Formats.pct(share)).append(" of the lost revenue"));
      out.add(s.toString());
    }
    return out;
  }
}
