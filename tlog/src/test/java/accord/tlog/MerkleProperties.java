package accord.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Proof generation and verification over random trees. One tree of 2^17 leaves is built once; its
 * root at every size is recorded while appending, and sizes and indexes are sampled from it.
 *
 * <p>A mutated size is checked against the true root of the mutated size when the tree has one.
 * Against the original root a changed size can still verify when both sizes give the leaf the same
 * path shape (RFC 9162 binds size and root only through the signed checkpoint). Above 2^17 the
 * original root is kept, and the longer path the new size needs makes the proof fail.
 */
class MerkleProperties {
  private static final int MAX = 1 << 17;
  private static final MemoryHashStore STORE = new MemoryHashStore();
  private static final byte[][] ROOTS = new byte[MAX + 1][];

  static {
    CompactRange r = new CompactRange();
    ROOTS[0] = r.root();
    for (int i = 0; i < MAX; i++) {
      r.append(leafHash(i), STORE);
      ROOTS[i + 1] = r.root();
    }
  }

  static byte[] leafHash(long i) {
    return Hash.leaf(ByteBuffer.allocate(8).putLong(i).array());
  }

  // Sizes: small ones, any size, and sizes next to powers of two, where proofs change shape.
  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 70),
        Arbitraries.integers().between(1, MAX),
        Arbitraries.integers().between(1, 17).flatMap(k ->
            Arbitraries.of((1 << k) - 1, 1 << k, Math.min(MAX, (1 << k) + 1))));
  }

  @Provide
  Arbitrary<int[]> leafInTree() {
    return sizes().flatMap(s -> Arbitraries.integers().between(0, s - 1).map(i -> new int[] {s, i}));
  }

  @Provide
  Arbitrary<int[]> twoSizes() {
    return sizes().flatMap(s2 -> Arbitraries.oneOf(
            Arbitraries.integers().between(1, s2),
            Arbitraries.integers().between(Math.max(1, s2 - 3), s2))
        .map(s1 -> new int[] {s1, s2}));
  }

  @Property(tries = 150)
  void inclusionProofsVerifyAndEveryBitFlipFails(@ForAll("leafInTree") int[] t) {
    long size = t[0];
    long index = t[1];
    byte[] leaf = leafHash(index);
    byte[] root = ROOTS[(int) size];
    List<byte[]> proof = Proofs.inclusion(index, size, STORE);
    ProofVerifier.verifyInclusion(leaf, index, size, proof, root);
    assertThat(ProofVerifier.rootFromInclusion(leaf, index, size, proof)).isEqualTo(root);

    List<String> accepted = new ArrayList<>();
    for (int p = 0; p < proof.size(); p++) {
      for (int bit = 0; bit < 256; bit++) {
        List<byte[]> bad = flip(proof, p, bit);
        check(accepted, "proof[" + p + "] bit " + bit,
            () -> ProofVerifier.verifyInclusion(leaf, index, size, bad, root));
      }
    }
    for (int bit = 0; bit < 256; bit++) {
      byte[] badRoot = flip(root, bit);
      byte[] badLeaf = flip(leaf, bit);
      check(accepted, "root bit " + bit,
          () -> ProofVerifier.verifyInclusion(leaf, index, size, proof, badRoot));
      check(accepted, "leaf bit " + bit,
          () -> ProofVerifier.verifyInclusion(badLeaf, index, size, proof, root));
    }
    for (int bit = 0; bit < 64; bit++) {
      long badIndex = index ^ (1L << bit);
      long badSize = size ^ (1L << bit);
      check(accepted, "index bit " + bit,
          () -> ProofVerifier.verifyInclusion(leaf, badIndex, size, proof, root));
      check(accepted, "size bit " + bit,
          () -> ProofVerifier.verifyInclusion(leaf, index, badSize, proof, rootOf(badSize, root)));
    }
    check(accepted, "one hash short", () -> ProofVerifier.verifyInclusion(
        leaf, index, size, proof.subList(0, Math.max(0, proof.size() - 1)), root), !proof.isEmpty());
    List<byte[]> longer = new ArrayList<>(proof);
    longer.add(root);
    check(accepted, "one hash more", () -> ProofVerifier.verifyInclusion(leaf, index, size, longer, root));
    assertThat(accepted).as("mutations of the proof of leaf %d in a tree of %d", index, size).isEmpty();
  }

  @Property(tries = 150)
  void consistencyProofsVerifyAndEveryBitFlipFails(@ForAll("twoSizes") int[] t) {
    long size1 = t[0];
    long size2 = t[1];
    byte[] root1 = ROOTS[(int) size1];
    byte[] root2 = ROOTS[(int) size2];
    List<byte[]> proof = Proofs.consistency(size1, size2, STORE);
    ProofVerifier.verifyConsistency(size1, size2, proof, root1, root2);
    if (size1 == size2) {
      assertThat(proof).isEmpty();
    }

    List<String> accepted = new ArrayList<>();
    for (int p = 0; p < proof.size(); p++) {
      for (int bit = 0; bit < 256; bit++) {
        List<byte[]> bad = flip(proof, p, bit);
        check(accepted, "proof[" + p + "] bit " + bit,
            () -> ProofVerifier.verifyConsistency(size1, size2, bad, root1, root2));
      }
    }
    for (int bit = 0; bit < 256; bit++) {
      byte[] bad1 = flip(root1, bit);
      byte[] bad2 = flip(root2, bit);
      check(accepted, "root1 bit " + bit,
          () -> ProofVerifier.verifyConsistency(size1, size2, proof, bad1, root2));
      check(accepted, "root2 bit " + bit,
          () -> ProofVerifier.verifyConsistency(size1, size2, proof, root1, bad2));
    }
    for (int bit = 0; bit < 64; bit++) {
      long bad1 = size1 ^ (1L << bit);
      long bad2 = size2 ^ (1L << bit);
      check(accepted, "size1 bit " + bit, () ->
          ProofVerifier.verifyConsistency(bad1, size2, proof, rootOf(bad1, root1), root2));
      check(accepted, "size2 bit " + bit, () ->
          ProofVerifier.verifyConsistency(size1, bad2, proof, root1, rootOf(bad2, root2)));
    }
    if (!proof.isEmpty()) {
      check(accepted, "one hash short", () -> ProofVerifier.verifyConsistency(
          size1, size2, proof.subList(0, proof.size() - 1), root1, root2));
    }
    List<byte[]> longer = new ArrayList<>(proof);
    longer.add(root2);
    check(accepted, "one hash more",
        () -> ProofVerifier.verifyConsistency(size1, size2, longer, root1, root2));
    assertThat(accepted).as("mutations of the proof from %d to %d", size1, size2).isEmpty();
  }

  @Property(tries = 300)
  void treeHashFromStoredHashesIsTheRootAtThatSize(@ForAll("sizes") int size) {
    assertThat(Proofs.treeHash(size, STORE)).isEqualTo(ROOTS[size]);
    assertThat(CompactRange.resume(size, STORE).root()).isEqualTo(ROOTS[size]);
  }

  /** Resuming from stored hashes gives the same range: same root, same hashes on later appends. */
  @Property(tries = 200)
  void resumeGivesTheSameState(
      @ForAll("sizes") int size, @ForAll("appends") int more) {
    int start = Math.min(size, MAX - more);
    CompactRange r = CompactRange.resume(start, STORE);
    assertThat(r.size()).isEqualTo(start);
    assertThat(r.root()).isEqualTo(ROOTS[start]);
    List<String> puts = new ArrayList<>();
    for (int i = start; i < start + more; i++) {
      r.append(leafHash(i), (level, index, hash) -> {
        puts.add(level + "/" + index);
        assertThat(hash).as("node %d/%d", level, index).isEqualTo(STORE.get(level, index));
      });
      assertThat(r.root()).isEqualTo(ROOTS[i + 1]);
    }
    // Every node completed by the appends was handed to the sink, and nothing else.
    long expected = 0;
    for (int level = 0; level < 18; level++) {
      expected += ((long) (start + more) >> level) - ((long) start >> level);
    }
    assertThat(puts).hasSize((int) expected).doesNotHaveDuplicates();
  }

  /**
   * The peaks of a tree are its size's binary digits: one complete subtree per set bit, largest
   * first, covering the leaves exactly. Sizes up to 2^63 - 1, where lo + 2^level would overflow.
   */
  @Property(tries = 300)
  void peaksAreTheBinaryDigitsOfTheSize(@ForAll("anySize") long size) {
    List<NodeId> peaks = CompactRange.peakNodes(size);
    assertThat(peaks).hasSize(Long.bitCount(size));
    long next = 0;
    for (NodeId n : peaks) {
      assertThat(n.firstLeaf()).isEqualTo(next);
      assertThat(size & (1L << n.level())).isNotZero();
      next += 1L << n.level();
    }
    assertThat(next).isEqualTo(size);
    for (int i = 1; i < peaks.size(); i++) {
      assertThat(peaks.get(i).level()).isLessThan(peaks.get(i - 1).level());
    }
  }

  @Provide
  Arbitrary<Long> anySize() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.longs().between((1L << 62) - 100, (1L << 62) + 100),
        Arbitraries.longs().between(Long.MAX_VALUE - 100, Long.MAX_VALUE));
  }

  @Provide
  Arbitrary<Integer> appends() {
    return Arbitraries.integers().between(1, 300);
  }

  /**
   * Small random trees against the RFC 6962 §2.1 recursive definitions: MTH, PATH and PROOF,
   * for every size, index and pair of sizes.
   */
  @Property(tries = 120)
  void smallTreesMatchTheRecursiveDefinitions(@ForAll("leafData") List<byte[]> data) {
    Naive naive = new Naive(data);
    MemoryHashStore store = new MemoryHashStore();
    CompactRange range = new CompactRange();
    assertThat(range.root()).isEqualTo(naive.mth(0, 0)).isEqualTo(Hash.sha256(new byte[0]));
    for (int i = 0; i < data.size(); i++) {
      range.append(Hash.leaf(data.get(i)), store);
      assertThat(range.root()).isEqualTo(naive.mth(0, i + 1));
    }
    int n = data.size();
    for (int size = 0; size <= n; size++) {
      byte[] root = naive.mth(0, size);
      assertThat(Proofs.treeHash(size, store)).isEqualTo(root);
      for (int m = 0; m < size; m++) {
        List<byte[]> proof = Proofs.inclusion(m, size, store);
        assertThat(proof).as("PATH(%d, D[%d])", m, size).containsExactlyElementsOf(naive.path(m, 0, size));
        ProofVerifier.verifyInclusion(Hash.leaf(data.get(m)), m, size, proof, root);
      }
      for (int m = 1; m <= size; m++) {
        List<byte[]> proof = Proofs.consistency(m, size, store);
        List<byte[]> want = m == size ? List.of() : naive.subproof(m, 0, size, true);
        assertThat(proof).as("PROOF(%d, D[%d])", m, size).containsExactlyElementsOf(want);
        ProofVerifier.verifyConsistency(m, size, proof, naive.mth(0, m), root);
      }
    }
  }

  @Provide
  Arbitrary<List<byte[]>> leafData() {
    Arbitrary<byte[]> leaf = Arbitraries.bytes().array(byte[].class).ofMaxSize(24);
    return Combinators.combine(leaf.list().ofMaxSize(40), Arbitraries.integers().between(0, 2))
        .as((l, dup) -> {
          // Some trees repeat one leaf, so equal sibling hashes occur too.
          if (dup == 0 && !l.isEmpty()) {
            List<byte[]> same = new ArrayList<>();
            l.forEach(x -> same.add(l.get(0)));
            return same;
          }
          return l;
        });
  }

  /** The recursive RFC 6962 §2.1 definitions, memoised per range. */
  private static final class Naive {
    private final List<byte[]> data;
    private final Map<Long, byte[]> memo = new HashMap<>();

    Naive(List<byte[]> data) {
      this.data = data;
    }

    byte[] mth(int lo, int hi) {
      long key = ((long) lo << 32) | hi;
      byte[] h = memo.get(key);
      if (h == null) {
        int n = hi - lo;
        if (n == 0) {
          h = Hash.sha256(new byte[0]);
        } else if (n == 1) {
          h = Hash.leaf(data.get(lo));
        } else {
          int k = Integer.highestOneBit(n - 1);
          h = Hash.node(mth(lo, lo + k), mth(lo + k, hi));
        }
        memo.put(key, h);
      }
      return h;
    }

    List<byte[]> path(int m, int lo, int hi) {
      int n = hi - lo;
      List<byte[]> out = new ArrayList<>();
      if (n == 1) {
        return out;
      }
      int k = Integer.highestOneBit(n - 1);
      if (m < k) {
        out.addAll(path(m, lo, lo + k));
        out.add(mth(lo + k, hi));
      } else {
        out.addAll(path(m - k, lo + k, hi));
        out.add(mth(lo, lo + k));
      }
      return out;
    }

    List<byte[]> subproof(int m, int lo, int hi, boolean b) {
      int n = hi - lo;
      List<byte[]> out = new ArrayList<>();
      if (m == n) {
        if (!b) {
          out.add(mth(lo, hi));
        }
        return out;
      }
      int k = Integer.highestOneBit(n - 1);
      if (m <= k) {
        out.addAll(subproof(m, lo, lo + k, b));
        out.add(mth(lo + k, hi));
      } else {
        out.addAll(subproof(m - k, lo + k, hi, false));
        out.add(mth(lo, lo + k));
      }
      return out;
    }
  }

  private static byte[] rootOf(long size, byte[] otherwise) {
    return size >= 0 && size <= MAX ? ROOTS[(int) size] : otherwise;
  }

  private static void check(List<String> accepted, String what, Runnable verify) {
    check(accepted, what, verify, true);
  }

  private static void check(List<String> accepted, String what, Runnable verify, boolean applies) {
    if (!applies) {
      return;
    }
    try {
      verify.run();
      accepted.add(what);
    } catch (VerificationException expected) {
      // the mutation was caught
    }
  }

  private static byte[] flip(byte[] h, int bit) {
    byte[] out = h.clone();
    out[bit / 8] ^= (byte) (1 << (bit % 8));
    return out;
  }

  private static List<byte[]> flip(List<byte[]> proof, int index, int bit) {
    List<byte[]> out = new ArrayList<>(proof);
    out.set(index, flip(proof.get(index), bit));
    return out;
  }
}
