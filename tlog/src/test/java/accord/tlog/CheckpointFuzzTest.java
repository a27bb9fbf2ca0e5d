package accord.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Checkpoint.parse on arbitrary text (a checkpoint has exactly one text form, so a parsed
 * checkpoint prints back to its input), and Checkpoint.open on arbitrary signed notes. Only
 * FormatException and VerificationException may escape.
 */
class CheckpointFuzzTest {
  @FuzzTest
  void parse(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Checkpoint c;
    try {
      c = Checkpoint.parse(text);
    } catch (FormatException e) {
      return;
    }
    assertThat(c.text()).isEqualTo(text);
    assertThat(c.size()).isNotNegative();
    assertThat(c.root()).hasSize(Hash.SIZE);
    assertThat(Checkpoint.parse(c.text())).isEqualTo(c);
  }

  @FuzzTest
  void open(byte[] data) {
    Checkpoint.Signed s;
    try {
      s = Checkpoint.open(data, NoteKeys.verifier(NoteFuzzTest.LOG.vkey()));
    } catch (FormatException | VerificationException e) {
      return;
    }
    assertThat(s.note().bytes()).isEqualTo(data);
    assertThat(s.checkpoint().text()).isEqualTo(s.note().text());
    Cosignature.Verifier w = Cosignature.Verifier.of(NoteFuzzTest.WITNESS.vkey());
    try {
      assertThat(w.timestamp(s.note())).isGreaterThanOrEqualTo(-1);
    } catch (VerificationException e) {
      // a line claiming to be the witness's cosignature that does not verify
    }
  }
}
