package io.deadair.jobs.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One line per step on standard error, when it starts and when it ends, with its duration. */
public final class StepLog {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private final PrintStream out;
  private final long started = System.nanoTime();

  public StepLog(PrintStream out) {
    this.out = out;
  }

  /** Logs a line with the wall-clock time. */
  public void info(String message) {
    out.printf(Locale.ROOT, "[deadair %s] %s%n", LocalTime.now().format(CLOCK), message);
  }

  /** Seconds since this log was created. */
  public double elapsedSeconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
