package accord.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.FormatException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

class EntryBundleFuzzTest {
  /** Any bytes either decode to entries that encode back to the same bytes, or are a FormatException. */
  @FuzzTest(maxDuration = "75s")
  void decode(byte[] input) {
    List<byte[]> entries;
    try {
      entries = EntryBundle.decode(input);
    } catch (FormatException e) {
      return;
    }
    assertThat(entries).hasSizeBetween(1, Tile.FULL_WIDTH);
    assertThat(EntryBundle.encode(entries)).isEqualTo(input);
  }
}
