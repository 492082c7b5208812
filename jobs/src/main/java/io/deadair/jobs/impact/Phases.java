package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.Phase;
import io.deadair.common.domain.SegmentRule;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.PhaseCalendar;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Before, during and after: the plain metrics of each phase, and the artist segments. */
final class Phases {

  private Phases() {}

  /** One row per (slot, outage, phase, hours of the phase): which phases each slot is part of. */
  static Dataset<Row> slotPhases(SparkSession spark, PhaseCalendar calendar) {
    StructType schema = new StructType()
        .add("slot", DataTypes.IntegerType)
        .add("outage_id", DataTypes.StringType)
        .add("phase", DataTypes.StringType)
        .add("hours", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (PhaseCalendar.Slot s : calendar.slots()) {
      s.phases().forEach((outage, phase) -> rows.add(RowFactory.create(s.index(), outage,
          phase.label(), (double) calendar.hours(outage, phase))));
    }
    return spark.createDataFrame(rows, schema);
  }

  /**
   * Slot rows built from the hourly cube, for inputs without listeners (stream counts), whose
   * phases are only known after the pass.
   */
  static Dataset<Row> slotRows(Dataset<Row> hourly, Dataset<Row> hourSlots) {
    return hourly.join(broadcast(hourSlots), "hour").groupBy("artist_id", "slot").agg(
            sum("plays").as("plays"), sum("ms_played").as("ms_played"),
            sum("skips").as("skips"), sum("known_reason").as("known_reason"))
        .withColumn("user_id", lit(null).cast("string"));
  }

  /**
   * artist_phase_metrics: plays, unique listeners, minutes, skip rate and plays per hour per
   * phase, from the cube's (artist, slot, listener) rows; a listener heard in several slots of a
   * phase counts once.
   */
  static Dataset<Row> metrics(Dataset<Row> slotListeners, Dataset<Row> slotPhases,
      boolean listeners) {
    Dataset<Row> agg = slotListeners.join(broadcast(slotPhases), "slot")
        .groupBy("outage_id", "artist_id", "phase", "hours").agg(
            sum("plays").as("plays_d"),
            listeners ? countDistinct(col("user_id")).as("unique_listeners")
                : lit(null).cast("long").as("unique_listeners"),
            sum("ms_played").divide(60_000.0).as("minutes_played"),
            sum("skips").as("skips"),
            sum("known_reason").as("known"));
    return agg.select(col("outage_id"), col("artist_id"), col("phase"), col("hours"),
        org.apache.spark.sql.functions.round(col("plays_d")).cast("long").as("plays"),
        col("unique_listeners"),
        col("minutes_played"),
        when(col("known").gt(0), col("skips").divide(col("known"))).as("skip_rate"),
        col("plays_d").divide(col("hours")).as("plays_per_hour"));
  }

  /**
   * The segment of every (outage, artist) seen in the estimates, by the configured rule over
   * baseline listeners (plays where listeners are unknown) and debut date.
   */
  static Dataset<Row> segments(SparkSession spark, Dataset<Row> metrics, Dataset<Row> artists,
      Dataset<Row> keys, List<OutageModel> models, ImpactConfig config) {
    Dataset<Row> before = metrics.filter(col("phase").equalTo(Phase.BEFORE.label()))
        .select(col("outage_id"), col("artist_id"),
            coalesce(col("unique_listeners").cast("double"), col("plays").cast("double"))
                .as("audience"));
    Dataset<Row> thresholds = before.filter(col("audience").gt(0)).groupBy("outage_id").agg(
        percentile_approx(col("audience"), lit(config.emergingListenerPercentile() / 100),
            lit(10_000)).cast("double").as("emerging_max"),
        percentile_approx(col("audience"), lit(config.establishedListenerPercentile() / 100),
            lit(10_000)).cast("double").as("established_min"));
    StructType startsSchema = new StructType().add("outage_id", DataTypes.StringType)
        .add("as_of", DataTypes.DateType);
    List<Row> starts = new ArrayList<>();
    for (OutageModel m : models) {
      starts.add(RowFactory.create(m.outage().id(), Date.valueOf(LocalDate.ofInstant(
          m.outage().start(), ZoneOffset.UTC))));
    }
    int years = config.emergingDebutYears();
    spark.udf().register("deadair_segment",
        (UDF6<Double, Double, Double, Date, Boolean, Date, String>)
            (audience, emergingMax, establishedMin, debut, override, asOf) ->
                new SegmentRule(emergingMax, establishedMin, years).classify(
                    audience == null ? 0 : audience,
                    debut == null ? null : debut.toLocalDate(), override, asOf.toLocalDate())
                    .label(), DataTypes.StringType);
    return keys.select("outage_id", "artist_id").distinct()
        .join(before, new String[] {"outage_id", "artist_id"}, "left")
        .join(broadcast(thresholds), new String[] {"outage_id"}, "left")
        .join(broadcast(spark.createDataFrame(starts, startsSchema)), new String[] {"outage_id"})
        .join(artists.select("artist_id", "name", "debut_date", "emerging"),
            new String[] {"artist_id"}, "left")
        .select(col("outage_id"), col("artist_id"), col("name").as("artist_name"),
            coalesce(col("audience"), lit(0.0)).as("baseline_audience"),
            call_udf("deadair_segment", coalesce(col("audience"), lit(0.0)),
                coalesce(col("emerging_max"), lit(0.0)),
                coalesce(col("established_min"), lit(Double.MAX_VALUE)),
                col("debut_date"), col("emerging"), col("as_of")).as("segment"));
  }
}
