package accord.tlog;

/** A public key that checks signatures on notes: its name and key ID select it (signed-note). */
public interface NoteVerifier {
  String name();

  /** The 4-byte key ID, big-endian. */
  int keyId();

  /** Whether {@code signature} (without the key ID prefix) signs {@code text}. */
  boolean verify(byte[] text, byte[] signature);
}
