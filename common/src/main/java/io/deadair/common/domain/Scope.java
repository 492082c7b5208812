package io.deadair.common.domain;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The part of the service an outage covers along one dimension (countries or platforms): all of
 * it, or a named set of values.
 *
 * @param values the covered values; empty means all
 */
public record Scope(Set<String> values) implements Serializable {

  /** The text that means "everything" in files and flags. */
  public static final String ALL_TOKEN = "*";

  private static final Scope ALL = new Scope(Set.of());

  public Scope {
    values = Set.copyOf(new TreeSet<>(values));
  }

  public static Scope all() {
    return ALL;
  }

  public static Scope of(String... values) {
    return new Scope(Set.of(values));
  }

  /**
   * Parses {@code *} or a {@code ;}-separated list; blanks around items are ignored. Upper-cases
   * when {@code upperCase}, else lower-cases, so that {@code de} and {@code DE} mean one country.
   */
  public static Scope parse(String text, boolean upperCase) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A scope must be * or a ;-separated list, not empty");
    }
    String trimmed = text.trim();
    if (trimmed.equals(ALL_TOKEN)) {
      return ALL;
    }
    Set<String> items =
        Arrays.stream(trimmed.split(";"))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> upperCase ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toCollection(TreeSet::new));
    if (items.contains(ALL_TOKEN)) {
      throw new IllegalArgumentException("* must stand alone in a scope, not in a list: " + text);
    }
    return new Scope(items);
  }

  public boolean isAll() {
    return values.isEmpty();
  }

  public boolean contains(String value) {
    return isAll() || values.contains(value);
  }

  /** The form written to files: {@code *} or the sorted values joined by {@code ;}. */
  public String format() {
    return isAll() ? ALL_TOKEN : String.join(";", new TreeSet<>(values));
  }

  @Override
  public String toString() {
    return format();
  }
}
