package accord.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree: the roots of its complete subtrees, largest first. This is all
 * an appender needs, so appends cost O(log n) memory and, amortised, two hashes per leaf.
 *
 * <p>Appending leaf i stores it at (0, i); then, while the new node is a right child (odd index),
 * it merges with the peak to its left into their parent one level up. The tree hash folds the
 * peaks from right to left, which is the RFC 6962 definition applied to a tree whose left
 * subtrees are all complete.
 */
public final class CompactRange {
  private final List<byte[]> peaks = new ArrayList<>();
  private long size;

  public CompactRange() {}

  /** Resumes a tree of {@code size} leaves from its stored hashes. */
  public static CompactRange resume(long size, HashReader reader) {
    if (size < 0) {
      throw new IllegalArgumentException("negative tree size " + size);
    }
    CompactRange r = new CompactRange();
    List<NodeId> nodes = peakNodes(size);
    if (!nodes.isEmpty()) {
      for (byte[] h : reader.read(nodes)) {
        r.peaks.add(Hash.copy(h));
      }
    }
    r.size = size;
    return r;
  }

  /** The complete subtrees a tree of {@code size} leaves is made of, left to right. */
  public static List<NodeId> peakNodes(long size) {
    return Subtrees.cover(0, size);
  }

  public long size() {
    return size;
  }

  /** Appends a leaf hash, passing every newly complete subtree's hash to {@code sink}. */
  public void append(byte[] leafHash, HashSink sink) {
    if (leafHash.length != Hash.SIZE) {
      throw new IllegalArgumentException("leaf hash has " + leafHash.length + " bytes");
    }
    long index = size;
    int level = 0;
    byte[] h = leafHash;
    sink.put(0, index, h);
    while ((index & 1) == 1) {
      byte[] left = peaks.remove(peaks.size() - 1);
      h = Hash.node(left, h);
      index >>>= 1;
      level++;
      sink.put(level, index, h);
    }
    peaks.add(h);
    size++;
  }

  /** The RFC 6962 tree hash of the leaves appended so far. */
  public byte[] root() {
    if (peaks.isEmpty()) {
      return Hash.emptyRoot();
    }
    byte[] r = peaks.get(peaks.size() - 1);
    for (int i = peaks.size() - 2; i >= 0; i--) {
      r = Hash.node(peaks.get(i), r);
    }
    return r;
  }
}
