package io.deadair.jobs.cube;

import io.deadair.common.cube.CubeAggregate;
import io.deadair.common.cube.PassTotals;
import io.deadair.common.cube.ServiceBuckets;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Adds stream counts, already parsed and checked by the reader's projection, to a cube. Rows
 * come in the columns {@code bucket_start, bucket_minutes, artist_id, track_id, country, tier,
 * streams}, then the reader's reason column. A bucket of an hour or less falls in the hour it
 * starts in; a longer one (up to a day) is spread evenly over its hours, each part kept if an
 * outage needs its hour. The row counts as used or outside by its first hour; either way its
 * streams count in the service's series under the bucket's start ({@link ServiceBuckets}).
 */
final class CountRows implements PlaySource.BatchCoder<InternalRow> {

  private static final int REASON = 7;

  @Override
  public void add(InternalRow row, CubeAggregate cube, PassTotals totals, PlayClock clock) {
    if (!row.isNullAt(REASON)) {
      totals.countRejected();
      return;
    }
    long micros = row.getLong(0);
    long second = Math.floorDiv(micros, 1_000_000L);
    int minutes = row.getInt(1);
    int span = Math.max(1, (minutes + 59) / 60);
    long firstHour = Math.floorDiv(second, 3600);
    int artist = PlayCoder.ARTIST.code(row.getUTF8String(2), cube);
    int track = row.isNullAt(3) ? 0 : PlayCoder.TRACK.code(row.getUTF8String(3), cube);
    int country = row.isNullAt(4) ? 0 : PlayCoder.COUNTRY.code(row.getUTF8String(4), cube);
    int tier = row.isNullAt(5) ? 0 : PlayCoder.TIER.code(row.getUTF8String(5), cube);
    cube.addServicePlays(country, 0, Math.floorDiv(second, 60), row.getLong(6));
    double part = (double) row.getLong(6) / span;
    boolean used = false;
    for (int k = 0; k < span; k++) {
      long hour = firstHour + k;
      long day = Math.floorDiv(second + 3600L * k, 86_400);
      if (clock.slotOfHour(hour) < 0) {
        cube.addOutside(artist, track, (int) (day - clock.layout().firstDay()), part);
        continue;
      }
      used |= k == 0;
      cube.addCount(artist, (int) (hour - clock.layout().firstHour()), country, tier, track,
          (int) (day - clock.layout().firstDay()), part);
      totals.addBucket(second, minutes);
    }
    if (used) {
      cube.countUsedRow();
    } else {
      totals.countOutside();
    }
  }
}
