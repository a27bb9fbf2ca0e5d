package accord.health;

import accord.casework.CaseFigures;
import accord.engagement.EngagementFigures;
import accord.engagement.RollUp;
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
    cases(f, o.putObject("cases"));
    engagement(f, o.putObject("engagement"));
    o.put("summary", summary);
    return o;
  }

  private static void cases(HealthFigures f, ObjectNode c) {
    c.put("received", f.casesReceived()).put("acknowledged_on_time", f.casesAcknowledgedOnTime())
        .put("responded_on_time", f.casesRespondedOnTime()).put("overdue_now", f.casesOverdueNow());
    ArrayNode parties = c.putArray("by_party");
    for (CaseFigures.Party p : f.cases().parties()) {
      ObjectNode o = parties.addObject().put("party", p.party()).put("received", p.received())
          .put("acknowledged_on_time", p.acknowledgedOnTime()).put("responded_on_time", p.respondedOnTime());
      o.put("median_hours_to_acknowledge", p.medianHoursToAcknowledge());
      o.put("median_hours_to_respond", p.medianHoursToRespond());
      o.put("actions_reported", p.actionsReported()).put("verified", p.verified()).put("disputed", p.disputed())
          .put("escalated", p.escalated()).put("overdue_now", p.overdueNow());
    }
    ArrayNode months = c.putArray("by_month");
    for (CaseFigures.Month m : f.cases().months()) {
      months.addObject().put("month", m.month()).put("party", m.party()).put("received", m.received())
          .put("acknowledged_on_time", m.acknowledgedOnTime());
    }
  }

  private static void engagement(HealthFigures f, ObjectNode o) {
    EngagementFigures.Figures e = f.engagement();
    o.put("meetings_held", f.meetingsHeld()).put("meetings_expected", f.meetingsExpected());
    ObjectNode bodies = o.putObject("meetings_by_body");
    e.meetingsExpectedByBody().forEach((body, expected) -> bodies.putObject(body)
        .put("held", e.meetingsByBody().getOrDefault(body, 0)).put("expected", expected));
    ObjectNode levels = o.putObject("meetings_by_level");
    e.meetingsByLevel().forEach(levels::put);
    o.putObject("action_items").put("due", e.actionsDue()).put("done", e.actionsDone()).put("overdue", e.actionsOverdue());
    o.put("decisions_adopted", e.decisionsAdopted());
    ObjectNode exchanges = o.putObject("exchanges");
    e.exchangesByKind().forEach(exchanges::put);
    ObjectNode scores = o.putObject("scores");
    ObjectNode provisions = scores.putObject("provisions");
    e.scores().forEach(provisions::put);
    ArrayNode themes = scores.putArray("themes");
    for (RollUp.Part t : e.rollUp().themes()) {
      themes.addObject().put("theme", t.name()).put("provisions", t.provisions()).put("scored", t.scored())
          .put("sum", t.sum()).put("percent", round(t.percent()));
    }
    RollUp.Part a = e.rollUp().accord();
    scores.put("accord_percent", round(a.percent())).put("provisions_scored", a.scored()).put("provisions", a.provisions());
  }

  /** Percentages to one decimal, so the JSON and CSV read the same as the page. */
  static double round(double percent) {
    return Math.round(percent * 10) / 10.0;
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
      for (CaseFigures.Party c : f.cases().parties()) {
        p.printRecord("cases", "received", c.party(), "", c.received());
        p.printRecord("cases", "acknowledged_on_time", c.party(), "", c.acknowledgedOnTime());
        p.printRecord("cases", "responded_on_time", c.party(), "", c.respondedOnTime());
        p.printRecord("cases", "median_hours_to_acknowledge", c.party(), "", c.medianHoursToAcknowledge() == null ? "" : round(c.medianHoursToAcknowledge()));
        p.printRecord("cases", "median_hours_to_respond", c.party(), "", c.medianHoursToRespond() == null ? "" : round(c.medianHoursToRespond()));
        p.printRecord("cases", "actions_reported", c.party(), "", c.actionsReported());
        p.printRecord("cases", "verified", c.party(), "", c.verified());
        p.printRecord("cases", "disputed", c.party(), "", c.disputed());
        p.printRecord("cases", "escalated", c.party(), "", c.escalated());
        p.printRecord("cases", "overdue_now", c.party(), "", c.overdueNow());
      }
      for (CaseFigures.Month c : f.cases().months()) {
        p.printRecord("cases", "received", c.party(), c.month(), c.received());
        p.printRecord("cases", "acknowledged_on_time", c.party(), c.month(), c.acknowledgedOnTime());
      }
      // Engagement rows name a body, theme or provision in the party column: the figure says which.
      EngagementFigures.Figures e = f.engagement();
      p.printRecord("engagement", "meetings_held", "", "", f.meetingsHeld());
      p.printRecord("engagement", "meetings_expected", "", "", f.meetingsExpected());
      for (var b : e.meetingsExpectedByBody().entrySet()) {
        p.printRecord("engagement", "meetings_held_by_body", b.getKey(), "", e.meetingsByBody().getOrDefault(b.getKey(), 0));
        p.printRecord("engagement", "meetings_expected_by_body", b.getKey(), "", b.getValue());
      }
      p.printRecord("engagement", "action_items_due", "", "", e.actionsDue());
      p.printRecord("engagement", "action_items_done", "", "", e.actionsDone());
      p.printRecord("engagement", "action_items_overdue", "", "", e.actionsOverdue());
      p.printRecord("engagement", "decisions_adopted", "", "", e.decisionsAdopted());
      for (var x : e.exchangesByKind().entrySet()) {
        p.printRecord("engagement", "exchanges_" + x.getKey(), "", "", x.getValue());
      }
      for (var s : e.scores().entrySet()) {
        p.printRecord("scores", "provision_score", s.getKey(), "", s.getValue());
      }
      for (RollUp.Part t : e.rollUp().themes()) {
        p.printRecord("scores", "theme_percent", t.name(), "", round(t.percent()));
      }
      p.printRecord("scores", "accord_percent", "", "", round(e.rollUp().accord().percent()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
