package io.deadair.jobs.testing;

import io.deadair.sample.GeneratorOptions;
import io.deadair.sample.TableFiles;
import io.deadair.sample.testing.GeneratedData;
import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A small generated data set written as text, the way hand-made inputs arrive: plays, artists
 * and outages as CSV, releases as JSON lines, plus a config with the shortest windows. Tests copy
 * it and spoil the copy.
 */
public final class SmallInputs {

  static final String[] FILES = {"plays.csv", "artists.csv", "outages.csv", "releases.jsonl",
      "config.properties"};

  private static Path made;

  private SmallInputs() {}

  /** The clean set, made once per JVM. */
  public static synchronized Path clean() {
    if (made == null) {
      made = make();
    }
    return made;
  }

  private static Path make() {
    SparkSession spark = SharedSpark.session();
    GeneratorOptions data = GeneratedData.generate("small-text", new GeneratorOptions("", 60, 12,
        4_000, GeneratorOptions.defaultUsers(4_000), 5, LocalDate.of(2026, 2, 2), 0,
        List.of("global:3:0.8")));
    Path dir = Path.of("target", "test-data", "small-text-inputs").toAbsolutePath();
    TableFiles.writeSingleCsv(spark, spark.read().parquet(data.out() + "/plays").drop("date")
        .orderBy("ts", "user_id", "track_id"), dir.resolve("plays.csv").toString());
    TableFiles.writeSingleCsv(spark, spark.read().parquet(data.out() + "/artists.parquet")
        .orderBy("artist_id"), dir.resolve("artists.csv").toString());
    String releases = dir.resolve("releases-json").toString();
    spark.read().parquet(data.out() + "/releases.parquet").orderBy("artist_id")
        .coalesce(1).write().mode("overwrite")
        .option("timestampFormat", TableFiles.TIMESTAMP_FORMAT).json(releases);
    try {
      Path part;
      try (var s = Files.list(Path.of(releases))) {
        part = s.filter(p -> p.getFileName().toString().endsWith(".json")).findFirst()
            .orElseThrow();
      }
      Files.copy(Path.of(data.out(), "outages.csv"), dir.resolve("outages.csv"),
          StandardCopyOption.REPLACE_EXISTING);
      // A set this small draws no releases; two hand-made ones, the day before the outage,
      // give the releases input rows to spoil.
      List<String> released = new ArrayList<>(Files.readAllLines(part));
      String start = Files.readAllLines(dir.resolve("outages.csv")).get(1).split(",")[1];
      String day = Instant.parse(start).minus(Duration.ofDays(1)).toString();
      List<String> plays = Files.readAllLines(dir.resolve("plays.csv"));
      for (String line : List.of(plays.get(1), plays.get(plays.size() / 2))) {
        String[] f = line.split(",", -1);
        released.add(String.format("{\"artist_id\":\"%s\",\"track_id\":\"%s\","
            + "\"release_ts\":\"%s\"}", f[3], f[2], day));
      }
      Files.write(dir.resolve("releases.jsonl"), released);
      Files.writeString(dir.resolve("config.properties"),
          "baseline_days = 7\nplacebo_days = 3\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** A copy of the clean set in {@code dir}, to spoil. */
  public static Path copyTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String f : FILES) {
      Files.copy(clean().resolve(f), dir.resolve(f),
          StandardCopyOption.REPLACE_EXISTING);
    }
    return dir;
  }

  /** The {@code deadair run} arguments for the set in {@code dir}, writing to {@code out}. */
  public static String[] runArgs(Path dir, Path out) {
    List<String> a = new ArrayList<>(List.of("run",
        "--plays", dir.resolve("plays.csv").toString(),
        "--artists", dir.resolve("artists.csv").toString(),
        "--outages", dir.resolve("outages.csv").toString(),
        "--releases", dir.resolve("releases.jsonl").toString(),
        "--config", dir.resolve("config.properties").toString(),
        "--out", out.toString()));
    return a.toArray(String[]::new);
  }
}
