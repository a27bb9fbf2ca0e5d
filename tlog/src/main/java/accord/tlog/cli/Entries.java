package accord.tlog.cli;

import accord.tlog.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The entries of a log given as a file: each line's bytes, without the newline, is one entry. A
 * last line without a newline is an entry too; an empty file is the empty log. Bytes are hashed as
 * they are read, so memory stays bounded by the longest line, not the file.
 */
final class Entries {
  private static final int BUFFER = 1 << 16;

  private Entries() {}

  /**
   * Passes the RFC 6962 leaf hash of each of the first {@code limit} entries to {@code leaves};
   * returns how many there were.
   */
  static long leafHashes(String path, long limit, Consumer<byte[]> leaves) {
    try (InputStream in = Io.open(path, "entries file")) {
      return leafHashes(in, limit, leaves);
    } catch (IOException e) {
      throw Io.cannotRead("entries file", path, e);
    }
  }

  static long leafHashes(InputStream in, long limit, Consumer<byte[]> leaves) throws IOException {
    byte[] buf = new byte[BUFFER];
    byte[] carry = new byte[256]; // the start of a line that crosses a buffer boundary
    int carried = 0;
    long count = 0;
    int n;
    while (count < limit && (n = in.read(buf)) >= 0) {
      int start = 0;
      for (int i = 0; i < n && count < limit; i++) {
        if (buf[i] != '\n') {
          continue;
        }
        if (carried == 0) {
          leaves.accept(Hash.leaf(buf, start, i - start));
        } else {
          carry = append(carry, carried, buf, start, i - start);
          leaves.accept(Hash.leaf(carry, 0, carried + i - start));
          carried = 0;
        }
        count++;
        start = i + 1;
      }
      if (count < limit && start < n) {
        carry = append(carry, carried, buf, start, n - start);
        carried += n - start;
      }
    }
    if (count < limit && carried > 0) {
      leaves.accept(Hash.leaf(carry, 0, carried));
      count++;
    }
    return count;
  }

  private static byte[] append(byte[] carry, int carried, byte[] src, int off, int len) {
    if (carried + len > carry.length) {
      carry = Arrays.copyOf(carry, Math.max(carried + len, carry.length * 2));
    }
    System.arraycopy(src, off, carry, carried, len);
    return carry;
  }
}
