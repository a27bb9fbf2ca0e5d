package accord.tlog;

import java.util.Base64;

/** One signature line of a note: {@code — <name> <base64(keyID || signature)>}. */
public record NoteSignature(String name, int keyId, byte[] signature) {
  public String base64() {
    byte[] b = new byte[4 + signature.length];
    b[0] = (byte) (keyId >>> 24);
    b[1] = (byte) (keyId >>> 16);
    b[2] = (byte) (keyId >>> 8);
    b[3] = (byte) keyId;
    System.arraycopy(signature, 0, b, 4, signature.length);
    return Base64.getEncoder().encodeToString(b);
  }

  public String line() {
    return "\u2014 " + name + " " + base64();
  }
}
