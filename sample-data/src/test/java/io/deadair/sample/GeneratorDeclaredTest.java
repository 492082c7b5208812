package io.deadair.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.sample.testing.GeneratedData;
import io.deadair.sample.testing.SharedSpark;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * An incident log that is late, rounded and incomplete: outages.csv gives what was declared,
 * truth/outages.csv what happened and how it was declared.
 */
class GeneratorDeclaredTest {

  @Test
  void outagesCsvHoldsTheDeclaredWindowsAndTheTruthEveryOutage() {
    GeneratorOptions o = GeneratedData.generate("declared", new GeneratorOptions("", 50, 14,
        2_000, GeneratorOptions.defaultUsers(2_000), 5, LocalDate.of(2026, 2, 2), 0,
        List.of("global:1:0.5:10h20:rounded", "platform:0.5:0.6:14h10:none",
            "regional:2:0.8:16:vague")));
    SparkSession spark = SharedSpark.session();
    List<Row> declared = spark.read().option("header", "true")
        .csv(o.out() + "/outages.csv").orderBy("start").collectAsList();
    List<Row> truth = spark.read().option("header", "true")
        .csv(o.out() + "/truth/outages.csv").orderBy("start").collectAsList();

    assertThat(declared).extracting(r -> r.<String>getAs("outage_id"))
        .containsExactly("global-1", "regional-1");
    assertThat(declared.get(0).<String>getAs("start")).endsWith("T10:00:00Z");
    assertThat(declared.get(0).<String>getAs("end")).endsWith("T12:00:00Z");
    assertThat(declared.get(1).<String>getAs("countries")).as("declared worldwide")
        .isEqualTo("*");

    assertThat(truth).extracting(r -> r.<String>getAs("outage_id"))
        .containsExactly("global-1", "platform-1", "regional-1");
    assertThat(truth).extracting(r -> r.<String>getAs("declared"))
        .containsExactly("rounded", "none", "vague");
    assertThat(truth.get(0).<String>getAs("start")).endsWith("T10:20:00Z");
    assertThat(truth.get(0).<String>getAs("declared_start")).endsWith("T10:00:00Z");
    assertThat(truth.get(1).<String>getAs("declared_start")).isNull();
    assertThat(truth.get(2).<String>getAs("countries")).as("truly regional").isNotEqualTo("*");
    assertThat(Long.parseLong(truth.get(1).getAs("removed_plays")))
        .as("the undeclared outage still removed plays").isPositive();
  }
}
