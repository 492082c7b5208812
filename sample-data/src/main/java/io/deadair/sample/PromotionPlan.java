package io.deadair.sample;

import io.deadair.sample.ArtistCatalog.Artist;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The promotions of a generated world, each drawn from its own hash stream so that no other
 * draw moves: most releases get a week on an editorial playlist from release day, and a few
 * artists run an ad campaign, pitch to playlists or play a concert. Promotions do not change the
 * plays; they say what the outages met.
 */
final class PromotionPlan {

  private PromotionPlan() {}

  static Dataset<Row> table(SparkSession spark, ArtistCatalog catalog, GeneratorOptions o) {
    List<Row> rows = new ArrayList<>();
    for (Artist a : catalog.artists()) {
      rows.addAll(promotions(a, o));
    }
    StructType schema = new StructType()
        .add("promotion_id", DataTypes.StringType)
        .add("artist_id", DataTypes.StringType)
        .add("kind", DataTypes.StringType)
        .add("start", DataTypes.StringType)
        .add("end", DataTypes.StringType);
    return spark.createDataFrame(rows, schema);
  }

  private static List<Row> promotions(Artist a, GeneratorOptions o) {
    long s = o.seed();
    int i = a.index();
    List<Row> out = new ArrayList<>();
    if (a.hasRelease() && Hashing.unit(s, i, 12) < 0.6) {
      out.add(row(a, "editorial_playlist", day(o, a.releaseDay()), 7 * 24));
    }
    if (Hashing.unit(s, i, 13) < 0.05) {
      int start = (int) (Hashing.unit(s, i, 14) * o.days());
      out.add(row(a, "ad_campaign", day(o, start), (3 + (int) (Hashing.unit(s, i, 15) * 8)) * 24));
    }
    if (Hashing.unit(s, i, 16) < 0.05) {
      int start = (int) (Hashing.unit(s, i, 17) * o.days());
      out.add(row(a, "playlist_pitch", day(o, start), 14 * 24));
    }
    if (Hashing.unit(s, i, 18) < 0.03) {
      int d = o.days() - 1 - (int) (Hashing.unit(s, i, 19) * Math.min(10, o.days()));
      out.add(row(a, "concert", day(o, d).plusSeconds(19 * 3600), 3));
    }
    return out;
  }

  private static Instant day(GeneratorOptions o, int day) {
    LocalDate d = o.start().plusDays(day);
    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Row row(Artist a, String kind, Instant start, int hours) {
    String id = "p-" + a.id() + "-" + kind;
    return RowFactory.create(id, a.id(), kind, start.toString(),
        start.plusSeconds(hours * 3600L).toString());
  }
}
