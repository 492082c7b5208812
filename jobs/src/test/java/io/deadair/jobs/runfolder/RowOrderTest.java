package io.deadair.jobs.runfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text order against its definition: the unsigned order of the UTF-8 bytes, as Spark sorts. */
class RowOrderTest {

  /** Characters from the ranges where UTF-16 and UTF-8 orders part, and plain ones. */
  private static final int[] CODE_POINTS = {
    'a', 'b', 'z', 0xE9, 0x4E2D, 0xD7FF, 0xE000, 0xFB01, 0xFFFD, 0xFFFF, 0x10000, 0x1F3B5,
    0x1F600, 0x10FFFF};

  private static String randomText(Random random) {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      s.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
    }
    return s.toString();
  }

  private static int utf8Order(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void textSortsInUtf8ByteOrder() {
    Random random = new Random(7);
    int parted = 0;
    for (int i = 0; i < 20_000; i++) {
      String a = randomText(random);
      String b = randomText(random);
      assertThat(Integer.signum(RowOrder.compareCodePoints(a, b)))
          .as("%s against %s", a, b).isEqualTo(Integer.signum(utf8Order(a, b)));
      parted += Integer.signum(a.compareTo(b)) != Integer.signum(utf8Order(a, b)) ? 1 : 0;
    }
    // The draw must reach the cases where Java's own order is wrong, or the test proves little.
    assertThat(parted).isGreaterThan(100);
  }

  @Test
  void anEmojiSortsAfterThePrivateUseArea() {
    assertThat(RowOrder.compareCodePoints("\uD83C\uDFB5", "\uE000")).isPositive();
    assertThat("\uD83C\uDFB5".compareTo("\uE000")).isNegative();
    assertThat(RowOrder.compareCodePoints("ab", "abc")).isNegative();
    assertThat(RowOrder.compareCodePoints("abc", "abc")).isZero();
  }
}
