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
    if (f.overdueOnly()) {
      // Overdue cases are found by next_due, not in id order: their page of ids is picked from the
      // narrow index first, so only those rows are read, not every overdue case sorted.
      sql.append(" AND id IN (SELECT id FROM case_file WHERE accord = :a");
      where(sql, f);
      sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset) ORDER BY id DESC");
    } else {
      where(sql, f);
      sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset");
    }
    Query q = bind(h.createQuery(sql.toString()), accord, f, now).bind("limit", limit).bind("offset", offset);
    return q.map((rs, ctx) -> CaseStore.read(rs)).list();
  }

  /**
   * How many cases the list shows. Without the overdue filter a sum over case_tally; overdue
   * depends on the time, so those are counted from the narrow index on next_due (set only while
   * a clock runs, so only open cases have it).
   */
  public static long count(Handle h, String accord, Filter f, Instant now) {
    StringBuilder sql = new StringBuilder(f.overdueOnly()
        ? "SELECT COUNT(*) FROM case_file WHERE accord = :a"
        : "SELECT COALESCE(SUM(cases), 0) FROM case_tally WHERE accord = :a");
    where(sql, f);
    return bind(h.createQuery(sql.toString()), accord, f, now).mapTo(Long.class).one();
  }

  /** The filter's conditions; next_due is set only while a clock runs, so overdue implies open. */
  private static void where(StringBuilder sql, Filter f) {
    if (f.overdueOnly()) {
      sql.append(" AND next_due < :now");
    } else if (f.openOnly()) {
      sql.append(" AND state NOT IN ('verified', 'decided')");
    }
    if (f.party() != null) {
      sql.append(" AND (notifying = :party OR notified = :party)");
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
   * The open cases standing on rung {@code rung} of the ladder at {@code now} (to the
   * millisecond, as case_rung holds the times), latest arrivals first.
   */
  public static List<CaseState> queue(Handle h, String accord, int rung, Instant now, int limit) {
    return h.createQuery("SELECT " + QUEUE_COLUMNS + " FROM case_rung r JOIN case_file f ON f.accord = r.accord AND f.id = r.id"
            + " WHERE r.accord = :a AND r.rung = :r" + STANDING + " ORDER BY r.arrived DESC, r.id DESC LIMIT :limit")
        .bind("a", accord).bind("r", rung).bind("now", EntryCodec.formatTime(now)).bind("limit", limit)
        .map((rs, ctx) -> CaseStore.read(rs)).list();
  }

  /** How many open cases stand on each rung at {@code now}: element i for rung i. */
  public static long[] queueSizes(Handle h, String accord, int rungs, Instant now) {
    long[] out = new long[rungs];
    h.createQuery("SELECT rung, COUNT(*) FROM case_rung r WHERE accord = :a" + STANDING + " GROUP BY rung")
        .bind("a", accord).bind("now", EntryCodec.formatTime(now))
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .forEach(x -> {
          if (x[0] >= 0 && x[0] < rungs) {
            out[(int) x[0]] = x[1];
          }
        });
    return out;
  }

  private static final String STANDING =
      " AND (r.since IS NULL OR r.since <= :now) AND (r.until IS NULL OR r.until > :now)";
  private static final String QUEUE_COLUMNS = java.util.Arrays.stream(CaseStore.COLUMNS.split(","))
      .map(c -> "f." + c.strip()).collect(java.util.stream.Collectors.joining(", "));

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
