package accord.health;

import accord.ledger.EntryCodec;
import accord.web.I18n;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;

/**
 * What the page's charts draw, already in the reader's language: month names, side names and
 * series, so the chart script only lays them out.
 */
public final class HealthCharts {
  private HealthCharts() {}

  public static ObjectNode json(HealthFigures f, I18n.Messages m) {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    o.put("rtl", m.rtl());
    ArrayNode months = o.putArray("months");
    for (YearMonth ym : f.period().months()) {
      months.add(Calendars.month(ym, m.lang()));
    }
    ObjectNode inc = o.putObject("incidents");
    inc.put("incidents", m.t("health.incidents")).put("fatalities", m.t("health.fatalities"));
    ArrayNode series = inc.putArray("series");
    for (String side : f.incidents().sides()) {
      ObjectNode s = series.addObject().put("side", side).put("name", HealthSummary.side(side, f, m));
      ArrayNode counts = s.putArray("incidents");
      ArrayNode deaths = s.putArray("fatalities");
      for (YearMonth ym : f.period().months()) {
        IncidentFigures.Month cell = f.incidents().cell(ym, side);
        counts.add(cell.incidents());
        deaths.add(cell.fatalities());
      }
    }
    ObjectNode cases = o.putObject("cases");
    cases.put("received", m.t("health.cases.received")).put("ack", m.t("health.cases.ackontime"))
        .put("responded", m.t("health.cases.respondedontime"));
    ArrayNode parties = cases.putArray("parties");
    ArrayNode received = cases.putArray("receivedBy");
    ArrayNode ack = cases.putArray("ackBy");
    ArrayNode responded = cases.putArray("respondedBy");
    for (var p : f.cases().parties()) {
      parties.add(HealthSummary.party(p.party(), f, m));
      received.add(p.received());
      ack.add(p.acknowledgedOnTime());
      responded.add(p.respondedOnTime());
    }
    ObjectNode scores = o.putObject("scores");
    scores.put("label", m.t("health.scores.percent"));
    ArrayNode themes = scores.putArray("themes");
    ArrayNode percent = scores.putArray("percent");
    for (var t : f.engagement().rollUp().themes()) {
      themes.add(m.t("theme." + t.name()));
      percent.add(HealthExport.round(t.percent()));
    }
    return o;
  }
}
