package accord.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code accord} command and its subcommands. */
@Command(
    name = "accord",
    mixinStandardHelpOptions = true,
    version = "accord 0.1",
    description = "Accord: the verifiable joint record of a security accord.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      InitCommand.class,
      UserCommand.class,
      KeysCommand.class,
      VerifyCommand.class,
      RebuildCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      NotifyCommand.class,
      GazetteerCommand.class,
      MeetingsCommand.class,
      ScoresCommand.class,
      HealthCommand.class,
      ReportCommand.class,
      CasesCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line; bad input gets one clear line on stderr and a non-zero exit code. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      line.getErr().println("accord: " + msg);
      return ex instanceof IllegalArgumentException || ex instanceof IllegalStateException ? 2 : 1;
    });
    return cl.execute(args);
  }
}
