package io.deadair.jobs.cube;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.common.cube.CubeCodes;
import io.deadair.common.cube.PassTotals;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import io.deadair.common.model.PhaseCalendar;
import io.deadair.jobs.read.TableReader;
import io.deadair.sample.testing.SharedSpark;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pass reads Parquet plays straight from Spark's column vectors with checks of its own; the
 * reader's projection ({@code ContractColumns}) is what decides and explains unusable rows. Both
 * must agree on every value, tricky ones above all, and the pass must keep each play's normalised
 * values.
 */
class PlayPassTest {

  private static final Instant START = Instant.parse("2026-03-03T10:00:00Z");
  private static final StructType SCHEMA = new StructType()
      .add("ts", DataTypes.TimestampType).add("user_id", DataTypes.StringType)
      .add("track_id", DataTypes.StringType).add("artist_id", DataTypes.StringType)
      .add("ms_played", DataTypes.IntegerType).add("country", DataTypes.StringType)
      .add("platform", DataTypes.StringType).add("tier", DataTypes.StringType)
      .add("reason_end", DataTypes.StringType);

  @TempDir
  File dir;

  private static Row play(Instant ts, String user, String country, String platform, String tier,
      Integer ms, String reason) {
    return RowFactory.create(ts == null ? null : Timestamp.from(ts), user, "t1", "a1", ms,
        country, platform, tier, reason);
  }

  /** Tricky values, each usable or not as the contract says, and a few plays outside. */
  private static List<Row> rows() {
    Instant t = START.minusSeconds(3 * 86_400);
    List<Row> rows = new ArrayList<>();
    String[][] text = {
        {" u1 ", "de", "iOS", "Premium", " fwdbtn "},
        {"u2", "DE ", "android", "free", "FWDBTN"},
        {"u3", "XX", "ios", "free", null},
        {"u4", "", "ios", "free", ""},
        {"  ", "US", "ios", "free", "trackdone"},
        {"u5", "US", "two words", "free", "trackdone"},
        {"u6", "US", "ios\n", "free", "backbtn"},
        {"u7", "US", "web", "gold", "trackdone"},
        {"u8", "us", "Web.app_1", "FREE", "endplay"},
        {"u9", null, "ios", "free", "trackdone"},
    };
    for (String[] v : text) {
      rows.add(play(t, v[0], v[1], v[2], v[3], 1000, v[4]));
    }
    rows.add(play(null, "u1", "DE", "ios", "free", 1000, null));
    rows.add(play(t, "u1", "DE", "ios", "free", -5, null));
    rows.add(play(t, "u1", "DE", "ios", "free", 86_400_001, null));
    rows.add(play(t, "u1", "DE", "ios", "free", null, null));
    rows.add(play(t, "u1", "DE", "ios", "free", 86_400_000, null));
    rows.add(play(START.minusSeconds(60 * 86_400), "u1", "DE", "ios", "free", 1, null));
    return rows;
  }

  @Test
  void csvLinesAreJudgedAsTheReaderJudgesThem() throws IOException {
    String ok = "2026-02-28T10:00:00Z,u1,t1,a1,1000,DE,ios,premium,trackdone";
    List<String> lines = List.of(
        "\uFEFFts,user_id,track_id,artist_id,ms_played,country,platform,tier,reason_end",
        ok,
        "\t",
        "   ",
        "",
        " ts , user_id,track_id,artist_id,ms_played,country,platform,tier,reason_end",
        ",,,,,,,,",
        "\"2026-02-28T10:00:00Z\",\"u, 2\",t1,a1,\"1000\",de,iOS,Premium,\"fwdbtn\"",
        "2026-02-28T10:00:00Z,u3,t1,a1,1000,DE,ios,premium",
        "2026-02-28T10:00:00Z,u3,t1,a1,1000,DE,ios,premium,trackdone,extra",
        "2026-02-28 10:00:00+01,u4,t1,a1, 7 ,US,web,free,",
        "1772272800000,u5,t1,a1,1000,US,web,free,",
        "2026-02-28T10:00,u6,t1,a1,1000,US,web,free,",
        "2026-02-28T10:00:00Z,u7,t1,a1,1.5,US,web,free,",
        ok.replace("u1", "\"u8\"\"x\""));
    File csv = new File(dir, "plays.csv");
    Files.writeString(csv.toPath(), String.join("\r\n", lines) + "\r\n");
    OutageWindow o = new OutageWindow("o1", START, START.plusSeconds(3600), Scope.all(),
        Scope.all(), "");
    PlayPass pass = PlayPass.plays(SharedSpark.session(), csv.toString(),
        PhaseCalendar.of(List.of(o), 28, 24), raw -> raw);
    TableReader.Read read = pass.read();
    long rejected = read.rejected().count();
    // Unusable: the line of commas, too few and too many fields, a time without an offset and a
    // fractional ms_played; a line of tabs is blank, a second header a header.
    assertThat(rejected).as("the reader's count of unusable lines").isEqualTo(5);
    assertThat(pass.totals().rejected()).as("the pass agrees").isEqualTo(rejected);
    assertThat(pass.totals().used() + pass.totals().outside()).isEqualTo(read.valid().count());
  }

  @Test
  void parquetRowsAreJudgedAndNormalisedAsTheReaderDoes() {
    SparkSession spark = SharedSpark.session();
    String path = new File(dir, "plays.parquet").toString();
    spark.createDataFrame(rows(), SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(path);
    OutageWindow o = new OutageWindow("o1", START, START.plusSeconds(3600), Scope.all(),
        Scope.all(), "");
    PhaseCalendar calendar = PhaseCalendar.of(List.of(o), 28, 24);
    PlayPass pass = PlayPass.plays(spark, path, calendar, raw -> raw);
    assertThat(pass.columnar()).as("read from column vectors").isTrue();

    TableReader.Read read = pass.read();
    long rejected = read.rejected().count();
    assertThat(rejected).as("unusable rows by the reader's own checks").isEqualTo(10);
    PassTotals t = pass.totals();
    assertThat(t.rejected()).as("the pass agrees on every value").isEqualTo(rejected);
    assertThat(t.outside()).isEqualTo(1);
    assertThat(t.used() + t.rejected() + t.outside()).isEqualTo(rows().size());

    // The service series the pass built equals the reader's usable rows counted directly.
    long first = calendar.firstHour();
    Map<PassTotals.ServiceCell, Double> expected = new HashMap<>();
    for (Row r : read.valid().withColumn("hour", floor(unix_seconds(col("ts")).divide(3600)))
        .filter(col("hour").geq(first).and(col("hour").lt(calendar.endHour())))
        .groupBy("country", "platform", "hour").agg(count("*")).collectAsList()) {
      expected.put(new PassTotals.ServiceCell(CubeCodes.country(r.getString(0)),
          r.getString(1), r.getLong(2)), (double) r.getLong(3));
    }
    assertThat(t.service()).isEqualTo(expected);
    assertThat(expected.keySet()).extracting(PassTotals.ServiceCell::platform)
        .as("platforms lower-cased, a trailing newline kept as the reader keeps it")
        .contains("ios", "android", "web.app_1", "ios\n");

    // The 5-minute series counts every usable row, the one outside the windows too.
    Map<String, Double> fine = new HashMap<>();
    t.fine().forEach(c -> fine.merge(c.country() + "|" + c.platform() + "|" + c.startMinute(),
        c.plays(), Double::sum));
    Map<String, Double> direct = new HashMap<>();
    for (Row r : read.valid().withColumn("m", floor(unix_seconds(col("ts")).divide(300)))
        .groupBy("country", "platform", "m").agg(count("*")).collectAsList()) {
      direct.put(CubeCodes.country(r.getString(0)) + "|" + r.getString(1) + "|"
          + r.getLong(2) * 5, (double) r.getLong(3));
    }
    assertThat(fine).isEqualTo(direct);
    assertThat(t.fine().total()).isEqualTo(t.used() + t.outside());
  }

  @Test
  void playsTheReaderParsesCountInTheFineSeriesOutsideTheWindowsToo() {
    SparkSession spark = SharedSpark.session();
    String path = new File(dir, "plays.jsonl").toString();
    spark.createDataFrame(rows(), SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
        .json(path);
    OutageWindow o = new OutageWindow("o1", START, START.plusSeconds(3600), Scope.all(),
        Scope.all(), "");
    PlayPass pass = PlayPass.plays(spark, path, PhaseCalendar.of(List.of(o), 28, 24),
        raw -> raw);
    assertThat(pass.columnar()).as("rows the reader parsed").isFalse();

    PassTotals t = pass.totals();
    assertThat(t.outside()).isEqualTo(1);
    assertThat(t.fine().total()).as("every usable row, the one outside the windows too")
        .isEqualTo(t.used() + t.outside());
  }
}
