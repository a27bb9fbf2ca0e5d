package accord.tlog.cli;

/** A failure the tool reports as one line on stderr, with the exit status it maps to. */
final class CliException extends RuntimeException {
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final int exitCode;

  private CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The command line or its input is wrong: exit 2. */
  static CliException usage(String message) {
    return new CliException(USAGE, message);
  }

  /** The input is well formed but does not check out: exit 1. */
  static CliException failed(String message) {
    return new CliException(FAILED, message);
  }

  int exitCode() {
    return exitCode;
  }
}
