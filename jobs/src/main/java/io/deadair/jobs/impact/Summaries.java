package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_interval;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.contract.Contract;
import io.deadair.common.domain.Segment;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.WindowSpec;
import io.deadair.common.stats.Calibration;
import io.deadair.common.stats.PoissonBounds;
import io.deadair.common.stats.RankComparison;
import io.deadair.jobs.spark.SparkSchemas;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The output tables built from the per-artist estimates. */
final class Summaries {

  static final String ALL = "all";

  private Summaries() {}

  /** artist_impact, in the contract's column order. */
  static Dataset<Row> artistImpact(Dataset<Row> est) {
    Column expected = col("expected_in").plus(col("out_observed"));
    Column lost = col("expected_in").minus(col("in_observed"));
    Column rebound = col("after_observed").minus(col("expected_after"));
    return est.select(
            col("outage_id"), col("artist_id"), col("artist_name"), col("segment"),
            expected.as("expected_plays"),
            round(col("in_observed").plus(col("out_observed"))).cast("long")
                .as("observed_plays"),
            lost.as("lost_plays"),
            lost.minus(col("half")).as("lost_plays_low"),
            lost.plus(col("half")).as("lost_plays_high"),
            when(expected.gt(0), lost.divide(expected).multiply(100)).as("lost_pct"),
            rebound.as("rebound_plays"),
            lost.minus(rebound).as("net_lost_plays"),
            lost.multiply(col("usd_per_play")).as("lost_revenue_usd"),
            lost.minus(col("half")).multiply(col("usd_per_play")).as("lost_revenue_low_usd"),
            lost.plus(col("half")).multiply(col("usd_per_play")).as("lost_revenue_high_usd"))
        .orderBy(col("outage_id"), col("lost_plays").desc(), col("artist_id"));
  }

  /** Mann-Whitney per outage: did emerging artists lose a larger share than established ones? */
  static Map<String, RankComparison> shareTests(Dataset<Row> impact, ImpactConfig config) {
    Map<String, List<Double>> emerging = new HashMap<>();
    Map<String, List<Double>> established = new HashMap<>();
    for (Row r : impact.filter(col("expected_plays").geq(config.minExpectedForShare())
            .and(col("lost_pct").isNotNull())
            .and(col("segment").isin(Segment.EMERGING.label(), Segment.ESTABLISHED.label())))
        .select("outage_id", "segment", "lost_pct").collectAsList()) {
      var target = r.getString(1).equals(Segment.EMERGING.label()) ? emerging : established;
      target.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getDouble(2));
    }
    Map<String, RankComparison> out = new HashMap<>();
    for (String id : emerging.keySet()) {
      RankComparison c = RankComparison.of(
          emerging.get(id).stream().mapToDouble(Double::doubleValue).toArray(),
          established.getOrDefault(id, List.of()).stream().mapToDouble(Double::doubleValue)
              .toArray());
      if (c != null) {
        out.put(id, c);
      }
    }
    return out;
  }

  /** segment_summary: one row per (outage, segment) and one for the whole service. */
  static Dataset<Row> segmentSummary(SparkSession spark, Dataset<Row> impact, Dataset<Row> est,
      Map<String, Double> serviceError, Map<String, RankComparison> tests, ImpactConfig config) {
    double zq = Calibration.normalQuantile(config.confidence());
    Dataset<Row> rows = impact.join(est.select("outage_id", "artist_id", "half", "expected_in",
        "usd_per_play"), new String[] {"outage_id", "artist_id"});
    Dataset<Row> bySegment = aggregate(rows.groupBy("outage_id", "segment"), config);
    Dataset<Row> all = aggregate(rows.groupBy("outage_id"), config)
        .withColumn("segment", lit(ALL));
    StructType extra = new StructType()
        .add("outage_id", DataTypes.StringType)
        .add("service_error", DataTypes.DoubleType)
        .add("mwu_emerging_n", DataTypes.IntegerType)
        .add("mwu_established_n", DataTypes.IntegerType)
        .add("mwu_u", DataTypes.DoubleType)
        .add("mwu_p_value", DataTypes.DoubleType)
        .add("mwu_p_emerging_larger", DataTypes.DoubleType)
        .add("prob_emerging_larger", DataTypes.DoubleType)
        .add("rank_biserial", DataTypes.DoubleType);
    List<Row> extras = new ArrayList<>();
    serviceError.forEach((id, err) -> {
      RankComparison t = tests.get(id);
      extras.add(t == null ? RowFactory.create(id, err, null, null, null, null, null, null, null)
          : RowFactory.create(id, err, t.nFirst(), t.nSecond(), t.uFirst(), t.pTwoSided(),
              t.pFirstLarger(), t.probabilityFirstLarger(), t.rankBiserial()));
    });
    Column half = sqrt(col("half_sq").plus(pow(col("service_error").multiply(zq)
        .multiply(col("expected_in_sum")), 2)));
    Column halfUsd = sqrt(col("half_usd_sq").plus(pow(col("service_error").multiply(zq)
        .multiply(col("expected_in_usd")), 2)));
    return bySegment.unionByName(all)
        .join(broadcast(spark.createDataFrame(extras, extra)), new String[] {"outage_id"}, "left")
        .na().fill(0.0, new String[] {"service_error"})
        .select(col("outage_id"), col("segment"), col("artists"), col("expected_plays"),
            col("lost_plays"), col("lost_plays").minus(half).as("lost_plays_low"),
            col("lost_plays").plus(half).as("lost_plays_high"),
            when(col("expected_plays").gt(0),
                col("lost_plays").divide(col("expected_plays")).multiply(100)).as("lost_pct"),
            col("median_lost_pct"), col("lost_revenue_usd"),
            col("lost_revenue_usd").minus(halfUsd).as("lost_revenue_low_usd"),
            col("lost_revenue_usd").plus(halfUsd).as("lost_revenue_high_usd"),
            col("mwu_emerging_n"),
            col("mwu_established_n"), col("mwu_u"), col("mwu_p_value"),
            col("mwu_p_emerging_larger"), col("prob_emerging_larger"), col("rank_biserial"))
        .orderBy(col("outage_id"), segmentOrder(col("segment")));
  }

  private static Dataset<Row> aggregate(
      org.apache.spark.sql.RelationalGroupedDataset g, ImpactConfig config) {
    return g.agg(count(lit(1)).as("artists"),
        sum("expected_plays").as("expected_plays"),
        sum("lost_plays").as("lost_plays"),
        sum(pow(col("half"), 2)).as("half_sq"),
        sum("expected_in").as("expected_in_sum"),
        sum(pow(col("half").multiply(col("usd_per_play")), 2)).as("half_usd_sq"),
        sum(col("expected_in").multiply(col("usd_per_play"))).as("expected_in_usd"),
        percentile_approx(when(col("expected_plays").geq(config.minExpectedForShare()),
            col("lost_pct")), lit(0.5), lit(10_000)).as("median_lost_pct"),
        sum("lost_revenue_usd").as("lost_revenue_usd"));
  }

  static Column segmentOrder(Column segment) {
    return when(segment.equalTo(ALL), 0).when(segment.equalTo(Segment.EMERGING.label()), 1)
        .when(segment.equalTo(Segment.MID.label()), 2).otherwise(3);
  }

  /**
   * timeline: per outage and hour, observed plays against expected with its band, for the whole
   * service and each segment. Expected is the service counterfactual of each group times the
   * segment's summed artist shares and levels, so it needs no per-artist hourly rows.
   */
  static Dataset<Row> timeline(SparkSession spark, Dataset<Row> hourly, Dataset<Row> est,
      Dataset<Row> segments, Estimation.Service service, Calibration calibration,
      Map<String, Double> serviceError, ImpactConfig config) {
    List<String> series = new ArrayList<>(List.of(ALL));
    for (Segment s : Segment.values()) {
      series.add(s.label());
    }
    Map<String, List<String>> perOutage = new HashMap<>();
    service.models().forEach(m -> perOutage.put(m.outage().id(), series));
    return spark.createDataFrame(hourlySeries(spark, hourly, segments.select(col("outage_id"),
        col("artist_id"), col("segment").as("series")), "left",
        est.withColumn("series", col("segment")), perOutage, service, calibration, serviceError,
        config), SparkSchemas.of(Contract.TIMELINE));
  }

  /**
   * artist_timeline: the same series for each highlighted artist alone, for the artist cards:
   * the top {@code cards_per_outage} emerging artists of each outage by lost revenue, and every
   * artist of {@code highlight_artists}.
   */
  static Dataset<Row> artistTimeline(SparkSession spark, Dataset<Row> hourly, Dataset<Row> est,
      Dataset<Row> impact, Estimation.Service service, Calibration calibration,
      Map<String, Double> serviceError, ImpactConfig config) {
    Map<String, List<String>> cards = highlighted(impact, config);
    List<Row> keys = new ArrayList<>();
    cards.forEach((o, artists) -> artists.forEach(a -> keys.add(RowFactory.create(o, a))));
    Dataset<Row> chosen = broadcast(spark.createDataFrame(keys, new StructType()
        .add("outage_id", DataTypes.StringType).add("artist_id", DataTypes.StringType)));
    String[] on = {"outage_id", "artist_id"};
    return spark.createDataFrame(hourlySeries(spark, hourly,
        chosen.withColumn("series", col("artist_id")), "inner", est.join(chosen, on).withColumn("series", col("artist_id")), cards, service,
        calibration, serviceError, config), SparkSchemas.of(Contract.ARTIST_TIMELINE));
  }

  /** The artists that get a card, per outage, best first. */
  static Map<String, List<String>> highlighted(Dataset<Row> impact, ImpactConfig config) {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    Column emerging = col("segment").equalTo(Segment.EMERGING.label());
    Column listed = col("artist_id").isin(config.highlightArtists().toArray());
    org.apache.spark.sql.expressions.WindowSpec byLoss = org.apache.spark.sql.expressions.Window
        .partitionBy("outage_id").orderBy(col("lost_revenue_usd").desc(), col("artist_id"));
    for (Row r : impact.filter(emerging).withColumn("rank",
            org.apache.spark.sql.functions.row_number().over(byLoss))
        .filter(col("rank").leq(config.cardsPerOutage()))
        .select(col("outage_id"), col("artist_id"), col("rank"))
        .unionByName(impact.filter(listed).select(col("outage_id"), col("artist_id"),
            lit(Integer.MAX_VALUE).as("rank")))
        .orderBy("outage_id", "rank", "artist_id").collectAsList()) {
      List<String> ids = out.computeIfAbsent(r.getString(0), k -> new ArrayList<>());
      if (!ids.contains(r.getString(1))) {
        ids.add(r.getString(1));
      }
    }
    return out;
  }

  /**
   * Observed against expected, hour by hour around each outage, for each series an outage lists
   * ({@value #ALL} sums them all). {@code keys} gives the series of each (outage, artist), joined
   * to the hourly cube with {@code join}; {@code est} carries it in a {@code series} column. The
   * band is the counterfactual's
   * calibrated interval hour by hour, with the series' level uncertainty and the service error.
   */
  private static List<Row> hourlySeries(SparkSession spark, Dataset<Row> hourly,
      Dataset<Row> keys, String join, Dataset<Row> est, Map<String, List<String>> seriesPerOutage, Estimation.Service service,
      Calibration calibration, Map<String, Double> serviceError, ImpactConfig config) {
    Map<String, Map<String, Map<Integer, Double>>> lambda = new HashMap<>();
    for (Row r : est.select(col("outage_id"), col("series"), col("level"),
            explode(col("shares")).as(new String[] {"g", "pi"}))
        .groupBy("outage_id", "series", "g").agg(sum(col("level").multiply(col("pi"))))
        .collectAsList()) {
      lambda.computeIfAbsent(r.getString(0), k -> new HashMap<>())
          .computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getInt(2), r.getDouble(3));
    }
    Map<String, double[]> modelVar = new HashMap<>();
    for (Row r : est.groupBy("outage_id", "series").agg(sum("model_var"), sum("expected_in"))
        .collectAsList()) {
      modelVar.put(r.getString(0) + "|" + r.getString(1),
          new double[] {r.getDouble(2), r.getDouble(3)});
    }
    StructType hoursSchema = new StructType().add("outage_id", DataTypes.StringType)
        .add("hour", DataTypes.LongType);
    List<Row> hours = new ArrayList<>();
    for (OutageModel m : service.models()) {
      WindowSpec w = m.windows().get(0);
      for (long h = w.start() - io.deadair.common.model.ServiceModel.TIMELINE_HOURS_BEFORE;
          h < w.afterEnd(); h++) {
        hours.add(RowFactory.create(m.outage().id(), h));
      }
    }
    Map<String, Double> observed = new HashMap<>();
    for (Row r : hourly.join(broadcast(spark.createDataFrame(hours, hoursSchema)), "hour")
        .join(keys, new String[] {"outage_id", "artist_id"}, join)
        .groupBy("outage_id", "series", "hour").agg(sum("plays")).collectAsList()) {
      if (!r.isNullAt(1)) {
        observed.merge(r.getString(0) + "|" + r.getString(1) + "|" + r.getLong(2),
            r.getDouble(3), Double::sum);
      }
      observed.merge(r.getString(0) + "|" + ALL + "|" + r.getLong(2), r.getDouble(3),
          Double::sum);
    }
    double zq = Calibration.normalQuantile(config.confidence());
    List<Row> out = new ArrayList<>();
    for (OutageModel m : service.models()) {
      String id = m.outage().id();
      WindowSpec w = m.windows().get(0);
      Map<Integer, Map<Long, Double>> sStar = service.hourly().get(id);
      double err = serviceError.getOrDefault(id, 0.0);
      for (String s : seriesPerOutage.getOrDefault(id, List.of())) {
        double[] mv = ALL.equals(s) ? sumAll(modelVar, id) : modelVar.getOrDefault(id + "|" + s,
            new double[2]);
        double rel = mv[1] > 0 ? Math.sqrt(mv[0]) / mv[1] : 0;
        for (long h = w.start() - io.deadair.common.model.ServiceModel.TIMELINE_HOURS_BEFORE;
            h < w.afterEnd(); h++) {
          double e = expectedAt(lambda.getOrDefault(id, Map.of()), s, sStar, h);
          double sd = Math.sqrt(e + rel * rel * e * e);
          double half = Math.hypot(calibration.halfWidth(e, sd), zq * err * e);
          out.add(RowFactory.create(id, s, Timestamp.from(Instant.ofEpochSecond(h * 3600)),
              observed.getOrDefault(id + "|" + s + "|" + h, 0.0), e, Math.max(0, e - half),
              e + half));
        }
      }
    }
    return out;
  }

  /**
   * revenue_by_market: each artist's lost plays split over (country, tier) by the weights its
   * revenue was computed with, summed per outage and valued on the rate card on the driver (the
   * result has one row per market).
   */
  static Dataset<Row> revenueByMarket(SparkSession spark, Dataset<Row> impact, Dataset<Row> est,
      io.deadair.common.revenue.RateCard rates) {
    Column part = col("lost_plays").multiply(col("w"));
    List<Row> out = new ArrayList<>();
    for (Row r : impact.select("outage_id", "artist_id", "segment", "lost_plays")
        .join(est.select(col("outage_id"), col("artist_id"),
            explode(col("markets")).as(new String[] {"market", "w"})),
            new String[] {"outage_id", "artist_id"})
        .groupBy("outage_id", "market")
        .agg(sum(part), sum(when(col("segment").equalTo(Segment.EMERGING.label()), part)
            .otherwise(0.0)))
        .orderBy("outage_id", "market").collectAsList()) {
      String[] market = r.getString(1).split("\\|", 2);
      double rate = rates.rate(market[0].equals("*") ? null : market[0],
          market[1].equals("*") ? null : market[1]);
      out.add(RowFactory.create(r.getString(0), market[0], market[1], r.getDouble(2),
          r.getDouble(2) * rate, r.getDouble(3) * rate));
    }
    return spark.createDataFrame(out, SparkSchemas.of(Contract.REVENUE_BY_MARKET));
  }

  private static double[] sumAll(Map<String, double[]> modelVar, String id) {
    double[] t = new double[2];
    modelVar.forEach((k, v) -> {
      if (k.startsWith(id + "|")) {
        t[0] += v[0];
        t[1] += v[1];
      }
    });
    return t;
  }

  private static double expectedAt(Map<String, Map<Integer, Double>> lambda, String series,
      Map<Integer, Map<Long, Double>> sStar, long hour) {
    double e = 0;
    for (Map.Entry<String, Map<Integer, Double>> seg : lambda.entrySet()) {
      if (!ALL.equals(series) && !seg.getKey().equals(series)) {
        continue;
      }
      for (Map.Entry<Integer, Double> g : seg.getValue().entrySet()) {
        Map<Long, Double> s = sStar.get(g.getKey());
        if (s != null) {
          e += g.getValue() * s.getOrDefault(hour, 0.0);
        }
      }
    }
    return e;
  }

  /**
   * release_impact: releases that went live during an outage or in the days before it, with the
   * track's first-week plays and its part of the artist's loss (by its share of the artist's plays
   * since release).
   */
  static Dataset<Row> releaseImpact(SparkSession spark, Dataset<Row> releases,
      Dataset<Row> trackDaily, Dataset<Row> impact, List<OutageModel> models,
      ImpactConfig config) {
    Dataset<Row> rel = releases.crossJoin(broadcast(outageDays(spark, models)))
        .filter(col("release_ts").geq(col("start_ts").minus(make_interval(lit(0), lit(0),
                lit(0), lit(config.releaseLookbackDays()), lit(0), lit(0), lit(0))))
            .and(col("release_ts").lt(col("end_ts"))))
        .withColumn("release_day", to_date(col("release_ts")))
        .withColumn("rid", monotonically_increasing_id())
        .cache();
    Column firstWeek = col("day").between(col("release_day"), date_add(col("release_day"), 6));
    Column sinceRelease = col("day").between(col("release_day"), col("start_day"));
    Dataset<Row> artistDays = trackDaily.groupBy("artist_id", "day").agg(sum("plays")
        .as("plays"));
    Dataset<Row> artistSide = rel.join(artistDays, new String[] {"artist_id"})
        .groupBy("rid").agg(sum(when(firstWeek, col("plays"))).as("artist_first_week"),
            sum(when(sinceRelease, col("plays"))).as("artist_since"));
    Dataset<Row> trackSide = rel.join(trackDaily, new String[] {"artist_id", "track_id"})
        .groupBy("rid").agg(sum(when(firstWeek, col("plays"))).as("track_first_week"),
            sum(when(sinceRelease, col("plays"))).as("track_since"));
    // An album release (no track id) counts all of the artist's plays.
    Column isTrack = col("track_id").isNotNull();
    Column share = when(isTrack, when(col("artist_since").gt(0),
        coalesce(col("track_since"), lit(0.0)).divide(col("artist_since")))).otherwise(lit(1.0));
    return rel.join(artistSide, new String[] {"rid"}, "left").join(trackSide, new String[] {"rid"}, "left")
        .join(impact, new String[] {"outage_id", "artist_id"})
        .withColumn("share", share)
        .select(col("outage_id"), col("artist_id"), col("artist_name"), col("segment"),
            col("track_id"), col("album_id"), col("release_ts"),
            round(coalesce(when(isTrack, col("track_first_week"))
                .otherwise(col("artist_first_week")), lit(0.0))).cast("long")
                .as("first_week_plays"),
            col("share").as("share_of_artist_plays"),
            col("expected_plays").multiply(col("share")).as("expected_plays"),
            col("lost_plays").multiply(col("share")).as("lost_plays"),
            col("lost_plays_low").multiply(col("share")).as("lost_plays_low"),
            col("lost_plays_high").multiply(col("share")).as("lost_plays_high"))
        .orderBy(col("outage_id"), col("lost_plays").desc_nulls_last(), col("artist_id"));
  }

  /** One row per outage: its start and end instants and UTC start day. */
  private static Dataset<Row> outageDays(SparkSession spark, List<OutageModel> models) {
    StructType schema = new StructType()
        .add("outage_id", DataTypes.StringType)
        .add("start_ts", DataTypes.TimestampType)
        .add("end_ts", DataTypes.TimestampType)
        .add("baseline_start_ts", DataTypes.TimestampType);
    List<Row> rows = new ArrayList<>();
    for (OutageModel m : models) {
      rows.add(RowFactory.create(m.outage().id(), Timestamp.from(m.outage().start()),
          Timestamp.from(m.outage().end()),
          Timestamp.from(Instant.ofEpochSecond(m.baselineStart() * 3600))));
    }
    return spark.createDataFrame(rows, schema)
        .withColumn("start_day", to_date(col("start_ts")))
        .withColumn("baseline_start_day", to_date(col("baseline_start_ts")));
  }

  /**
   * royalty_risk: tracks whose 12-month pace, from the baseline, is above the royalty threshold
   * but not clearly so once the outage's loss (its upper end) is taken off: the lower end of the
   * pace's own 95 % interval minus the track's share of the loss falls below the threshold.
   */
  static Dataset<Row> royaltyRisk(SparkSession spark, Dataset<Row> trackDaily,
      Dataset<Row> impact, List<OutageModel> models, ImpactConfig config) {
    double perYear = 365.0 / config.baselineDays();
    double conf = config.confidence();
    spark.udf().register("deadair_poisson_low",
        (UDF2<Double, Double, Double>) (n, scale) -> PoissonBounds.lower(Math.round(n), conf)
            * scale, DataTypes.DoubleType);
    Dataset<Row> base = trackDaily.crossJoin(broadcast(outageDays(spark, models)))
        .filter(col("day").geq(col("baseline_start_day")).and(col("day").lt(col("start_day"))));
    Dataset<Row> tracks = base.groupBy("outage_id", "artist_id", "track_id")
        .agg(sum("plays").as("baseline_plays"));
    Dataset<Row> artists = base.groupBy("outage_id", "artist_id")
        .agg(sum("plays").as("artist_baseline_plays"));
    long threshold = config.royaltyThreshold();
    Column share = col("baseline_plays").divide(col("artist_baseline_plays"));
    Column annual = col("baseline_plays").multiply(perYear);
    Column low = call_udf("deadair_poisson_low", col("baseline_plays"), lit(perYear));
    Column lostHigh = greatest(lit(0.0), col("lost_plays_high").multiply(share));
    return tracks.join(artists, new String[] {"outage_id", "artist_id"})
        .join(impact, new String[] {"outage_id", "artist_id"})
        .select(col("outage_id"), col("artist_id"), col("artist_name"), col("segment"),
            col("track_id"), round(col("baseline_plays")).cast("long").as("baseline_plays"),
            annual.as("annualised_plays"), low.as("annualised_low"),
            greatest(lit(0.0), col("lost_plays").multiply(share)).as("track_lost_plays"),
            lostHigh.as("track_lost_plays_high"), lit(threshold).as("threshold_plays"))
        .filter(col("annualised_plays").geq(threshold)
            .and(col("annualised_low").minus(col("track_lost_plays_high")).lt(threshold)))
        .orderBy(col("outage_id"), col("annualised_plays"));
  }
}
