package io.deadair.sample;

import io.deadair.sample.ArtistCatalog.Artist;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The artists table of a generated world, labels included. */
final class ArtistFiles {

  private ArtistFiles() {}

  /** Writes the artists table, with each signed artist's label, to {@code path}.parquet. */
  static void write(SparkSession spark, ArtistCatalog catalog, long seed,
      String path) {
    StructType schema = new StructType()
        .add("artist_id", DataTypes.StringType, false)
        .add("name", DataTypes.StringType, false)
        .add("debut_date", DataTypes.DateType)
        .add("label_type", DataTypes.StringType)
        .add("emerging", DataTypes.BooleanType)
        .add("label_id", DataTypes.StringType)
        .add("label_name", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (Artist a : catalog.artists()) {
      Labels.Label l = Labels.of(seed, a.index(), a.labelType());
      rows.add(RowFactory.create(a.id(), a.name(), Date.valueOf(a.debutDate()),
          a.labelType(), null, l == null ? null : l.id(), l == null ? null : l.name()));
    }
    TableFiles.writeSingleParquet(spark, spark.createDataFrame(rows, schema), path
        + ".parquet");
  }
}
