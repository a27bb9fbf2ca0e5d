package accord.tlog;

import java.util.ArrayList;
import java.util.List;

/** Splitting a leaf range into the complete subtrees whose hashes are stored. */
final class Subtrees {
  private Subtrees() {}

  /**
   * The maximal complete subtrees covering leaves {@code [lo, hi)}, left to right. Each step takes
   * the largest aligned power-of-two block that starts at lo and fits before hi, so the list has
   * at most 2·log₂(hi−lo) nodes.
   */
  static List<NodeId> cover(long lo, long hi) {
    List<NodeId> out = new ArrayList<>();
    while (lo < hi) {
      int level = lo == 0 ? 63 : Long.numberOfTrailingZeros(lo);
      // Compare with hi - lo: lo + 2^level can overflow when the range ends near 2^63.
      while (level > 0 && (level >= 63 || (1L << level) > hi - lo)) {
        level--;
      }
      out.add(new NodeId(level, lo >>> level));
      lo += 1L << level;
    }
    return out;
  }

  /** Folds the hashes of consecutive complete subtrees right to left into the range's tree hash. */
  static byte[] fold(List<byte[]> hashes, int from, int to) {
    byte[] r = hashes.get(to - 1);
    for (int i = to - 2; i >= from; i--) {
      r = Hash.node(hashes.get(i), r);
    }
    return r;
  }

  /** The largest power of two strictly less than n (n ≥ 2), the RFC 6962 split point. */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }
}
