package accord.health;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.web.I18n;
import accord.web.TestServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF report: it opens, carries the figures and charts, the same figures give the same bytes,
 * and Urdu comes out in real glyphs, joined, right to left. Pages are also written as PNG to
 * {@code target/reports/} for a person to look at.
 */
class HealthReportTest {
  static final Path OUT = Path.of(System.getProperty("basedir", "."), "target", "reports");
  static final String API = "/api/accords/kabul-2025/report.pdf?" + HealthSeed.PERIOD;

  @TempDir Path dir;

  @Test
  void theReportHasTheFiguresAndIsReproducible() throws Exception {
    try (TestServer s = new TestServer(Engines.SQLITE, dir)) {
      HealthSeed.incidents(s);
      String af = s.login("af.liaison");
      var r = s.get(API + "&lang=en", af);
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
      assertThat(r.raw().headers().firstValue("X-Report-SHA256")).hasValue(HealthReport.sha256(r.body()));
      Files.createDirectories(OUT);
      Files.write(OUT.resolve("health-en.pdf"), r.body());
      try (PDDocument doc = Loader.loadPDF(r.body())) {
        String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        assertThat(text).contains("Joint report: is the accord holding?", "Kabul understanding, April 2025",
            "From May 1, 2026 to October 31, 2026, 7 incidents were recorded (3 in Pakistan, 2 in Afghanistan,",
            "Pakistan 3 6", "Afghanistan 2 10", "other countries 1 1", "places not recorded 1 3", "7 20",
            "June 2026 2", "June 2026 10", "September 2026 0", "For Pakistan", "For Afghanistan", "report.sign");
        assertThat(doc.getDocumentInformation().getCreationDate().toInstant().toString()).isEqualTo("2026-10-31T00:00:00Z");
        assertThat(doc.getDocument().getDocumentID()).isNotNull();
        // The charts are drawn: SVG bars become vector paths, so the page holds many more
        // coloured pixels than text alone would give.
        BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
        assertThat(countPixels(page, HealthReportTest::green)).as("green bars of Pakistan").isGreaterThan(500);
        assertThat(countPixels(page, HealthReportTest::red)).as("red bars of Afghanistan").isGreaterThan(500);
      }
      // Rendered again, by the other party, later: the same bytes, so both can sign one digest.
      var again = s.get(API + "&lang=en", s.login("pk.liaison"));
      assertThat(again.body()).isEqualTo(r.body());
      var other = s.get("/api/accords/kabul-2025/report.pdf?from=2026-05-01&to=2026-09-30&lang=en", af);
      assertThat(HealthReport.sha256(other.body())).isNotEqualTo(HealthReport.sha256(r.body()));
      assertThat(s.get(API + "&lang=xx", af).status()).isEqualTo(400);
      assertThat(s.get(API + "&lang=en", null).status()).isEqualTo(401);
    }
  }

  @Test
  void urduIsDrawnWithRealGlyphsJoinedAndRightToLeft() throws Exception {
    try (TestServer s = new TestServer(Engines.SQLITE, dir)) {
      HealthSeed.incidents(s);
      var r = s.get(API + "&lang=ur", s.login("pk.liaison"));
      assertThat(r.status()).isEqualTo(200);
      Files.createDirectories(OUT);
      Files.write(OUT.resolve("health-ur.pdf"), r.body());
      try (PDDocument doc = Loader.loadPDF(r.body())) {
        List<TextPosition> glyphs = glyphs(doc, 1);
        // No tofu: every glyph drawn exists in the embedded font (glyph 0 is .notdef, the empty box).
        long notdef = glyphs.stream().filter(HealthReportTest::isNotdef).count();
        assertThat(notdef).isZero();
        // Shaped: letters are drawn in their joining forms, including Urdu's own
        // (medial yeh in کیا and میں, initial heh goal in ہوئے and معاہدہ).
        String drawn = glyphs.stream().map(TextPosition::getUnicode).reduce("", String::concat);
        assertThat(drawn.codePoints().filter(c -> c >= 0xFB50 && c <= 0xFEFC).count()).isGreaterThan(150);
        assertThat(drawn).contains("\uFBFF", "\uFBA8");
        // Right to left: the title's glyphs read from the rightmost to the leftmost spell it.
        float titleY = (float) glyphs.stream().mapToDouble(TextPosition::getY).min().orElseThrow();
        String title = glyphs.stream().filter(g -> Math.abs(g.getY() - titleY) < 2)
            .sorted(Comparator.comparing(TextPosition::getX).reversed())
            .map(TextPosition::getUnicode).reduce("", String::concat);
        String want = I18n.messages("ur").t("health.report.title");
        assertThat(base(title).replace(" ", "")).isEqualTo(base(want).replace(" ", ""));
        // The figures are there, in the summary and the tables.
        assertThat(base(drawn)).contains("20").contains("10");
        PDFRenderer render = new PDFRenderer(doc);
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
          BufferedImage img = render.renderImageWithDPI(i, 110);
          ImageIO.write(img, "png", OUT.resolve("health-ur-" + (i + 1) + ".png").toFile());
        }
        // Not blank: the title's band of the first page is inked.
        BufferedImage first = render.renderImageWithDPI(0, 72);
        assertThat(countPixels(first.getSubimage(0, 40, first.getWidth(), 40), HealthReportTest::dark)).as("inked pixels of the title").isGreaterThan(300);
      }
    }
  }

  @Test
  void pashtoAndDariHaveEveryGlyph() throws Exception {
    try (TestServer s = new TestServer(Engines.SQLITE, dir)) {
      HealthSeed.incidents(s);
      String token = s.login("af.liaison");
      Files.createDirectories(OUT);
      for (String lang : new String[] {"ps", "fa-AF"}) {
        var r = s.get(API + "&lang=" + lang, token);
        assertThat(r.status()).isEqualTo(200);
        Files.write(OUT.resolve("health-" + lang + ".pdf"), r.body());
        try (PDDocument doc = Loader.loadPDF(r.body())) {
          for (int page = 1; page <= doc.getNumberOfPages(); page++) {
            assertThat(glyphs(doc, page).stream().filter(HealthReportTest::isNotdef).count()).as(lang + " page " + page).isZero();
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(page - 1, 110), "png",
                OUT.resolve("health-" + lang + "-" + page + ".png").toFile());
          }
          // The summary's place names, as the bundle spells them, are on the page.
          String drawn = base(glyphs(doc, 1).stream().map(TextPosition::getUnicode).reduce("", String::concat));
          assertThat(drawn).contains(new StringBuilder(I18n.messages(lang).t("health.country.AF")).reverse().toString());
        }
      }
    }
  }

  /** The text's letters in their base form (presentation forms folded by NFKC), spaces kept. */
  static String base(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC);
  }

  static boolean isNotdef(TextPosition t) {
    if (!(t.getFont() instanceof PDType0Font f)) {
      return false;
    }
    try {
      for (int code : t.getCharacterCodes()) {
        if (f.codeToGID(code) == 0) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<TextPosition> glyphs(PDDocument doc, int page) throws IOException {
    List<TextPosition> all = new ArrayList<>();
    PDFTextStripper s = new PDFTextStripper() {
      @Override
      protected void processTextPosition(TextPosition t) {
        if (!t.getUnicode().isBlank()) {
          all.add(t);
        }
      }
    };
    s.setStartPage(page);
    s.setEndPage(page);
    s.getText(doc);
    return all;
  }

  interface Rgb {
    boolean test(int r, int g, int b);
  }

  static long countPixels(BufferedImage img, Rgb p) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int c = img.getRGB(x, y);
        if (p.test((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff)) {
          n++;
        }
      }
    }
    return n;
  }

  static boolean green(int r, int g, int b) {
    return Math.abs(r - 0x1b) < 20 && Math.abs(g - 0x6e) < 20 && Math.abs(b - 0x3a) < 20;
  }

  static boolean red(int r, int g, int b) {
    return Math.abs(r - 0xb3) < 20 && Math.abs(g - 0x26) < 20 && Math.abs(b - 0x1e) < 20;
  }

  static boolean dark(int r, int g, int b) {
    return r + g + b < 200;
  }
}
