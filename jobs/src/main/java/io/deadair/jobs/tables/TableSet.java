package io.deadair.jobs.tables;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.contract.DrillDownTables;
import io.deadair.common.contract.OutputTables;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.Promotion;
import io.deadair.common.revenue.RateCard;
import io.deadair.common.stats.RankComparison;
import io.deadair.jobs.estimate.Estimates;
import io.deadair.jobs.estimate.Service;
import io.deadair.jobs.runfolder.OutputWriter;
import io.deadair.jobs.spark.DriverPool;
import io.deadair.jobs.tables.PromotionTables.Window;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes every result table of a run: the tables with rows per artist from one walk over the
 * cached results ({@link ArtistWalk}), in which the tasks also write the tables with a row per
 * artist and day; the summaries from rows made on the driver.
 */
public final class TableSet {

  private final SparkSession spark;
  private final OutputWriter writer;
  private final ImpactConfig config;
  private final RateCard rates;
  private final Service service;
  private final List<Promotion> promotions;

  public TableSet(SparkSession spark, OutputWriter writer, ImpactConfig config, RateCard rates,
      Service service, List<Promotion> promotions) {
    this.spark = spark;
    this.writer = writer;
    this.config = config;
    this.rates = rates;
    this.service = service;
    this.promotions = promotions;
  }

  /** What every table is made from. */
  private record Run(JavaRDD<ArtistResult> results, ArtistTables artists, Broadcast<Fitted> model,
      Estimates.Fit fit, OutageSums[] sums, Map<String, List<String>> cards,
      List<Window> windows) {}

  /**
   * Writes the tables, three at a time; returns the rows written per table.
   *
   * @param artistCount the number of artists in {@code results}
   */
  public Map<String, Long> write(JavaRDD<ArtistResult> results, long artistCount, Estimates.Fit fit,
      OutageSums[] sums, Map<String, RankComparison> tests) {
    Fitted fitted = fit.fitted();
    Broadcast<Fitted> model = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(fitted);
    Run run = new Run(results, new ArtistTables(model, config), model, fit, sums,
        SummaryTables.cards(sums, fitted.models()),
        PromotionTables.windows(fitted.models(), service.hourly()));
    // Rows per artist a table may have at most: three phases of every outage.
    long expectedRows = 3 * artistCount * fitted.models().size();
    boolean onDriver = expectedRows <= OutputWriter.DRIVER_SORT_ROWS;
    Map<TableSpec, ArtistWalk.Maker> perArtist = perArtist(run);
    Map<TableSpec, ArtistWalk.Walked<?>> walked = new LinkedHashMap<>();
    if (onDriver) {
      perArtist.forEach((spec, maker) -> walked.put(spec, ArtistWalk.rows(maker)));
    }
    walked.putAll(drillDown(run));
    // Each write is a few small Spark jobs whose driver-side planning can overlap another's
    // tasks on the executors; the walk goes first, since most of the driver's writing waits on it.
    try (DriverPool pool = new DriverPool("deadair-write", 3)) {
      Future<List<List<Row>>> rows = pool.submit(() -> walk(run, walked));
      List<Future<Long>> done = new ArrayList<>();
      summaries(run, tests).forEach(w -> done.add(pool.submit(w)));
      if (!onDriver) {
        perArtist.forEach((spec, maker) -> done.add(pool.submit(() -> writer.writeTable(spec,
            ArtistWalk.each(results, run.artists(), maker), expectedRows))));
      }
      Map<TableSpec, Future<Long>> fromWalk = writeWalked(pool, walked, DriverPool.get(rows));
      done.addAll(fromWalk.values());
      done.add(pool.submit(() -> labelFiles(fromWalk)));
      done.forEach(DriverPool::get);
    }
    return writer.rowCounts();
  }

  /**
   * Walks the artists for the {@code walked} tables and for the daily tables, which the tasks
   * write themselves ({@link DailyFiles}); returns the walked tables' rows, in their order.
   */
  private List<List<Row>> walk(Run run, Map<TableSpec, ArtistWalk.Walked<?>> walked) {
    List<ArtistWalk.Walked<?>> all = new ArrayList<>(walked.values());
    all.add(DailyFiles.walked(new DailyFiles.Setup(
        writer.taskFiles(DrillDownTables.ARTIST_DAILY_ADJUSTED),
        writer.taskFiles(DrillDownTables.TRACK_DAILY_ADJUSTED), run.windows(), run.model(),
        run.artists())));
    List<List<Row>> rows = ArtistWalk.walk(run.results(), run.artists(), all);
    Row daily = rows.get(walked.size()).get(0);
    writer.endTaskFiles(DrillDownTables.ARTIST_DAILY_ADJUSTED, daily.getLong(0));
    writer.endTaskFiles(DrillDownTables.TRACK_DAILY_ADJUSTED, daily.getLong(1));
    return rows.subList(0, walked.size());
  }

  /** The tables with rows per artist as they are. */
  private Map<TableSpec, ArtistWalk.Maker> perArtist(Run run) {
    Map<TableSpec, ArtistWalk.Maker> out = new LinkedHashMap<>();
    out.put(OutputTables.ARTIST_IMPACT, run.artists().impact());
    out.put(OutputTables.ARTIST_PHASE_METRICS, run.artists().phaseMetrics());
    out.put(OutputTables.RELEASE_IMPACT, run.artists().releases());
    out.put(OutputTables.ROYALTY_RISK, run.artists().royaltyRisk());
    out.put(DrillDownTables.PROMOTION_IMPACT, PromotionTables.promotionImpact(
        JavaSparkContext.fromSparkContext(spark.sparkContext()), promotions, run.windows(),
        run.model()));
    return out;
  }

  /**
   * The walked tables that say where the artists lost, whatever the run's size (their rows are
   * sums, or the artists above a size); the daily rows of the card artists last, kept for the
   * report rather than written.
   */
  private Map<TableSpec, ArtistWalk.Walked<?>> drillDown(Run run) {
    Set<String> carded = new HashSet<>();
    run.cards().values().forEach(carded::addAll);
    Map<TableSpec, ArtistWalk.Walked<?>> out = new LinkedHashMap<>();
    out.put(DrillDownTables.LABEL_IMPACT, LabelTables.labelImpact(run.fit().serviceError(),
        config.confidence()));
    out.put(DrillDownTables.ARTIST_MARKET_IMPACT, MarketTables.artistMarketImpact(run.model(),
        config.marketMinExpected(), run.cards()));
    out.put(DrillDownTables.ARTIST_DAILY_ADJUSTED, ArtistWalk.rows(AdjustedTables.artistDaily(
        carded, run.windows(), run.model())));
    return out;
  }

  /**
   * Writes the walked tables' rows, each on a pool thread; keeps the card artists' days. Returns
   * the writes.
   */
  private Map<TableSpec, Future<Long>> writeWalked(DriverPool pool,
      Map<TableSpec, ArtistWalk.Walked<?>> walked, List<List<Row>> rows) {
    Map<TableSpec, Future<Long>> out = new LinkedHashMap<>();
    int i = 0;
    for (TableSpec spec : walked.keySet()) {
      List<Row> r = rows.get(i++);
      if (spec.equals(DrillDownTables.ARTIST_DAILY_ADJUSTED)) {
        writer.keep(spec, r);
      } else {
        out.put(spec, pool.submit(() -> writer.writeTable(spec, r)));
      }
    }
    return out;
  }

  /** Writes the label files once artist_impact and label_impact are; returns how many. */
  private long labelFiles(Map<TableSpec, Future<Long>> fromWalk) {
    Future<Long> impact = fromWalk.get(OutputTables.ARTIST_IMPACT);
    if (impact == null) {
      return 0; // artist_impact too large for the driver: no label files (LabelFiles)
    }
    DriverPool.get(impact);
    DriverPool.get(fromWalk.get(DrillDownTables.LABEL_IMPACT));
    return LabelFiles.write(writer);
  }

  /** The tables made on the driver from the summed outages. */
  private List<Callable<Long>> summaries(Run run, Map<String, RankComparison> tests) {
    Fitted fitted = run.fit().fitted();
    Map<String, Double> serviceError = run.fit().serviceError();
    double confidence = config.confidence();
    OutageSums[] sums = run.sums();
    return List.of(
        () -> writer.writeTable(OutputTables.SEGMENT_SUMMARY, SummaryTables.segmentSummary(sums,
            fitted.models(), serviceError, tests, confidence)),
        () -> writer.writeTable(OutputTables.TIMELINE, SummaryTables.timeline(sums, fitted,
            service.hourly(), serviceError, confidence)),
        () -> writer.writeTable(OutputTables.ARTIST_TIMELINE, SummaryTables.artistTimeline(
            run.results(), run.cards(), fitted, service.hourly(), serviceError, confidence)),
        () -> writer.writeTable(OutputTables.REVENUE_BY_MARKET, SummaryTables.revenueByMarket(
            sums, fitted.models(), rates)));
  }
}
