package accord.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProofBundleFuzzTest {
  /** The log key that signed the seed proofs (a fixed test seed, so the corpus stays valid). */
  static final NoteKeys.Ed25519Signer LOG = new NoteKeys.Ed25519Signer("fuzz.example/log", filled(7));

  static final NoteVerifier LOG_KEY = NoteKeys.verifier(LOG.vkey());

  static byte[] filled(int b) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) b);
    return seed;
  }

  /**
   * Any bytes either parse to a proof that formats back to the same bytes, or are a
   * FormatException; verifying a parsed proof succeeds or is a VerificationException.
   */
  @FuzzTest(maxDuration = "75s")
  void parse(byte[] input) {
    ProofBundle p;
    try {
      p = ProofBundle.parse(input);
    } catch (FormatException e) {
      return;
    }
    assertThat(p.bytes()).isEqualTo(input);
    assertThat(ProofBundle.parse(p.format())).isEqualTo(p);
    try {
      p.verify("seed entry".getBytes(StandardCharsets.UTF_8), LOG.name(), LOG_KEY);
    } catch (VerificationException e) {
      // a mutated proof does not check out; that is the expected outcome
    }
  }

  /** The seed corpus starts from proofs that verify, so mutations reach the proof checks. */
  @Test
  void seedProofsVerify() throws IOException {
    for (String name : new String[] {"valid", "valid-with-extra"}) {
      try (InputStream in = getClass().getResourceAsStream("ProofBundleFuzzTestInputs/parse/" + name)) {
        assertThat(in).as(name).isNotNull();
        ProofBundle p = ProofBundle.parse(in.readAllBytes());
        assertThat(p.verify("seed entry".getBytes(StandardCharsets.UTF_8), LOG.name(), LOG_KEY).checkpoint().size())
            .isEqualTo(5);
      }
    }
  }
}
