package io.deadair.jobs.tables;

import io.deadair.common.model.ArtistResult;
import io.deadair.jobs.spark.CompactRows;
import io.deadair.jobs.tables.ArtistTables.Finished;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;

/**
 * One walk over the artists' cached results for every table with rows per artist: each
 * artist's estimate is finished once ({@link ArtistTables#finish}) and handed to every table's
 * gatherer in the same task, instead of one Spark job and one finish per table (measured at 20 M
 * plays: finishing the artists again for each of nine tables was an eighth of the table step).
 * A gatherer sends its rows or sums to the driver, or writes files of its own ({@link
 * DailyFiles}).
 */
final class ArtistWalk {

  private ArtistWalk() {}

  /** What one table gathers from the artists of one task; sent back to the driver. */
  interface Gatherer extends Serializable {
    void add(ArtistResult r, List<Finished> fs);

    /** Called in the task after its last artist. */
    default void end() {}
  }

  /** A table made by a walk: a new gatherer per task, and its rows from every task's gatherer. */
  interface Walked<G extends Gatherer> extends Serializable {
    G gatherer();

    List<Row> rows(List<G> gathered);
  }

  /** Makes an artist's rows of one table; made anew in each task, so it may keep a cache. */
  interface RowMaker {
    void add(ArtistResult r, List<Finished> fs, List<Row> out);
  }

  /** Makes a {@link RowMaker} in a task. */
  interface Maker extends Serializable {
    RowMaker get();
  }

  /** A table whose rows are each artist's rows as they are. */
  static Walked<Rows> rows(Maker maker) {
    return new Walked<>() {
      @Override
      public Rows gatherer() {
        return new Rows(maker.get());
      }

      @Override
      public List<Row> rows(List<Rows> gathered) {
        List<Row> out = new ArrayList<>();
        gathered.forEach(g -> out.addAll(g.rows));
        return out;
      }
    };
  }

  /** The gatherer of {@link #rows}; its rows travel to the driver in {@link CompactRows}. */
  static final class Rows implements Gatherer {
    private final transient RowMaker maker;
    private transient List<Row> rows = new ArrayList<>();

    Rows(RowMaker maker) {
      this.maker = maker;
    }

    @Override
    public void add(ArtistResult r, List<Finished> fs) {
      maker.add(r, fs, rows);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      CompactRows.write(out, rows);
    }

    private void readObject(ObjectInputStream in) throws IOException {
      rows = CompactRows.read(in);
    }
  }

  /** Walks the artists once; returns each table's rows, in the order of {@code tables}. */
  static List<List<Row>> walk(JavaRDD<ArtistResult> results, ArtistTables artists,
      List<Walked<?>> tables) {
    List<List<Gatherer>> perTask = results.mapPartitions(part -> {
      List<Gatherer> gs = new ArrayList<>();
      tables.forEach(t -> gs.add(t.gatherer()));
      while (part.hasNext()) {
        ArtistResult r = part.next();
        List<Finished> fs = artists.finish(r);
        gs.forEach(g -> g.add(r, fs));
      }
      gs.forEach(Gatherer::end);
      return List.of(gs).iterator();
    }).collect();
    List<List<Row>> out = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      out.add(rows(tables.get(i), perTask, i));
    }
    return out;
  }

  /**
   * One table's rows as a distributed collection, for a table too large to gather on the
   * driver.
   */
  static JavaRDD<Row> each(JavaRDD<ArtistResult> results, ArtistTables artists, Maker maker) {
    return results.mapPartitions(part -> {
      RowMaker m = maker.get();
      List<Row> out = new ArrayList<>();
      while (part.hasNext()) {
        ArtistResult r = part.next();
        m.add(r, artists.finish(r), out);
      }
      return out.iterator();
    });
  }

  @SuppressWarnings("unchecked")
  private static <G extends Gatherer> List<Row> rows(Walked<G> table,
      List<List<Gatherer>> perTask, int i) {
    List<G> gathered = new ArrayList<>();
    perTask.forEach(t -> gathered.add((G) t.get(i)));
    return table.rows(gathered);
  }
}
