package io.deadair.common.detect;

import io.deadair.common.domain.Scope;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Which countries and platforms a drop covers, by drilling down as ThirdEye does: starting
 * from the series that found the drop, a platform is in scope when its plays inside the scope's
 * countries are clearly likelier under the scope's drop than under none (by a likelihood ratio
 * of e^{@value #MARGIN}), out of it when clearly likelier under none, then a country likewise
 * inside the scope's platforms, twice over. A country or platform that cannot tell either way
 * (too small, or in between) is in scope only when none is clearly out, so that a worldwide
 * outage is not reported as sparing the smallest markets, nor a regional one as spreading to a
 * market asleep at the time.
 */
final class ScopeFinder {

  /** The log-likelihood ratio that decides a country or platform in or out. */
  static final double MARGIN = 3;
  private static final int ROUNDS = 2;

  private final List<ServiceSeries.Part> parts;
  private final double[] observed;
  private final double[] expected;

  /**
   * @param observed per part, its plays over the window
   * @param expected per part, the plays expected over the window
   */
  ScopeFinder(List<ServiceSeries.Part> parts, double[] observed, double[] expected) {
    this.parts = parts;
    this.observed = observed;
    this.expected = expected;
  }

  /** The scope of a drop first seen on the parts {@code seed} accepts. */
  Scope[] scope(IntPredicate seed) {
    Set<String> countries = named(seed, ServiceSeries.Part::country);
    Set<String> platforms = named(seed, ServiceSeries.Part::platform);
    Scope c = Scope.all();
    Scope p = Scope.all();
    if (countries.size() == 1) {
      c = new Scope(countries);
    }
    if (platforms.size() == 1) {
      p = new Scope(platforms);
    }
    for (int round = 0; round < ROUNDS; round++) {
      Scope cs = c;
      p = choose(ServiceSeries.Part::platform, q -> cs.contains(parts.get(q).country()), p);
      Scope ps = p;
      c = choose(ServiceSeries.Part::country, q -> ps.contains(parts.get(q).platform()), c);
    }
    return new Scope[] {c, p};
  }

  /** The distinct non-null values of one dimension over the parts {@code chosen} accepts. */
  private Set<String> named(IntPredicate chosen, Function<ServiceSeries.Part, String> dim) {
    Set<String> out = new TreeSet<>();
    for (int q = 0; q < parts.size(); q++) {
      String v = dim.apply(parts.get(q));
      if (chosen.test(q) && v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The values of {@code dim} whose plays, among the parts {@code within} accepts, fell as the
   * current scope's ({@code current} along this dimension) did.
   */
  private Scope choose(Function<ServiceSeries.Part, String> dim, IntPredicate within,
      Scope current) {
    double x = 0;
    double e = 0;
    for (int q = 0; q < parts.size(); q++) {
      if (within.test(q) && current.contains(dim.apply(parts.get(q)))) {
        x += observed[q];
        e += expected[q];
      }
    }
    double drop = e > 0 ? Math.max(0, Math.min(0.999, 1 - x / e)) : 0;
    Set<String> in = new TreeSet<>();
    Set<String> out = new TreeSet<>();
    for (String v : named(q -> within.test(q), dim)) {
      double[] xe = sum(q -> within.test(q) && v.equals(dim.apply(parts.get(q))));
      double llr = xe[0] * Math.log(1 - drop) + drop * xe[1];
      if (llr > MARGIN) {
        in.add(v);
      } else if (llr < -MARGIN) {
        out.add(v);
      }
    }
    if (out.isEmpty()) {
      return Scope.all();
    }
    return new Scope(in.isEmpty() ? current.values() : in);
  }

  private double[] sum(IntPredicate chosen) {
    double[] xe = new double[2];
    for (int q = 0; q < parts.size(); q++) {
      if (chosen.test(q)) {
        xe[0] += observed[q];
        xe[1] += expected[q];
      }
    }
    return xe;
  }
}
