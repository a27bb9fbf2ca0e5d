package accord.notify;

import accord.ledger.EntryCodec;
import accord.ledger.LogStore;
import accord.ledger.Tallies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * The inbox seam: features call {@link #post} from their projection's {@code evolve}, inside the
 * batch's transaction, so a notice exists exactly when its entry does. Posting the same notice
 * twice (a rebuild replaying the log) keeps one row. Posting also queues the notice for the
 * e-mail addresses and webhooks subscribed to its party, in the same transaction (see {@link Outbox}).
 */
public final class Notices {
  public static final String TABLE = "notice";
  public static final String COUNTS = "notice_count";
  private static final String COUNT = "INSERT INTO notice_count (party, n) VALUES (?, ?)"
      + " ON CONFLICT (party) DO UPDATE SET n = notice_count.n + excluded.n";

  private Notices() {}

  public static void post(Handle h, Notice n) {
    ArrayNode args = JsonNodeFactory.instance.arrayNode();
    n.args().forEach(args::add);
    String argsJson = EntryCodec.canonical(args);
    PreparedStatement ps = LogStore.prepared(h,
        "INSERT INTO notice (accord, idx, party, at, msg, args, link) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING");
    try {
      ps.setString(1, n.accord());
      ps.setLong(2, n.index());
      ps.setString(3, n.party());
      ps.setString(4, n.at());
      ps.setString(5, n.msg());
      ps.setString(6, argsJson);
      ps.setString(7, n.link());
      if (ps.executeUpdate() == 1) {
        Tallies.add(h, COUNT, new Object[] {n.party()}, 1L);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the notice for " + n.party() + ": " + e.getMessage(), e);
    }
    Outbox.enqueue(h, n, argsJson);
  }
}
