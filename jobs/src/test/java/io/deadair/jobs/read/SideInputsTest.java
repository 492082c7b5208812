package io.deadair.jobs.read;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deadair.common.io.InputException;
import io.deadair.jobs.testing.SmallInputs;
import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkException;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The side inputs read during the pass: a bad one is the run's message, however the pass ends. */
class SideInputsTest {

  @TempDir Path tmp;

  @Test
  void aBadInputIsTheMessageWhenThePassItCancelledEndsInSparksOwnException() throws IOException {
    SparkSession spark = SharedSpark.session();
    Path dir = SmallInputs.copyTo(tmp.resolve("in"));
    Path artists = dir.resolve("artists.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(artists));
    lines.set(0, lines.get(0).replace("artist_id", "artist"));
    Files.write(artists, lines);
    try (SideInputs side = new SideInputs(spark, Optional.empty(), artists.toString(),
        Optional.of(dir.resolve("releases.jsonl").toString()), Optional.empty(),
        new Ledger(100, m -> { }))) {
      // A pass cancelled by the failing input ends in SparkException, which Scala throws
      // unchecked; before the fix it escaped as the run's message ("Job ... cancelled").
      assertThatThrownBy(() -> side.whileReading(() -> {
        throw SideInputsTest.<RuntimeException>sneaky(
            new SparkException("Job 7 cancelled part of cancelled job group deadair-pass"));
      })).isInstanceOf(InputException.class).hasMessageContaining("artist_id");
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
