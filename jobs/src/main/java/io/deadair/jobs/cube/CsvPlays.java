package io.deadair.jobs.cube;

import com.univocity.parsers.csv.CsvParser;
import io.deadair.common.contract.Contract;
import io.deadair.common.cube.CubeAggregate;
import io.deadair.common.cube.PassTotals;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Option;
import scala.collection.immutable.Map$;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Adds CSV plays to a cube from the input's lines, each split by the CSV parser Spark uses
 * (univocity, with the settings Spark's own CSV options give it) and checked as the reader's
 * projection checks it ({@code ContractColumns}): the same header and blank-line rules, the same
 * casts for times and numbers, so both judge every line alike. Line numbers are worked out only
 * when a line was unusable, by the reader, for the quarantine.
 */
final class CsvPlays implements PlaySource.BatchCoder<InternalRow> {

  private static final Pattern EPOCH_MS = Pattern.compile("^-?[0-9]{1,18}$");
  private static final Pattern HAS_OFFSET = Pattern.compile(
      "(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$");
  private static final PlayCoder[] TEXT = ColumnarPlays.TEXT;

  private final List<String> header;
  private final int[] positions;
  private final Map<String, String> options;
  /** The parser and, per column, the codes of values seen before; made in each task. */
  private transient CsvParser parser;
  private transient ValueCodes[] seen;

  /**
   * @param header the file's columns, in order
   * @param options Spark's CSV options the reader parses lines with
   */
  CsvPlays(List<String> header, Map<String, String> options) {
    this.header = List.copyOf(header);
    this.options = Map.copyOf(options);
    positions = new int[ColumnarPlays.COLUMNS.size()];
    for (int c = 0; c < positions.length; c++) {
      positions[c] = header.indexOf(ColumnarPlays.COLUMNS.get(c));
    }
  }

  @Override
  public void add(InternalRow line, CubeAggregate cube, PassTotals totals, PlayClock clock) {
    String text = line.getUTF8String(0).toString();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (blank(text)) {
      return;
    }
    String[] f = parser().parseLine(text);
    if (f != null && f.length == header.size() && repeatsHeader(f)) {
      return;
    }
    if (f == null || f.length != header.size() || text.indexOf('\uFFFD') >= 0) {
      totals.countRejected();
      return;
    }
    int[] code = new int[TEXT.length];
    for (int c = 1; c < TEXT.length; c++) {
      if (TEXT[c] != null) {
        code[c] = positions[c] < 0 ? PlayCoder.NO_REASON
            : seen[c].code(f[positions[c]], TEXT[c], cube);
        if (code[c] < 0) {
          totals.countRejected();
          return;
        }
      }
    }
    Long micros = timestamp(f[positions[0]]);
    Integer ms = whole(f[positions[4]]);
    if (micros == null || ms == null || ms < 0 || ms > Contract.MAX_MS_PLAYED) {
      totals.countRejected();
      return;
    }
    ColumnarPlays.addCoded(cube, totals, clock, micros, code, ms);
  }

  private CsvParser parser() {
    if (parser == null) {
      CSVOptions csv = new CSVOptions(Map$.MODULE$.from(CollectionConverters.asScala(options)),
          false, "UTC", "_corrupt_record");
      parser = new CsvParser(csv.asParserSettings());
      seen = new ValueCodes[TEXT.length];
      for (int c = 0; c < TEXT.length; c++) {
        seen[c] = new ValueCodes();
      }
    }
    return parser;
  }

  /** A line with nothing but white space and control characters is not a row. */
  static boolean blank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) > ' ') {
        return false;
      }
    }
    return true;
  }

  /** A line that repeats the header is a header, not a row (as the reader sees it). */
  private boolean repeatsHeader(String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] == null || !trimSpaces(fields[i]).equals(header.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Text without the spaces (U+0020 only, as Spark's trim) around it. */
  static String trimSpaces(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * The codes of the values a column has had, so that each distinct text is trimmed, checked
   * and looked up once; it stops remembering after {@link #LIMIT} values. Ids go straight to the
   * cube's own dictionaries instead: a second table of them only added a lookup (CSV pass 4 %
   * faster without it, 8 M plays).
   */
  private static final class ValueCodes {
    private static final int LIMIT = 1 << 16;
    private final HashMap<String, Integer> codes = new HashMap<>();

    int code(String raw, PlayCoder coder, CubeAggregate cube) {
      if (raw == null) {
        return coder.code(null, cube);
      }
      if (coder == PlayCoder.ARTIST || coder == PlayCoder.TRACK || coder == PlayCoder.USER) {
        return coder.code(UTF8String.fromString(raw), cube);
      }
      Integer c = codes.get(raw);
      if (c == null) {
        c = coder.code(UTF8String.fromString(raw), cube);
        if (codes.size() < LIMIT) {
          codes.put(raw, c);
        }
      }
      return c;
    }
  }

  /**
   * An instant in microseconds: epoch milliseconds, or ISO-8601 with an offset parsed by
   * Spark's own cast; null when it is neither (a time without an offset is unreadable).
   */
  static Long timestamp(String raw) {
    if (raw == null) {
      return null;
    }
    Long plain = PlainTimes.micros(raw);
    if (plain != null) {
      return plain;
    }
    String text = trimSpaces(raw);
    UTF8String s = UTF8String.fromString(text);
    if (EPOCH_MS.matcher(text).find()) {
      try {
        return Math.multiplyExact(s.toLongExact(), 1000L);
      } catch (ArithmeticException | NumberFormatException e) {
        return null;
      }
    }
    if (!HAS_OFFSET.matcher(text).find()) {
      return null;
    }
    Option<Object> t = DateTimeUtils.stringToTimestamp(s, ZoneOffset.UTC);
    return t.isDefined() ? (Long) t.get() : null;
  }

  /** A whole number as Spark's try_cast reads one; null when it cannot. */
  static Integer whole(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return UTF8String.fromString(trimSpaces(raw)).toIntExact();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
