package io.deadair.sample;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Slicing the artists over tasks changes the files, never the plays or the truth. */
class PlaySliceTest {

  private static final GeneratorOptions SMALL = new GeneratorOptions("", 40, 12, 2_000,
      GeneratorOptions.defaultUsers(2_000), 3, LocalDate.of(2026, 3, 2), 2, List.of());

  @Test
  void oneSliceAndThreeSlicesWriteTheSamePlaysAndTruth() throws IOException {
    ArtistCatalog catalog = ArtistCatalog.build(SMALL);
    OutagePlan plan = OutagePlan.build(SMALL);
    PlayDraws draws = new PlayDraws(SMALL, catalog, plan);
    Path root = Path.of("target", "test-data", "play-slices").toAbsolutePath();
    List<PlaySlice.Result> one = write(draws, plan, root.resolve("one"), 1);
    List<PlaySlice.Result> three = write(draws, plan, root.resolve("three"), 3);

    SparkSession spark = SharedSpark.session();
    Dataset<Row> a = spark.read().parquet(root.resolve("one").toString());
    Dataset<Row> b = spark.read().parquet(root.resolve("three").toString());
    assertThat(a.count()).as("plays written").isGreaterThan(5_000)
        .isEqualTo(one.stream().mapToLong(PlaySlice.Result::written).sum());
    assertThat(a.exceptAll(b).count()).as("plays of one slice missing from three").isZero();
    assertThat(b.exceptAll(a).count()).as("plays of three slices missing from one").isZero();
    assertThat(Generator.truth(three, SMALL.artists(), plan))
        .as("truth from three slices").isEqualTo(Generator.truth(one, SMALL.artists(), plan));
    assertThat(three.stream().mapToLong(PlaySlice.Result::removed).sum()).as("plays removed")
        .isPositive();
  }

  @Test
  void eachFileHoldsOneUtcDayInTimeOrder() throws IOException {
    ArtistCatalog catalog = ArtistCatalog.build(SMALL);
    OutagePlan plan = OutagePlan.build(SMALL);
    Path root = Path.of("target", "test-data", "play-slices", "ordered").toAbsolutePath();
    write(new PlayDraws(SMALL, catalog, plan), plan, root, 2);

    // Spark reads a file's rows in their order, one file after another.
    List<Row> rows = SharedSpark.session().read().parquet(root.toString())
        .select(input_file_name(), col("ts"), col("date")).collectAsList();
    Map<String, List<Timestamp>> byFile = new LinkedHashMap<>();
    for (Row r : rows) {
      assertThat(r.getTimestamp(1).toInstant().toString()).as(r.getString(0) + " on its day")
          .startsWith(r.getDate(2).toString());
      byFile.computeIfAbsent(r.getString(0), f -> new ArrayList<>()).add(r.getTimestamp(1));
    }
    assertThat(byFile).as("a file per slice and UTC day").hasSizeGreaterThan(SMALL.days());
    byFile.forEach((file, times) -> assertThat(times).as(file + " in time order").isSorted());
  }

  @Test
  void dealingGivesEverySliceAboutTheSameExpectedPlays() {
    GeneratorOptions many = new GeneratorOptions("", 20_000, 35, 500_000,
        GeneratorOptions.defaultUsers(500_000), 1, LocalDate.of(2026, 2, 2), 0, List.of());
    double[] shares = ArtistCatalog.build(many).artists().stream()
        .mapToDouble(ArtistCatalog.Artist::share).toArray();
    for (int slices : new int[] {2, 3, 8}) {
      int[][] dealt = PlaySlice.deal(shares, slices);
      int[] seen = new int[shares.length];
      double[] load = new double[slices];
      for (int s = 0; s < slices; s++) {
        for (int a : dealt[s]) {
          seen[a]++;
          load[s] += shares[a];
        }
        assertThat(dealt[s]).as("slice " + s + " of " + slices + " in artist order").isSorted();
      }
      assertThat(seen).as("every artist in exactly one of " + slices + " slices")
          .containsOnly(1);
      // Once every slice has an artist, each next one goes to the lightest slice, so the
      // loads end apart by at most one of the later (smaller) shares.
      double spread = Arrays.stream(load).max().getAsDouble()
          - Arrays.stream(load).min().getAsDouble();
      assertThat(spread).as("spread of expected plays over " + slices + " slices")
          .isLessThanOrEqualTo(shares[slices]);
    }
  }

  private static List<PlaySlice.Result> write(PlayDraws draws, OutagePlan plan, Path out,
      int slices) throws IOException {
    if (Files.exists(out)) {
      try (Stream<Path> walk = Files.walk(out)) {
        walk.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
      }
    }
    double[] shares = ArtistCatalog.build(SMALL).artists().stream()
        .mapToDouble(ArtistCatalog.Artist::share).toArray();
    int[][] dealt = PlaySlice.deal(shares, slices);
    List<PlaySlice.Result> results = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      results.add(PlaySlice.write(draws, dealt[s], SMALL.artists(), SMALL.days(), plan.size(), s,
          out.toString(), new Configuration(), 3));
    }
    return results;
  }
}
