package io.deadair.jobs.cli;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line that says what went wrong, from an exception that may come from deep in Spark. */
final class Failures {

  private static final Pattern READ_FILE =
      Pattern.compile("Encountered error while reading file (\\S+?)\\.?(\\s|$)");

  private Failures() {}

  /**
   * The file Spark failed to read and the root cause, or else the root cause alone: Spark wraps
   * the cause (a corrupt Parquet footer, a missing file) in several layers of task failures.
   */
  static String describe(Throwable e) {
    String cause = firstLine(root(e).getMessage());
    return unreadableFile(e).map(f -> "cannot read " + f + ": " + cause)
        .orElse(root(e).getClass().getSimpleName() + (cause.isEmpty() ? "" : ": " + cause));
  }

  /** The file Spark could not read, when that is what went wrong (a bad input, not a bug). */
  static Optional<String> unreadableFile(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      Matcher m = READ_FILE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  private static Throwable root(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
