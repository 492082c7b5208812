package io.deadair.jobs.tables;

import io.deadair.common.contract.DrillDownTables;
import io.deadair.common.contract.OutputTables;
import io.deadair.jobs.runfolder.OutputWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * One CSV per label under {@code csv/labels/}: the label's rows of artist_impact, what a partner
 * manager would email to the label. Written for the labels that lost the most revenue, when
 * artist_impact was small enough to be written from the driver.
 */
public final class LabelFiles {

  /** The most label files one run writes. */
  static final int MAX_FILES = 50;

  private LabelFiles() {}

  /** The file of a label, under the run folder. */
  public static String path(String labelId) {
    return "csv/labels/" + labelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
  }

  /** Writes the files; returns how many. */
  static int write(OutputWriter writer) {
    List<Row> impact = writer.written().get(OutputTables.ARTIST_IMPACT.name());
    List<Row> labels = writer.written().get(DrillDownTables.LABEL_IMPACT.name());
    if (impact == null || labels == null) {
      return 0;
    }
    Map<String, Double> revenue = new HashMap<>();
    for (Row r : labels) {
      revenue.merge(r.getAs("label_id"), r.<Double>getAs("lost_revenue_usd"), Double::sum);
    }
    List<String> top = revenue.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_FILES).map(Map.Entry::getKey).toList();
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    top.forEach(l -> rows.put(l, new ArrayList<>()));
    for (Row r : impact) {
      String label = r.getAs("label_id");
      List<Row> mine = rows.get(label == null ? DrillDownTables.INDEPENDENT : label);
      if (mine != null) {
        mine.add(r);
      }
    }
    rows.forEach((label, rs) -> {
      rs.sort(Comparator.comparing((Row r) -> r.<String>getAs("outage_id"))
          .thenComparing(r -> -r.<Double>getAs("lost_revenue_usd")));
      writer.writeCsv(OutputTables.ARTIST_IMPACT, rs, path(label));
    });
    return rows.size();
  }
}
