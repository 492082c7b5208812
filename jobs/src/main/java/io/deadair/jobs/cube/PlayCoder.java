package io.deadair.jobs.cube;

import io.deadair.common.contract.Contract;
import io.deadair.common.contract.ValueRule;
import io.deadair.common.cube.CubeAggregate;
import io.deadair.common.cube.CubeCodes;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns the text of one play column into the cube's code for it, applying the data contract as
 * the reader's checks do ({@code ContractColumns}): text is trimmed of spaces, brought to the
 * rule's case and checked against the rule. Negative codes mark a row that cannot be used:
 * {@link #MISSING} (required and blank) or {@link #BROKEN} (breaks its rule).
 */
enum PlayCoder {
  ARTIST, TRACK, USER, COUNTRY, PLATFORM, TIER, REASON, SOURCE;

  static final int MISSING = -2;
  static final int BROKEN = -1;
  /** Reason codes: no reason given, a play that ended otherwise, a skip. */
  static final int NO_REASON = 0;
  static final int ENDED = 1;
  static final int SKIPPED = 2;

  private static final Pattern PLATFORM_WORD = Pattern.compile("^(?:"
      + ((ValueRule.Word) Contract.PLAYS.column("platform").orElseThrow().rule()).regex() + ")$");

  /** The code of {@code raw} (null when the value is null), for a cube's dictionaries. */
  int code(UTF8String raw, CubeAggregate cube) {
    if (raw == null) {
      return this == REASON || this == SOURCE ? NO_REASON : MISSING;
    }
    UTF8String s = raw.trim();
    if (s.numBytes() == 0) {
      return this == REASON || this == SOURCE ? NO_REASON : MISSING;
    }
    return switch (this) {
      case ARTIST -> add(s, cube, 0);
      case TRACK -> add(s, cube, 1);
      case USER -> add(s, cube, 2);
      case COUNTRY -> {
        int c = CubeCodes.country(s.toString().toUpperCase(Locale.ROOT));
        yield c > 0 ? c : BROKEN;
      }
      case PLATFORM -> {
        String p = s.toString().toLowerCase(Locale.ROOT);
        // find(), as Spark's rlike does, so both checks agree on every value.
        yield PLATFORM_WORD.matcher(p).find() ? add(UTF8String.fromString(p), cube, 3)
            : BROKEN;
      }
      case TIER -> {
        int t = CubeCodes.tier(s.toString().toLowerCase(Locale.ROOT));
        yield t > 0 ? t : BROKEN;
      }
      case REASON -> s.equals(FWDBTN) || s.equals(BACKBTN) ? SKIPPED : ENDED;
      case SOURCE -> {
        int k = Contract.PLAY_SOURCES.indexOf(s.toString().toLowerCase(Locale.ROOT));
        yield k >= 0 ? k + 1 : BROKEN;
      }
    };
  }

  private static final UTF8String FWDBTN = UTF8String.fromString("fwdbtn");
  private static final UTF8String BACKBTN = UTF8String.fromString("backbtn");

  /** Adds a value's bytes to one of the cube's dictionaries without copying them. */
  private static int add(UTF8String s, CubeAggregate cube, int dictionary) {
    byte[] bytes;
    int offset;
    if (s.getBaseObject() instanceof byte[] b) {
      bytes = b;
      offset = (int) (s.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET);
    } else {
      bytes = s.getBytes();
      offset = 0;
    }
    int length = s.numBytes();
    return switch (dictionary) {
      case 0 -> cube.artist(bytes, offset, length);
      case 1 -> cube.track(bytes, offset, length);
      case 2 -> cube.user(bytes, offset, length);
      default -> cube.platform(bytes, offset, length);
    };
  }
}
