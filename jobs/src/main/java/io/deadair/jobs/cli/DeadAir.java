package io.deadair.jobs.cli;

import io.deadair.common.io.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code deadair} command line: one entry point for every job, locally or submitted. */
@Command(
    name = "deadair",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description = "Measures what a music-streaming outage cost each artist.",
    subcommands = {RunCommand.class, DetectCommand.class, ReportCommand.class,
        GenerateCommand.class,
        CommandLine.HelpCommand.class})
public final class DeadAir implements Runnable {

  /** Exit code for input, configuration and flag errors. */
  public static final int BAD_INPUT = 2;
  /** Exit code for any other failure. */
  public static final int FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static boolean verbose;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Show stack traces, of Dead Air and of Spark, when something fails.")
  void setVerbose(boolean on) {
    verbose = on;
    // Read by log4j2.properties when Spark first logs, which is after the flags are parsed.
    System.setProperty("deadair.trace", on ? "full" : "none");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code; tests call this instead of main. */
  public static int execute(String... args) {
    verbose = false;
    CommandLine cli = new CommandLine(new DeadAir());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      boolean told = e instanceof InputException || e instanceof IllegalArgumentException;
      boolean input = told || Failures.unreadableFile(e).isPresent();
      err.println("deadair: " + (told ? e.getMessage() : Failures.describe(e)));
      if (verbose) {
        e.printStackTrace(err);
      } else if (!input) {
        err.println("deadair: run again with --verbose for the stack trace");
      }
      err.flush();
      return input ? BAD_INPUT : FAILED;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
