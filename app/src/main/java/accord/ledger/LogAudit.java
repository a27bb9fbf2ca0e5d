package accord.ledger;

import accord.tlog.Checkpoint;
import accord.tlog.Hash;
import accord.tlog.Note;
import accord.tlog.Proofs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A node's check of its own stored log, below what the tiles show: every entry's leaf hash, every
 * stored subtree hash at every level (the ones between tile levels feed the proofs the node hands
 * out), and every checkpoint's root. Reports each row that does not match, by table and key.
 */
public final class LogAudit {
  private LogAudit() {}

  public static List<String> audit(Handle h, String accord) {
    List<String> problems = new ArrayList<>();
    long size = LogStore.size(h, accord);
    for (long from = 0; from < size; from += 10_000) {
      h.createQuery("SELECT idx, note, leaf_hash FROM log_entry WHERE accord = :a AND idx >= :f AND idx < :t ORDER BY idx")
          .bind("a", accord).bind("f", from).bind("t", from + 10_000)
          .map((rs, ctx) -> {
            if (!Hash.equal(Hash.leaf(rs.getBytes(2)), rs.getBytes(3))) {
              problems.add("log_entry " + accord + " #" + rs.getLong(1) + ": bytes do not match the leaf hash");
            }
            return null;
          })
          .list();
    }
    // Each stored hash is checked against the level below: level 0 against the entry's leaf hash.
    Map<Long, byte[]> below = new HashMap<>();
    for (int level = 0; level < 64; level++) {
      Map<Long, byte[]> current = new HashMap<>();
      int lv = level;
      h.createQuery("SELECT idx, hash FROM log_hash WHERE accord = :a AND level = :l ORDER BY idx")
          .bind("a", accord).bind("l", level)
          .map((rs, ctx) -> {
            current.put(rs.getLong(1), rs.getBytes(2));
            return null;
          })
          .list();
      if (current.isEmpty()) {
        break;
      }
      for (var e : current.entrySet()) {
        long i = e.getKey();
        byte[] want;
        if (lv == 0) {
          want = h.createQuery("SELECT leaf_hash FROM log_entry WHERE accord = :a AND idx = :i")
              .bind("a", accord).bind("i", i).mapTo(byte[].class).findOne().orElse(null);
        } else {
          byte[] l = below.get(2 * i);
          byte[] r = below.get(2 * i + 1);
          want = l == null || r == null ? null : Hash.node(l, r);
        }
        if (want == null || !Hash.equal(want, e.getValue())) {
          problems.add("log_hash " + accord + " level " + lv + " #" + i + ": does not match the hashes below it");
        }
      }
      below = current;
    }
    var reader = LogStore.hashReader(h, accord);
    h.createQuery("SELECT size, note FROM log_checkpoint WHERE accord = :a ORDER BY size")
        .bind("a", accord)
        .map((rs, ctx) -> {
          long s = rs.getLong(1);
          try {
            Checkpoint cp = Checkpoint.parse(Note.parse(rs.getBytes(2)).text());
            if (cp.size() != s || !Hash.equal(cp.root(), Proofs.treeHash(s, reader))) {
              problems.add("log_checkpoint " + accord + " size " + s + ": root does not match the stored tree");
            }
          } catch (RuntimeException ex) {
            problems.add("log_checkpoint " + accord + " size " + s + ": " + ex.getMessage());
          }
          return null;
        })
        .list();
    return problems;
  }
}
