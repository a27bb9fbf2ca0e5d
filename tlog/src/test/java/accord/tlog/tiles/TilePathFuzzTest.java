package accord.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.FormatException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

class TilePathFuzzTest {
  /** Any string either parses to a tile whose path is that string, or is a FormatException. */
  @FuzzTest(maxDuration = "75s")
  void parse(byte[] input) {
    String path = new String(input, StandardCharsets.UTF_8);
    Tile t;
    try {
      t = TilePath.parse(path);
    } catch (FormatException e) {
      return;
    }
    assertThat(t.path()).isEqualTo(path);
  }
}
