package io.deadair.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadAirTest {

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = DeadAir.execute(args);
      return new Outcome(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void helpListsTheCommands() {
    Outcome o = run("--help");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("Usage: deadair", "generate");
  }

  @Test
  void generateHelpShowsEveryFlag() {
    Outcome o = run("generate", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("--artists", "--days", "--plays-per-day", "--outages",
        "--seed", "--out");
  }

  @Test
  void reportNeedsARunFolder() {
    Outcome o = run("report", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("--from", "without estimating anything again");
    assertThat(run("report").err()).as("--from is required").contains("--from");
  }

  @Test
  void outOfRangeFlagsFailBeforeSparkStartsWithWhatIsAllowed() {
    Outcome o = run("generate", "--days", "0", "--out", "/tmp/never-written");
    assertThat(o.code()).as("exit code").isEqualTo(2);
    assertThat(o.err()).contains("--days must be 1..3660, not 0");
  }
}
