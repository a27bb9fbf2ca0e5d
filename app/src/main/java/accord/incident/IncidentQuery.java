package accord.incident;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads of the incident register: the filtered, paged list and one incident in full. Parameterised only. */
public final class IncidentQuery {
  /** The list's filters; null means "any". Dates are YYYY-MM-DD, inclusive. */
  public record Filter(String from, String to, String admin1, String admin2, String group, String type, String q,
      String provision) {
    public static final Filter ANY = new Filter(null, null, null, null, null, null, null, null);
  }

  private static final String COLUMNS = "i.id, i.external_id, i.reported_by, i.date, i.date_end, i.date_precision,"
      + " i.country, i.admin1, i.admin2, i.location, i.lat, i.lon, i.geo_precision, i.event_type, i.sub_event_type,"
      + " i.fatalities_best, i.provisions, i.text, i.created";

  private IncidentQuery() {}

  public static long count(Handle h, String accord, Filter f) {
    Map<String, Object> binds = new HashMap<>();
    String where = where(accord, f, binds);
    return h.createQuery("SELECT COUNT(*) FROM incident i WHERE " + where).bindMap(binds).mapTo(Long.class).one();
  }

  public static List<ObjectNode> page(Handle h, String accord, Filter f, int limit, long offset) {
    Map<String, Object> binds = new HashMap<>();
    String where = where(accord, f, binds);
    binds.put("limit", limit);
    binds.put("offset", offset);
    List<Map<String, Object>> rows = h.createQuery("SELECT " + COLUMNS + " FROM incident i WHERE " + where
            + " ORDER BY i.date DESC, i.id DESC LIMIT :limit OFFSET :offset")
        .bindMap(binds).mapToMap().list();
    List<ObjectNode> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      ObjectNode o = incident(r);
      ArrayNode actors = o.putArray("actors");
      actors(h, accord, ((Number) r.get("id")).longValue()).forEach(actors::add);
      out.add(o);
    }
    return out;
  }

  /** One incident: as first reported, then every report and account side by side, then findings. */
  public static Optional<ObjectNode> one(Handle h, String accord, long id) {
    Optional<Map<String, Object>> row = h.createQuery("SELECT " + COLUMNS + " FROM incident i WHERE i.accord = :a AND i.id = :id")
        .bind("a", accord).bind("id", id).mapToMap().findOne();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode o = incident(row.get());
    ArrayNode accounts = o.putArray("accounts");
    for (Map<String, Object> a : h.createQuery("SELECT idx, kind, party, author, lang, at, body FROM incident_account"
            + " WHERE accord = :a AND incident = :id ORDER BY idx").bind("a", accord).bind("id", id).mapToMap().list()) {
      ObjectNode x = accounts.addObject();
      put(x, "id", a.get("idx"));
      for (String k : List.of("kind", "party", "author", "lang", "at")) {
        put(x, k, a.get(k));
      }
      try {
        x.set("report", EntryCodec.JSON.readTree((String) a.get("body")));
      } catch (Exception e) {
        throw new IllegalStateException("stored account " + a.get("idx") + " is not JSON", e);
      }
    }
    ArrayNode findings = o.putArray("findings");
    for (Map<String, Object> fnd : h.createQuery("SELECT idx, party, author, lang, at, supports, text FROM incident_finding"
            + " WHERE accord = :a AND incident = :id ORDER BY idx").bind("a", accord).bind("id", id).mapToMap().list()) {
      ObjectNode x = findings.addObject();
      put(x, "id", fnd.get("idx"));
      for (String k : List.of("party", "author", "lang", "at", "supports", "text")) {
        put(x, k, fnd.get(k));
      }
    }
    return Optional.of(o);
  }

  private static List<ObjectNode> actors(Handle h, String accord, long incident) {
    List<ObjectNode> out = new ArrayList<>();
    for (Map<String, Object> a : h.createQuery("SELECT account, name, role, grp FROM incident_actor"
            + " WHERE accord = :a AND incident = :i ORDER BY account, ordinal").bind("a", accord).bind("i", incident)
        .mapToMap().list()) {
      ObjectNode x = EntryCodec.JSON.createObjectNode();
      put(x, "account", a.get("account"));
      put(x, "name", a.get("name"));
      put(x, "role", a.get("role"));
      put(x, "group", a.get("grp"));
      out.add(x);
    }
    return out;
  }

  private static String where(String accord, Filter f, Map<String, Object> binds) {
    StringBuilder w = new StringBuilder("i.accord = :accord");
    binds.put("accord", accord);
    if (f.from() != null) {
      w.append(" AND i.date >= :from");
      binds.put("from", f.from());
    }
    if (f.to() != null) {
      w.append(" AND i.date <= :to");
      binds.put("to", f.to());
    }
    if (f.admin1() != null) {
      w.append(" AND LOWER(i.admin1) = :admin1");
      binds.put("admin1", f.admin1().toLowerCase(Locale.ROOT));
    }
    if (f.admin2() != null) {
      w.append(" AND LOWER(i.admin2) = :admin2");
      binds.put("admin2", f.admin2().toLowerCase(Locale.ROOT));
    }
    if (f.group() != null) {
      // Any account naming the group counts: the parties may disagree about who did it.
      w.append(" AND EXISTS (SELECT 1 FROM incident_actor x WHERE x.accord = i.accord AND x.incident = i.id AND x.grp = :group)");
      binds.put("group", f.group());
    }
    if (f.type() != null) {
      w.append(" AND (i.event_type = :type OR i.sub_event_type = :type)");
      binds.put("type", f.type());
    }
    if (f.provision() != null) {
      w.append(" AND i.provisions LIKE :provision ESCAPE '!'");
      binds.put("provision", "%," + like(f.provision()) + ",%");
    }
    if (f.q() != null) {
      w.append(" AND (LOWER(i.location) LIKE :q ESCAPE '!' OR LOWER(i.admin1) LIKE :q ESCAPE '!'"
          + " OR LOWER(i.admin2) LIKE :q ESCAPE '!'"
          + " OR EXISTS (SELECT 1 FROM incident_account c WHERE c.accord = i.accord AND c.incident = i.id"
          + " AND LOWER(c.text) LIKE :q ESCAPE '!')"
          + " OR EXISTS (SELECT 1 FROM incident_actor x WHERE x.accord = i.accord AND x.incident = i.id"
          + " AND LOWER(x.name) LIKE :q ESCAPE '!'))");
      binds.put("q", "%" + like(f.q().toLowerCase(Locale.ROOT)) + "%");
    }
    return w.toString();
  }

  /** LIKE wildcards in a user's text match themselves ('!' escapes: a backslash would be read by JDBI). */
  private static String like(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static ObjectNode incident(Map<String, Object> r) {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    put(o, "id", r.get("id"));
    put(o, "external_id", r.get("external_id"));
    put(o, "reported_by", r.get("reported_by"));
    put(o, "date", r.get("date"));
    put(o, "date_end", r.get("date_end"));
    put(o, "date_precision", r.get("date_precision"));
    ObjectNode place = o.putObject("place");
    for (String k : List.of("country", "admin1", "admin2", "location", "lat", "lon")) {
      put(place, k, r.get(k));
    }
    put(place, "precision", r.get("geo_precision"));
    put(o, "event_type", r.get("event_type"));
    put(o, "sub_event_type", r.get("sub_event_type"));
    put(o, "fatalities_best", r.get("fatalities_best"));
    ArrayNode provisions = o.putArray("provisions");
    for (String p : String.valueOf(r.get("provisions")).split(",")) {
      if (!p.isEmpty()) {
        provisions.add(p);
      }
    }
    put(o, "text", r.get("text"));
    put(o, "created", r.get("created"));
    return o;
  }

  private static void put(ObjectNode o, String k, Object v) {
    if (v == null) {
      o.putNull(k);
    } else if (v instanceof Double d) {
      o.put(k, d);
    } else if (v instanceof Float fl) {
      o.put(k, fl.doubleValue());
    } else if (v instanceof Number n) {
      o.put(k, n.longValue());
    } else {
      o.put(k, v.toString());
    }
  }
}
