package io.deadair.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** How numbers, money and times read in charts and in the report (always UTC, en-US digits). */
public final class Formats {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private Formats() {}

  /** A count of plays: whole numbers with thousands separators. */
  public static String plays(double v) {
    long r = Math.round(v);
    return (r < 0 ? "−" : "") + String.format(Locale.US, "%,d", Math.abs(r));
  }

  /**
   * US dollars: whole dollars from $100, cents from $1, and two significant digits below, since
   * one small artist's loss is often a fraction of a cent.
   */
  public static String usd(double v) {
    String sign = v < 0 ? "−" : "";
    double a = Math.abs(v);
    if (a >= 100) {
      return sign + String.format(Locale.US, "$%,.0f", a);
    }
    if (a >= 1 || a == 0) {
      return sign + String.format(Locale.US, "$%,.2f", a);
    }
    BigDecimal d = new BigDecimal(a).round(new MathContext(2));
    return sign + "$" + (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
  }

  /** A percentage with one decimal. */
  public static String pct(double v) {
    return String.format(Locale.US, "%.1f %%", v);
  }

  /** An interval, {@code low – high}, with the given formatter. */
  public static String range(double low, double high,
      DoubleFunction<String> f) {
    return f.apply(low) + " – " + f.apply(high);
  }

  /** An interval's level: {@code 95 %} for 0.95. */
  public static String level(double confidence) {
    return String.format(Locale.US, "%.0f %%", 100 * confidence);
  }

  /** A p-value: three decimals, or "< 0.001". */
  public static String p(double v) {
    return v < 0.001 ? "< 0.001" : String.format(Locale.US, "%.3f", v);
  }

  /** A signed number with a real minus sign: {@code +0.12}, {@code −1.00}. */
  public static String signed(double v, int places) {
    String d = String.format(Locale.US, "%." + places + "f", Math.abs(v));
    return (v < 0 && Double.parseDouble(d) != 0 ? "−" : "+") + d;
  }

  public static String decimal(double v, int places) {
    return String.format(Locale.US, "%." + places + "f", v);
  }

  /** A time in UTC with the weekday: {@code Wed 4 Mar 2026, 18:00}. */
  public static String when(Instant t) {
    return WHEN.format(t);
  }

  /** A window: {@code Wed 4 Mar 2026, 18:00–21:00 UTC}, or with both dates across midnight. */
  public static String window(Instant start, Instant end) {
    boolean sameDay = DAY.format(start).equals(DAY.format(end.minusMillis(1)));
    return when(start) + "–" + (sameDay ? CLOCK.format(end) : when(end)) + " UTC";
  }

  /** A duration in hours and minutes: {@code 3 h}, {@code 1 h 30 min}. */
  public static String hours(Instant start, Instant end) {
    Duration d = Duration.between(start, end);
    long h = d.toHours();
    long m = d.toMinutesPart();
    return m == 0 ? h + " h" : h + " h " + m + " min";
  }

  /** An outage scope for reading: {@code *} is all, lists get spaces. */
  public static String scope(String s) {
    return "*".equals(s) ? "all" : s.replace(";", ", ");
  }

  /** Shortens a label for a chart axis, keeping whole code points. */
  public static String shorten(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }
}
