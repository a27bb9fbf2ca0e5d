package accord.ledger;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running totals a projection keeps (counts per month, per map cell, per party…), added up in
 * memory for a whole batch and written once per key when the batch ends.
 *
 * <p>A large import applies thousands of entries in one transaction, and most of them add one to
 * the same few totals; an upsert per entry per total was a good part of the writer's time. Each
 * total is an upsert whose parameters are the key's values followed by the amounts to add, e.g.
 * {@code INSERT INTO t (k1, k2, n) VALUES (?, ?, ?) ON CONFLICT (k1, k2) DO UPDATE SET n = t.n + excluded.n}.
 * Nothing may read such a table inside the batch that changes it; the totals are held and written
 * like any other {@link WriteBehind} buffer.
 */
public final class Tallies {
  private record Key(String sql, List<Object> key) {}

  private Tallies() {}

  /**
   * Adds {@code amounts} to the total that {@code sql} keeps under {@code key}. Whole numbers only:
   * their sum does not depend on the order of adding, so a batch's total is what adding entry by
   * entry gives, on every node whatever its batches (floating-point sums are not).
   */
  public static void add(org.jdbi.v3.core.Handle h, String sql, Object[] key, Object... amounts) {
    Map<Key, Object[]> pending = WriteBehind.buffer(h, "tallies", Pending::new).sums;
    Object[] sum = pending.computeIfAbsent(new Key(sql, Arrays.asList(key.clone())), k -> new Object[amounts.length]);
    for (int i = 0; i < amounts.length; i++) {
      sum[i] = plus(sum[i], amounts[i]);
    }
  }

  /** The totals added since the last flush on a handle, written by {@link WriteBehind#flush}. */
  private static final class Pending implements WriteBehind.Buffer {
    final Map<Key, Object[]> sums = new LinkedHashMap<>();

    @Override
    public void flush(org.jdbi.v3.core.Handle h) {
      for (var e : sums.entrySet()) {
        PreparedStatement ps = LogStore.prepared(h, e.getKey().sql());
        List<Object> key = e.getKey().key();
        Object[] values = new Object[key.size() + e.getValue().length];
        for (int i = 0; i < key.size(); i++) {
          values[i] = key.get(i);
        }
        System.arraycopy(e.getValue(), 0, values, key.size(), e.getValue().length);
        LogStore.exec(ps, values);
      }
    }
  }

  private static Object plus(Object a, Object b) {
    if (!(b instanceof Long y)) {
      throw new IllegalArgumentException("a tally adds whole numbers (Long), not " + b);
    }
    return a == null ? y : Math.addExact((Long) a, y);
  }
}
