package io.deadair.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.sample.ArtistCatalog.Artist;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArtistCatalogTest {

  private final GeneratorOptions options = GeneratorOptions.defaults("x");
  private final ArtistCatalog catalog = ArtistCatalog.build(options);

  @Test
  void sharesFollowRankAndSumToOne() {
    double sum = catalog.artists().stream().mapToDouble(Artist::share).sum();
    assertThat(sum).as("sum of popularity shares").isCloseTo(1.0, within(1e-9));
    assertThat(catalog.get(0).share() / catalog.get(9).share()).as("rank 1 over rank 10")
        .isCloseTo(Math.pow(10, ArtistCatalog.ZIPF_EXPONENT), within(1e-9));
  }

  @Test
  void namesAreUniqueAndSomeNeedEscaping() {
    Set<String> names = new HashSet<>();
    for (Artist a : catalog.artists()) {
      assertThat(names.add(a.name())).as("name %s is unique", a.name()).isTrue();
    }
    assertThat(names).as("names with an ampersand").anyMatch(n -> n.contains("&"));
    assertThat(names).as("names beyond ASCII").anyMatch(n -> n.chars().anyMatch(c -> c > 127));
  }

  @Test
  void emergingArtistsDebutedRecentlyAndSomeReleaseInTheLastWeek() {
    long emerging = catalog.artists().stream().filter(Artist::emerging).count();
    assertThat(emerging / (double) catalog.size()).as("emerging share").isBetween(0.3, 0.42);
    var end = options.start().plusDays(options.days());
    for (Artist a : catalog.artists()) {
      if (a.emerging()) {
        assertThat(a.debutDate()).as("debut of %s", a.id())
            .isAfter(end.minusDays(ArtistCatalog.EMERGING_DEBUT_DAYS + 1));
      }
    }
    long lastWeekReleases = catalog.artists().stream()
        .filter(a -> a.emerging() && a.releaseDay() >= options.days() - 7).count();
    assertThat(lastWeekReleases).as("emerging releases in the last week").isGreaterThan(10);
  }
}
