package accord.tlog;

import java.security.SecureRandom;

/**
 * Ed25519 through BouncyCastle's RFC 8032 implementation, and nothing else. Parties that do not
 * trust each other must accept exactly the same signatures; the JDK provider and BouncyCastle
 * disagree on hundreds of edge-case signatures (CCTV vectors), so every check in Accord goes
 * through {@link #verify}.
 */
public final class Ed25519 {
  public static final int SEED_SIZE = org.bouncycastle.math.ec.rfc8032.Ed25519.SECRET_KEY_SIZE;
  public static final int PUBLIC_KEY_SIZE = org.bouncycastle.math.ec.rfc8032.Ed25519.PUBLIC_KEY_SIZE;
  public static final int SIGNATURE_SIZE = org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ed25519() {}

  public static byte[] newSeed() {
    byte[] seed = new byte[SEED_SIZE];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePrivateKey(RANDOM, seed);
    return seed;
  }

  public static byte[] publicKey(byte[] seed) {
    checkLength(seed, SEED_SIZE, "private key seed");
    byte[] pub = new byte[PUBLIC_KEY_SIZE];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pub, 0);
    return pub;
  }

  public static byte[] sign(byte[] seed, byte[] publicKey, byte[] message) {
    byte[] sig = new byte[SIGNATURE_SIZE];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
        seed, 0, publicKey, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  /** True when {@code sig} is a valid signature of {@code message} under {@code publicKey}. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] sig) {
    if (publicKey.length != PUBLIC_KEY_SIZE || sig.length != SIGNATURE_SIZE) {
      return false;
    }
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        sig, 0, publicKey, 0, message, 0, message.length);
  }

  private static void checkLength(byte[] b, int want, String what) {
    if (b.length != want) {
      throw new IllegalArgumentException(what + " has " + b.length + " bytes, want " + want);
    }
  }
}
