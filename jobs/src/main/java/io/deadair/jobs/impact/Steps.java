package io.deadair.jobs.impact;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** A job's named steps: each logged when it starts and ends, with its time, which is kept. */
final class Steps {

  private final Consumer<String> log;
  private final Map<String, Double> timings = new LinkedHashMap<>();

  Steps(Consumer<String> log) {
    this.log = log;
  }

  /** Runs one step; {@code done} (or null) says what it made, for the log. */
  <T> T run(String name, Supplier<T> body, Function<T, String> done) {
    log.accept(name + " ...");
    long t0 = System.nanoTime();
    T result = body.get();
    double secs = (System.nanoTime() - t0) / 1e9;
    timings.merge(name, secs, Double::sum);
    log.accept(String.format(Locale.ROOT, "%s done in %.1f s%s", name, secs,
        done == null ? "" : ": " + done.apply(result)));
    return result;
  }

  /** Seconds per step so far, in the order they first ran (for run.json). */
  Map<String, Double> timings() {
    return timings;
  }
}
