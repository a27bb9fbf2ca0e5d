package accord.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * RFC 6962 / RFC 9162 §2.1.1 Merkle hashing with SHA-256.
 *
 * <pre>
 *   MTH({})          = SHA-256()
 *   leaf hash of d   = SHA-256(0x00 || d)
 *   node hash of l,r = SHA-256(0x01 || l || r)
 * </pre>
 *
 * The 0x00 and 0x01 prefixes keep a leaf from ever hashing like an interior node, so no one can
 * pass off two leaves' hashes as one entry. Hashes are plain 32-byte arrays; callers must not
 * mutate arrays they did not create.
 */
public final class Hash {
  public static final int SIZE = 32;

  private Hash() {}

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
          });

  /** SHA-256 of the empty string: the root of the empty tree. */
  public static byte[] emptyRoot() {
    return sha256(new byte[0]);
  }

  public static byte[] sha256(byte[] data) {
    return SHA256.get().digest(data);
  }

  public static byte[] sha256(byte[] data, int offset, int length) {
    MessageDigest md = SHA256.get();
    md.update(data, offset, length);
    return md.digest();
  }

  public static byte[] leaf(byte[] entry) {
    return leaf(entry, 0, entry.length);
  }

  public static byte[] leaf(byte[] entry, int offset, int length) {
    MessageDigest md = SHA256.get();
    md.update((byte) 0x00);
    md.update(entry, offset, length);
    return md.digest();
  }

  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest md = SHA256.get();
    md.update((byte) 0x01);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  public static boolean equal(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  public static String toBase64(byte[] hash) {
    return Base64.getEncoder().encodeToString(hash);
  }

  /** Decodes a standard base64 hash, rejecting anything that is not exactly 32 bytes. */
  public static byte[] fromBase64(String text) {
    byte[] h;
    try {
      h = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("hash is not valid base64: " + abbreviate(text));
    }
    if (h.length != SIZE) {
      throw new IllegalArgumentException("hash has " + h.length + " bytes, want " + SIZE);
    }
    // Reject non-canonical encodings (stray bits in padding) so a hash has one text form.
    if (!Base64.getEncoder().encodeToString(h).equals(text)) {
      throw new IllegalArgumentException("hash is not canonical base64: " + abbreviate(text));
    }
    return h;
  }

  public static String toHex(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length * 2);
    for (byte x : b) {
      sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return sb.toString();
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  static byte[] copy(byte[] h) {
    return Arrays.copyOf(h, h.length);
  }
}
