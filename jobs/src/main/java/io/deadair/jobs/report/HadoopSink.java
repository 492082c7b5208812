package io.deadair.jobs.report;

import io.deadair.charts.ReportSink;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A report sink on any Hadoop file system, so the report lands beside the tables anywhere. */
final class HadoopSink implements ReportSink {

  private final FileSystem fs;
  private final Path root;

  HadoopSink(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
  }

  @Override
  public OutputStream create(String relativePath) throws IOException {
    return fs.create(new Path(root, relativePath), true);
  }
}
