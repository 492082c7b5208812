package io.deadair.common.domain;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Splits artists into emerging, mid and established by their audience in the baseline: emerging
 * at or below one line when the debut date is known and recent (an unknown debut is not
 * recent); established at or above another; mid otherwise. The artists file's {@code emerging}
 * column overrides the rule either way. The lines come from {@code SegmentSettings}.
 *
 * @param emergingMaxListeners audience at or below which an artist can be emerging (negative:
 *     none can, as on a chart)
 * @param establishedMinListeners audience at or above which an artist is established
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
    boolean recent = debut != null && !debut.isBefore(asOf.minusYears(emergingMaxDebutYears));
    if (!Boolean.FALSE.equals(override) && listeners <= emergingMaxListeners && recent) {
      return Segment.EMERGING;
    }
    return listeners >= establishedMinListeners ? Segment.ESTABLISHED : Segment.MID;
  }
}
