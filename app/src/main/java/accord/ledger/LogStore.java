package accord.ledger;

import accord.tlog.HashReader;
import accord.tlog.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for the joint logs: entries, stored subtree hashes and checkpoints. Parameterised only. */
public final class LogStore {
  private LogStore() {}

  /** A stored entry: its index in the log and the signed note that is the leaf. */
  public record StoredEntry(long index, byte[] note) {}

  public static long size(Handle h, String accord) {
    return h.createQuery("SELECT COALESCE(MAX(idx) + 1, 0) FROM log_entry WHERE accord = :a")
        .bind("a", accord)
        .mapTo(Long.class)
        .one();
  }

  /** The index of the entry whose note text has this SHA-256, if the log already has it. */
  public static Optional<Long> indexOfText(Handle h, String accord, byte[] textHash) {
    return h.createQuery("SELECT idx FROM log_entry WHERE accord = :a AND text_hash = :t")
        .bind("a", accord)
        .bind("t", textHash)
        .mapTo(Long.class)
        .findOne();
  }

  public static void insertEntry(
      Handle h, String accord, long idx, byte[] note, byte[] leafHash, byte[] textHash, Entry e) {
    h.createUpdate(
            "INSERT INTO log_entry (accord, idx, note, leaf_hash, text_hash, type, party, author, created)"
                + " VALUES (:a, :i, :n, :l, :th, :t, :p, :u, :c)")
        .bind("a", accord)
        .bind("i", idx)
        .bind("n", note)
        .bind("l", leafHash)
        .bind("th", textHash)
        .bind("t", e.type())
        .bind("p", e.party())
        .bind("u", e.user())
        .bind("c", EntryCodec.formatTime(e.time()))
        .execute();
  }

  /** A hash a tree append produced, waiting to be written with the rest of its batch. */
  public record PendingHash(String accord, int level, long index, byte[] hash) {}

  public static void insertHashes(Handle h, List<PendingHash> hashes) {
    if (hashes.isEmpty()) {
      return;
    }
    PreparedBatch b =
        h.prepareBatch("INSERT INTO log_hash (accord, level, idx, hash) VALUES (:a, :l, :i, :h)");
    for (PendingHash p : hashes) {
      b.bind("a", p.accord()).bind("l", p.level()).bind("i", p.index()).bind("h", p.hash()).add();
    }
    b.execute();
  }

  /** Reads stored subtree hashes of one accord's log through a handle. */
  public static HashReader hashReader(Handle h, String accord) {
    return nodes -> {
      List<byte[]> out = new ArrayList<>(nodes.size());
      var q = h.createQuery("SELECT hash FROM log_hash WHERE accord = :a AND level = :l AND idx = :i");
      for (NodeId n : nodes) {
        byte[] hash =
            q.bind("a", accord)
                .bind("l", n.level())
                .bind("i", n.index())
                .mapTo(byte[].class)
                .findOne()
                .orElseThrow(
                    () -> new IllegalStateException(
                        "log " + accord + " has no stored hash at level " + n.level()
                            + ", index " + n.index()));
        out.add(hash);
      }
      return out;
    };
  }

  public static void insertCheckpoint(Handle h, String accord, long size, byte[] note, String created) {
    h.createUpdate(
            "INSERT INTO log_checkpoint (accord, size, note, created) VALUES (:a, :s, :n, :c)")
        .bind("a", accord)
        .bind("s", size)
        .bind("n", note)
        .bind("c", created)
        .execute();
  }

  public static Optional<byte[]> latestCheckpoint(Handle h, String accord) {
    return h.createQuery(
            "SELECT note FROM log_checkpoint WHERE accord = :a ORDER BY size DESC LIMIT 1")
        .bind("a", accord)
        .mapTo(byte[].class)
        .findOne();
  }

  public static List<StoredEntry> entries(Handle h, String accord, long from, int limit) {
    return h.createQuery(
            "SELECT idx, note FROM log_entry WHERE accord = :a AND idx >= :f ORDER BY idx LIMIT :n")
        .bind("a", accord)
        .bind("f", from)
        .bind("n", limit)
        .map((rs, ctx) -> new StoredEntry(rs.getLong(1), rs.getBytes(2)))
        .list();
  }

  public static List<String> accords(Handle h) {
    return h.createQuery("SELECT DISTINCT accord FROM log_entry ORDER BY accord")
        .mapTo(String.class)
        .list();
  }
}
