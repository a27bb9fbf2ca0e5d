package accord.incident;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The SQL side of likely duplicates: finding the incidents an import's rows may repeat, and the
 * node's table of rows held for review. Parameterised only.
 */
public final class DuplicatesStore {
  public static final String PENDING = "pending";
  public static final String RESOLVING = "resolving";
  public static final String MERGED = "merged";
  public static final String SEPARATE = "separate";

  /** A row held for review. */
  public record Flag(String accord, String externalId, String source, long line, String party, String body,
      long candidate, String reasons, String flaggedBy, String flaggedAt, String status, String resolvedBy,
      String resolvedAt, Long entry) {}

  /** The incident a row likely repeats, and why. */
  public record Match(long candidate, List<String> reasons) {}

  private record Known(long id, String externalId, Duplicates.Event event) {}

  private DuplicatesStore() {}

  /** What the likeness test reads of a report body (one already checked by IncidentRules.read). */
  public static Duplicates.Event event(JsonNode body) {
    JsonNode place = body.path("place");
    Set<String> perpetrators = new HashSet<>();
    for (JsonNode a : body.path("actors")) {
      if (a.path("role").asText().equals("perpetrator")) {
        perpetrators.add(Duplicates.identity(a.hasNonNull("group") ? a.get("group").asText() : null, a.path("name").asText()));
      }
    }
    return new Duplicates.Event(LocalDate.parse(body.get("date").asText()), body.path("date_precision").asText("day"),
        place.hasNonNull("lat") ? place.get("lat").asDouble() : null, place.hasNonNull("lon") ? place.get("lon").asDouble() : null,
        place.hasNonNull("admin2") ? place.get("admin2").asText() : null, perpetrators);
  }

  /**
   * The likely duplicates among {@code rows} (by position), of incidents of this accord that did
   * not come from the same source: a source tells its own events apart, so two of its rows are two
   * events however alike. Rows are looked up together: their dates are grouped into runs and each
   * run is read once per date precision, through the (accord, date_precision, date) index.
   */
  public static Map<Integer, Match> find(Handle h, String accord, String sourcePrefix, List<Duplicates.Event> rows) {
    Map<Integer, Match> out = new HashMap<>();
    if (rows.isEmpty()) {
      return out;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> rows.get(a).date().compareTo(rows.get(b).date()));
    Map<Long, Set<String>> perpetrators = new HashMap<>();
    int start = 0;
    while (start < order.size()) {
      // A run: rows whose dates lie within a week of the previous one's.
      int end = start + 1;
      while (end < order.size()
          && !rows.get(order.get(end)).date().isAfter(rows.get(order.get(end - 1)).date().plusDays(7))) {
        end++;
      }
      List<Integer> run = order.subList(start, end);
      LocalDate from = rows.get(run.get(0)).date();
      LocalDate to = rows.get(run.get(run.size() - 1)).date();
      long rowSlack = 1;
      for (int i : run) {
        rowSlack = Math.max(rowSlack, Duplicates.slack(rows.get(i).datePrecision()));
      }
      List<Known> known = new ArrayList<>();
      for (String p : Report.DATE_PRECISIONS) {
        long w = Math.max(rowSlack, Duplicates.slack(p));
        known.addAll(h.createQuery("SELECT id, external_id, date, date_precision, lat, lon, admin2 FROM incident"
                + " WHERE accord = :a AND date_precision = :p AND date >= :from AND date <= :to")
            .bind("a", accord).bind("p", p).bind("from", from.minusDays(w).toString()).bind("to", to.plusDays(w).toString())
            .map((rs, ctx) -> new Known(rs.getLong(1), rs.getString(2), new Duplicates.Event(LocalDate.parse(rs.getString(3)),
                rs.getString(4), real(rs, 5), real(rs, 6), rs.getString(7), Set.of())))
            .filter(k -> k.externalId() == null || !k.externalId().startsWith(sourcePrefix))
            .list());
      }
      for (int i : run) {
        Duplicates.Event row = rows.get(i);
        for (Known k : known) {
          Set<String> names = perpetrators.computeIfAbsent(k.id(), id -> perpetrators(h, accord, id));
          Duplicates.Event existing = new Duplicates.Event(k.event().date(), k.event().datePrecision(), k.event().lat(),
              k.event().lon(), k.event().admin2(), names);
          List<String> reasons = Duplicates.likeness(row, existing);
          if (!reasons.isEmpty()) {
            out.put(i, new Match(k.id(), reasons));
            break;
          }
        }
      }
      start = end;
    }
    return out;
  }

  /** Every perpetrator any account of the incident names. */
  private static Set<String> perpetrators(Handle h, String accord, long incident) {
    Set<String> out = new HashSet<>();
    h.createQuery("SELECT grp, name FROM incident_actor WHERE accord = :a AND incident = :i AND role = 'perpetrator'")
        .bind("a", accord).bind("i", incident)
        .map((rs, ctx) -> out.add(Duplicates.identity(rs.getString(1), rs.getString(2)))).list();
    return out;
  }

  /** The external ids already held for review (in any state), which a re-import skips. */
  public static Set<String> held(Handle h, String accord) {
    return new HashSet<>(h.createQuery("SELECT external_id FROM incident_duplicate WHERE accord = :a")
        .bind("a", accord).mapTo(String.class).list());
  }

  public static void insert(Handle h, List<Flag> flags) {
    if (flags.isEmpty()) {
      return;
    }
    var b = h.prepareBatch("INSERT INTO incident_duplicate (accord, external_id, source, line, party, body, candidate, reasons,"
        + " flagged_by, flagged_at, status) VALUES (:accord, :externalId, :source, :line, :party, :body, :candidate, :reasons,"
        + " :flaggedBy, :flaggedAt, :status)");
    for (Flag f : flags) {
      b.bindMethods(f).add();
    }
    b.execute();
  }

  public static List<Flag> list(Handle h, String accord, String status, int limit) {
    return h.createQuery("SELECT accord, external_id, source, line, party, body, candidate, reasons, flagged_by, flagged_at,"
            + " status, resolved_by, resolved_at, entry FROM incident_duplicate WHERE accord = :a AND status = :s"
            + " ORDER BY flagged_at, source, line LIMIT :n")
        .bind("a", accord).bind("s", status).bind("n", limit).map(DuplicatesStore::flag).list();
  }

  public static long count(Handle h, String accord, String status) {
    return h.createQuery("SELECT COUNT(*) FROM incident_duplicate WHERE accord = :a AND status = :s")
        .bind("a", accord).bind("s", status).mapTo(Long.class).one();
  }

  public static Optional<Flag> one(Handle h, String accord, String externalId) {
    return h.createQuery("SELECT accord, external_id, source, line, party, body, candidate, reasons, flagged_by, flagged_at,"
            + " status, resolved_by, resolved_at, entry FROM incident_duplicate WHERE accord = :a AND external_id = :e")
        .bind("a", accord).bind("e", externalId).map(DuplicatesStore::flag).findOne();
  }

  /** Moves a row from one state to another; false when it was not in {@code from} (someone else got there first). */
  public static boolean move(Handle h, String accord, String externalId, String from, String to, String by, String at, Long entry) {
    return h.createUpdate("UPDATE incident_duplicate SET status = :to, resolved_by = :by, resolved_at = :at, entry = :entry"
            + " WHERE accord = :a AND external_id = :e AND status = :from")
        .bind("to", to).bind("by", by).bind("at", at).bind("entry", entry).bind("a", accord).bind("e", externalId)
        .bind("from", from).execute() == 1;
  }

  static ObjectNode json(Flag f) {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    o.put("external_id", f.externalId()).put("source", f.source()).put("line", f.line()).put("party", f.party())
        .put("candidate", f.candidate()).put("flagged_by", f.flaggedBy()).put("flagged_at", f.flaggedAt())
        .put("status", f.status());
    var reasons = o.putArray("reasons");
    for (String r : f.reasons().split("; ")) {
      reasons.add(r);
    }
    try {
      o.set("report", EntryCodec.JSON.readTree(f.body()));
    } catch (Exception e) {
      throw new IllegalStateException("held row " + f.externalId() + " is not JSON", e);
    }
    if (f.entry() != null) {
      o.put("entry", f.entry());
    }
    return o;
  }

  private static Flag flag(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
    return new Flag(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
        rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
        rs.getString(13), rs.getObject(14) == null ? null : rs.getLong(14));
  }

  private static Double real(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? null : v;
  }
}
