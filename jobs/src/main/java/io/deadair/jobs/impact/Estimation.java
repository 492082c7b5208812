package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.model.ArtistCells;
import io.deadair.common.model.ArtistModel;
import io.deadair.common.model.ArtistWindowStats;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.ServiceModel;
import io.deadair.common.revenue.RateCard;
import io.deadair.common.stats.Calibration;
import io.deadair.common.stats.LevelEstimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The estimator on Spark: the service counterfactual on the driver (small), the per-artist step
 * distributed over artists, the level prior and the placebo calibration learned across artists,
 * and finally each artist's expected plays with a calibrated interval.
 */
final class Estimation {

  static final StructType STATS = new StructType()
      .add("window_id", DataTypes.StringType)
      .add("outage_id", DataTypes.StringType)
      .add("placebo_days_back", DataTypes.IntegerType)
      .add("artist_id", DataTypes.StringType)
      .add("recent_observed", DataTypes.DoubleType)
      .add("recent_base", DataTypes.DoubleType)
      .add("in_observed", DataTypes.DoubleType)
      .add("in_base", DataTypes.DoubleType)
      .add("out_observed", DataTypes.DoubleType)
      .add("after_observed", DataTypes.DoubleType)
      .add("after_base", DataTypes.DoubleType)
      .add("baseline_plays", DataTypes.DoubleType)
      .add("usd_per_play", DataTypes.DoubleType)
      .add("shares", DataTypes.createMapType(DataTypes.IntegerType, DataTypes.DoubleType))
      .add("markets", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));

  static final StructType PREDICTION = new StructType()
      .add("level", DataTypes.DoubleType)
      .add("expected_in", DataTypes.DoubleType)
      .add("sd", DataTypes.DoubleType)
      .add("expected_after", DataTypes.DoubleType)
      .add("model_var", DataTypes.DoubleType);

  private Estimation() {}

  /** The service model of every outage, and the country dictionary it indexes. */
  record Service(List<String> countries, List<OutageModel> models,
      Map<String, Map<Integer, Map<Long, Double>>> hourly) {}

  static Service service(Cube cube, List<OutageWindow> outages, ImpactConfig config) {
    List<Row> rows = cube.hourly().groupBy("country", "platform", "hour")
        .agg(sum("plays").as("plays")).collectAsList();
    List<String> countries = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    Map<ServiceModel.CountryPlatform, Map<Long, Double>> series = new HashMap<>();
    for (Row r : rows) {
      String c = r.getString(0);
      Integer i = index.get(c);
      if (i == null) {
        i = countries.size();
        index.put(c, i);
        countries.add(c);
      }
      series.computeIfAbsent(new ServiceModel.CountryPlatform(i, r.getString(1)),
          k -> new HashMap<>()).put(r.getLong(2), r.getDouble(3));
    }
    ServiceModel model = new ServiceModel(countries, series, config);
    List<OutageModel> models = new ArrayList<>();
    Map<String, Map<Integer, Map<Long, Double>>> hourly = new LinkedHashMap<>();
    for (OutageWindow o : outages) {
      ServiceModel.Built b = model.build(o, outages);
      models.add(b.model());
      hourly.put(o.id(), b.hourlyCounterfactual());
    }
    return new Service(countries, models, hourly);
  }

  /** Per (window, artist) statistics, computed on the executors grouped by artist. */
  static Dataset<Row> artistStats(SparkSession spark, Cube cube, Service service,
      RateCard rates) {
    ArtistModel model = new ArtistModel(service.models(), service.countries(), rates);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < service.countries().size(); i++) {
      index.put(service.countries().get(i), i);
    }
    Broadcast<ArtistModel> bModel = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(model);
    Broadcast<Map<String, Integer>> bIndex = JavaSparkContext
        .fromSparkContext(spark.sparkContext()).broadcast(index);
    return cube.hourly()
        .select("artist_id", "hour", "country", "platform", "tier", "plays")
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (artist, it) -> {
          List<Row> cells = new ArrayList<>();
          it.forEachRemaining(cells::add);
          ArtistCells ac = toCells(artist, cells, bIndex.value());
          List<Row> out = new ArrayList<>();
          for (ArtistWindowStats s : bModel.value().estimate(ac)) {
            out.add(RowFactory.create(s.window().windowId(), s.window().outageId(),
                s.window().placeboDaysBack(), artist, s.recentObserved(), s.recentBase(),
                s.inObserved(), s.inBase(), s.outObserved(), s.afterObserved(), s.afterBase(),
                s.baselinePlays(), s.usdPerInScopePlay(),
                scala.jdk.javaapi.CollectionConverters.asScala(s.shares()),
                scala.jdk.javaapi.CollectionConverters.asScala(s.markets())));
          }
          return out.iterator();
        }, Encoders.row(STATS));
  }

  private static ArtistCells toCells(String artist, List<Row> rows, Map<String, Integer> index) {
    int n = rows.size();
    long[] hours = new long[n];
    int[] countries = new int[n];
    String[] platforms = new String[n];
    String[] tiers = new String[n];
    double[] plays = new double[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      hours[i] = r.getLong(1);
      countries[i] = index.get(r.getString(2));
      platforms[i] = r.getString(3);
      tiers[i] = r.getString(4);
      plays[i] = r.getDouble(5);
    }
    return new ArtistCells(artist, hours, countries, platforms, tiers, plays);
  }

  /**
   * The level prior per segment: the variance of artists' recent level around their baseline
   * share beyond Poisson noise, from windows with enough plays to see it.
   */
  static Map<String, Double> priorVariance(Dataset<Row> statsWithSegment) {
    Map<String, Double> out = new HashMap<>();
    Column ratio = col("recent_observed").divide(col("recent_base"));
    for (Row r : statsWithSegment.filter(col("recent_base").geq(20))
        .groupBy("segment")
        .agg(sum(pow(ratio.minus(1), 2)), sum(lit(1.0).divide(col("recent_base"))), count(lit(1)))
        .collectAsList()) {
      out.put(r.getString(0), LevelEstimate.priorVariance(r.getDouble(1), r.getDouble(2),
          r.getLong(3)));
    }
    return out;
  }

  /** Registers {@code deadair_predict(recent_observed, recent_base, in_base, after_base, tau2)}. */
  static void registerPredict(SparkSession spark) {
    spark.udf().register("deadair_predict",
        (org.apache.spark.sql.api.java.UDF5<Double, Double, Double, Double, Double, Row>)
            (o, b, in, after, tau2) -> {
              LevelEstimate l = LevelEstimate.of(o, b, tau2);
              LevelEstimate.Prediction p = l.predict(in);
              return RowFactory.create(l.level(), p.expected(), p.sd(), l.level() * after,
                  in * in * l.variance());
            }, PREDICTION);
  }

  /** Adds the prediction columns to stats rows that carry a {@code tau2} column. */
  static Dataset<Row> predict(Dataset<Row> stats) {
    return stats.withColumn("p", call_udf("deadair_predict", col("recent_observed"),
            col("recent_base"), col("in_base"), col("after_base"), col("tau2")))
        .select(col("*"), col("p.level"), col("p.expected_in"), col("p.sd"),
            col("p.expected_after"), col("p.model_var"))
        .drop("p");
  }

  /** The calibration learned from placebo windows: |z| quantiles per size class. */
  static Calibration calibrate(Dataset<Row> placebos, double confidence) {
    Column z = abs(col("in_observed").minus(col("expected_in")).divide(col("sd")));
    Column size = lit(Calibration.CLASS_BOUNDS.length - 1);
    for (int c = Calibration.CLASS_BOUNDS.length - 2; c >= 0; c--) {
      size = when(col("expected_in").lt(Calibration.CLASS_BOUNDS[c]), c).otherwise(size);
    }
    Dataset<Row> zs = placebos.filter(col("sd").gt(0)).select(size.as("size"), z.as("z"));
    int k = Calibration.CLASS_BOUNDS.length;
    double[] q = new double[k];
    long[] n = new long[k];
    for (Row r : zs.groupBy("size").agg(percentile_approx(col("z"), lit(confidence),
        lit(10_000)), count(lit(1))).collectAsList()) {
      q[r.getInt(0)] = r.getDouble(1);
      n[r.getInt(0)] = r.getLong(2);
    }
    Row pooled = zs.agg(percentile_approx(col("z"), lit(confidence), lit(10_000)),
        count(lit(1))).first();
    return Calibration.fromQuantiles(confidence, q, n,
        pooled.isNullAt(0) ? 0 : pooled.getDouble(0), pooled.getLong(1));
  }

  /** Registers {@code deadair_half_width(expected_in, sd)} for a fitted calibration. */
  static void registerHalfWidth(SparkSession spark, Calibration calibration) {
    spark.udf().register("deadair_half_width",
        (UDF2<Double, Double, Double>) (e, sd) -> calibration.halfWidth(e, sd),
        DataTypes.DoubleType);
  }

  /**
   * Relative error of the service counterfactual per outage, from its placebos: how far the
   * placebo windows' totals strayed beyond what the artists' own variances explain.
   */
  static Map<String, Double> serviceError(Dataset<Row> placebos) {
    Map<String, double[]> acc = new HashMap<>();
    for (Row r : placebos.groupBy("outage_id", "window_id")
        .agg(sum("in_observed"), sum("expected_in"), sum(pow(col("sd"), 2)))
        .collectAsList()) {
      double e = r.getDouble(3);
      if (e <= 0) {
        continue;
      }
      double rel = (r.getDouble(2) - e) / e;
      double[] a = acc.computeIfAbsent(r.getString(0), k -> new double[2]);
      a[0] += rel * rel - r.getDouble(4) / (e * e);
      a[1]++;
    }
    Map<String, Double> out = new HashMap<>();
    acc.forEach((id, a) -> out.put(id, Math.sqrt(Math.max(0, a[0] / a[1]))));
    return out;
  }
}
