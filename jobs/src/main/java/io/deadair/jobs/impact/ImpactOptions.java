package io.deadair.jobs.impact;

import io.deadair.common.config.ImpactConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the impact job reads and writes. With no inputs given it uses the committed sample data.
 *
 * @param plays play events, or empty when {@code streamCounts} is given
 * @param streamCounts pre-aggregated stream counts, or empty
 * @param artists the artists table
 * @param outages the declared outages; empty to measure the outages found in the data
 * @param releases releases, optional
 * @param promotions promotions, optional
 * @param rateCard the rate card; empty for the one shipped with Dead Air
 * @param out the output folder, replaced as a whole when the run succeeds
 * @param config the parameters
 */
public record ImpactOptions(
    Optional<String> plays,
    Optional<String> streamCounts,
    String artists,
    Optional<String> outages,
    Optional<String> releases,
    Optional<String> rateCard,
    String out,
    ImpactConfig config,
    Optional<String> promotions) {

  public ImpactOptions {
    Objects.requireNonNull(artists, "artists");
    Objects.requireNonNull(out, "out");
    if (plays.isPresent() == streamCounts.isPresent()) {
      throw new IllegalArgumentException("Give exactly one of --plays and --stream-counts");
    }
  }

  /** Options without promotions. */
  public ImpactOptions(Optional<String> plays, Optional<String> streamCounts, String artists,
      Optional<String> outages, Optional<String> releases, Optional<String> rateCard, String out,
      ImpactConfig config) {
    this(plays, streamCounts, artists, outages, releases, rateCard, out, config,
        Optional.empty());
  }

  /** Whether the plays come as pre-aggregated stream counts. */
  public boolean counts() {
    return streamCounts.isPresent();
  }

  /** The play input's name in the data contract and run.json: plays or stream_counts. */
  public String playInput() {
    return counts() ? "stream_counts" : "plays";
  }

  /** The path of the play input, whichever of the two it is. */
  public String playPath() {
    return plays.or(() -> streamCounts).orElseThrow();
  }

  /** The committed sample data, found beside the launcher (or the working directory). */
  public static ImpactOptions sample(String out, ImpactConfig config) {
    Path data = sampleData("--plays (or --stream-counts) and --artists");
    return new ImpactOptions(Optional.of(data.resolve("plays").toString()), Optional.empty(),
        data.resolve("artists.parquet").toString(),
        Optional.of(data.resolve("outages.csv").toString()),
        Optional.of(data.resolve("releases.parquet").toString()), Optional.empty(), out, config,
        Optional.of(data.resolve("promotions.csv").toString()).filter(
            p -> Files.isRegularFile(Path.of(p))));
  }

  /**
   * The parameters of the sample's world ({@code deadair.properties} beside its data: how many
   * listeners each simulated one stands for), over the defaults.
   */
  public static ImpactConfig sampleConfig() {
    Path file = sampleData("--plays (or --stream-counts) and --artists").resolve(WORLD_CONFIG);
    return Files.isRegularFile(file) ? ImpactConfig.load(file) : ImpactConfig.defaults();
  }

  /** The file beside generated data that holds its world's parameters. */
  public static final String WORLD_CONFIG = "deadair.properties";

  /**
   * The committed sample data's folder, found beside the launcher (or the working directory);
   * without it, the error names the flags to give ({@code flags}).
   */
  public static Path sampleData(String flags) {
    Path data = Path.of(System.getProperty("deadair.home", "."), "sample-data/data");
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException("No input given and no sample data at " + data
          + "; pass " + flags);
    }
    return data;
  }
}
