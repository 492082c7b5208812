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
import java.util.ArrayList;
import java.util.HashSet;
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
 * Writes every result table of a run: those with rows per artist from the cached results on the
 * executors, the summaries from rows made on the driver.
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

  /** Rows per artist a table may have at most: three phases of every outage. */
  private long expectedRows;

  /**
   * Writes the tables, three at a time; returns the rows written per table.
   *
   * @param artistCount the number of artists in {@code results}
   */
  public Map<String, Long> write(JavaRDD<ArtistResult> results, long artistCount, Estimates.Fit fit,
      OutageSums[] sums, Map<String, RankComparison> tests) {
    expectedRows = 3 * artistCount * fit.fitted().models().size();
    Fitted fitted = fit.fitted();
    Broadcast<Fitted> model = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(fitted);
    ArtistTables artists = new ArtistTables(model, config);
    double confidence = config.confidence();
    Map<String, Double> serviceError = fit.serviceError();
    List<Callable<Long>> writes = new ArrayList<>(List.of(
        () -> write(OutputTables.ARTIST_IMPACT, artists.impact(results)),
        () -> write(OutputTables.ARTIST_PHASE_METRICS, artists.phaseMetrics(results)),
        () -> write(OutputTables.SEGMENT_SUMMARY, SummaryTables.segmentSummary(sums,
            fitted.models(), serviceError, tests, confidence)),
        () -> write(OutputTables.TIMELINE, SummaryTables.timeline(sums, fitted, service.hourly(),
            serviceError, confidence)),
        () -> write(OutputTables.ARTIST_TIMELINE, SummaryTables.artistTimeline(results,
            SummaryTables.cards(sums, fitted.models()), fitted, service.hourly(), serviceError,
            confidence)),
        () -> write(OutputTables.REVENUE_BY_MARKET, SummaryTables.revenueByMarket(sums,
            fitted.models(), rates)),
        () -> write(OutputTables.RELEASE_IMPACT, artists.releases(results)),
        () -> write(OutputTables.ROYALTY_RISK, artists.royaltyRisk(results))));
    // Each drill-down table works the artists' finished estimates out again: caching them
    // cost four times as much at 20 M plays (they hold the whole per-artist results).
    JavaRDD<List<ArtistTables.Finished>> finished = results.map(artists::finish);
    writes.addAll(drillDown(finished, artists, model, serviceError,
        SummaryTables.cards(sums, fitted.models())));
    // Each write is a few small Spark jobs whose driver-side planning can overlap another's
    // tasks on the executors.
    try (DriverPool pool = new DriverPool("deadair-write", 3)) {
      List<Future<Long>> done = new ArrayList<>();
      for (Callable<Long> w : writes) {
        done.add(pool.submit(w));
      }
      done.forEach(DriverPool::get);
    }
    LabelFiles.write(writer);
    return writer.rowCounts();
  }

  private long write(TableSpec spec, JavaRDD<Row> rows) {
    return writer.writeTable(spec, rows, expectedRows);
  }

  /** The writes of the tables that say where and how the artists lost. */
  private List<Callable<Long>> drillDown(JavaRDD<List<ArtistTables.Finished>> finished,
      ArtistTables artists, Broadcast<Fitted> model, Map<String, Double> serviceError,
      Map<String, List<String>> cards) {
    List<PromotionTables.Window> windows = PromotionTables.windows(model.value().models(),
        service.hourly());
    return List.of(
        () -> write(DrillDownTables.LABEL_IMPACT, LabelTables.labelImpact(finished,
            serviceError, config.confidence())),
        () -> write(DrillDownTables.ARTIST_MARKET_IMPACT, MarketTables.artistMarketImpact(
            finished, model, config.marketMinExpected(), cards)),
        () -> write(DrillDownTables.PROMOTION_IMPACT, PromotionTables.promotionImpact(finished,
            promotions, windows, model)),
        () -> {
          // The report draws the days of the card artists only: keep theirs on the driver.
          Set<String> carded = new HashSet<>();
          cards.values().forEach(carded::addAll);
          writer.keep(DrillDownTables.ARTIST_DAILY_ADJUSTED, AdjustedTables.artistDaily(
              finished.filter(fs -> !fs.isEmpty()
                  && carded.contains(fs.get(0).artist().artistId())), windows, model)
              .collect());
          return writeDaily(DrillDownTables.ARTIST_DAILY_ADJUSTED,
              AdjustedTables.artistDaily(finished, windows, model));
        },
        () -> writeDaily(DrillDownTables.TRACK_DAILY_ADJUSTED, AdjustedTables.trackDaily(
            finished, windows, model, artists)));
  }

  /**
   * A table with a row per artist (or track) and day, which grows with artists times days: it
   * is written by the executors, never gathered on the driver.
   */
  private long writeDaily(TableSpec spec, JavaRDD<Row> rows) {
    return writer.writeDistributed(spec, rows);
  }

  private long write(TableSpec spec, List<Row> rows) {
    return writer.writeTable(spec, rows);
  }
}
