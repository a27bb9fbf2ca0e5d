package accord.health;

import accord.tlog.Hash;
import accord.web.I18n;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The joint report as a PDF, rendered on the server from the jte template {@code health/report.jte}
 * with OpenHTMLtoPDF: ICU bidi and Arabic shaping for Urdu, Pashto and Dari, the bundled Noto
 * Naskh Arabic font (which also has Latin letters), charts as SVG.
 *
 * <p>The same figures in the same language give the same bytes, so each party can render the
 * report on its own node and sign its SHA-256: the document's dates are the period's end, its
 * identifier is derived from the figures, and nothing depends on when or where it was rendered.
 */
public final class HealthReport {
  public static final String FONT = "Noto Naskh Arabic";
  private static final String[][] FONT_FILES = {
    {"400", "pdf/fonts/400Regular/NotoNaskhArabic_400Regular.ttf"},
    {"700", "pdf/fonts/700Bold/NotoNaskhArabic_700Bold.ttf"},
  };
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  static {
    // The renderer reports every stylesheet parse and font load at INFO; keep its warnings only.
    for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
      com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
    }
  }

  /** One bar of a chart: its label, the bar as SVG, and the numbers it stands for. */
  public record BarRow(String label, String svg, String value) {}

  /** A chart: title, legend (colour to name) and bars. */
  public record Chart(String title, Map<String, String> legend, List<BarRow> rows) {}

  /** A table of figures: its title, header and rows, cells in reading order. */
  public record Table(String title, List<Cell> header, List<List<Cell>> rows) {}

  private HealthReport() {}

  /**
   * Cells of a table row in the order they are laid out: the PDF renderer lays table columns out
   * left to right whatever the direction, so a right-to-left report gives them in reverse.
   */
  public static <T> List<T> laidOut(List<T> cells, boolean rtl) {
    if (!rtl) {
      return cells;
    }
    List<T> r = new ArrayList<>(cells);
    java.util.Collections.reverse(r);
    return r;
  }

  /** One cell: its text (or markup) and whether it holds a number, an SVG or text. */
  public record Cell(String text, String kind) {
    public static Cell text(String t) {
      return new Cell(t, "t");
    }

    public static Cell number(String t) {
      return new Cell(t, "n");
    }

    public static Cell svg(String t) {
      return new Cell(t, "svg");
    }
  }

  /** The PDF of {@code f} in language {@code lang}. */
  public static byte[] render(HealthFigures f, String lang) {
    I18n.Messages m = I18n.messages(lang);
    StringOutput html = new StringOutput();
    ENGINE.render("health/report.jte", Map.of(
        "m", m, "figures", f, "summary", HealthSummary.of(f, m), "charts", charts(f, m),
        "tables", tables(f, m), "sectionCharts", sectionCharts(f, m)), html);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder b = new PdfRendererBuilder();
      for (String[] font : FONT_FILES) {
        if (HealthReport.class.getClassLoader().getResource(font[1]) == null) {
          throw new IllegalStateException("the report font " + font[1] + " is not in this build");
        }
        b.useFont(() -> open(font[1]), FONT, Integer.valueOf(font[0]), BaseRendererBuilder.FontStyle.NORMAL, true);
      }
      b.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
      b.useUnicodeBidiReorderer(new ArabicForms.Reorderer());
      b.defaultTextDirection(m.rtl() ? BaseRendererBuilder.TextDirection.RTL : BaseRendererBuilder.TextDirection.LTR);
      b.useSVGDrawer(new BatikSVGDrawer());
      // Nothing is fetched while rendering: the template refers to no outside resource.
      b.useExternalResourceAccessControl((uri, type) -> false,
          com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      b.withHtmlContent(html.toString(), null);
      b.withProducer("Accord");
      b.toStream(out);
      b.run();
      return reproducible(out.toByteArray(), f, lang);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report: " + e.getMessage(), e);
    }
  }

  /** The report's SHA-256 as lower-case hex: what a party signs. */
  public static String sha256(byte[] pdf) {
    return Hash.toHex(Hash.sha256(pdf));
  }

  /**
   * Fixes what PDF writers take from the clock or from chance: creation and modification dates
   * become the period's last day, and the document identifier is derived from the figures.
   */
  static byte[] reproducible(byte[] pdf, HealthFigures f, String lang) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentInformation info = doc.getDocumentInformation();
      Calendar at = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
      at.setTimeInMillis(f.period().to().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
      info.setCreationDate(at);
      info.setModificationDate(at);
      info.setProducer("Accord");
      info.setTitle(f.title() + " " + f.period().from() + " " + f.period().to());
      byte[] id = Arrays.copyOf(Hash.sha256((HealthExport.json(f, "").toString() + "\n" + lang)
          .getBytes(StandardCharsets.UTF_8)), 16);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static List<Chart> charts(HealthFigures f, I18n.Messages m) {
    List<Chart> charts = new ArrayList<>();
    IncidentFigures inc = f.incidents();
    Map<String, String> legend = new java.util.LinkedHashMap<>();
    List<String> sides = inc.sides();
    for (int i = 0; i < sides.size(); i++) {
      legend.put(SvgBars.colour(i), HealthSummary.side(sides.get(i), f, m));
    }
    long maxIncidents = 1;
    long maxDeaths = 1;
    for (YearMonth ym : f.period().months()) {
      long c = 0;
      long d = 0;
      for (String s : sides) {
        c += inc.cell(ym, s).incidents();
        d += inc.cell(ym, s).fatalities();
      }
      maxIncidents = Math.max(maxIncidents, c);
      maxDeaths = Math.max(maxDeaths, d);
    }
    List<BarRow> incidents = new ArrayList<>();
    List<BarRow> deaths = new ArrayList<>();
    for (YearMonth ym : f.period().months()) {
      List<SvgBars.Segment> ci = new ArrayList<>();
      List<SvgBars.Segment> cd = new ArrayList<>();
      long c = 0;
      long d = 0;
      for (int i = 0; i < sides.size(); i++) {
        IncidentFigures.Month cell = inc.cell(ym, sides.get(i));
        ci.add(new SvgBars.Segment(cell.incidents(), SvgBars.colour(i)));
        cd.add(new SvgBars.Segment(cell.fatalities(), SvgBars.colour(i)));
        c += cell.incidents();
        d += cell.fatalities();
      }
      String label = Calendars.month(ym, m.lang());
      incidents.add(new BarRow(label, SvgBars.bar(ci, maxIncidents, 300, 12, m.rtl()), m.number(c)));
      deaths.add(new BarRow(label, SvgBars.bar(cd, maxDeaths, 300, 12, m.rtl()), m.number(d)));
    }
    charts.add(new Chart(m.t("health.incidents"), legend, incidents));
    charts.add(new Chart(m.t("health.fatalities"), legend, deaths));
    return charts;
  }

  /** The notifications and engagement sections as tables. */
  static List<Table> tables(HealthFigures f, I18n.Messages m) {
    List<Table> tables = new ArrayList<>();
    List<List<Cell>> cases = new ArrayList<>();
    for (var c : f.cases().parties()) {
      cases.add(List.of(Cell.text(HealthSummary.party(c.party(), f, m)), Cell.number(m.number(c.received())),
          Cell.number(m.number(c.acknowledgedOnTime())), Cell.number(m.number(c.respondedOnTime())),
          Cell.number(m.number(c.escalated())), Cell.number(m.number(c.overdueNow()))));
    }
    tables.add(new Table(m.t("health.cases"), List.of(Cell.text(m.t("health.cases.party")),
        Cell.number(m.t("health.cases.received")), Cell.number(m.t("health.cases.ackontime")),
        Cell.number(m.t("health.cases.respondedontime")), Cell.number(m.t("health.cases.escalated")),
        Cell.number(m.t("health.cases.overdue"))), cases));
    var e = f.engagement();
    List<List<Cell>> engagement = new ArrayList<>();
    engagement.add(List.of(Cell.text(m.t("health.meetings.held")),
        Cell.number(m.t("health.meetings.heldof", f.meetingsHeld(), f.meetingsExpected()))));
    for (var b : e.meetingsExpectedByBody().entrySet()) {
      engagement.add(List.of(Cell.text("  " + e.bodyName(b.getKey()) + " (" + b.getKey() + ")"),
          Cell.number(m.t("health.meetings.heldof", e.meetingsByBody().getOrDefault(b.getKey(), 0), b.getValue()))));
    }
    engagement.add(List.of(Cell.text(m.t("health.actions.due")), Cell.number(m.t("health.actions.doneof", e.actionsDone(), e.actionsDue()))));
    engagement.add(List.of(Cell.text(m.t("health.actions.overdue")), Cell.number(m.number(e.actionsOverdue()))));
    engagement.add(List.of(Cell.text(m.t("health.decisions")), Cell.number(m.number(e.decisionsAdopted()))));
    for (var x : e.exchangesByKind().entrySet()) {
      engagement.add(List.of(Cell.text(m.t("engagement.exchange.kind." + x.getKey())), Cell.number(m.number(x.getValue()))));
    }
    tables.add(new Table(m.t("health.engagement"), List.of(Cell.text(""), Cell.number("")), engagement));
    return tables;
  }

  /** Notifications answered on time per party, and implementation per theme, as bars. */
  static List<Chart> sectionCharts(HealthFigures f, I18n.Messages m) {
    List<Chart> charts = new ArrayList<>();
    Map<String, String> legend = new java.util.LinkedHashMap<>();
    legend.put("#1b6e3a", m.t("health.cases.ackontime"));
    legend.put("#adb5bd", m.t("health.cases.received"));
    long max = Math.max(1, f.cases().parties().stream().mapToLong(p -> p.received()).max().orElse(1));
    List<BarRow> cases = new ArrayList<>();
    for (var c : f.cases().parties()) {
      cases.add(new BarRow(HealthSummary.party(c.party(), f, m), SvgBars.bar(List.of(
          new SvgBars.Segment(c.acknowledgedOnTime(), "#1b6e3a"),
          new SvgBars.Segment(c.received() - c.acknowledgedOnTime(), "#adb5bd")), max, 300, 12, m.rtl()),
          m.t("health.cases.ontimeshare", c.acknowledgedOnTime(), c.received())));
    }
    charts.add(new Chart(m.t("health.chart.cases"), legend, cases));
    List<BarRow> themes = new ArrayList<>();
    for (var t : f.engagement().rollUp().themes()) {
      themes.add(new BarRow(m.t("theme." + t.name()), SvgBars.bar(List.of(
          new SvgBars.Segment(Math.round(t.percent()), "#1b6e3a")), 100, 300, 12, m.rtl()),
          HealthSummary.percent(t.percent(), m)));
    }
    charts.add(new Chart(m.t("health.chart.scores"), Map.of(), themes));
    return charts;
  }

  private static InputStream open(String resource) {
    return HealthReport.class.getClassLoader().getResourceAsStream(resource);
  }
}
