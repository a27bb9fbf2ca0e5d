package accord.tlog;

/** A private key that signs note texts. */
public interface NoteSigner {
  String name();

  int keyId();

  /** The signature of {@code text}, without the key ID prefix. */
  byte[] sign(byte[] text);
}
