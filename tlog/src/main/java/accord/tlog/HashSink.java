package accord.tlog;

/** Receives the hashes of complete subtrees as appends create them. */
@FunctionalInterface
public interface HashSink {
  void put(int level, long index, byte[] hash);
}
