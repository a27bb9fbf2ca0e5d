package accord.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Values read once per transaction (such as an accord's definition, read for every entry of a
 * batch). Tied to the handle, so nothing outlives the transaction that read it; the ledger clears
 * it whenever it rolls back part of a batch.
 */
public final class BatchCache {
  private static final Map<Handle, Map<String, Object>> CACHES = new WeakHashMap<>();

  private BatchCache() {}

  @SuppressWarnings("unchecked")
  public static <T> T get(Handle h, String key, Supplier<T> load) {
    Map<String, Object> c;
    synchronized (CACHES) {
      c = CACHES.computeIfAbsent(h, k -> new HashMap<>());
    }
    Object v = c.get(key);
    if (v == null) {
      v = load.get();
      c.put(key, v);
    }
    return (T) v;
  }

  public static void clear(Handle h) {
    synchronized (CACHES) {
      CACHES.remove(h);
    }
  }
}
