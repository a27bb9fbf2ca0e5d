package accord.casework;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Reads of the casework read model for the pages, the API and the command line. */
public final class CaseQuery {
  /** Which cases a list shows: a party's (either side), only open or overdue ones, one ladder level. */
  public record Filter(String party, boolean openOnly, boolean overdueOnly, Integer levelNo) {
    public static final Filter ANY = new Filter(null, false, false, null);
  }

  /** One signed entry of a case's timeline. */
  public record Step(long index, String type, String party, String author, String lang, Instant at, String text, ObjectNode body) {
    public String move() {
      return type.substring("case.".length());
    }
  }

  /** One evidence file, who handed it over in which entry, and the receipts for it. */
  public record File(String sha256, long index, String providedBy, long size, String name, String mediaType,
      String description, List<Receipt> receipts) {}

  public record Receipt(String party, long index, Instant at) {}

  private CaseQuery() {}

  public static List<CaseState> list(Handle h, String accord, Filter f, Instant now, int limit, long offset) {
    StringBuilder sql = new StringBuilder("SELECT " + CaseStore.COLUMNS + " FROM case_file WHERE accord = :a");
    where(sql, f);
    sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset");
    Query q = bind(h.createQuery(sql.toString()), accord, f, now).bind("limit", limit).bind("offset", offset);
    return q.map((rs, ctx) -> CaseStore.read(rs)).list();
  }

  public static long count(Handle h, String accord, Filter f, Instant now) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM case_file WHERE accord = :a");
    where(sql, f);
    return bind(h.createQuery(sql.toString()), accord, f, now).mapTo(Long.class).one();
  }

  private static void where(StringBuilder sql, Filter f) {
    if (f.party() != null) {
      sql.append(" AND (notifying = :party OR notified = :party)");
    }
    if (f.openOnly() || f.overdueOnly()) {
      sql.append(" AND state NOT IN ('verified', 'decided')");
    }
    if (f.overdueOnly()) {
      sql.append(" AND next_due < :now");
    }
    if (f.levelNo() != null) {
      sql.append(" AND level_no = :level");
    }
  }

  private static Query bind(Query q, String accord, Filter f, Instant now) {
    q.bind("a", accord);
    if (f.party() != null) {
      q.bind("party", f.party());
    }
    if (f.overdueOnly()) {
      q.bind("now", EntryCodec.formatTime(now));
    }
    if (f.levelNo() != null) {
      q.bind("level", f.levelNo());
    }
    return q;
  }

  /**
   * Open cases whose shown level may be {@code levelNo}: escalated there, or below it with a
   * clock overdue (which raises the level shown). The caller keeps those whose view is at the level.
   */
  public static List<CaseState> queueCandidates(Handle h, String accord, int levelNo, Instant now, int limit) {
    return h.createQuery("SELECT " + CaseStore.COLUMNS + " FROM case_file WHERE accord = :a"
            + " AND state NOT IN ('verified', 'decided') AND (level_no = :level OR (level_no < :level AND next_due < :now))"
            + " ORDER BY id DESC LIMIT :limit")
        .bind("a", accord).bind("level", levelNo).bind("now", EntryCodec.formatTime(now)).bind("limit", limit)
        .map((rs, ctx) -> CaseStore.read(rs)).list();
  }

  public static Optional<CaseState> one(Handle h, String accord, long id) {
    return CaseStore.load(h, accord, id);
  }

  public static List<Step> steps(Handle h, String accord, long id) {
    return h.createQuery("SELECT idx, type, party, author, lang, at, text, body FROM case_step"
            + " WHERE accord = :a AND case_id = :i ORDER BY idx")
        .bind("a", accord).bind("i", id)
        .map((rs, ctx) -> new Step(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            Instant.parse(rs.getString(6)), rs.getString(7), json(rs.getString(8))))
        .list();
  }

  public static List<File> files(Handle h, String accord, long id) {
    Map<String, List<Receipt>> receipts = new java.util.HashMap<>();
    h.createQuery("SELECT sha256, party, idx, at FROM case_receipt WHERE accord = :a AND case_id = :i ORDER BY idx")
        .bind("a", accord).bind("i", id)
        .map((rs, ctx) -> Map.entry(rs.getString(1), new Receipt(rs.getString(2), rs.getLong(3), Instant.parse(rs.getString(4)))))
        .forEach(e -> receipts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return h.createQuery("SELECT sha256, idx, provided_by, size, name, media_type, description FROM case_evidence"
            + " WHERE accord = :a AND case_id = :i ORDER BY idx, name")
        .bind("a", accord).bind("i", id)
        .map((rs, ctx) -> new File(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
            rs.getString(6), rs.getString(7), receipts.getOrDefault(rs.getString(1), List.of())))
        .list();
  }

  private static ObjectNode json(String s) {
    try {
      return (ObjectNode) EntryCodec.JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException("stored case step is not JSON", e);
    }
  }
}
