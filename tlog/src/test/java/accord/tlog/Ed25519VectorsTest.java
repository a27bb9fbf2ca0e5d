package accord.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Pins exactly which of the C2SP CCTV Ed25519 edge-case vectors Accord accepts. Parties that do
 * not trust each other must agree on every signature, so any change in the verifier (a new
 * BouncyCastle, another provider) must show up here as a failure.
 */
class Ed25519VectorsTest {
  private static final String FILE = "cctv-ed25519/ed25519vectors.json";

  /**
   * The vector numbers {@link Ed25519#verify} accepts with BouncyCastle 1.87, as ranges. It
   * rejects every low-order or non-canonical public key and every non-canonical R, and checks
   * the cofactored equation, so it accepts low-order residues that cofactorless verifiers reject.
   */
  static final String ACCEPTED =
      "4-7,26-29,48-51,84-85,91-92,98-99,105-106,114-117,136-139,158-161,180-183,"
      + "216-217,223-224,230-231,237-238,246-249,266-267,285-286,304-305,335-336,"
      + "348-349,361-362,374-375,387-388,408-411,422-425,436-439,462-465,470-473,"
      + "478-481,486-489,494-497,508-511,522-525,536-539,562-565,570-573,578-581,"
      + "586-589,594-597,608-611,622-625,636-639,662-665,670-673,678-681,686-689,"
      + "694-697,708-711,722-725,736-739,762-765,770-773,778-781,786-789,794-797,"
      + "806-807,817-818,830-833,866-867,873-874,880-881,887-888,896-899";

  static final int ACCEPTED_COUNT = 212;

  @Test
  void acceptedSetIsPinned() {
    SortedSet<Integer> accepted = accepted(v -> Ed25519.verify(
        SharedVectors.hex(v.get("key").asText()), msg(v), SharedVectors.hex(v.get("sig").asText())));
    assertThat(accepted).hasSize(ACCEPTED_COUNT);
    assertThat(ranges(accepted)).isEqualTo(ACCEPTED);
  }

  /**
   * Non-canonical encodings are refused as RFC 8032 §5.1.7 asks, and so are low-order public keys,
   * for which a signature proves nothing about who signed.
   */
  @Test
  void nonCanonicalPointsAndLowOrderKeysAreRejected() {
    JsonNode all = SharedVectors.json(FILE);
    int seen = 0;
    for (JsonNode v : all) {
      List<String> f = flags(v);
      if (f.contains("non_canonical_R") || f.contains("non_canonical_A") || f.contains("low_order_A")) {
        seen++;
        assertThat(Ed25519.verify(SharedVectors.hex(v.get("key").asText()), msg(v),
            SharedVectors.hex(v.get("sig").asText()))).as("vector %d", v.get("number").asInt()).isFalse();
      }
    }
    assertThat(seen).isPositive();
  }

  /** Informative: the JDK provider accepts a different set, which is why it is never used. */
  @Test
  void jdkProviderDisagrees() {
    SortedSet<Integer> bc = accepted(v -> Ed25519.verify(
        SharedVectors.hex(v.get("key").asText()), msg(v), SharedVectors.hex(v.get("sig").asText())));
    SortedSet<Integer> jdk = accepted(Ed25519VectorsTest::jdkVerify);
    SortedSet<Integer> differ = new TreeSet<>(bc);
    differ.addAll(jdk);
    SortedSet<Integer> both = new TreeSet<>(bc);
    both.retainAll(jdk);
    differ.removeAll(both);
    System.out.printf("CCTV Ed25519: BouncyCastle accepts %d, JDK %s accepts %d, they disagree on %d%n",
        bc.size(), System.getProperty("java.version"), jdk.size(), differ.size());
    assertThat(differ).isNotEmpty();
  }

  private static boolean jdkVerify(JsonNode v) {
    try {
      byte[] spki = concat(SharedVectors.hex("302a300506032b6570032100"),
          SharedVectors.hex(v.get("key").asText()));
      PublicKey pk = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(pk);
      s.update(msg(v));
      return s.verify(SharedVectors.hex(v.get("sig").asText()));
    } catch (Exception e) {
      return false; // a key or signature the provider refuses to decode is a rejection
    }
  }

  private static SortedSet<Integer> accepted(Predicate<JsonNode> verify) {
    JsonNode all = SharedVectors.json(FILE);
    assertThat(all).hasSize(914);
    SortedSet<Integer> out = new TreeSet<>();
    for (JsonNode v : all) {
      if (verify.test(v)) {
        out.add(v.get("number").asInt());
      }
    }
    return out;
  }

  private static List<String> flags(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v.get("flags") != null) {
      v.get("flags").forEach(f -> out.add(f.asText()));
    }
    return out;
  }

  private static byte[] msg(JsonNode v) {
    return v.get("msg").asText().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void rangesAreCompact() {
    assertThat(ranges(new TreeSet<>(List.of(0, 1, 2, 3, 7, 9, 10, 11, 12)))).isEqualTo("0-3,7,9-12");
    assertThat(ranges(new TreeSet<>(List.of(5)))).isEqualTo("5");
    assertThat(ranges(new TreeSet<>())).isEmpty();
  }

  /** "0-3,7,9-12": compact, and a failure diff shows which numbers moved. */
  static String ranges(SortedSet<Integer> s) {
    StringBuilder sb = new StringBuilder();
    Integer start = null;
    Integer prev = null;
    for (int n : s) {
      if (prev != null && n == prev + 1) {
        prev = n;
        continue;
      }
      if (start != null) {
        sb.append(sb.length() > 0 ? "," : "").append(start.equals(prev) ? "" + start : start + "-" + prev);
      }
      start = n;
      prev = n;
    }
    if (start != null) {
      sb.append(sb.length() > 0 ? "," : "").append(start.equals(prev) ? "" + start : start + "-" + prev);
    }
    return sb.toString();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
