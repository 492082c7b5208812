package io.deadair.jobs.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deadair.common.config.ImpactConfig;
import io.deadair.common.io.InputException;
import io.deadair.jobs.runfolder.OutputWriter;
import io.deadair.jobs.testing.SmallInputs;
import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs on spoilt inputs: quarantine and reconciliation, the bad-row limit, outages the data
 * does not support, failed and killed runs that must leave the previous output alone, and reruns
 * that must give the same tables.
 */
class BadRunTest {

  private static final String HEADER =
      "ts,user_id,track_id,artist_id,ms_played,country,platform,tier,reason_end";
  private static SparkSession spark;
  private static Path clean;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark = SharedSpark.session();
    clean = SmallInputs.clean();
  }

  private static ImpactOptions options(Path dir, Path out) {
    return new ImpactOptions(Optional.of(dir.resolve("plays.csv").toString()), Optional.empty(),
        dir.resolve("artists.csv").toString(), Optional.of(dir.resolve("outages.csv").toString()),
        Optional.of(dir.resolve("releases.jsonl").toString()), Optional.empty(), out.toString(),
        ImpactConfig.load(dir.resolve("config.properties")));
  }

  private static ImpactJob.Result run(Path dir, Path out) {
    return ImpactJob.run(spark, options(dir, out), m -> { });
  }

  private static JsonNode runJson(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("run.json").toFile());
  }

  /** A good play of {@code artist} at the time of the play in the middle of the file. */
  private static String middlePlayAs(Path plays, String user, String artist) throws IOException {
    List<String> all = Files.readAllLines(plays);
    String[] f = all.get(all.size() / 2).split(",", -1);
    f[1] = user;
    f[3] = artist;
    return String.join(",", f);
  }

  @Test
  void badPlaysAreQuarantinedWithTheirLinesAndEveryRowIsAccountedFor() throws IOException {
    Path dir = SmallInputs.copyTo(tmp.resolve("in"));
    Path plays = dir.resolve("plays.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(plays));
    String good = lines.get(lines.size() / 2);
    String[] f = good.split(",", -1);
    // Bad lines spread through the file, so that they fall in different blocks.
    Map<Integer, String> bad = new TreeMap<>();
    bad.put(lines.size() / 5, String.join(",", f[0], f[1], f[2], f[3], "-5", f[5], f[6], f[7],
        f[8]));
    bad.put(lines.size() / 3, "=HYPERLINK(\"http://x\"),u,t,a,1,DE,ios,free,trackdone");
    bad.put(lines.size() / 2, String.join(",", f[0], f[1], f[2], f[3], f[4], f[5], f[6],
        "family", f[8]));
    bad.put(lines.size() - 10, f[0] + "," + f[1]);
    for (Map.Entry<Integer, String> e : bad.entrySet()) {
      lines.add(e.getKey(), e.getValue());
    }
    List<String> artists = new ArrayList<>(Files.readAllLines(dir.resolve("artists.csv")));
    String[] hostile = {"<script>alert(1)</script>", "=HYPERLINK(\"\"http://x\"\")",
        "Tom & \"\"Jerry\"\" </td><td>"};
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < hostile.length; k++) {
      String[] a = artists.get(k + 1).split(",", -1);
      ids.add(a[0]);
      a[1] = "\"" + hostile[k] + "\"";
      artists.set(k + 1, String.join(",", a));
    }
    Files.write(dir.resolve("artists.csv"), artists);
    Files.writeString(dir.resolve("config.properties"), "highlight_artists = "
        + String.join(";", ids) + "\n", StandardOpenOption.APPEND);
    lines.add(middlePlayAs(plays, "u-x1", "a-not-listed"));
    lines.add(middlePlayAs(plays, "u-x2", "a-not-listed"));
    Files.write(plays, lines);
    Path out = tmp.resolve("out");
    // Small blocks: the file is read in several pieces, and line numbers must still be right.
    spark.conf().set("spark.sql.files.maxPartitionBytes", "262144");
    try {
      run(dir, out);
    } finally {
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
    }

    JsonNode p = runJson(out).path("inputs").path("plays");
    long read = p.path("rows_read").asLong();
    assertThat(read).as("every data line of the file is a row").isEqualTo(lines.size() - 1);
    assertThat(p.path("rows_used").asLong() + p.path("rows_quarantined").asLong()
        + p.path("rows_dropped_outside_windows").asLong()).as("reconciled").isEqualTo(read);
    assertThat(p.path("rows_quarantined").asLong()).isEqualTo(bad.size());
    assertThat(p.path("artists_missing_from_artists_table").asLong()).isEqualTo(1);
    assertThat(p.path("plays_of_missing_artists").asLong()).isEqualTo(2);

    List<String> written = Files.readAllLines(plays);
    List<Row> q = spark.read().parquet(out.resolve("quarantine/rows")
        .toString()).orderBy("line").collectAsList();
    assertThat(q).hasSize(bad.size());
    Iterator<Integer> at = bad.keySet().iterator();
    for (Row r : q) {
      int line = (int) (long) r.<Long>getAs("line");
      assertThat(line).as("line of %s", r.<String>getAs("reason")).isEqualTo(at.next() + 1);
      assertThat(r.<String>getAs("raw")).as("raw text at line %d", line)
          .isEqualTo(written.get(line - 1));
    }
    String csv = Files.readString(out.resolve("quarantine/rows.csv"));
    assertThat(csv).as("formula neutralised in the quarantine CSV")
        .contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain("\"=HYPERLINK");
    assertThat(runJson(out).path("warnings").toString()).contains("4 of", "1 artists with plays");

    String html = Files.readString(out.resolve("report/index.html"));
    assertThat(html).as("hostile names escaped in the report")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Tom &amp; &quot;Jerry&quot;")
        .doesNotContain("<script>alert(1)", "</td><td>\"");
    String impact = Files.readString(out.resolve("csv/artist_impact.csv"));
    assertThat(impact).as("formula names neutralised in the tables' CSV")
        .contains("'=HYPERLINK").doesNotContain(",=HYPERLINK", "\"=HYPERLINK");
  }

  @Test
  void tooManyBadRowsStopTheRunAndLeaveThePreviousOutputAlone() throws IOException {
    Path out = tmp.resolve("out");
    run(clean, out);
    Map<String, byte[]> before = snapshot(out);
    Path dir = SmallInputs.copyTo(tmp.resolve("bad"));
    Path plays = dir.resolve("plays.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(plays));
    int n = lines.size() - 1;
    int spoil = n / 50;
    for (int i = 1; i <= spoil; i++) {
      lines.set(i * 40, lines.get(i * 40).replace(",premium,", ",gold,").replace(",free,",
          ",gold,"));
    }
    Files.write(plays, lines);
    assertThatThrownBy(() -> run(dir, out)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(String.format(Locale.ROOT,
            "plays: %,d of %,d rows (%.1f %%) in %s cannot be used, more than max_bad_rows_pct"
                + " = 1 %%. Commonest problems: column tier: %,d rows, first at file:%s, line 41:"
                + " 'gold' is not one of premium, free.", spoil, n, 100.0 * spoil / n, plays,
            spoil, plays));
    assertThat(snapshot(out)).as("previous output, file by file")
        .containsExactlyInAnyOrderEntriesOf(before);
    assertThat(leftovers(out)).as("no half-written folder").isEmpty();
  }

  @Test
  void outagesTheDataCannotSupportAreClearErrors() throws IOException {
    Path dir = SmallInputs.copyTo(tmp.resolve("in"));
    Path outages = dir.resolve("outages.csv");
    String header = "outage_id,start,end,countries,platforms,description\n";
    Files.writeString(outages, header
        + "late,2027-01-01T00:00:00Z,2027-01-01T03:00:00Z,*,*,after the data\n");
    assertThatThrownBy(() -> run(dir, tmp.resolve("o1"))).isInstanceOf(InputException.class)
        .hasMessage("plays: no usable row falls within 7 days before to 24 h after the outages in "
            + outages + "; check the dates of both inputs");
    String real = Files.readAllLines(clean.resolve("outages.csv")).get(1);
    String[] f = real.split(",", -1);
    Files.writeString(outages, header + String.join(",", f[0], f[1], f[2], "*", "andriod",
        "typo") + "\n");
    assertThatThrownBy(() -> run(dir, tmp.resolve("o2"))).isInstanceOf(InputException.class)
        .hasMessage("outage " + f[0] + ": no play has any of its platforms andriod (the data"
            + " has: android, desktop, ios, web)");
  }

  @Test
  void anOutFolderThatIsNotAnEarlierRunIsNeverReplaced() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> run(clean, file)).isInstanceOf(InputException.class)
        .hasMessage("--out " + file + " is a file; give a folder for the run's output");
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(home.resolve("thesis.tex"), "mine");
    assertThatThrownBy(() -> run(clean, home)).isInstanceOf(InputException.class)
        .hasMessage("--out " + home + " is a folder that holds other files and no run.json, so"
            + " it is not an earlier Dead Air output; a run replaces its --out as a whole, so"
            + " give a new or empty folder");
    assertThat(Files.readString(file)).isEqualTo("mine");
    assertThat(Files.readString(home.resolve("thesis.tex"))).isEqualTo("mine");
  }

  @Test
  void twoRunsOnTheSameInputWriteTheSameTablesRowForRow() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    run(clean, a);
    run(clean, b);
    List<String> tables;
    try (Stream<Path> s = Files.list(a.resolve("csv"))) {
      tables = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")
          && !n.startsWith(".")).sorted().toList();
    }
    assertThat(tables).hasSizeGreaterThanOrEqualTo(8);
    for (String t : tables) {
      assertThat(Files.readAllLines(b.resolve("csv").resolve(t))).as(t)
          .containsExactlyElementsOf(Files.readAllLines(a.resolve("csv").resolve(t)));
    }
  }

  @Test
  void aKilledRunLeavesThePreviousOutputAndTheNextRunClearsItsLeftovers() throws Exception {
    Path out = tmp.resolve("out");
    run(clean, out);
    Map<String, byte[]> before = snapshot(out);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-D") && !a.contains("surefire")
            || a.startsWith("-XX:+Ignore")).toList());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "io.deadair.jobs.cli.DeadAir"));
    cmd.addAll(List.of(SmallInputs.runArgs(clean, out)));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (leftovers(out).isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(leftovers(out)).as("the child started writing; its log: %s",
          Files.readString(tmp.resolve("child.log"))).isNotEmpty();
      Thread.sleep(3_000);
      assertThat(child.isAlive()).as("still running when killed").isTrue();
    } finally {
      child.destroyForcibly().waitFor();
    }
    assertThat(snapshot(out)).as("previous output after kill -9")
        .containsExactlyInAnyOrderEntriesOf(before);
    assertThat(leftovers(out)).as("a killed run cannot clean up after itself").isNotEmpty();
    new OutputWriter(spark, out.toString()).abort();
    assertThat(leftovers(out)).as("the next run removes what the killed one left").isEmpty();
    assertThat(snapshot(out)).containsExactlyInAnyOrderEntriesOf(before);
  }

  /** Every file under {@code dir} with its bytes. */
  private static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  private static List<Path> leftovers(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out.getParent())) {
      return s.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName()
          + ".partial-")).toList();
    }
  }

  static String text(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }
}
