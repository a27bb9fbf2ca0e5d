package accord.tlog.witness;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.FormatException;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any policy text either parses, and its canonical form parses to the same canonical form, or is
 * refused with a FormatException; nothing else may escape. Normal test runs replay the seeds in
 * PolicyFuzzTestInputs/parse; JAZZER_FUZZ=1 fuzzes from them.
 */
class PolicyFuzzTest {
  @FuzzTest
  void parse(byte[] text) {
    Policy p;
    try {
      p = Policy.parse(text);
    } catch (FormatException e) {
      return;
    }
    String canonical = p.format();
    Policy again = Policy.parse(canonical);
    assertThat(again.format()).isEqualTo(canonical);
    assertThat(again.groups()).isEqualTo(p.groups());
    assertThat(again.quorum()).isEqualTo(p.quorum());
  }
}
