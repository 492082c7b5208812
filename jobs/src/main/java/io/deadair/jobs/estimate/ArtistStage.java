package io.deadair.jobs.estimate;

import io.deadair.common.cube.CubeBuckets;
import io.deadair.common.cube.CubeLayout;
import io.deadair.common.cube.MergedCube;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.ArtistResult.ArtistInfo;
import io.deadair.common.model.ArtistResult.Release;
import io.deadair.common.model.ArtistStep;
import io.deadair.jobs.cube.Partials;
import io.deadair.jobs.cube.PlayPass;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The per-artist step on Spark: each bucket's partial cubes are merged into one cube, and
 * {@link ArtistStep} runs on every artist in it, beside the artist's own rows of the artists and
 * releases tables (partitioned the same way, so no table is broadcast). The results are cached:
 * every later step reads them, never the cube.
 */
public final class ArtistStage {

  private ArtistStage() {}

  /** An artists-table or releases-table row, on its way to its artist's bucket. */
  private record Side(String artistId, ArtistInfo info, Release release) implements Serializable {}

  /**
   * The results, cached as one array per partition: Spark sizes a cached partition by walking
   * its objects, again and again as it grows, which for millions of small objects cost more
   * than the step itself; an array of them it sizes once, from a sample.
   *
   * @param cached the cache, to release when the job is done
   * @param each the results one by one, read from the cache
   */
  public record Results(JavaRDD<ArtistResult[]> cached, JavaRDD<ArtistResult> each) {}

  /** Every artist's result, cached. */
  public static Results run(PlayPass pass, ArtistStep step, Dataset<Row> artists,
      Dataset<Row> releases) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(
        artists.sparkSession().sparkContext());
    Broadcast<ArtistStep> bStep = jsc.broadcast(step);
    int buckets = pass.buckets();
    CubeLayout layout = pass.layout();
    JavaPairRDD<Integer, Side> side = sides(artists, releases, buckets)
        .partitionBy(new HashPartitioner(buckets + 1));
    JavaRDD<ArtistResult[]> cached = pass.partials().zipPartitions(side, (partials, rows) -> {
      if (TaskContext.getPartitionId() == buckets || !partials.hasNext()) {
        return Collections.<ArtistResult[]>emptyIterator();
      }
      Map<String, ArtistInfo> infos = new HashMap<>();
      Map<String, List<Release>> released = new HashMap<>();
      while (rows.hasNext()) {
        Side s = rows.next()._2();
        if (s.info() != null) {
          infos.put(s.artistId(), s.info());
        } else {
          released.computeIfAbsent(s.artistId(), k -> new ArrayList<>()).add(s.release());
        }
      }
      MergedCube cube = Partials.merge(partials, layout);
      List<ArtistResult> out = new ArrayList<>();
      ArtistStep s = bStep.value();
      cube.forEachArtist(a -> out.add(s.run(a, infos.get(a.artistId()),
          released.getOrDefault(a.artistId(), List.of()))));
      return Collections.singletonList(out.toArray(ArtistResult[]::new)).iterator();
    }).persist(StorageLevel.MEMORY_AND_DISK());
    return new Results(cached, cached.flatMap(a -> List.of(a).iterator()));
  }

  private static JavaPairRDD<Integer, Side> sides(Dataset<Row> artists, Dataset<Row> releases,
      int buckets) {
    JavaPairRDD<Integer, Side> infos = artists.select("artist_id", "name", "debut_date",
        "emerging", "label_id", "label_name").javaRDD().mapToPair(r -> {
          Date debut = r.getDate(2);
          ArtistInfo info = new ArtistInfo(r.getString(1),
              debut == null ? null : debut.toLocalDate(), r.isNullAt(3) ? null : r.getBoolean(3),
              blankToNull(r.getString(4)), blankToNull(r.getString(5)));
          return new Tuple2<>(CubeBuckets.of(r.getString(0), buckets),
              new Side(r.getString(0), info, null));
        });
    JavaPairRDD<Integer, Side> rel = releases.select("artist_id", "track_id", "album_id",
        "release_ts").javaRDD().mapToPair(r -> {
          Timestamp ts = r.getTimestamp(3);
          return new Tuple2<>(CubeBuckets.of(r.getString(0), buckets), new Side(r.getString(0),
              null, new Release(r.getString(1), r.getString(2), ts.toInstant())));
        });
    return infos.union(rel);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
