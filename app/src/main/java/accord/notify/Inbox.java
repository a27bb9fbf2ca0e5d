package accord.notify;

import accord.ledger.EntryCodec;
import accord.user.Role;
import accord.user.User;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * A user's inbox. Party officers and leads see the notices addressed to their party; the
 * secretariat, observers and mediators, who follow the whole record, see the notices of every
 * party. Read marks are per user and node-local.
 */
public final class Inbox {
  /** One notice as a reader sees it. */
  public record Item(String accord, long index, String party, String at, String msg, List<String> args, String link,
      boolean read) {
    public Instant time() {
      return Instant.parse(at);
    }
  }

  private final Jdbi jdbi;

  public Inbox(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Whether this user has an inbox at all: everyone who follows a record (not the administrator). */
  public static boolean has(User u) {
    return switch (u.role()) {
      case PARTY_OFFICER, PARTY_LEAD -> u.party() != null;
      case SECRETARIAT, OBSERVER, MEDIATOR -> true;
      default -> false;
    };
  }

  /** The party whose notices the user sees, or null for every party. */
  static String partyOf(User u) {
    return u.role().actsForParty() ? u.party() : null;
  }

  /** The user's notices, newest first, those after {@code after} (null: all), at most {@code limit}. */
  public List<Item> list(User u, Instant after, int limit) {
    return list(u, after, limit, 0);
  }

  /** As {@link #list(User, Instant, int)}, leaving out the {@code offset} newest. */
  public List<Item> list(User u, Instant after, int limit, long offset) {
    String party = partyOf(u);
    return jdbi.withHandle(h -> {
      Query q = h.createQuery("SELECT n.accord, n.idx, n.party, n.at, n.msg, n.args, n.link,"
              + " CASE WHEN r.username IS NULL THEN 0 ELSE 1 END AS seen"
              + " FROM notice n LEFT JOIN notice_read r ON r.username = :u AND r.accord = n.accord"
              + " AND r.idx = n.idx AND r.party = n.party"
              + " WHERE 1 = 1" + (party == null ? "" : " AND n.party = :p") + (after == null ? "" : " AND n.at > :after")
              + " ORDER BY n.at DESC, n.accord, n.idx DESC, n.party LIMIT :l OFFSET :o")
          .bind("u", u.username()).bind("l", limit).bind("o", offset);
      if (party != null) {
        q.bind("p", party);
      }
      if (after != null) {
        q.bind("after", EntryCodec.formatTime(after));
      }
      return q.map((rs, ctx) -> new Item(rs.getString("accord"), rs.getLong("idx"), rs.getString("party"),
          rs.getString("at"), rs.getString("msg"), args(rs.getString("args")), rs.getString("link"),
          rs.getInt("seen") == 1)).list();
    });
  }

  /**
   * How many of the user's notices are unread, cheap enough for every page: the notices of their
   * inbox less their read marks, two counts over indexes instead of an anti-join over every notice.
   * Exact because a mark is only ever made for a notice that exists, and notices are never
   * removed (a rebuild recreates the same ones).
   */
  public long unread(User u) {
    if (!has(u)) {
      return 0;
    }
    String party = partyOf(u);
    return jdbi.withHandle(h -> {
      Query q = h.createQuery("SELECT (SELECT COALESCE(SUM(n), 0) FROM notice_count" + (party == null ? "" : " WHERE party = :p") + ")"
          + " - (SELECT COALESCE(SUM(n), 0) FROM notice_read_count WHERE username = :u" + (party == null ? "" : " AND party = :p") + ")")
          .bind("u", u.username());
      if (party != null) {
        q.bind("p", party);
      }
      return Math.max(0, q.mapTo(Long.class).one());
    });
  }

  /** A notice the user is asked to mark. */
  public record Ref(String accord, long index, String party) {}

  /** Why a notice cannot be marked: it does not exist (404), or belongs to another party's inbox (403). */
  public static final class Refused extends RuntimeException {
    public final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** Marks notices read, all or none; returns how many were newly marked. */
  public int markRead(User u, List<Ref> refs) {
    String party = partyOf(u);
    return jdbi.inTransaction(h -> {
      int marked = 0;
      for (Ref r : refs) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM notice WHERE accord = :a AND idx = :i AND party = :p")
            .bind("a", r.accord()).bind("i", r.index()).bind("p", r.party()).mapTo(Long.class).one() > 0;
        if (!exists) {
          throw new Refused(404, "no notice " + r.accord() + "/" + r.index() + " for " + r.party());
        }
        if (party != null && !party.equals(r.party())) {
          throw new Refused(403, "the notice " + r.accord() + "/" + r.index() + " is for " + r.party()
              + ", not for your party " + party);
        }
        marked += insertRead(h, u, r);
      }
      return marked;
    });
  }

  /** Marks every notice of the user's inbox read; returns how many were newly marked. */
  public int markAllRead(User u) {
    String party = partyOf(u);
    return jdbi.inTransaction(h -> {
      var update = h.createUpdate("INSERT INTO notice_read (username, accord, idx, party)"
          + " SELECT :u, n.accord, n.idx, n.party FROM notice n WHERE " + (party == null ? "1 = 1" : "n.party = :p")
          + " ON CONFLICT DO NOTHING").bind("u", u.username());
      if (party != null) {
        update.bind("p", party);
      }
      int marked = update.execute();
      // Recount rather than add: a mark-all touches every party of the inbox at once.
      h.createUpdate("DELETE FROM notice_read_count WHERE username = :u" + (party == null ? "" : " AND party = :p"))
          .bind("u", u.username()).bindMap(party == null ? java.util.Map.of() : java.util.Map.of("p", party)).execute();
      h.createUpdate("INSERT INTO notice_read_count (username, party, n) SELECT username, party, COUNT(*) FROM notice_read"
              + " WHERE username = :u" + (party == null ? "" : " AND party = :p") + " GROUP BY username, party")
          .bind("u", u.username()).bindMap(party == null ? java.util.Map.of() : java.util.Map.of("p", party)).execute();
      return marked;
    });
  }

  private static int insertRead(Handle h, User u, Ref r) {
    int n = h.createUpdate("INSERT INTO notice_read (username, accord, idx, party) VALUES (:u, :a, :i, :p)"
            + " ON CONFLICT DO NOTHING")
        .bind("u", u.username()).bind("a", r.accord()).bind("i", r.index()).bind("p", r.party()).execute();
    if (n == 1) {
      h.createUpdate("INSERT INTO notice_read_count (username, party, n) VALUES (:u, :p, 1)"
              + " ON CONFLICT (username, party) DO UPDATE SET n = notice_read_count.n + 1")
          .bind("u", u.username()).bind("p", r.party()).execute();
    }
    return n;
  }

  private static List<String> args(String json) {
    List<String> out = new ArrayList<>();
    try {
      for (JsonNode a : EntryCodec.JSON.readTree(json)) {
        out.add(a.asText());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a notice has unreadable arguments: " + json, e);
    }
    return out;
  }
}
