package io.deadair.jobs.cli;

import io.deadair.jobs.read.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code deadair} command line: one entry point for every job, locally or submitted. */
@Command(
    name = "deadair",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description = "Measures what a music-streaming outage cost each artist.",
    subcommands = {RunCommand.class, ReportCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class DeadAir implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code; tests call this instead of main. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new DeadAir());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof InputException || e instanceof IllegalArgumentException) {
        commandLine.getErr().println("deadair: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
