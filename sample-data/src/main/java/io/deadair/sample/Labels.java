package io.deadair.sample;

import java.util.List;

/**
 * The simulated labels: three majors and eight independents. Each signed artist is on one of
 * its kind, drawn from its own hash stream so that no other draw moves; self-released artists
 * have none.
 */
final class Labels {

  /** A label's id and display name. */
  record Label(String id, String name) {}

  static final List<Label> MAJORS = List.of(new Label("lm1", "Northgate Records"),
      new Label("lm2", "Meridian Music Group"), new Label("lm3", "Halcyon Sound"));

  static final List<Label> INDIES = List.of(new Label("li1", "Small Hours"),
      new Label("li2", "Paper Lantern"), new Label("li3", "Blue Quarry"),
      new Label("li4", "Kettle & Wire"), new Label("li5", "Sodium Lights"),
      new Label("li6", "Låg Tid Records"), new Label("li7", "Marea Discos"),
      new Label("li8", "Öffentlich Records"));

  private Labels() {}

  /** The label of artist {@code a} of a world with seed {@code seed}, or null. */
  static Label of(long seed, int a, String labelType) {
    List<Label> pool = switch (labelType) {
      case "major" -> MAJORS;
      case "indie" -> INDIES;
      default -> List.of();
    };
    if (pool.isEmpty()) {
      return null;
    }
    // Majors sign unevenly, as the real market is: the first holds about half.
    double u = Hashing.unit(seed, a, 9);
    int i = pool == MAJORS ? (u < 0.5 ? 0 : u < 0.8 ? 1 : 2) : (int) (u * pool.size());
    return pool.get(i);
  }
}
