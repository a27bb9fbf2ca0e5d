package accord.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1.3.1 inclusion proofs and §2.1.4.1 consistency proofs, generated from stored
 * hashes. Each proof element is the tree hash of a leaf range; the ranges are worked out first,
 * then all the stored subtrees they need are read in one call and folded.
 */
public final class Proofs {
  private Proofs() {}

  /** The tree hash of the first {@code size} leaves. */
  public static byte[] treeHash(long size, HashReader reader) {
    if (size < 0) {
      throw new IllegalArgumentException("negative tree size " + size);
    }
    if (size == 0) {
      return Hash.emptyRoot();
    }
    List<long[]> ranges = new ArrayList<>();
    ranges.add(new long[] {0, size});
    return resolve(ranges, reader).get(0);
  }

  /**
   * PATH(m, D[n]): the hashes that lead from leaf {@code index} to the root of a tree of {@code
   * size} leaves, nearest the leaf first. Walking down from the root, each step keeps the half
   * that holds the leaf and records the other half's hash.
   */
  public static List<byte[]> inclusion(long index, long size, HashReader reader) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf index " + index + " is outside a tree of size " + size);
    }
    List<long[]> ranges = new ArrayList<>();
    long lo = 0;
    long hi = size;
    while (hi - lo > 1) {
      long k = Subtrees.split(hi - lo);
      if (index < lo + k) {
        ranges.add(new long[] {lo + k, hi});
        hi = lo + k;
      } else {
        ranges.add(new long[] {lo, lo + k});
        lo = lo + k;
      }
    }
    return reversed(resolve(ranges, reader));
  }

  /**
   * PROOF(m, D[n]) = SUBPROOF(m, D[n], true): what a verifier holding the root of the first
   * {@code oldSize} leaves needs to compute the root of {@code newSize} leaves. Empty when the
   * sizes are equal or the old tree is empty (every tree extends the empty tree).
   */
  public static List<byte[]> consistency(long oldSize, long newSize, HashReader reader) {
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException(
          "no consistency proof from size " + oldSize + " to size " + newSize);
    }
    if (oldSize == 0 || oldSize == newSize) {
      return List.of();
    }
    List<long[]> ranges = new ArrayList<>();
    long lo = 0;
    long hi = newSize;
    long m = oldSize;
    boolean b = true;
    while (true) {
      long n = hi - lo;
      if (m == n) {
        if (!b) {
          ranges.add(new long[] {lo, hi});
        }
        break;
      }
      long k = Subtrees.split(n);
      if (m <= k) {
        ranges.add(new long[] {lo + k, hi});
        hi = lo + k;
      } else {
        ranges.add(new long[] {lo, lo + k});
        lo = lo + k;
        m -= k;
        b = false;
      }
    }
    return reversed(resolve(ranges, reader));
  }

  /** Reads every stored subtree the ranges need in one call, then folds each range. */
  private static List<byte[]> resolve(List<long[]> ranges, HashReader reader) {
    List<NodeId> nodes = new ArrayList<>();
    int[] bounds = new int[ranges.size() + 1];
    for (int i = 0; i < ranges.size(); i++) {
      nodes.addAll(Subtrees.cover(ranges.get(i)[0], ranges.get(i)[1]));
      bounds[i + 1] = nodes.size();
    }
    List<byte[]> hashes = reader.read(nodes);
    if (hashes.size() != nodes.size()) {
      throw new IllegalStateException(
          "hash reader returned " + hashes.size() + " hashes for " + nodes.size() + " nodes");
    }
    List<byte[]> out = new ArrayList<>(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      out.add(Subtrees.fold(hashes, bounds[i], bounds[i + 1]));
    }
    return out;
  }

  private static List<byte[]> reversed(List<byte[]> l) {
    List<byte[]> out = new ArrayList<>(l.size());
    for (int i = l.size() - 1; i >= 0; i--) {
      out.add(l.get(i));
    }
    return out;
  }
}
