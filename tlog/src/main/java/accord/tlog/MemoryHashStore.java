package accord.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stored hashes in memory: one packed byte array per level, about 64 bytes per leaf in all. Not
 * thread-safe; readers and the appender must be confined to one thread or externally locked.
 */
public final class MemoryHashStore implements HashReader, HashSink {
  private byte[][] levels = new byte[0][];
  private long[] counts = new long[0];

  @Override
  public void put(int level, long index, byte[] hash) {
    if (hash.length != Hash.SIZE) {
      throw new IllegalArgumentException("hash has " + hash.length + " bytes, want " + Hash.SIZE);
    }
    if (level >= levels.length) {
      int from = levels.length;
      levels = Arrays.copyOf(levels, level + 1);
      counts = Arrays.copyOf(counts, level + 1);
      for (int l = from; l <= level; l++) {
        levels[l] = new byte[Hash.SIZE * 64];
      }
    }
    long count = counts[level];
    if (index != count) {
      throw new IllegalStateException(
          "hashes must be stored in order: level " + level + " has " + count + ", got " + index);
    }
    byte[] data = levels[level];
    long end = (index + 1) * Hash.SIZE;
    if (end > data.length) {
      if (end > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("level " + level + " is too large for memory");
      }
      long grown = Math.min(Integer.MAX_VALUE - 8, Math.max(end, (long) data.length * 2));
      data = Arrays.copyOf(data, (int) grown);
      levels[level] = data;
    }
    System.arraycopy(hash, 0, data, (int) (index * Hash.SIZE), Hash.SIZE);
    counts[level] = count + 1;
  }

  public byte[] get(int level, long index) {
    if (level < 0 || level >= levels.length || index < 0 || index >= counts[level]) {
      throw new IllegalArgumentException("no stored hash at level " + level + ", index " + index);
    }
    int off = (int) (index * Hash.SIZE);
    return Arrays.copyOfRange(levels[level], off, off + Hash.SIZE);
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
