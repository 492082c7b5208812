package io.deadair.common.cube;

import io.deadair.common.domain.Countries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed codes of the cube: every country and tier the data contract allows has one number,
 * the same on every executor, so partial cubes need not carry them as text.
 */
public final class CubeCodes {

  /**
   * Index to country: 0 is "no country" (stream counts may lack it), then every ISO 3166-1
   * alpha-2 code in order. The service model indexes countries the same way.
   */
  public static final List<String> COUNTRIES = countries();
  /** Index to tier: 0 is "no tier", then the contract's tiers. */
  public static final List<String> TIERS = Collections.unmodifiableList(
      Arrays.asList(null, "premium", "free"));

  private static final Map<String, Integer> COUNTRY_CODES = index(COUNTRIES);
  private static final Map<String, Integer> TIER_CODES = index(TIERS);

  private CubeCodes() {}

  private static List<String> countries() {
    List<String> out = new ArrayList<>();
    out.add(null);
    out.addAll(Countries.all());
    return Collections.unmodifiableList(out);
  }

  private static Map<String, Integer> index(List<String> values) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 1; i < values.size(); i++) {
      m.put(values.get(i), i);
    }
    return m;
  }

  /** The code of an upper-case ISO country, 0 for null, -1 for anything else. */
  public static int country(String code) {
    return code == null ? 0 : COUNTRY_CODES.getOrDefault(code, -1);
  }

  /** The code of a lower-case tier, 0 for null, -1 for anything else. */
  public static int tier(String tier) {
    return tier == null ? 0 : TIER_CODES.getOrDefault(tier, -1);
  }
}
