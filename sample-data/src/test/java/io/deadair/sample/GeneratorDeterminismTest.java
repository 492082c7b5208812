package io.deadair.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.sample.testing.GeneratedData;
import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Same seed and flags give the same rows; another seed gives other rows. */
class GeneratorDeterminismTest {

  private static final GeneratorOptions SMALL = new GeneratorOptions("", 60, 14, 3_000,
      GeneratorOptions.defaultUsers(3_000), 5, LocalDate.of(2026, 3, 2), 3, List.of());

  @Test
  void sameSeedSameRowsOtherSeedOtherRows() throws IOException {
    SparkSession spark = SharedSpark.session();
    GeneratorOptions a = GeneratedData.generate("seed5-a", SMALL);
    GeneratorOptions b = GeneratedData.generate("seed5-b", SMALL);
    GeneratorOptions c = GeneratedData.generate("seed6", SMALL.withSeed(6));

    Dataset<Row> playsA = spark.read().parquet(a.out() + "/plays");
    Dataset<Row> playsB = spark.read().parquet(b.out() + "/plays");
    Dataset<Row> playsC = spark.read().parquet(c.out() + "/plays");
    assertThat(playsA.count()).as("plays generated").isGreaterThan(20_000);
    assertThat(playsA.count()).as("same seed, same count").isEqualTo(playsB.count());
    assertThat(playsA.exceptAll(playsB).count()).as("rows of run A missing from run B").isZero();
    assertThat(playsB.exceptAll(playsA).count()).as("rows of run B missing from run A").isZero();
    assertThat(playsA.exceptAll(playsC).count()).as("rows of seed 5 missing from seed 6")
        .isGreaterThan(playsA.count() / 2);

    for (String file : List.of("truth/outage_artist_truth.csv", "truth/outages.csv",
        "outages.csv")) {
      assertThat(Files.readString(Path.of(a.out(), file))).as(file + " under the same seed")
          .isEqualTo(Files.readString(Path.of(b.out(), file)));
    }
    Dataset<Row> artistsA = spark.read().parquet(a.out() + "/artists.parquet");
    Dataset<Row> artistsC = spark.read().parquet(c.out() + "/artists.parquet");
    assertThat(artistsA.exceptAll(artistsC).count()).as("artists differing under another seed")
        .isPositive();
  }
}
