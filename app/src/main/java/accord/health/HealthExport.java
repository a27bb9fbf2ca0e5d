package accord.health;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The figures as JSON (snake_case, for the API) and as CSV (one row per figure, for spreadsheets). */
public final class HealthExport {
  public static final String[] CSV_HEADER = {"section", "figure", "party", "month", "value"};

  private HealthExport() {}

  public static ObjectNode json(HealthFigures f, String summary) {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    o.put("accord", f.accord()).put("title", f.title())
        .put("from", f.period().from().toString()).put("to", f.period().to().toString());
    ArrayNode parties = o.putArray("parties");
    f.parties().forEach((code, name) -> parties.addObject().put("code", code).put("name", name));
    IncidentFigures i = f.incidents();
    ObjectNode inc = o.putObject("incidents");
    inc.put("total", i.incidents()).put("fatalities", i.fatalities());
    ArrayNode sides = inc.putArray("by_side");
    for (String s : i.sides()) {
      sides.addObject().put("side", s).put("incidents", i.incidentsBySide().get(s))
          .put("fatalities", i.fatalitiesBySide().get(s));
    }
    ObjectNode reporters = inc.putObject("reported_by");
    i.reportedBy().forEach(reporters::put);
    ArrayNode months = inc.putArray("by_month");
    for (IncidentFigures.Month m : i.byMonth()) {
      months.addObject().put("month", m.month().toString()).put("side", m.side())
          .put("incidents", m.incidents()).put("fatalities", m.fatalities());
    }
    o.put("summary", summary);
    return o;
  }

  /** Writes the CSV: a header, then section, figure, party (or side), month, value per figure. */
  public static void csv(HealthFigures f, Writer out) {
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
      IncidentFigures i = f.incidents();
      p.printRecord("incidents", "incidents", "", "", i.incidents());
      p.printRecord("incidents", "fatalities", "", "", i.fatalities());
      for (String s : i.sides()) {
        p.printRecord("incidents", "incidents", s, "", i.incidentsBySide().get(s));
        p.printRecord("incidents", "fatalities", s, "", i.fatalitiesBySide().get(s));
      }
      for (Map.Entry<String, Long> r : i.reportedBy().entrySet()) {
        p.printRecord("incidents", "reported_by", r.getKey(), "", r.getValue());
      }
      for (IncidentFigures.Month m : i.byMonth()) {
        p.printRecord("incidents", "incidents", m.side(), m.month().toString(), m.incidents());
        p.printRecord("incidents", "fatalities", m.side(), m.month().toString(), m.fatalities());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
