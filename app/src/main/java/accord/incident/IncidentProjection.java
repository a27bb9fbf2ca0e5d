package accord.incident;

import accord.accord.AccordProjection;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.LogStore;
import accord.ledger.Projection;
import accord.ledger.WriteBehind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** The incident register's read model: reads what an entry refers to, applies the rules, stores rows. */
public final class IncidentProjection implements Projection {
  @Override
  public boolean handles(String type) {
    return type.startsWith("incident.");
  }

  @Override
  public void decide(Handle h, Entry e) {
    IncidentRules.decide(AccordProjection.load(h, e.accord()), known(h, e), e);
  }

  @Override
  public void evolve(Handle h, Entry e, long index) {
    IncidentNotices.post(h, e, index);
    String at = EntryCodec.formatTime(e.time());
    if (e.type().equals(IncidentRules.FINDING)) {
      var s = e.body().get("supports");
      LogStore.exec(LogStore.prepared(h, "INSERT INTO incident_finding (accord, idx, incident, party, author, lang, at, supports, text)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"), e.accord(), index, e.body().get("incident").asLong(), e.party(),
          e.user(), e.lang(), at, s == null || s.isNull() ? null : s.asLong(), e.body().get("text").asText());
      return;
    }
    Report r = IncidentRules.evolve(e).orElseThrow();
    boolean report = e.type().equals(IncidentRules.REPORT);
    long incident = report ? index : e.body().get("incident").asLong();
    if (report) {
      LogStore.exec(LogStore.prepared(h, "INSERT INTO incident (accord, id, external_id, reported_by, date, date_end, date_precision,"
              + " country, admin1, admin2, location, lat, lon, geo_precision, event_type, sub_event_type, fatalities_best,"
              + " provisions, text, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          e.accord(), index, r.externalId(), e.party(), r.date(), r.dateEnd(), r.datePrecision(),
          r.place().country(), r.place().admin1(), r.place().admin2(), r.place().location(), r.place().lat(),
          r.place().lon(), r.place().precision(), r.eventType(), r.subEventType(), r.fatalities().best(),
          r.provisions().isEmpty() ? "" : "," + String.join(",", r.provisions()) + ",", r.text(), at);
    }
    // The account and its actors are held to the end of the batch (read back only by an account of
    // the same incident, which flushes first).
    WriteBehind.insert(h, "INSERT INTO incident_account (accord, idx, incident, kind, party, author, lang, at, date,"
            + " event_type, sub_event_type, fatalities_low, fatalities_best, fatalities_high, injuries_low, injuries_best,"
            + " injuries_high, text, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.accord(), index, incident, report ? "report" : "account", e.party(), e.user(), e.lang(), at, r.date(),
        r.eventType(), r.subEventType(), r.fatalities().low(), r.fatalities().best(), r.fatalities().high(),
        r.injuries().low(), r.injuries().best(), r.injuries().high(), r.text(), EntryCodec.canonical(e.body()));
    int ordinal = 0;
    for (Report.Actor a : r.actors()) {
      WriteBehind.insert(h, "INSERT INTO incident_actor (accord, account, ordinal, incident, name, role, grp) VALUES (?, ?, ?, ?, ?, ?, ?)",
          e.accord(), index, ordinal++, incident, a.name(), a.role(), a.group());
    }
    IncidentIndex.apply(h, e.accord(), index, incident, report, e.party(), r);
  }

  @Override
  public List<String> tables() {
    return List.of("incident", "incident_account", "incident_actor", "incident_finding", "incident_search", "incident_month", "incident_cell",
        "incident_group", "incident_group_cell", "incident_month_filter");
  }

  /** What the register holds that this entry refers to. */
  private static IncidentRules.Known known(Handle h, Entry e) {
    var b = e.body();
    boolean externalTaken = b.path("external_id").isTextual()
        && externalIdTaken(h, e.accord(), b.get("external_id").asText());
    if (!b.path("incident").isIntegralNumber()) {
      return new IncidentRules.Known(false, Set.of(), externalTaken);
    }
    long incident = b.get("incident").asLong();
    WriteBehind.flush(h); // this incident's accounts may still be held
    boolean exists = h.createQuery("SELECT COUNT(*) FROM incident WHERE accord = :a AND id = :i")
        .bind("a", e.accord()).bind("i", incident).mapTo(Long.class).one() > 0;
    Set<Long> accounts = new HashSet<>(h.createQuery("SELECT idx FROM incident_account WHERE accord = :a AND incident = :i")
        .bind("a", e.accord()).bind("i", incident).mapTo(Long.class).list());
    return new IncidentRules.Known(exists, accounts, externalTaken);
  }

  public static boolean externalIdTaken(Handle h, String accord, String externalId) {
    PreparedStatement ps = LogStore.prepared(h, "SELECT 1 FROM incident WHERE accord = ? AND external_id = ?");
    try {
      ps.setString(1, accord);
      ps.setString(2, externalId);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot look up " + externalId + ": " + ex.getMessage(), ex);
    }
  }

}
