package accord.cli;

import accord.health.HealthFigures;
import accord.health.HealthReport;
import accord.health.Period;
import accord.node.Node;
import accord.web.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write an accord's joint health report for a period as PDF, and print its SHA-256 (what the parties sign).")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--accord", required = true, description = "the accord")
  String accord;

  @Option(names = "--from", description = "first day, YYYY-MM-DD (default: the first day of the month 11 months ago)")
  String from;

  @Option(names = "--to", description = "last day, YYYY-MM-DD (default: today)")
  String to;

  @Option(names = "--lang", defaultValue = "en", description = "en, ur, ps or fa-AF (default: ${DEFAULT-VALUE})")
  String lang;

  @Option(names = "--out", required = true, description = "the PDF file to write")
  Path out;

  @Mixin NodeOptions node;

  @Override
  public Integer call() throws IOException {
    if (!I18n.LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException("--lang must be one of " + I18n.LANGUAGES + ", not " + lang);
    }
    try (Node n = node.open()) {
      Period p = Period.of(from, to, n.clock());
      HealthFigures f = n.db().jdbi().withHandle(h -> HealthFigures.load(h, accord, p, p.asOf(n.clock())))
          .orElseThrow(() -> new IllegalArgumentException("no accord " + accord));
      byte[] pdf = HealthReport.render(f, lang);
      // Written beside the target and moved into place, so a reader never sees half a file.
      Path dir = out.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".report", ".pdf");
      try {
        Files.write(tmp, pdf);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      System.out.println("wrote " + out + " (" + pdf.length + " bytes), " + f.title() + ", " + p.from() + " to " + p.to() + ", " + lang);
      System.out.println("sha256 " + HealthReport.sha256(pdf));
      return 0;
    }
  }
}
