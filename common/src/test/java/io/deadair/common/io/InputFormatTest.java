package io.deadair.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputFormatTest {

  @Test
  void singleFilesByTheirSuffix() {
    assertThat(InputFormat.ofFileName("plays.parquet")).contains(InputFormat.PARQUET);
    assertThat(InputFormat.ofFileName("part-0001.zstd.parquet")).contains(InputFormat.PARQUET);
    assertThat(InputFormat.ofFileName("Plays.CSV")).contains(InputFormat.CSV);
    assertThat(InputFormat.ofFileName("plays.csv.gz")).contains(InputFormat.CSV);
    assertThat(InputFormat.ofFileName("plays.jsonl")).contains(InputFormat.JSON);
    assertThat(InputFormat.ofFileName("part-00000-x.json.gz")).contains(InputFormat.JSON);
    assertThat(InputFormat.ofFileName("notes.txt")).isEmpty();
  }

  @Test
  void foldersOfPartFilesSkipHiddenFiles() {
    assertThat(InputFormat.ofFiles("plays", List.of("_SUCCESS", ".part-0.crc", "part-0.parquet",
        "part-1.parquet"))).isEqualTo(InputFormat.PARQUET);
  }

  @Test
  void emptyOrMixedFoldersAreRefused() {
    assertThatThrownBy(() -> InputFormat.ofFiles("plays folder /x", List.of("_SUCCESS")))
        .hasMessageContaining("plays folder /x holds no .parquet, .csv or .json");
    assertThatThrownBy(() -> InputFormat.ofFiles("f", List.of("a.csv", "b.parquet")))
        .hasMessageContaining("mixes formats");
  }
}
