package io.deadair.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The truth per (outage, artist, country, platform, tier) in scope: plays drawn in the outage's
 * window (the counterfactual) and, of them, those the outage removed. Written as
 * {@code truth/outage_market_truth.csv}, for checking the market split of the loss.
 */
final class MarketTruth {

  private MarketTruth() {}

  /** The key of one part: outage, artist, country, platform and tier packed in a long. */
  static long key(int outage, int artist, int country, int platform, int tier) {
    return ((long) outage << 48) | ((long) artist << 20) | ((long) country << 8)
        | ((long) platform << 4) | tier;
  }

  static Dataset<Row> table(SparkSession spark, List<PlaySlice.Result> slices, OutagePlan plan) {
    List<String> outageIds = plan.outages().stream().map(p -> p.window().id()).toList();
    Map<Long, long[]> all = new TreeMap<>();
    for (PlaySlice.Result r : slices) {
      all.putAll(r.markets());
    }
    List<Row> rows = new ArrayList<>();
    all.forEach((k, v) -> rows.add(RowFactory.create(outageIds.get((int) (k >>> 48)),
        ArtistCatalog.artistId((int) ((k >>> 20) & 0xFFFFFFF)),
        World.COUNTRIES.get((int) ((k >>> 8) & 0xFFF)).code(),
        World.PLATFORMS.get((int) ((k >>> 4) & 0xF)), World.TIERS.get((int) (k & 0xF)), v[0],
        v[1])));
    StructType schema = new StructType()
        .add("outage_id", DataTypes.StringType)
        .add("artist_id", DataTypes.StringType)
        .add("country", DataTypes.StringType)
        .add("platform", DataTypes.StringType)
        .add("tier", DataTypes.StringType)
        .add("in_scope_plays", DataTypes.LongType)
        .add("removed_plays", DataTypes.LongType);
    return spark.createDataFrame(rows, schema);
  }
}
