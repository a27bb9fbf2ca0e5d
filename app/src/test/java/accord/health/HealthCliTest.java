package accord.health;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.cli.Cli;
import accord.web.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord health} prints the figures and summary; {@code accord report} writes the PDF the API serves. */
class HealthCliTest {
  @TempDir Path dir;


  static Cli.Run run(String... args) {
    return Cli.run("", args);
  }

  @Test
  void healthAndReportFromTheCommandLine() throws Exception {
    Path data = dir.resolve("node");
    String served;
    try (TestServer s = new TestServer(Engines.SQLITE, data)) {
      HealthSeed.incidents(s);
      served = s.get("/api/accords/kabul-2025/report.pdf?" + HealthSeed.PERIOD + "&lang=ur", s.login("pk.liaison"))
          .raw().headers().firstValue("X-Report-SHA256").orElseThrow();
    }
    Cli.Run health = run("health", "--accord", "kabul-2025", "--from", HealthSeed.FROM, "--to", HealthSeed.TO, "--data", data.toString());
    assertThat(health.code()).as(health.err()).isZero();
    assertThat(health.out()).contains("incidents 7, deaths 20")
        .containsPattern("on the territory of PK\\s+3 incidents\\s+6 deaths")
        .containsPattern("reported by AF\\s+3")
        .contains("2026-06  PK 0/0  AF 2/10")
        .contains("From May 1, 2026 to October 31, 2026, 7 incidents were recorded");
    Cli.Run urdu = run("health", "--accord", "kabul-2025", "--from", HealthSeed.FROM, "--to", HealthSeed.TO, "--lang", "ur", "--data", data.toString());
    assertThat(urdu.out()).contains("7 واقعات درج ہوئے");

    Path pdf = dir.resolve("out/report-ur.pdf");
    Cli.Run report = run("report", "--accord", "kabul-2025", "--from", HealthSeed.FROM, "--to", HealthSeed.TO, "--lang", "ur",
        "--out", pdf.toString(), "--data", data.toString());
    assertThat(report.code()).as(report.err()).isZero();
    // The same bytes as the node served: a party can check the digest it is asked to sign offline.
    assertThat(report.out()).contains("sha256 " + served);
    assertThat(HealthReport.sha256(Files.readAllBytes(pdf))).isEqualTo(served);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("20");
    }

    Cli.Run bad = run("report", "--accord", "kabul-2025", "--from", "2026-11-01", "--to", "2026-10-01", "--out", pdf.toString(), "--data", data.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("after").doesNotContain("Exception");
    assertThat(run("health", "--accord", "nowhere", "--data", data.toString()).err()).contains("no accord nowhere");
    assertThat(run("health", "--accord", "kabul-2025", "--lang", "de", "--data", data.toString()).err()).contains("--lang");
  }
}
