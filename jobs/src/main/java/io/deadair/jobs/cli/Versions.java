package io.deadair.jobs.cli;

import io.deadair.jobs.runfolder.DeadAirVersion;
import org.apache.spark.package$;
import picocli.CommandLine.IVersionProvider;

/** The versions of Dead Air, Spark and Java, as {@code --version} prints them. */
public final class Versions implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "Dead Air " + DeadAirVersion.get(),
      "Spark " + package$.MODULE$.SPARK_VERSION(),
      "Java " + System.getProperty("java.version")
    };
  }
}
