package accord.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stored hashes in memory: one packed byte array per level, about 64 bytes per leaf in all. Not
 * thread-safe; readers and the appender must be confined to one thread or externally locked.
 */
public final class MemoryHashStore implements HashReader, HashSink {
  private final List<byte[]> levels = new ArrayList<>();
  private final List<Long> counts = new ArrayList<>();

  @Override
  public void put(int level, long index, byte[] hash) {
    if (hash.length != Hash.SIZE) {
      throw new IllegalArgumentException("hash has " + hash.length + " bytes, want " + Hash.SIZE);
    }
    while (levels.size() <= level) {
      levels.add(new byte[Hash.SIZE * 64]);
      counts.add(0L);
    }
    long count = counts.get(level);
    if (index != count) {
      throw new IllegalStateException(
          "hashes must be stored in order: level " + level + " has " + count + ", got " + index);
    }
    byte[] data = levels.get(level);
    long end = (index + 1) * Hash.SIZE;
    if (end > data.length) {
      if (end > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("level " + level + " is too large for memory");
      }
      long grown = Math.min(Integer.MAX_VALUE - 8, Math.max(end, (long) data.length * 2));
      data = Arrays.copyOf(data, (int) grown);
      levels.set(level, data);
    }
    System.arraycopy(hash, 0, data, (int) (index * Hash.SIZE), Hash.SIZE);
    counts.set(level, count + 1);
  }

  public byte[] get(int level, long index) {
    if (level < 0 || level >= levels.size() || index < 0 || index >= counts.get(level)) {
      throw new IllegalArgumentException("no stored hash at level " + level + ", index " + index);
    }
    int off = (int) (index * Hash.SIZE);
    return Arrays.copyOfRange(levels.get(level), off, off + Hash.SIZE);
  }

  @Override
  public List<byte[]> read(List<NodeId> nodes) {
    List<byte[]> out = new ArrayList<>(nodes.size());
    for (NodeId n : nodes) {
      out.add(get(n.level(), n.index()));
    }
    return out;
  }
}
