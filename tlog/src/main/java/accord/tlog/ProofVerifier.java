package accord.tlog;

import java.util.List;

/**
 * The RFC 9162 verification algorithms, transcribed step by step (§2.1.3.2 inclusion, §2.1.4.2
 * consistency). Every failure throws {@link VerificationException} saying which check failed.
 *
 * <p>Strict on the edges the RFC leaves to the caller: a consistency proof from size 0 is refused
 * here (it proves nothing); the witness layer accepts {@code old 0} on its own terms.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  public static void verifyInclusion(
      byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
    byte[] r = rootFromInclusion(leafHash, index, size, proof);
    if (!Hash.equal(r, root)) {
      throw new VerificationException(
          "inclusion proof for index " + index + " leads to a different root than the tree of size "
              + size);
    }
  }

  /** Steps 1–4 of RFC 9162 §2.1.3.2, up to but not including the comparison with the root. */
  public static byte[] rootFromInclusion(byte[] leafHash, long index, long size, List<byte[]> proof) {
    checkHash(leafHash, "leaf hash");
    if (index < 0 || size < 0 || index >= size) {
      throw new VerificationException("leaf index " + index + " is not below tree size " + size);
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      checkHash(p, "proof hash");
      if (sn == 0) {
        throw new VerificationException("inclusion proof is longer than a tree of size " + size + " needs");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = Hash.node(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = Hash.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new VerificationException("inclusion proof is shorter than a tree of size " + size + " needs");
    }
    return r;
  }

  /**
   * The edge cases come in the order of transparency-dev/merkle's RootFromConsistencyProof, whose
   * test vectors pin them: size 0 is refused even against size 0, and equal sizes only need an
   * empty proof and byte-equal roots.
   */
  public static void verifyConsistency(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
    if (size1 < 0 || size2 < 0 || size1 > size2) {
      throw new VerificationException("tree size " + size1 + " cannot grow into size " + size2);
    }
    if (size1 == 0) {
      throw new VerificationException("a consistency proof from the empty tree proves nothing");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new VerificationException("trees of equal size need an empty consistency proof");
      }
      if (root1 == null || root2 == null || !Hash.equal(root1, root2)) {
        throw new VerificationException("two trees of size " + size1 + " have different roots");
      }
      return;
    }
    checkHash(root1, "first root");
    checkHash(root2, "second root");
    // Step 1.
    if (proof.isEmpty()) {
      throw new VerificationException("consistency proof is empty");
    }
    for (byte[] p : proof) {
      checkHash(p, "proof hash");
    }
    // Step 2: a power-of-two old tree is itself a node of the new tree, so its root starts the walk.
    int start = 0;
    byte[] first;
    if (Long.bitCount(size1) == 1) {
      first = root1;
    } else {
      first = proof.get(0);
      start = 1;
    }
    // Step 3.
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 4.
    byte[] fr = first;
    byte[] sr = first;
    // Step 5.
    for (int i = start; i < proof.size(); i++) {
      byte[] c = proof.get(i);
      if (sn == 0) {
        throw new VerificationException("consistency proof is longer than needed");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = Hash.node(c, fr);
        sr = Hash.node(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = Hash.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 6.
    if (sn != 0) {
      throw new VerificationException("consistency proof is shorter than needed");
    }
    if (!Hash.equal(fr, root1)) {
      throw new VerificationException("consistency proof does not lead to the first root");
    }
    if (!Hash.equal(sr, root2)) {
      throw new VerificationException("consistency proof does not lead to the second root");
    }
  }

  private static void checkHash(byte[] h, String what) {
    if (h == null || h.length != Hash.SIZE) {
      throw new VerificationException(
          what + " has " + (h == null ? 0 : h.length) + " bytes, want " + Hash.SIZE);
    }
  }
}
