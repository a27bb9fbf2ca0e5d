package accord.tlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.Hash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntriesTest {
  /** Hands out at most {@code chunk} bytes per read, to put line ends on every boundary. */
  private static InputStream chunked(byte[] data, int chunk) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private static List<String> leaves(byte[] data, int chunk, long limit) throws IOException {
    List<String> out = new ArrayList<>();
    Entries.leafHashes(chunked(data, chunk), limit, h -> out.add(Hash.toHex(h)));
    return out;
  }

  private static String leaf(String s) {
    return Hash.toHex(Hash.leaf(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void splitsOnNewlinesWhateverTheReadSizes() throws IOException {
    byte[] data = "alpha\n\nbeta gamma\r\nz".getBytes(StandardCharsets.UTF_8);
    List<String> want = List.of(leaf("alpha"), leaf(""), leaf("beta gamma\r"), leaf("z"));
    for (int chunk = 1; chunk <= data.length + 1; chunk++) {
      assertThat(leaves(data, chunk, Long.MAX_VALUE)).as("reads of %d bytes", chunk).isEqualTo(want);
    }
  }

  @Test
  void stopsAtTheLimit() throws IOException {
    byte[] data = "a\nb\nc\nd".getBytes(StandardCharsets.UTF_8);
    for (int chunk = 1; chunk <= data.length; chunk++) {
      assertThat(leaves(data, chunk, 2)).isEqualTo(List.of(leaf("a"), leaf("b")));
      assertThat(leaves(data, chunk, 4)).hasSize(4).endsWith(leaf("d"));
      assertThat(leaves(data, chunk, 0)).isEmpty();
    }
  }

  @Test
  void countsWhatItPassesOn() throws IOException {
    long n = Entries.leafHashes(new ByteArrayInputStream("x\ny\n".getBytes()), 10, h -> {});
    assertThat(n).isEqualTo(2);
    assertThat(Entries.leafHashes(new ByteArrayInputStream(new byte[0]), 10, h -> {})).isZero();
  }
}
