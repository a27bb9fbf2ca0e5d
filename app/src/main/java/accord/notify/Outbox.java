package accord.notify;

import accord.ledger.EntryCodec;
import accord.ledger.LogStore;
import accord.tlog.Hash;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox: notices waiting to be sent to subscribed e-mail addresses and webhooks, and what
 * became of them. It is node-local and outside every projection's tables, so a rebuild neither
 * empties it nor sends anything again.
 */
public final class Outbox {
  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";
  private static final String COLUMNS = "id, accord, idx, party, kind, target, subscription, at, msg, args, link,"
      + " status, attempts, next_attempt, last_error, delivered";

  private final Jdbi jdbi;

  public Outbox(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Queues a notice for every subscription to its party, inside the entry's transaction. The row's
   * id is derived from (accord, index, party, kind, target), so posting the same notice again
   * (a rebuild) meets the row already there and adds nothing. It is due at once: time zero.
   */
  static void enqueue(Handle h, Notice n, String argsJson) {
    PreparedStatement subs = LogStore.prepared(h,
        "SELECT id, kind, target FROM notify_subscription WHERE accord = ? AND party = ? AND from_idx <= ?");
    List<String[]> targets = new ArrayList<>();
    try {
      subs.setString(1, n.accord());
      subs.setString(2, n.party());
      subs.setLong(3, n.index());
      try (ResultSet rs = subs.executeQuery()) {
        while (rs.next()) {
          targets.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      if (targets.isEmpty()) {
        return;
      }
      PreparedStatement ins = LogStore.prepared(h, "INSERT INTO notify_outbox (" + COLUMNS + ")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, NULL, NULL) ON CONFLICT DO NOTHING");
      for (String[] t : targets) {
        ins.setString(1, rowId(n.accord(), n.index(), n.party(), t[1], t[2]));
        ins.setString(2, n.accord());
        ins.setLong(3, n.index());
        ins.setString(4, n.party());
        ins.setString(5, t[1]);
        ins.setString(6, t[2]);
        ins.setString(7, t[0]);
        ins.setString(8, n.at());
        ins.setString(9, n.msg());
        ins.setString(10, argsJson);
        ins.setString(11, n.link());
        ins.setString(12, PENDING);
        ins.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot queue the notice for " + n.party() + ": " + e.getMessage(), e);
    }
  }

  /** The id of the delivery of one notice to one target: the same whenever the notice is posted. */
  static String rowId(String accord, long index, String party, String kind, String target) {
    String key = accord + "\n" + index + "\n" + party + "\n" + kind + "\n" + target;
    return "d" + HexFormat.of().formatHex(Hash.sha256(key.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
  }

  /** Pending rows due at {@code now}, oldest due first. */
  public List<Delivery> due(Instant now, int limit) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM notify_outbox"
            + " WHERE status = :p AND next_attempt <= :now ORDER BY next_attempt, id LIMIT :l")
        .bind("p", PENDING).bind("now", now.toEpochMilli()).bind("l", limit)
        .map((rs, ctx) -> row(rs)).list());
  }

  /** Rows for the administrator's page, newest notice first; {@code status} null means all. */
  public List<Delivery> list(String status, int limit) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM notify_outbox"
            + (status == null ? "" : " WHERE status = :s") + " ORDER BY at DESC, accord, idx DESC, id LIMIT :l")
        .bind("s", status).bind("l", limit).map((rs, ctx) -> row(rs)).list());
  }

  public Optional<Delivery> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM notify_outbox WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
  }

  /** Stores the outcome of an attempt, unless the row changed meanwhile (then the attempt is not counted). */
  void record(Delivery d, OutboxRules.State next, Instant now) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE notify_outbox SET status = :s, attempts = :a, next_attempt = :n,"
            + " last_error = :e, delivered = :d WHERE id = :id AND status = :old AND attempts = :olda")
        .bind("s", next.status()).bind("a", next.attempts()).bind("n", next.nextAttemptMillis())
        .bind("e", next.lastError())
        .bind("d", DELIVERED.equals(next.status()) ? EntryCodec.formatTime(now) : null)
        .bind("id", d.id()).bind("old", d.state().status()).bind("olda", d.state().attempts()).execute());
  }

  /** An administrator's retry of a failed row: due again at once. Throws when it is not failed. */
  public Delivery retry(String id, Instant now) {
    return jdbi.inTransaction(h -> {
      Delivery d = h.createQuery("SELECT " + COLUMNS + " FROM notify_outbox WHERE id = :id")
          .bind("id", id).map((rs, ctx) -> row(rs)).findOne()
          .orElseThrow(() -> new java.util.NoSuchElementException("no delivery " + id));
      OutboxRules.State s = OutboxRules.retried(d.state(), now);
      h.createUpdate("UPDATE notify_outbox SET status = :s, attempts = :a, next_attempt = :n WHERE id = :id")
          .bind("s", s.status()).bind("a", s.attempts()).bind("n", s.nextAttemptMillis()).bind("id", id).execute();
      return new Delivery(d.id(), d.accord(), d.index(), d.party(), d.kind(), d.target(), d.subscription(), d.at(),
          d.msg(), d.args(), d.link(), s, d.delivered());
    });
  }

  /** How many rows are in each state. */
  public java.util.Map<String, Long> counts() {
    java.util.Map<String, Long> m = new java.util.TreeMap<>();
    for (String s : List.of(PENDING, DELIVERED, FAILED)) {
      m.put(s, 0L);
    }
    jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) FROM notify_outbox GROUP BY status")
        .map((rs, ctx) -> m.put(rs.getString(1), rs.getLong(2))).list());
    return m;
  }

  static Delivery row(ResultSet rs) throws SQLException {
    List<String> args = new ArrayList<>();
    try {
      for (JsonNode a : EntryCodec.JSON.readTree(rs.getString("args"))) {
        args.add(a.asText());
      }
    } catch (java.io.IOException e) {
      throw new SQLException("outbox row " + rs.getString("id") + " has unreadable arguments", e);
    }
    return new Delivery(rs.getString("id"), rs.getString("accord"), rs.getLong("idx"), rs.getString("party"),
        Subscription.Kind.parse(rs.getString("kind")), rs.getString("target"), rs.getString("subscription"),
        rs.getString("at"), rs.getString("msg"), args, rs.getString("link"),
        new OutboxRules.State(rs.getString("status"), rs.getInt("attempts"), rs.getLong("next_attempt"),
            rs.getString("last_error")),
        rs.getString("delivered"));
  }
}
