package accord.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Note.parse on arbitrary bytes: it either gives a note that formats back to the very same bytes,
 * or throws FormatException. Opening it with known keys may also throw VerificationException.
 * Nothing else may escape. Seeds: {@code src/test/resources/accord/tlog/NoteFuzzTestInputs/}.
 */
class NoteFuzzTest {
  static final NoteKeys.Ed25519Signer LOG = new NoteKeys.Ed25519Signer("log.seed.example", filled(0x11));
  static final Cosignature.Signer WITNESS = new Cosignature.Signer("witness.seed.example", filled(0x22));
  static final NoteVerifiers KNOWN =
      NoteVerifiers.of(NoteKeys.verifier(LOG.vkey()), Cosignature.Verifier.of(WITNESS.vkey()));

  @FuzzTest
  void parse(byte[] data) {
    Note n;
    try {
      n = Note.parse(data);
    } catch (FormatException e) {
      return;
    }
    assertThat(n.bytes()).isEqualTo(data);
    assertThat(n.text()).endsWith("\n");
    assertThat(n.signatures()).isNotEmpty().hasSizeLessThanOrEqualTo(Note.MAX_SIGNATURES);
    assertThat(Note.parse(n.format()).format()).isEqualTo(n.format());
    try {
      Note.Verified v = Note.open(data, KNOWN);
      assertThat(v.verified()).isNotEmpty();
      assertThat(v.note().bytes()).isEqualTo(data);
    } catch (VerificationException e) {
      // a well-formed note that known keys do not vouch for
    }
  }

  static byte[] filled(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }
}
