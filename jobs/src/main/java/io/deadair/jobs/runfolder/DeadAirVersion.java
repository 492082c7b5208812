package io.deadair.jobs.runfolder;

/**
 * Dead Air's own version, as run.json records it and {@code --version} prints it: from the jar
 * manifest, or "dev" when run from classes.
 */
public final class DeadAirVersion {

  private DeadAirVersion() {}

  public static String get() {
    String v = DeadAirVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
