package accord.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Writes a projection holds back until the end of the batch that makes them, so that a commit of
 * a thousand entries sends the engine a few set-sized writes instead of thousands of single rows:
 * on PostgreSQL each statement is a round trip to the server, and most of an import's time.
 *
 * <p>A held write must not be read back in the same batch without {@link #flush} first: a
 * projection that reads a table it writes behind flushes before reading (or, like {@link Tallies},
 * keeps no such reads). Buffers are flushed in the order they were first used in the batch, so a
 * row is written before the rows that refer to it. Unlike {@link BatchCache}, which holds what was
 * read and may be dropped at any time, a buffer lives until it is flushed: the ledger and the
 * replay flush before a batch's hashes and checkpoint are written, so a committed batch holds
 * everything its entries wrote.
 */
public final class WriteBehind {
  /** Held writes of one kind, written by {@link #flush(Handle)}. */
  public interface Buffer {
    void flush(Handle h);
  }

  private static final Map<Handle, Map<String, Buffer>> BUFFERS = new WeakHashMap<>();

  private WriteBehind() {}

  /** The buffer kept under {@code key} on this handle, made by {@code make} on first use. */
  @SuppressWarnings("unchecked")
  public static <B extends Buffer> B buffer(Handle h, String key, Supplier<B> make) {
    synchronized (BUFFERS) {
      return (B) BUFFERS.computeIfAbsent(h, k -> new LinkedHashMap<>()).computeIfAbsent(key, k -> make.get());
    }
  }

  /**
   * Holds an insert until the batch ends: binds {@code values} as {@link LogStore#exec} does and
   * adds them to the statement's JDBC batch.
   */
  public static void insert(Handle h, String sql, Object... values) {
    // Keyed by the statement itself: no other buffer's key is an INSERT, and a constant string
    // keeps its hash, where a key built per call would be hashed again for every row.
    buffer(h, sql, () -> new Inserts(LogStore.preparedApart(h, sql))).add(values);
  }

  /** Writes every buffer of this handle, in the order they were first used, and forgets them. */
  public static void flush(Handle h) {
    Map<String, Buffer> held;
    synchronized (BUFFERS) {
      held = BUFFERS.remove(h);
    }
    if (held != null) {
      for (Buffer b : held.values()) {
        b.flush(h);
      }
    }
  }

  private record Inserts(java.sql.PreparedStatement ps) implements Buffer {
    void add(Object[] values) {
      try {
        LogStore.bind(ps, values);
        ps.addBatch();
      } catch (java.sql.SQLException ex) {
        throw new IllegalStateException("cannot hold read-model rows: " + ex.getMessage(), ex);
      }
    }

    @Override
    public void flush(Handle h) {
      try {
        ps.executeBatch();
        ps.clearBatch();
      } catch (java.sql.SQLException ex) {
        java.sql.SQLException cause = ex.getNextException() != null ? ex.getNextException() : ex;
        throw new IllegalStateException("cannot store read-model rows: " + cause.getMessage(), ex);
      }
    }
  }
}
