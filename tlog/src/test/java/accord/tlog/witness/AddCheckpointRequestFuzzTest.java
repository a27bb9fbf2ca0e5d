package accord.tlog.witness;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.FormatException;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any body either parses and formats back to the same bytes, or is refused with a
 * FormatException; nothing else may escape. Normal test runs replay the seeds in
 * AddCheckpointRequestFuzzTestInputs/parse; JAZZER_FUZZ=1 fuzzes from them.
 */
class AddCheckpointRequestFuzzTest {
  @FuzzTest
  void parse(byte[] body) {
    AddCheckpointRequest r;
    try {
      r = AddCheckpointRequest.parse(body);
    } catch (FormatException e) {
      return;
    }
    assertThat(r.format()).isEqualTo(body);
    assertThat(AddCheckpointRequest.parse(r.format())).isEqualTo(r);
  }
}
