package io.deadair.common.domain;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Splits artists into emerging, mid and established. By default: emerging when the artist's
 * baseline listeners are at or below a low percentile of all artists and, if the debut date is
 * known, the debut is recent; established at or above a high percentile; mid otherwise. The
 * artists file's {@code emerging} column overrides the rule either way.
 *
 * @param emergingMaxListeners listeners at or below which an artist can be emerging
 * @param establishedMinListeners listeners at or above which an artist is established
 * @param emergingMaxDebutYears the most years since debut for an emerging artist
 */
public record SegmentRule(
    double emergingMaxListeners, double establishedMinListeners, int emergingMaxDebutYears)
    implements Serializable {

  /** The segment of one artist, as of {@code asOf} (the outage's start). */
  public Segment classify(double listeners, LocalDate debut, Boolean override, LocalDate asOf) {
    if (Boolean.TRUE.equals(override)) {
      return Segment.EMERGING;
    }
    boolean recent = debut == null || !debut.isBefore(asOf.minusYears(emergingMaxDebutYears));
    if (!Boolean.FALSE.equals(override) && listeners <= emergingMaxListeners && recent) {
      return Segment.EMERGING;
    }
    return listeners >= establishedMinListeners ? Segment.ESTABLISHED : Segment.MID;
  }
}
