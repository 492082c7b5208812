package io.deadair.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.charts.ReportModel.OutageReport;
import io.deadair.charts.ReportModel.Report;
import io.deadair.charts.ReportModel.SegmentTotals;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlinesTest {

  @Test
  void eachOutageGetsItsCostWithIntervalsAndTheEmergingShare() {
    // The fixture loses 24,000 plays (23,000-25,000) and $108 ($100-$116), $11 of it emerging.
    assertThat(Headlines.of(Fixtures.report())).containsExactly("global-<1> (Wed 4 Mar 2026,"
        + " 18:00–21:00 UTC; countries all; platforms ios, android): 24,000 plays lost"
        + " (95 % interval 23,000 – 25,000), $108 of revenue (95 % interval $100 – $116);"
        + " emerging artists 10.2 % of the lost revenue");
  }

  @Test
  void anOutageWithoutRevenueOrBaselineSaysSo() {
    OutageReport o = Fixtures.outageReport();
    OutageReport free = new OutageReport(o.outage(), o.timeline(), List.of(
        new SegmentTotals("all", 10, 300, 240, 200, 280, 0, 0, 0),
        new SegmentTotals("emerging", 5, 30, 25, 20, 30, 0, 0, 0)), o.shareTest(), o.phases(),
        o.spreads(), o.mostAffected(), o.topEmerging(), o.markets(), o.releases(),
        o.royaltyRisks(), o.cards());
    OutageReport none = new OutageReport(o.outage(), o.timeline(), List.of(), o.shareTest(),
        o.phases(), o.spreads(), o.mostAffected(), o.topEmerging(), o.markets(), o.releases(),
        o.royaltyRisks(), o.cards());
    Report r = Fixtures.report();
    List<String> lines = Headlines.of(new Report(r.runId(), r.generated(), r.inputs(),
        r.confidence(), r.minExpectedForShare(), List.of(free, none), r.csvFiles(),
        r.dataNotes(), r.detection()));
    assertThat(lines.get(0)).as("no revenue lost: no share of it")
        .endsWith("240 plays lost (95 % interval 200 – 280), $0.00 of revenue"
            + " (95 % interval $0.00 – $0.00)");
    assertThat(lines.get(1)).endsWith("): no artist had a baseline");
  }
}
