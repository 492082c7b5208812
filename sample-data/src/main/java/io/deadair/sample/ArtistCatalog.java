package io.deadair.sample;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The simulated artists: Zipf-like popularity, a catalogue of tracks each, a debut date and label,
 * a home country, a fan pool, and for some a release inside the period. Built on the driver; it is
 * small (one entry per artist) and shipped to the executors whole.
 */
final class ArtistCatalog implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Exponent of the popularity law: share of the artist at rank r is proportional to r^-s. */
  static final double ZIPF_EXPONENT = 1.0;

  /** Emerging artists debuted within this many days of the end of the data. */
  static final int EMERGING_DEBUT_DAYS = 730;

  /** One artist. {@code releaseDay} is a day index into the period, or -1 for no release. */
  record Artist(
      int index,
      String name,
      double share,
      LocalDate debutDate,
      String labelType,
      boolean emerging,
      int tracks,
      int homeCountry,
      double homeBias,
      int fanPool,
      int releaseDay,
      double releaseBump)
      implements Serializable {

    String id() {
      return artistId(index);
    }

    boolean hasRelease() {
      return releaseDay >= 0;
    }
  }

  private final List<Artist> artists;

  private ArtistCatalog(List<Artist> artists) {
    this.artists = List.copyOf(artists);
  }

  static String artistId(int index) {
    return String.format("a%05d", index);
  }

  static String trackId(int artist, int track) {
    return String.format("a%05d-t%03d", artist, track);
  }

  List<Artist> artists() {
    return artists;
  }

  Artist get(int index) {
    return artists.get(index);
  }

  int size() {
    return artists.size();
  }

  /** Builds the catalogue for the given options; same options, same catalogue. */
  static ArtistCatalog build(GeneratorOptions o) {
    int n = o.artists();
    double harmonic = 0;
    for (int r = 1; r <= n; r++) {
      harmonic += Math.pow(r, -ZIPF_EXPONENT);
    }
    LocalDate end = o.start().plusDays(o.days());
    Categorical countries = countryPicker();
    Set<String> names = new HashSet<>();
    List<Artist> out = new ArrayList<>(n);
    for (int a = 0; a < n; a++) {
      long s = o.seed();
      // Artist index a has popularity rank a + 1: the ids carry no meaning beyond that.
      double share = Math.pow(a + 1, -ZIPF_EXPONENT) / harmonic;
      boolean head = a < Math.max(1, n / 5);
      boolean emerging = !head && Hashing.unit(s, a, 1) < 0.45;
      LocalDate debut = debutDate(s, a, end, head, emerging);
      String label = labelType(Hashing.unit(s, a, 3), head);
      double expectedPlays = share * o.playsPerDay() * o.days();
      int tracks = 2 + (int) Math.min(58, Math.floor(Math.pow(expectedPlays, 0.3) * (0.5
          + Hashing.unit(s, a, 4))));
      int home = countries.pick(Hashing.unit(s, a, 5));
      double homeBias = emerging ? 0.6 : head ? 0.15 : 0.35;
      int pool =
          (int) Math.max(3, Math.min(o.users(), Math.round(1.5 * Math.pow(expectedPlays, 0.85))));
      int releaseDay = releaseDay(s, a, o, emerging);
      double bump = emerging ? 2.5 : head ? 0.8 : 1.5;
      out.add(new Artist(a, uniqueName(s, a, names), share, debut, label, emerging, tracks, home,
          homeBias, pool, releaseDay, bump));
    }
    return new ArtistCatalog(out);
  }

  static Categorical countryPicker() {
    return new Categorical(World.COUNTRIES.stream().mapToDouble(World.Country::weight).toArray());
  }

  private static LocalDate debutDate(long s, int a, LocalDate end, boolean head,
      boolean emerging) {
    double u = Hashing.unit(s, a, 2);
    if (emerging) {
      return end.minusDays(30 + (long) (u * (EMERGING_DEBUT_DAYS - 30)));
    }
    long minDays = head ? 3 * 365 : 2 * 365 + 1;
    long maxDays = head ? 30 * 365 : 15 * 365;
    return end.minusDays(minDays + (long) (u * (maxDays - minDays)));
  }

  private static String labelType(double u, boolean head) {
    if (head) {
      return u < 0.7 ? "major" : "indie";
    }
    return u < 0.15 ? "major" : u < 0.65 ? "indie" : "self-released";
  }

  /**
   * About 8 % of artists release a track in the period, on a Friday as the industry does;
   * emerging artists' releases favour the last weeks, where the outages are.
   */
  private static int releaseDay(long s, int a, GeneratorOptions o, boolean emerging) {
    double chance = emerging ? 0.14 : 0.05;
    if (Hashing.unit(s, a, 6) >= chance || o.days() < 14) {
      return -1;
    }
    List<Integer> fridays = new ArrayList<>();
    for (int d = 7; d < o.days() - 1; d++) {
      if (o.start().plusDays(d).getDayOfWeek().getValue() == 5) {
        fridays.add(d);
      }
    }
    if (fridays.isEmpty()) {
      return -1;
    }
    double u = Hashing.unit(s, a, 7);
    if (emerging && u < 0.5) {
      return fridays.get(fridays.size() - 1);
    }
    return fridays.get((int) (Hashing.unit(s, a, 8) * fridays.size()));
  }

  private static final String[] FIRST = {
    "Mira", "Jonas", "Aiko", "Luca", "Zoë", "Kwame", "Inès", "Mateo", "Saoirse", "Yuki", "Amara",
    "Felix", "Léa", "Tomasz", "Nia", "Rafael", "Ingrid", "Omar", "Priya", "Elif", "Sven", "Camila",
    "Dara", "Nikolai", "Ayo", "Beatriz", "Hugo", "Freya", "Kenji", "Lila", "Marisol", "Tobi",
    "Anouk", "Émile", "Rosa", "Idris", "Maja", "Joaquín", "Noor", "Pilar"
  };
  private static final String[] LAST = {
    "Okafor", "Lindqvist", "Tanaka", "Moreau", "Silva", "Novak", "Haddad", "Byrne", "Costa",
    "Kowalski", "Mensah", "Ferreira", "Schulz", "Demir", "Nakamura", "Ortiz", "Bianchi", "Adeyemi",
    "Janssen", "Rahman", "Castillo", "Varga", "Lund", "Achterberg", "Duarte", "Park", "Reyes",
    "Nilsen", "Oyelaran", "Quint"
  };
  private static final String[] BAND_A = {
    "Velvet", "Paper", "Neon", "Quiet", "Golden", "Static", "Hollow", "Electric", "Midnight",
    "Crystal", "Wild", "Silver", "Northern", "Lazy", "Broken", "Sugar", "Glass", "Lunar", "Copper",
    "Faded"
  };
  private static final String[] BAND_B = {
    "Owls", "Lanterns", "Tides", "Harbours", "Foxes", "Satellites", "Rivers", "Ghosts", "Machines",
    "Orchards", "Comets", "Pilots", "Echoes", "Wolves", "Gardens", "Signals", "Sparrows",
    "Mirrors", "Engines", "Waves"
  };

  private static String uniqueName(long s, int a, Set<String> used) {
    for (int attempt = 0; ; attempt++) {
      double kind = Hashing.unit(s, a, 10, attempt);
      int i = (int) (Hashing.unit(s, a, 11, attempt) * 1_000_000);
      String name;
      if (kind < 0.55) {
        name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
      } else if (kind < 0.85) {
        name = "The " + BAND_A[i % BAND_A.length] + " " + BAND_B[(i / BAND_A.length)
            % BAND_B.length];
      } else if (kind < 0.95) {
        name = BAND_A[i % BAND_A.length] + " & " + BAND_B[(i / BAND_A.length) % BAND_B.length];
      } else {
        name = FIRST[i % FIRST.length].toUpperCase(Locale.ROOT) + "X";
      }
      if (attempt > 3) {
        name = name + " " + (attempt - 2);
      }
      if (used.add(name)) {
        return name;
      }
    }
  }
}
