package accord.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Key text in the Go / C2SP form.
 *
 * <pre>
 *   vkey: name+hexID+base64(type || public key)
 *   skey: PRIVATE+KEY+name+hexID+base64(type || seed)
 *   key ID = first 4 bytes, big-endian, of SHA-256(name || "\n" || type || public key)
 * </pre>
 *
 * Type 0x01 is Ed25519 for notes and checkpoints; 0x04 is the same Ed25519 key used for
 * timestamped cosignatures (tlog-cosignature/v1), which gets its own key ID so a cosignature can
 * never be mistaken for a log signature.
 */
public final class NoteKeys {
  public static final byte ALG_ED25519 = 0x01;
  public static final byte ALG_COSIGNATURE_V1 = 0x04;

  private static final Pattern HEX8 = Pattern.compile("[0-9a-fA-F]{8}");

  private NoteKeys() {}

  /** A fresh Ed25519 key: {skey, vkey}. */
  public static String[] generate(String name) {
    if (!Note.validKeyName(name)) {
      throw new IllegalArgumentException("invalid key name: " + name);
    }
    byte[] seed = Ed25519.newSeed();
    return new String[] {skey(name, seed), vkey(name, ALG_ED25519, Ed25519.publicKey(seed))};
  }

  public static String skey(String name, byte[] seed) {
    byte[] pub = Ed25519.publicKey(seed);
    return "PRIVATE+KEY+" + name + "+" + hexId(keyId(name, ALG_ED25519, pub)) + "+"
        + Base64.getEncoder().encodeToString(prefixed(ALG_ED25519, seed));
  }

  public static String vkey(String name, byte alg, byte[] publicKey) {
    return name + "+" + hexId(keyId(name, alg, publicKey)) + "+"
        + Base64.getEncoder().encodeToString(prefixed(alg, publicKey));
  }

  public static int keyId(String name, byte alg, byte[] publicKey) {
    MessageDigest md = sha256();
    md.update(name.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
    md.update(alg);
    md.update(publicKey);
    return ByteBuffer.wrap(md.digest(), 0, 4).getInt();
  }

  public static String hexId(int id) {
    return String.format("%08x", id);
  }

  /** A parsed vkey: name, key ID, algorithm byte and public key. */
  public record PublicKey(String name, int keyId, byte alg, byte[] key) {
    public String vkey() {
      return NoteKeys.vkey(name, alg, key);
    }
  }

  /** Parses and checks a vkey: name rules, 8 hex digits, ID matching the key, known algorithm. */
  public static PublicKey parseVkey(String vkey) {
    String[] parts = vkey.split("\\+", 3);
    if (parts.length != 3 || !Note.validKeyName(parts[0]) || !HEX8.matcher(parts[1]).matches()) {
      throw new FormatException("malformed verifier key: want name+hexid+base64");
    }
    byte[] key = decodeBase64(parts[2], "verifier key");
    if (key.length == 0) {
      throw new FormatException("malformed verifier key: empty key");
    }
    int id = Integer.parseUnsignedInt(parts[1], 16);
    if (id != keyIdOfPrefixed(parts[0], key)) {
      throw new FormatException("verifier key " + parts[0] + ": key ID does not match the key");
    }
    byte alg = key[0];
    byte[] pub = java.util.Arrays.copyOfRange(key, 1, key.length);
    if (alg != ALG_ED25519 && alg != ALG_COSIGNATURE_V1) {
      throw new FormatException(
          "verifier key " + parts[0] + ": unknown algorithm 0x" + Integer.toHexString(alg & 0xff));
    }
    if (pub.length != Ed25519.PUBLIC_KEY_SIZE) {
      throw new FormatException("verifier key " + parts[0] + ": Ed25519 key has " + pub.length + " bytes");
    }
    return new PublicKey(parts[0], id, alg, pub);
  }

  /** A verifier for type-0x01 (plain Ed25519) signatures on notes. */
  public static NoteVerifier verifier(String vkey) {
    PublicKey k = parseVkey(vkey);
    if (k.alg() != ALG_ED25519) {
      throw new FormatException("verifier key " + k.name() + " is not an Ed25519 note key (type 0x01)");
    }
    return new Ed25519Verifier(k.name(), k.keyId(), k.key());
  }

  /** A signer from a PRIVATE+KEY line. */
  public static Ed25519Signer signer(String skey) {
    String[] parts = skey.trim().split("\\+", 5);
    if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")
        || !Note.validKeyName(parts[2]) || !HEX8.matcher(parts[3]).matches()) {
      throw new FormatException("malformed private key: want PRIVATE+KEY+name+hexid+base64");
    }
    byte[] key = decodeBase64(parts[4], "private key");
    if (key.length != 1 + Ed25519.SEED_SIZE || key[0] != ALG_ED25519) {
      throw new FormatException("private key " + parts[2] + ": not an Ed25519 seed");
    }
    byte[] seed = java.util.Arrays.copyOfRange(key, 1, key.length);
    Ed25519Signer s = new Ed25519Signer(parts[2], seed);
    if (s.keyId() != Integer.parseUnsignedInt(parts[3], 16)) {
      throw new FormatException("private key " + parts[2] + ": key ID does not match the key");
    }
    return s;
  }

  /** Turns a type-0x01 vkey into the vkey of the same key as a tlog-cosignature/v1 signer. */
  public static String cosignatureVkey(String vkey) {
    PublicKey k = parseVkey(vkey);
    if (k.alg() != ALG_ED25519) {
      throw new FormatException("verifier key " + k.name() + " is not an Ed25519 key (type 0x01)");
    }
    return vkey(k.name(), ALG_COSIGNATURE_V1, k.key());
  }

  private static int keyIdOfPrefixed(String name, byte[] prefixedKey) {
    MessageDigest md = sha256();
    md.update(name.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
    md.update(prefixedKey);
    return ByteBuffer.wrap(md.digest(), 0, 4).getInt();
  }

  private static byte[] prefixed(byte alg, byte[] key) {
    byte[] out = new byte[key.length + 1];
    out[0] = alg;
    System.arraycopy(key, 0, out, 1, key.length);
    return out;
  }

  private static byte[] decodeBase64(String s, String what) {
    try {
      if (s.length() % 4 != 0) {
        throw new IllegalArgumentException();
      }
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new FormatException("malformed " + what + ": key is not base64");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Plain Ed25519 over the note text (type 0x01). */
  public record Ed25519Verifier(String name, int keyId, byte[] publicKey) implements NoteVerifier {
    @Override
    public boolean verify(byte[] text, byte[] signature) {
      return Ed25519.verify(publicKey, text, signature);
    }
  }

  /** Signs note texts with an Ed25519 seed (type 0x01). */
  public static final class Ed25519Signer implements NoteSigner {
    private final String name;
    private final byte[] seed;
    private final byte[] publicKey;
    private final int keyId;

    public Ed25519Signer(String name, byte[] seed) {
      this.name = name;
      this.seed = seed.clone();
      this.publicKey = Ed25519.publicKey(seed);
      this.keyId = NoteKeys.keyId(name, ALG_ED25519, publicKey);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int keyId() {
      return keyId;
    }

    @Override
    public byte[] sign(byte[] text) {
      return Ed25519.sign(seed, publicKey, text);
    }

    public byte[] publicKey() {
      return publicKey.clone();
    }

    /** The signing seed, for code that must sign other message forms with this key. */
    byte[] seed() {
      return seed;
    }

    public String vkey() {
      return NoteKeys.vkey(name, ALG_ED25519, publicKey);
    }

    @Override
    public String toString() {
      return "Ed25519Signer[" + name + "+" + hexId(keyId) + "]"; // never the seed
    }
  }
}
