package io.deadair.sample.testing;

import io.deadair.sample.Generator;
import io.deadair.sample.GeneratorOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Data sets generated once per test JVM under {@code target/test-data}, shared by test classes. */
public final class GeneratedData {

  private static final Map<String, GeneratorOptions> DONE = new HashMap<>();

  private GeneratedData() {}

  /** Thirty days from a Monday without outages, many artists: for the shape of listening. */
  public static GeneratorOptions quiet() {
    return generate("quiet", new GeneratorOptions("", 2_000, 28, 20_000,
        GeneratorOptions.defaultUsers(20_000), 7, LocalDate.of(2026, 2, 2), 0, List.of()));
  }

  /** Three weeks with the three default outages in the last week: for the truth. */
  public static GeneratorOptions withOutages() {
    return generate("outages", new GeneratorOptions("", 300, 21, 15_000,
        GeneratorOptions.defaultUsers(15_000), 11, LocalDate.of(2026, 2, 2), 3, List.of()));
  }

  /** Generates {@code options} into a folder named {@code name}, once per JVM. */
  public static synchronized GeneratorOptions generate(String name, GeneratorOptions options) {
    return DONE.computeIfAbsent(name, n -> {
      String out = Path.of("target", "test-data", n).toAbsolutePath().toString();
      GeneratorOptions o = options.withOut(out);
      Generator.run(SharedSpark.session(), o, m -> { });
      return o;
    });
  }
}
