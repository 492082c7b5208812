package io.deadair.common.revenue;

import io.deadair.common.domain.Scope;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one stream pays, by country and tier, with {@code *} fallbacks: (country, tier), then
 * (country, *), then (*, tier), then (*, *).
 */
public final class RateCard implements Serializable {

  private static final long serialVersionUID = 1L;
  private final Map<String, Double> rates = new HashMap<>();

  /** Adds one row; {@code country} and {@code tier} may be {@code *}. */
  public RateCard put(String country, String tier, double usdPerStream) {
    if (!(usdPerStream >= 0) || usdPerStream > 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "Rate for %s/%s must be between 0 and 1 USD per stream, not %s", country, tier,
          usdPerStream));
    }
    rates.put(key(norm(country, true), norm(tier, false)), usdPerStream);
    return this;
  }

  /** Checks that the card has the (*, *) row every lookup can fall back to. */
  public RateCard requireFallback(String where) {
    if (!rates.containsKey(key(Scope.ALL_TOKEN, Scope.ALL_TOKEN))) {
      throw new IllegalArgumentException(where + ": the rate card needs a fallback row with"
          + " country * and tier *");
    }
    return this;
  }

  /** The rate for a play from {@code country} on {@code tier}; either may be null. */
  public double rate(String country, String tier) {
    String c = country == null ? Scope.ALL_TOKEN : norm(country, true);
    String t = tier == null ? Scope.ALL_TOKEN : norm(tier, false);
    for (String k : new String[] {key(c, t), key(c, "*"), key("*", t), key("*", "*")}) {
      Double r = rates.get(k);
      if (r != null) {
        return r;
      }
    }
    throw new IllegalStateException("Rate card has no fallback row (*, *)");
  }

  private static String norm(String s, boolean upper) {
    String t = s.trim();
    return upper ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT);
  }

  private static String key(String country, String tier) {
    return country + "|" + tier;
  }
}
