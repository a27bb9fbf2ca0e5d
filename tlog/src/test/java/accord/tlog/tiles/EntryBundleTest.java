package accord.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.tlog.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryBundleTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void encodesUint16BigEndianLengthPrefixes() {
    byte[] b = EntryBundle.encode(List.of("a".getBytes(StandardCharsets.UTF_8), new byte[0], "bc".getBytes(StandardCharsets.UTF_8)));
    assertThat(b).isEqualTo(hex("0001" + "61" + "0000" + "0002" + "6263"));
    assertThat(EntryBundle.decode(b)).containsExactly(hex("61"), new byte[0], hex("6263"));
  }

  @Test
  void roundTripsUpToTheLimits() {
    Random r = new Random(1);
    for (int n : new int[] {1, 2, 255, 256}) {
      List<byte[]> entries = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        byte[] e = new byte[r.nextInt(300)];
        r.nextBytes(e);
        entries.add(e);
      }
      byte[] b = EntryBundle.encode(entries);
      assertThat(EntryBundle.decode(b, n)).containsExactlyElementsOf(entries);
    }
    byte[] big = new byte[EntryBundle.MAX_ENTRY_SIZE];
    big[big.length - 1] = 7;
    byte[] b = EntryBundle.encode(List.of(big));
    assertThat(b).startsWith(0xff, 0xff);
    assertThat(EntryBundle.decode(b, 1).get(0)).isEqualTo(big);
  }

  @Test
  void rejectsTruncatedLength() {
    assertThatThrownBy(() -> EntryBundle.decode(hex("0001" + "61" + "00")))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("entry 1 has a truncated length at offset 3");
  }

  @Test
  void rejectsTruncatedData() {
    assertThatThrownBy(() -> EntryBundle.decode(hex("0001" + "61" + "0003" + "6263")))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("entry 1 at offset 3 claims 3 bytes, only 2 remain");
  }

  @Test
  void rejectsEmptyBundle() {
    assertThatThrownBy(() -> EntryBundle.decode(new byte[0]))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void rejectsMoreThan256Entries() {
    byte[] b = new byte[2 * 257]; // 257 empty entries
    assertThat(EntryBundle.decode(new byte[2 * 256])).hasSize(256);
    assertThatThrownBy(() -> EntryBundle.decode(b))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("more than 256 entries");
  }

  @Test
  void rejectsTrailingEntriesBeyondTheWidth() {
    byte[] b = hex("0001" + "61" + "0001" + "62");
    assertThat(EntryBundle.decode(b, 2)).hasSize(2);
    assertThatThrownBy(() -> EntryBundle.decode(b, 1))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("2 entries, want 1");
    assertThatThrownBy(() -> EntryBundle.decode(b, 3))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("2 entries, want 3");
  }

  @Test
  void refusesToEncodeWhatCannotBeDecoded() {
    assertThatThrownBy(() -> EntryBundle.encode(List.of(new byte[EntryBundle.MAX_ENTRY_SIZE + 1])))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("65536 bytes");
    assertThatThrownBy(() -> EntryBundle.encode(List.of()))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> EntryBundle.encode(Collections.nCopies(257, new byte[0])))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("not 257");
  }
}
