package io.deadair.common.contract;

import io.deadair.common.domain.Countries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a readable value must also be to be used: a range, one of a few words, a pattern, or an
 * ISO country code. Text values are first brought to the case the rule names, so {@code de} reads
 * as {@code DE} and {@code Premium} as {@code premium}. A value that breaks its rule puts its row
 * in quarantine with {@link #reason}.
 */
public sealed interface ValueRule {

  /** The case text is brought to before the rule is checked. */
  enum Case { AS_IS, UPPER, LOWER }

  /** The case values are normalised to. */
  default Case textCase() {
    return Case.AS_IS;
  }

  /** What the rule allows, in words, for the data contract document. */
  String describe();

  /** Why {@code value} breaks the rule, as written in the quarantine. */
  default String reason(String value) {
    return "'" + value + "' is not " + describe();
  }

  /** A number from {@code min} to {@code max}, both included. */
  record Range(long min, long max, String unit) implements ValueRule {
    @Override
    public String describe() {
      return String.format(Locale.ROOT, "from %,d to %,d%s", min, max,
          unit.isEmpty() ? "" : " " + unit);
    }

    @Override
    public String reason(String value) {
      return value + " is outside " + min + ".." + max + (unit.isEmpty() ? "" : " " + unit);
    }
  }

  /** A decimal amount from {@code min} to {@code max}, both included (such as a price). */
  record Amount(double min, double max) implements ValueRule {
    @Override
    public String describe() {
      return String.format(Locale.ROOT, "from %s to %s", plain(min), plain(max));
    }

    @Override
    public String reason(String value) {
      return value + " is outside " + plain(min) + ".." + plain(max);
    }

    private static String plain(double d) {
      return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
  }

  /** One of a few lower-case words ({@code *} among them where a wildcard is allowed). */
  record OneOf(List<String> words) implements ValueRule {
    public OneOf {
      words = List.copyOf(words);
    }

    @Override
    public Case textCase() {
      return Case.LOWER;
    }

    @Override
    public String describe() {
      return "one of " + String.join(", ", words);
    }
  }

  /** A lower-case word matching {@code regex} (a Java and Spark regular expression). */
  record Word(String regex, String description) implements ValueRule {
    @Override
    public Case textCase() {
      return Case.LOWER;
    }

    @Override
    public String describe() {
      return description;
    }
  }

  /** An assigned ISO 3166-1 alpha-2 code (and {@code *} when {@code star} is true). */
  record Country(boolean star) implements ValueRule {
    @Override
    public Case textCase() {
      return Case.UPPER;
    }

    /** Every value the rule accepts. */
    public List<String> allowed() {
      List<String> codes = new ArrayList<>(Countries.all());
      if (star) {
        codes.add("*");
      }
      return codes;
    }

    @Override
    public String describe() {
      return "an ISO 3166-1 alpha-2 country code" + (star ? " or *" : "");
    }
  }
}
