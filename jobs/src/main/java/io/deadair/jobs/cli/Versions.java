package io.deadair.jobs.cli;

import picocli.CommandLine.IVersionProvider;

/** The versions of Dead Air, Spark and Java, as {@code --version} prints them. */
public final class Versions implements IVersionProvider {

  /** Dead Air's version, from the jar manifest, or "dev" when run from classes. */
  public static String deadAir() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "Dead Air " + deadAir(),
      "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION(),
      "Java " + System.getProperty("java.version")
    };
  }
}
