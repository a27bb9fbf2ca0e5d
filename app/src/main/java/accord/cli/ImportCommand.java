package accord.cli;

import accord.accord.DefaultInstance;
import accord.incident.AcledImport;
import accord.incident.CsvImport;
import accord.incident.UcdpImport;
import accord.node.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import event data into an accord's incident register.",
    subcommands = {ImportCommand.Acled.class, ImportCommand.Ucdp.class})
final class ImportCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "acled",
      mixinStandardHelpOptions = true,
      description = "Import an ACLED CSV export (the 31-column layout or an older trimmed one, with its header):"
          + " one incident report per row, rows already imported are skipped, bad rows are listed by line.")
  static final class Acled extends FileImport {
    @Override
    CsvImport importer(Node n, CsvImport.Options options) {
      return new AcledImport(n, options);
    }
  }

  @Command(
      name = "ucdp",
      mixinStandardHelpOptions = true,
      description = "Import a UCDP GED CSV file (49 columns with or without a header, or the 13-column extract):"
          + " one incident report per row, rows already imported are skipped, bad rows are listed by line.")
  static final class Ucdp extends FileImport {
    @Override
    CsvImport importer(Node n, CsvImport.Options options) {
      return new UcdpImport(n, options);
    }
  }

  /** The options and output every source's import shares. */
  abstract static class FileImport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the CSV file")
    Path file;

    @Option(names = "--accord", required = true, description = "the accord whose register receives the incidents")
    String accord;

    @Option(names = "--party", defaultValue = DefaultInstance.SECRETARIAT, description = "the member reporting them (default: ${DEFAULT-VALUE})")
    String party;

    @Option(names = "--dry-run", description = "report what would change and write nothing")
    boolean dryRun;

    @Option(names = "--all-or-nothing", description = "write nothing if any row is bad")
    boolean allOrNothing;

    @Mixin NodeOptions node;

    abstract CsvImport importer(Node n, CsvImport.Options options);

    @Override
    public Integer call() {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no file " + file);
      }
      try (Node n = node.open()) {
        var options = new CsvImport.Options(accord, party, "import", dryRun, allOrNothing);
        ProgressBar bar = new ProgressBar(System.err, System.console() != null, dryRun, System::nanoTime);
        CsvImport.Result r = importer(n, options).run(file, bar::update);
        bar.done();
        r.bad().forEach(b -> System.out.println("line " + b.line() + ": " + b.reason()));
        if (!dryRun && !r.committed()) {
          System.out.println("wrote nothing: " + r.bad().size() + " bad rows and --all-or-nothing");
        } else {
          System.out.println((dryRun ? "would add " : "added ") + r.added() + " incidents; " + r.skipped()
              + " already in the register; " + r.bad().size() + " bad rows; " + r.flagged()
              + (dryRun ? " would be held" : " held") + " for review as likely duplicates");
        }
        return r.bad().isEmpty() ? 0 : 1;
      }
    }
  }
}
