package io.deadair.jobs.runfolder;

import io.deadair.common.contract.Contract;
import io.deadair.common.contract.TableSpec;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * One task's Parquet file of a table written by the executors: rows go to a file named for the
 * task's attempt, which becomes {@code part-<partition>} only when the task has written all of
 * its rows. A retried task replaces its partition's file; a failed attempt leaves a hidden file
 * that {@link OutputWriter#endTaskFiles} removes.
 */
public final class TaskFile {

  static final String ATTEMPT = "_attempt-";

  private final ParquetWriter<Row> writer;
  private final Path attempt;
  private final Path part;
  private final FileSystem fs;
  private long rows;

  private TaskFile(Configuration conf, TableSpec spec, String folder) {
    TaskContext task = TaskContext.get();
    Path dir = new Path(folder);
    this.attempt = new Path(dir, ATTEMPT + task.taskAttemptId() + ".zstd.parquet");
    this.part = new Path(dir, "part-%05d.zstd.parquet".formatted(task.partitionId()));
    try {
      this.fs = dir.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach " + folder + ": " + e.getMessage(), e);
    }
    this.writer = RowWriteSupport.open(conf, spec, attempt);
  }

  /** Opens the file of the running task for the table in {@code folder}. */
  public static TaskFile open(Target target) {
    return new TaskFile(target.conf(), target.spec(), target.folder());
  }

  public void write(Row row) {
    try {
      writer.write(row);
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + attempt + ": " + e.getMessage(), e);
    }
  }

  /** Closes the file and gives it its partition's name; returns the rows written. */
  public long commit() {
    try {
      writer.close();
      fs.delete(part, false);
      if (!fs.rename(attempt, part)) {
        throw new IOException("rename to " + part + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot finish " + attempt + ": " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * Ends a table's folder once its tasks are done: removes what failed attempts left, and writes
   * an empty file if no task had a row, so that readers find the columns.
   */
  static void end(FileSystem fs, Configuration conf, TableSpec spec, Path dir) {
    try {
      for (FileStatus f : fs.listStatus(dir, p -> p.getName().startsWith(ATTEMPT))) {
        fs.delete(f.getPath(), false);
      }
      if (fs.listStatus(dir).length == 0) {
        RowWriteSupport.open(conf, spec, new Path(dir, "part-00000.zstd.parquet")).close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot end " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where the tasks write one table: its folder in the run's staging folder, with the Hadoop
   * configuration the driver has (credentials, file systems), sent to the executors.
   */
  public static final class Target implements Serializable {
    private final String table;
    private final String folder;
    private transient Configuration conf;

    Target(TableSpec spec, String folder, Configuration conf) {
      this.table = spec.name();
      this.folder = folder;
      this.conf = conf;
    }

    TableSpec spec() {
      return Contract.tables().stream().filter(t -> t.name().equals(table)).findFirst()
          .orElseThrow();
    }

    String folder() {
      return folder;
    }

    Configuration conf() {
      return conf;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      out.defaultWriteObject();
      conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      conf = new Configuration(false);
      conf.readFields(in);
    }
  }
}
