package io.deadair.common.cube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's fine series: plays by (country, platform, bucket), merged and sent as bytes. */
class ServiceBucketsTest {

  private static long micros(String instant) {
    return Instant.parse(instant).toEpochMilli() * 1000;
  }

  private static Map<String, Double> cells(ServiceBuckets b) {
    Map<String, Double> m = new HashMap<>();
    b.forEach(c -> m.merge(c.country() + "|" + c.platform() + "|" + c.startMinute(), c.plays(),
        Double::sum));
    return m;
  }

  @Test
  void aPlayFallsInTheFiveMinuteBucketItStartsIn() {
    long tenOClock = Instant.parse("2026-03-03T10:00:00Z").getEpochSecond() / 60;
    assertThat(ServiceBuckets.playBucket(micros("2026-03-03T10:04:59.999Z"))).isEqualTo(tenOClock);
    assertThat(ServiceBuckets.playBucket(micros("2026-03-03T10:05:00Z"))).isEqualTo(tenOClock + 5);
    assertThat(ServiceBuckets.playBucket(micros("1969-12-31T23:59:30Z"))).as("before 1970")
        .isEqualTo(-5);
  }

  @Test
  void partsMergeIntoTheSumsOfTheWholeAndSurviveTheirBytes() {
    ServiceBuckets first = new ServiceBuckets();
    first.add(7, "ios", 100, 2);
    first.add(7, null, 100, 1);
    ServiceBuckets second = new ServiceBuckets();
    second.add(7, "web", 105, 4);
    second.add(7, "ios", 100, 3);

    first.merge(second);
    assertThat(cells(first)).containsOnly(Map.entry("7|ios|100", 5.0),
        Map.entry("7|null|100", 1.0), Map.entry("7|web|105", 4.0));
    assertThat(first.total()).isEqualTo(10);

    ByteSink out = new ByteSink(64);
    first.writeTo(out);
    ServiceBuckets read = ServiceBuckets.readFrom(new ByteSource(out.toByteArray()));
    assertThat(cells(read)).isEqualTo(cells(first));
  }

  @Test
  void theOpenBucketsCellsAreAllCountedWhateverTheOrderOfPlays() {
    PairTable table = new PairTable(1, 8);
    BucketBuffer buffer = new BucketBuffer();
    buffer.add(table, 3, 1, 100, 1);
    buffer.add(table, 3, 1, 100, 1);
    buffer.add(table, 4, 2, 100, 1);
    buffer.add(table, 3, 1, 105, 1);
    buffer.add(table, 3, 1, 100, 1);
    buffer.add(table, 3, 40, 100, 1);
    buffer.flush(table);

    Map<String, Double> m = new HashMap<>();
    for (int p : table.entries()) {
      m.merge((table.first(p) >>> 32) + "|" + (int) table.first(p) + "|" + table.second(p),
          table.doubleAt(p, 0), Double::sum);
    }
    assertThat(m).containsOnly(Map.entry("3|1|100", 3.0), Map.entry("4|2|100", 1.0),
        Map.entry("3|1|105", 1.0), Map.entry("3|40|100", 1.0));
  }
}
