package io.deadair.jobs.read;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deadair.common.contract.Contract;
import io.deadair.common.io.InputException;
import io.deadair.common.io.InputFormat;
import io.deadair.jobs.spark.SparkSchemas;
import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TableReaderTest {

  private static SparkSession spark;
  private static Dataset<Row> plays;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SharedSpark.session();
    List<Row> rows = List.of(
        play("2026-03-02T14:05:09Z", "u1", "t1", "a1", 183_000, "DE", "ios", "premium",
            "trackdone"),
        play("2026-03-02T14:07:30Z", "u2", "t2", "a1", 12_000, "US", "android", "free",
            "fwdbtn"),
        play("2026-03-02T23:59:59Z", "u3, \"quoted\"", "t3", "a2", 0, "BR", "web", "free",
            null));
    plays = spark.createDataFrame(rows, SparkSchemas.of(Contract.PLAYS));
  }

  private static Row play(String ts, String user, String track, String artist, int ms,
      String country, String platform, String tier, String reason) {
    return RowFactory.create(Timestamp.from(Instant.parse(ts)), user, track, artist, ms, country,
        platform, tier, reason, null);
  }

  @ParameterizedTest
  @EnumSource(InputFormat.class)
  void eachFormatRoundTrips(InputFormat format) {
    String path = dir.resolve("plays-" + format).toString();
    switch (format) {
      case PARQUET -> plays.write().parquet(path);
      case CSV -> plays.write().option("header", "true").option("escape", "\"")
          .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ssXXX").csv(path);
      case JSON -> plays.write().option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ssXXX")
          .json(path);
    }
    TableReader.Read read = TableReader.read(spark, path, Contract.PLAYS);
    assertThat(read.format()).as("detected format").isEqualTo(format);
    assertThat(read.rejected().count()).as("rejected rows").isZero();
    assertThat(read.valid().collectAsList()).as("rows read back from " + format)
        .containsExactlyInAnyOrderElementsOf(plays.collectAsList());
  }

  @Test
  void isoAndEpochMillisecondCsvGiveTheSameRows() throws IOException {
    String header = "ts,user_id,track_id,artist_id,ms_played,country,platform,tier\n";
    Path iso = dir.resolve("iso.csv");
    Files.writeString(iso, header
        + "2026-03-02T14:05:09Z,u1,t1,a1,1000,DE,ios,premium\n"
        + "2026-03-02T15:05:09+01:00,u2,t1,a1,2000,FR,web,free\n");
    Path epoch = dir.resolve("epoch.csv");
    long ms = Instant.parse("2026-03-02T14:05:09Z").toEpochMilli();
    Files.writeString(epoch, header
        + ms + ",u1,t1,a1,1000,DE,ios,premium\n"
        + ms + ",u2,t1,a1,2000,FR,web,free\n");
    List<Row> a = TableReader.read(spark, iso.toString(), Contract.PLAYS).valid()
        .orderBy("user_id").collectAsList();
    List<Row> b = TableReader.read(spark, epoch.toString(), Contract.PLAYS).valid()
        .orderBy("user_id").collectAsList();
    assertThat(a).as("ISO rows").hasSize(2).isEqualTo(b);
    assertThat(a.get(1).getTimestamp(0).toInstant()).as("+01:00 read as UTC")
        .isEqualTo(Instant.parse("2026-03-02T14:05:09Z"));
  }

  @Test
  void unreadableValuesAreRejectedWithColumnAndReason() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "ts,user_id,track_id,artist_id,ms_played,country,platform,tier\n"
        + "2026-03-02T14:05:09Z,u1,t1,a1,1000,DE,ios,premium\n"
        + "2026-03-02 14:05:09,u2,t1,a1,1000,DE,ios,premium\n"
        + "2026-03-02T14:05:09Z,u3,t1,a1,lots,DE,ios,premium\n"
        + "2026-03-02T14:05:09Z,,t1,a1,1000,DE,ios,premium\n");
    TableReader.Read read = TableReader.read(spark, f.toString(), Contract.PLAYS);
    assertThat(read.valid().count()).as("good rows").isEqualTo(1);
    List<String> problems = read.quarantine().orderBy("line")
        .selectExpr("concat(line, ' ', column, ': ', reason)")
        .as(Encoders.STRING()).collectAsList();
    assertThat(problems).containsExactly(
        "3 ts: '2026-03-02 14:05:09' has no UTC offset; write it like 2026-03-02T14:05:09Z or"
            + " 2026-03-02T15:05:09+01:00",
        "4 ms_played: cannot read 'lots' as int32",
        "5 user_id: required value is missing");
    assertThat(read.rejected().first().<String>getAs(TableReader.FILE)).endsWith("bad.csv");
  }

  @Test
  void aHeaderWithSpacesAndAByteOrderMarkIsStillTheHeader() throws IOException {
    Path f = dir.resolve("spaced.csv");
    Files.writeString(f, "\uFEFFts, user_id, track_id, artist_id, ms_played, country, platform,"
        + " tier\n2026-03-02T14:05:09Z, u1, t1, a1, 1000, de, iOS, Premium\n");
    TableReader.Read read = TableReader.read(spark, f.toString(), Contract.PLAYS);
    assertThat(read.rejected().count()).as("the header is not a rejected row").isZero();
    Row r = read.valid().first();
    assertThat(List.of(r.<String>getAs("user_id"), r.<String>getAs("country"),
        r.<String>getAs("platform"), r.<String>getAs("tier"))).as("trimmed, case brought in")
        .containsExactly("u1", "DE", "ios", "premium");
  }

  @Test
  void missingRequiredColumnNamesFileAndColumn() throws IOException {
    Path f = dir.resolve("artists.csv");
    Files.writeString(f, "artist_id,display_name\na1,Mira\n");
    assertThatThrownBy(() -> TableReader.read(spark, f.toString(), Contract.ARTISTS))
        .isInstanceOf(InputException.class)
        .hasMessage("artists: " + f + " has no column name (it has: artist_id, display_name)");
  }

  @Test
  void aParquetColumnOfTheWrongTypeStopsBeforeAnyRowIsRead() {
    String bool = dir.resolve("bool-ts").toString();
    plays.withColumn("ts", org.apache.spark.sql.functions.lit(true)).write().parquet(bool);
    assertThatThrownBy(() -> TableReader.read(spark, bool, Contract.PLAYS))
        .isInstanceOf(InputException.class)
        .hasMessage("plays: " + bool + ", column ts has type boolean; it must hold timestamp"
            + " (UTC instant)");
    String ntz = dir.resolve("ntz-ts").toString();
    plays.withColumn("ts", col("ts").cast("timestamp_ntz")).write().parquet(ntz);
    assertThatThrownBy(() -> TableReader.read(spark, ntz, Contract.PLAYS))
        .isInstanceOf(InputException.class)
        .hasMessage("plays: " + ntz + ", column ts: a timestamp without time zone cannot be"
            + " placed in UTC; write it as a UTC timestamp");
  }

  @Test
  void aParquetRowBreakingARuleIsQuarantinedWithItsRecordNumberAndJson() {
    String path = dir.resolve("negative").toString();
    plays.coalesce(1).withColumn("ms_played", org.apache.spark.sql.functions.when(
        col("user_id").equalTo("u2"), -1).otherwise(col("ms_played"))).write().parquet(path);
    Row q = TableReader.read(spark, path, Contract.PLAYS).quarantine().first();
    assertThat(q.<Long>getAs("line")).as("record number in its file").isEqualTo(2L);
    assertThat(q.<String>getAs("reason")).isEqualTo("-1 is outside 0..86400000 ms (24 h)");
    assertThat(q.<String>getAs("raw")).as("the record as JSON")
        .startsWith("{\"ts\":\"2026-03-02T14:07:30").contains("\"ms_played\":-1");
  }

  @Test
  void missingPathAndUnknownFormatAreClearErrors() throws IOException {
    assertThatThrownBy(() -> TableReader.read(spark, dir.resolve("nope").toString(),
        Contract.PLAYS)).hasMessageContaining("plays: no file or folder at");
    Path txt = dir.resolve("plays.txt");
    Files.writeString(txt, "x");
    assertThatThrownBy(() -> TableReader.read(spark, txt.toString(), Contract.PLAYS))
        .hasMessageContaining("cannot tell the format");
  }

  @Test
  void outageListsReadFromCsvAndFromJsonArrays() throws IOException {
    Path csv = dir.resolve("outages.csv");
    Files.writeString(csv, "outage_id,start,end,countries,platforms,description\n"
        + "o1,2026-03-04T18:00:00Z,2026-03-04T21:00:00Z,DE;FR,*,\"Down, badly\"\n");
    Path json = dir.resolve("outages.jsonl");
    Files.writeString(json, "{\"outage_id\":\"o1\",\"start\":\"2026-03-04T18:00:00Z\","
        + "\"end\":1772658000000,\"countries\":[\"DE\",\"FR\"],\"platforms\":\"*\","
        + "\"description\":\"Down, badly\"}\n");
    Row a = TableReader.read(spark, csv.toString(), Contract.OUTAGES).valid().first();
    Row b = TableReader.read(spark, json.toString(), Contract.OUTAGES).valid().first();
    assertThat(a.<String>getAs("countries")).isEqualTo("DE;FR");
    assertThat(a).as("CSV and JSON lines agree").isEqualTo(b);
  }

  @Test
  void aDatePartitionedLakeIsReadAsParquet() {
    String path = dir.resolve("lake").toString();
    plays.withColumn("date", org.apache.spark.sql.functions.to_date(col("ts"))).write()
        .partitionBy("date").parquet(path);
    TableReader.Read read = TableReader.read(spark, path, Contract.PLAYS);
    assertThat(read.format()).isEqualTo(InputFormat.PARQUET);
    assertThat(read.valid().columns()).as("contract columns only")
        .containsExactlyElementsOf(Contract.PLAYS.columnNames());
    assertThat(read.valid().count()).isEqualTo(3);
  }
}
