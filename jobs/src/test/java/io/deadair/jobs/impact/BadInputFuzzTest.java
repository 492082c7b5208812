package io.deadair.jobs.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deadair.jobs.cli.DeadAir;
import io.deadair.jobs.testing.SmallInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spoils the small text inputs at random (seeded) and runs the command line on them: every run
 * must either succeed with every input's rows reconciled, or stop with one clear line and exit
 * code 2. An uncaught exception, a stack trace or exit code 1 fails the test.
 */
class BadInputFuzzTest {

  /** Fixed so a failure can be replayed; each round spoils one copy of the inputs. */
  private static final long SEED = 20261128L;
  private static final int ROUNDS = 8;
  private static final String[] SPOILABLE = {"plays.csv", "plays.csv", "plays.csv",
      "artists.csv", "outages.csv", "releases.jsonl"};

  @TempDir Path tmp;

  private record Outcome(int code, String err) {}

  @Test
  void everySpoiltRunSucceedsReconciledOrStopsWithAClearMessage() throws IOException {
    Random random = new Random(SEED);
    int succeeded = 0;
    int stopped = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Path dir = SmallInputs.copyTo(tmp.resolve("in-" + round));
      List<String> spoilt = new ArrayList<>();
      for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
        String file = SPOILABLE[random.nextInt(SPOILABLE.length)];
        spoilt.add(file + ": " + spoil(dir.resolve(file), random));
      }
      Path out = tmp.resolve("out-" + round);
      Outcome o = run(SmallInputs.runArgs(dir, out));
      String what = "round " + round + " (" + spoilt + "), stderr:\n" + o.err();
      assertThat(o.err()).as("no stack trace, " + what).doesNotContain("\tat ");
      assertThat(o.code()).as("exit code, " + what).isIn(0, DeadAir.BAD_INPUT);
      if (o.code() == 0) {
        succeeded++;
        checkReconciled(out, what);
      } else {
        stopped++;
        assertThat(o.err().lines().filter(l -> l.startsWith("deadair: ")).count())
            .as("one message line, " + what).isEqualTo(1);
        assertThat(Files.exists(out)).as("nothing written, " + what).isFalse();
      }
    }
    assertThat(succeeded).as("rounds that succeeded despite the damage").isPositive();
    assertThat(stopped).as("rounds that stopped with a message").isPositive();
  }

  @Test
  void aCorruptParquetFileIsOneLineAndAStackTraceOnlyWithVerbose() throws IOException {
    Path dir = SmallInputs.copyTo(tmp.resolve("in"));
    Path plays = dir.resolve("plays.parquet");
    Files.write(plays, "PAR1 this is not really Parquet".getBytes(StandardCharsets.UTF_8));
    String[] args = SmallInputs.runArgs(dir, tmp.resolve("out"));
    args[2] = plays.toString();
    Outcome quiet = run(args);
    assertThat(quiet.code()).as(quiet.err()).isEqualTo(DeadAir.BAD_INPUT);
    assertThat(quiet.err()).contains("deadair: plays: cannot read " + plays + " as Parquet: file:"
        + plays + " is not a Parquet file").doesNotContain("\tat ")
        .as("stopped before the pass").doesNotContain("one pass over the plays into the hourly"
            + " cube done");
    List<String> verbose = new ArrayList<>(List.of(args));
    verbose.add("--verbose");
    Outcome loud = run(verbose.toArray(String[]::new));
    assertThat(loud.code()).isEqualTo(DeadAir.BAD_INPUT);
    assertThat(loud.err()).as("--verbose shows the trace").contains("\tat ");
  }

  @Test
  void aPlaysFileWithOnlyAHeaderSaysSo() throws IOException {
    Path dir = SmallInputs.copyTo(tmp.resolve("in"));
    Files.writeString(dir.resolve("plays.csv"), Files.readAllLines(dir.resolve("plays.csv"))
        .get(0) + "\n");
    Outcome o = run(SmallInputs.runArgs(dir, tmp.resolve("out")));
    assertThat(o.code()).isEqualTo(DeadAir.BAD_INPUT);
    assertThat(o.err()).contains("deadair: plays: " + dir.resolve("plays.csv")
        + " has no rows in the days the outages need");
  }

  private static void checkReconciled(Path out, String what) throws IOException {
    JsonNode inputs = new ObjectMapper().readTree(out.resolve("run.json").toFile())
        .path("inputs");
    for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode in = e.getValue();
      if (!in.has("rows_read")) {
        continue;
      }
      long accounted = 0;
      for (Iterator<Map.Entry<String, JsonNode>> f = in.fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> c = f.next();
        if (c.getKey().equals("rows_used") || c.getKey().equals("rows_quarantined")
            || c.getKey().startsWith("rows_dropped_")) {
          accounted += c.getValue().asLong();
        }
      }
      assertThat(accounted).as(e.getKey() + " reconciled, " + what)
          .isEqualTo(in.path("rows_read").asLong());
    }
  }

  /** Applies one random kind of damage to {@code file} and says what it did. */
  static String spoil(Path file, Random random) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8)
        .split("\n", -1)));
    int i = random.nextInt(Math.max(1, lines.size() - 1));
    String line = lines.get(i);
    String did;
    switch (random.nextInt(7)) {
      case 0 -> {
        lines.set(i, line.substring(0, random.nextInt(line.length() + 1)));
        did = "truncated line " + (i + 1);
      }
      case 1 -> {
        String[] f = line.split(",", -1);
        int a = random.nextInt(f.length);
        int b = random.nextInt(f.length);
        String t = f[a];
        f[a] = f[b];
        f[b] = t;
        lines.set(i, String.join(",", f));
        did = "swapped fields " + a + " and " + b + " of line " + (i + 1);
      }
      case 2 -> {
        byte[] noise = new byte[1 + random.nextInt(8)];
        random.nextBytes(noise);
        int at = random.nextInt(line.length() + 1);
        lines.set(i, line.substring(0, at) + new String(noise, StandardCharsets.ISO_8859_1)
            + line.substring(at));
        did = "random bytes in line " + (i + 1);
        return write(file, lines, StandardCharsets.ISO_8859_1, did);
      }
      case 3 -> {
        lines.set(i, line + "é");
        did = "line " + (i + 1) + " in Latin-1";
        return write(file, lines, StandardCharsets.ISO_8859_1, did);
      }
      case 4 -> {
        did = "whole file in UTF-16";
        return write(file, lines, StandardCharsets.UTF_16, did);
      }
      case 5 -> {
        lines.remove(i);
        did = "deleted line " + (i + 1);
      }
      default -> {
        Files.write(file, Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)));
        return "cut the file short";
      }
    }
    return write(file, lines, StandardCharsets.UTF_8, did);
  }

  /** Writes {@code lines}; Latin-1 keeps the other lines' bytes as they were. */
  private static String write(Path file, List<String> lines, Charset charset,
      String did) throws IOException {
    String text = String.join("\n", lines);
    byte[] out = charset == StandardCharsets.ISO_8859_1
        ? latin1Line(text) : text.getBytes(charset);
    Files.write(file, out);
    return did;
  }

  /** The text as UTF-8, except characters from 0x80 to 0xFF, which become single bytes. */
  private static byte[] latin1Line(String text) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (char c : text.toCharArray()) {
      if (c >= 0x80 && c <= 0xFF) {
        b.write(c);
      } else {
        b.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return b.toByteArray();
  }

  private static Outcome run(String... args) {
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      int code = DeadAir.execute(args);
      return new Outcome(code, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
  }
}
