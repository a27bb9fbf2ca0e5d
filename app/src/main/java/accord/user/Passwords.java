package accord.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string form ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}),
 * with the OWASP baseline parameters: 19 MiB of memory, 2 passes, 1 lane.
 */
public final class Passwords {
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int PASSES = 2;
  private static final int LANES = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private Passwords() {}

  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] h = argon2(password, salt, MEMORY_KIB, PASSES, LANES, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$"
        + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
  }

  /** Whether {@code password} matches a stored PHC string; a malformed string never matches. */
  public static boolean verify(String password, String phc) {
    try {
      String[] parts = phc.split("\\$");
      if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
        return false;
      }
      int m = 0, t = 0, p = 0;
      for (String kv : parts[3].split(",")) {
        String[] x = kv.split("=", 2);
        int v = Integer.parseInt(x[1]);
        switch (x[0]) {
          case "m" -> m = v;
          case "t" -> t = v;
          case "p" -> p = v;
          default -> {
            return false;
          }
        }
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] want = B64D.decode(parts[5]);
      byte[] got = argon2(password, salt, m, t, p, want.length);
      return MessageDigest.isEqual(want, got);
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  private static byte[] argon2(String password, byte[] salt, int m, int t, int p, int len) {
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .build());
    byte[] out = new byte[len];
    g.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
