package io.deadair.common.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class Countries {

  private static final Set<String> CODES = Set.of(Locale.getISOCountries());

  private Countries() {}

  /** Every assigned code, sorted. */
  public static List<String> all() {
    return CODES.stream().sorted().toList();
  }

  /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 code, in upper case. */
  public static boolean isValid(String code) {
    return code != null && CODES.contains(code);
  }
}
