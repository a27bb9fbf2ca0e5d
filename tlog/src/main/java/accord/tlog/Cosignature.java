package accord.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * tlog-cosignature/v1 with Ed25519 (signature type 0x04). A witness signs
 *
 * <pre>
 *   cosignature/v1\n
 *   time &lt;decimal seconds since the epoch&gt;\n
 *   &lt;checkpoint body&gt;
 * </pre>
 *
 * and the signature bytes on the note line are {@code keyID(4) || uint64be(time) || sig(64)}. The
 * statement reads "as of this time, this is the largest tree consistent with everything I have
 * seen for this origin", which is what bounds when an entry existed.
 */
public final class Cosignature {
  private Cosignature() {}

  static byte[] message(long timestamp, String checkpointText) {
    return message(timestamp, checkpointText.getBytes(StandardCharsets.UTF_8));
  }

  /** Built from the text's bytes as given, so a signature covers exactly what was received. */
  static byte[] message(long timestamp, byte[] checkpointText) {
    byte[] header =
        ("cosignature/v1\ntime " + Long.toUnsignedString(timestamp) + "\n")
            .getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(header.length + checkpointText.length)
        .put(header)
        .put(checkpointText)
        .array();
  }

  /** A witness key that cosigns checkpoints. Its key ID is computed with type 0x04. */
  public static final class Signer {
    private final String name;
    private final byte[] seed;
    private final byte[] publicKey;
    private final int keyId;

    public Signer(String name, byte[] seed) {
      this.name = name;
      this.seed = seed.clone();
      this.publicKey = Ed25519.publicKey(seed);
      this.keyId = NoteKeys.keyId(name, NoteKeys.ALG_COSIGNATURE_V1, publicKey);
    }

    /** A cosigner from a type-0x01 PRIVATE+KEY line: the same key, cosigning under type 0x04. */
    public static Signer fromSkey(String skey) {
      NoteKeys.Ed25519Signer s = NoteKeys.signer(skey);
      return new Signer(s.name(), s.seed());
    }

    public String name() {
      return name;
    }

    public int keyId() {
      return keyId;
    }

    public String vkey() {
      return NoteKeys.vkey(name, NoteKeys.ALG_COSIGNATURE_V1, publicKey);
    }

    public NoteSignature cosign(Checkpoint checkpoint, long timestamp) {
      byte[] sig = Ed25519.sign(seed, publicKey, message(timestamp, checkpoint.text()));
      byte[] body = ByteBuffer.allocate(8 + sig.length).putLong(timestamp).put(sig).array();
      return new NoteSignature(name, keyId, body);
    }

    @Override
    public String toString() {
      return "Cosignature.Signer[" + name + "+" + NoteKeys.hexId(keyId) + "]";
    }
  }

  /** Checks cosignatures of one witness key, and reads their timestamps. */
  public record Verifier(String name, int keyId, byte[] publicKey) implements NoteVerifier {
    /** Parses a type-0x04 vkey (or converts a type-0x01 one). */
    public static Verifier of(String vkey) {
      NoteKeys.PublicKey k = NoteKeys.parseVkey(vkey);
      if (k.alg() == NoteKeys.ALG_ED25519) {
        k = NoteKeys.parseVkey(NoteKeys.cosignatureVkey(vkey));
      }
      return new Verifier(k.name(), k.keyId(), k.key());
    }

    @Override
    public boolean verify(byte[] text, byte[] signature) {
      if (signature.length != 8 + Ed25519.SIGNATURE_SIZE) {
        return false;
      }
      long time = ByteBuffer.wrap(signature, 0, 8).getLong();
      if (time < 0) {
        // 2^63 seconds and beyond is no real time; refusing it keeps every valid timestamp a
        // non-negative long, so timestamp() can use -1 for "no cosignature".
        return false;
      }
      byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
      System.arraycopy(signature, 8, sig, 0, sig.length);
      return Ed25519.verify(publicKey, message(time, text), sig);
    }

    /**
     * The timestamp of this witness's valid cosignature on {@code note}, or -1 when the note
     * carries none. A present but invalid cosignature throws.
     */
    public long timestamp(Note note) {
      for (NoteSignature s : note.signatures()) {
        if (s.name().equals(name) && s.keyId() == keyId) {
          if (!verify(note.textBytes(), s.signature())) {
            throw new VerificationException("invalid cosignature by witness " + name);
          }
          return ByteBuffer.wrap(s.signature(), 0, 8).getLong();
        }
      }
      return -1;
    }
  }
}
