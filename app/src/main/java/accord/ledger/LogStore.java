package accord.ledger;

import accord.tlog.Checkpoint;
import accord.tlog.HashReader;
import accord.tlog.Note;
import accord.tlog.Proofs;
import accord.tlog.NodeId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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

  /**
   * A statement prepared once per transaction: the write path runs the same few statements for
   * every entry of a batch, and preparing them is a good part of their cost.
   */
  public static PreparedStatement prepared(Handle h, String sql) {
    return prepare(h, "sql:", sql);
  }

  /**
   * A statement of its own for {@link WriteBehind}, prepared once per transaction: its JDBC batch
   * fills over the whole batch of entries, so it must not be the one {@link #prepared} gives.
   */
  static PreparedStatement preparedApart(Handle h, String sql) {
    return prepare(h, "apart:", sql);
  }

  private static PreparedStatement prepare(Handle h, String use, String sql) {
    return BatchCache.get(h, use + sql, () -> {
      try {
        return h.getConnection().prepareStatement(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot prepare: " + sql, e);
      }
    });
  }

  /**
   * Binds {@code values} (strings, whole numbers, doubles, nulls) to a statement from
   * {@link #prepared} and runs it: the one way projections store their rows.
   */
  public static void exec(PreparedStatement ps, Object... values) {
    try {
      bind(ps, values);
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot store read-model rows: " + ex.getMessage(), ex);
    }
  }

  /** Binds strings, whole numbers, doubles and nulls to a statement's parameters, in order. */
  static void bind(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        ps.setNull(i + 1, java.sql.Types.NULL);
      } else if (v instanceof String s) {
        ps.setString(i + 1, s);
      } else if (v instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (v instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (v instanceof Double d) {
        ps.setDouble(i + 1, d);
      } else {
        throw new IllegalArgumentException("cannot bind " + v.getClass());
      }
    }
  }

  /** The index of the entry whose note text has this SHA-256, if the log already has it. */
  public static Optional<Long> indexOfText(Handle h, String accord, byte[] textHash) {
    PreparedStatement ps = prepared(h, "SELECT idx FROM log_entry WHERE accord = ? AND text_hash = ?");
    try {
      ps.setString(1, accord);
      ps.setBytes(2, textHash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot look up an entry: " + e.getMessage(), e);
    }
  }

  /**
   * Stores an entry at {@code idx}; false, storing nothing, when the log already holds an entry
   * with this note text (the unique text hash answers that in the same step as the insert).
   */
  public static boolean insertEntry(
      Handle h, String accord, long idx, byte[] note, byte[] leafHash, byte[] textHash, Entry e) {
    PreparedStatement ps = prepared(h,
        "INSERT INTO log_entry (accord, idx, note, leaf_hash, text_hash, type, party, author, created)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (accord, text_hash) DO NOTHING");
    try {
      ps.setString(1, accord);
      ps.setLong(2, idx);
      ps.setBytes(3, note);
      ps.setBytes(4, leafHash);
      ps.setBytes(5, textHash);
      ps.setString(6, e.type());
      ps.setString(7, e.party());
      ps.setString(8, e.user());
      ps.setString(9, EntryCodec.formatTime(e.time()));
      return ps.executeUpdate() == 1;
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot store entry " + idx + " of " + accord + ": " + ex.getMessage(), ex);
    }
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

  /**
   * Reads stored subtree hashes of one accord's log through a handle, all the nodes of one call
   * in one statement.
   */
  public static HashReader hashReader(Handle h, String accord) {
    return nodes -> {
      if (nodes.isEmpty()) {
        return List.of();
      }
      // One statement for all nodes; UNION ALL of primary-key lookups, which every engine answers
      // from the index (an OR of pairs can make SQLite scan the table).
      StringBuilder sql = new StringBuilder();
      for (int i = 0; i < nodes.size(); i++) {
        sql.append(i == 0 ? "" : " UNION ALL ")
            .append("SELECT level, idx, hash FROM log_hash WHERE accord = :a AND level = :l")
            .append(i).append(" AND idx = :i").append(i);
      }
      var q = h.createQuery(sql.toString()).bind("a", accord);
      for (int i = 0; i < nodes.size(); i++) {
        q.bind("l" + i, nodes.get(i).level()).bind("i" + i, nodes.get(i).index());
      }
      Map<NodeId, byte[]> found = new HashMap<>();
      q.map((rs, ctx) -> found.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3))).list();
      List<byte[]> out = new ArrayList<>(nodes.size());
      for (NodeId n : nodes) {
        byte[] hash = found.get(n);
        if (hash == null) {
          throw new IllegalStateException(
              "log " + accord + " has no stored hash at level " + n.level() + ", index " + n.index());
        }
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

  /** An entry's inclusion proof under the latest checkpoint, with that checkpoint as stored. */
  public record Inclusion(long index, List<byte[]> proof, byte[] checkpointNote, Checkpoint checkpoint) {}

  /** The inclusion proof of entry {@code index} under the latest checkpoint, if it covers the entry. */
  public static Optional<Inclusion> inclusion(Handle h, String accord, long index) {
    return latestCheckpoint(h, accord).flatMap(cp -> {
      Checkpoint c = Checkpoint.parse(Note.parse(cp).text());
      if (index < 0 || index >= c.size()) {
        return Optional.empty();
      }
      return Optional.of(new Inclusion(index, Proofs.inclusion(index, c.size(), hashReader(h, accord)), cp, c));
    });
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
