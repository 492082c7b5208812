package io.deadair.jobs.tables;

import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.Fitted;
import io.deadair.jobs.runfolder.TaskFile;
import io.deadair.jobs.tables.ArtistTables.Finished;
import io.deadair.jobs.tables.PromotionTables.Window;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * artist_daily_adjusted and track_daily_adjusted, which grow with artists times days: each task
 * of the walk writes its artists' rows to its own Parquet files ({@link TaskFile}), never
 * through the driver, and reports how many rows it wrote. Written in the walk, they share its
 * finished estimates instead of working them out again in Spark jobs of their own.
 */
final class DailyFiles implements ArtistWalk.Gatherer {

  private final transient Setup setup;
  private transient TaskFile artistFile;
  private transient TaskFile trackFile;
  /** The Poisson bounds worked out in this task, by count. */
  private final transient Map<Long, Double> lower = new HashMap<>();
  private final transient List<Row> rows = new ArrayList<>();
  private long artistRows;
  private long trackRows;

  /**
   * What the tasks need: where to write, and what the repair is made from (each outage's day
   * shares, {@link AdjustedTables#byOutage}).
   */
  record Setup(TaskFile.Target artists, TaskFile.Target tracks,
      Map<String, Map<Long, Double>> byOutage, Broadcast<Fitted> fitted, ArtistTables tables)
      implements Serializable {

    Setup(TaskFile.Target artists, TaskFile.Target tracks, List<Window> windows,
        Broadcast<Fitted> fitted, ArtistTables tables) {
      this(artists, tracks, AdjustedTables.byOutage(windows), fitted, tables);
    }
  }

  private DailyFiles(Setup setup) {
    this.setup = setup;
  }

  @Override
  public void add(ArtistResult r, List<Finished> fs) {
    if (artistFile == null) {
      artistFile = TaskFile.open(setup.artists());
      trackFile = TaskFile.open(setup.tracks());
    }
    Map<String, Map<Long, Double>> byOutage = setup.byOutage();
    rows.clear();
    AdjustedTables.artistRows(fs, byOutage, setup.fitted().value(), rows);
    rows.forEach(artistFile::write);
    rows.clear();
    AdjustedTables.trackRows(fs, byOutage, setup.fitted().value(), setup.tables(), lower,
        rows);
    rows.forEach(trackFile::write);
  }

  @Override
  public void end() {
    if (artistFile != null) {
      artistRows = artistFile.commit();
      trackRows = trackFile.commit();
    }
  }

  /**
   * The two tables as one walked table, whose single row holds the rows written to each (the
   * files are the tables).
   */
  static ArtistWalk.Walked<DailyFiles> walked(Setup setup) {
    return new ArtistWalk.Walked<>() {
      @Override
      public DailyFiles gatherer() {
        return new DailyFiles(setup);
      }

      @Override
      public List<Row> rows(List<DailyFiles> gathered) {
        long artists = 0;
        long tracks = 0;
        for (DailyFiles g : gathered) {
          artists += g.artistRows;
          tracks += g.trackRows;
        }
        return List.of(RowFactory.create(artists, tracks));
      }
    };
  }
}
