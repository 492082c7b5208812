package io.deadair.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architecture of docs/architecture.md, checked on the compiled main classes of every
 * module: the job's packages form a pipeline in which each depends only on those before it,
 * no package of any module is in a cycle, and common and charts never reach Spark or the jobs.
 */
class ArchitectureTest {

  /** The job's packages, first to last: each may use only those before it. */
  static final List<String> PIPELINE = List.of("spark", "read", "cube", "detect", "estimate",
      "runfolder", "tables", "report", "impact", "cli");

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.deadair");

  @Test
  void everyModuleIsCheckedAndEveryJobPackageIsInThePipeline() {
    assertThat(CLASSES.contain("io.deadair.common.model.ServiceModel")).isTrue();
    assertThat(CLASSES.contain("io.deadair.charts.ReportRenderer")).isTrue();
    assertThat(CLASSES.contain("io.deadair.sample.Generator")).isTrue();
    List<String> found = CLASSES.stream().map(JavaClass::getPackageName)
        .filter(p -> p.startsWith("io.deadair.jobs."))
        .map(p -> p.substring("io.deadair.jobs.".length()).split("\\.")[0]).distinct().toList();
    assertThat(PIPELINE).containsAll(found);
  }

  @Test
  void noJobPackageDependsOnALaterOne() {
    for (int i = 0; i < PIPELINE.size() - 1; i++) {
      String[] later = PIPELINE.subList(i + 1, PIPELINE.size()).stream()
          .map(p -> "io.deadair.jobs." + p + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("io.deadair.jobs." + PIPELINE.get(i) + "..")
          .should().dependOnClassesThat().resideInAnyPackage(later)
          .because("the pipeline flows one way (docs/architecture.md)").check(CLASSES);
    }
  }

  @Test
  void noPackageOfAnyModuleIsInACycle() {
    slices().matching("io.deadair.jobs.(*)..").should().beFreeOfCycles().check(CLASSES);
    slices().matching("io.deadair.common.(*)..").should().beFreeOfCycles().check(CLASSES);
    slices().matching("io.deadair.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void commonChartsAndTheGeneratorNeverReachUpward() {
    noClasses().that().resideInAnyPackage("io.deadair.common..", "io.deadair.charts..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..",
            "io.deadair.jobs..", "io.deadair.sample..")
        .because("statistics and charts run without Spark").check(CLASSES);
    noClasses().that().resideInAPackage("io.deadair.sample..")
        .should().dependOnClassesThat().resideInAnyPackage("io.deadair.jobs..",
            "io.deadair.charts..")
        .check(CLASSES);
  }
}
