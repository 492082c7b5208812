package io.deadair.jobs.runfolder;

import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.common.contract.DrillDownTables;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ending a table the tasks wrote, on the local file system; no Spark needed. */
class TaskFileTest {

  @TempDir
  File dir;

  /** The folder's files, without the local file system's checksums. */
  private String[] files() {
    return dir.list((d, name) -> !name.endsWith(".crc"));
  }

  @Test
  void aFailedAttemptsFileGoesAndAnEmptyTableStillHasItsColumns() throws IOException {
    Configuration conf = new Configuration();
    Path table = new Path(dir.toURI());
    Files.writeString(new File(dir, TaskFile.ATTEMPT + "7.zstd.parquet").toPath(), "half a file");

    TaskFile.end(FileSystem.getLocal(conf), conf, DrillDownTables.TRACK_DAILY_ADJUSTED, table);

    assertThat(files()).containsExactly("part-00000.zstd.parquet");
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
        new Path(table, "part-00000.zstd.parquet"), conf))) {
      assertThat(r.getRecordCount()).isZero();
      assertThat(r.getFooter().getFileMetaData().getSchema().getFields())
          .extracting(f -> f.getName())
          .containsExactlyElementsOf(DrillDownTables.TRACK_DAILY_ADJUSTED.columnNames());
    }
  }

  @Test
  void aTableWithPartsKeepsThemAsTheyAre() throws IOException {
    Configuration conf = new Configuration();
    Path table = new Path(dir.toURI());
    Files.writeString(new File(dir, "part-00003.zstd.parquet").toPath(), "a task's rows");

    TaskFile.end(FileSystem.getLocal(conf), conf, DrillDownTables.TRACK_DAILY_ADJUSTED, table);

    assertThat(files()).containsExactly("part-00003.zstd.parquet");
  }
}
