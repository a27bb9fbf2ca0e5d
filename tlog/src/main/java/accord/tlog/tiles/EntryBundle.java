package accord.tlog.tiles;

import accord.tlog.FormatException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An entry bundle ({@code tile/entries/N[.p/W]}): up to 256 consecutive entries, each written as
 * a big-endian uint16 length and then its bytes. Decoding is strict, so a bundle has one
 * encoding: no truncated length or data, no trailing bytes, 1 to 256 entries.
 */
public final class EntryBundle {
  public static final int MAX_ENTRY_SIZE = 0xffff;

  private EntryBundle() {}

  public static byte[] encode(List<byte[]> entries) {
    if (entries.isEmpty() || entries.size() > Tile.FULL_WIDTH) {
      throw new FormatException(
          "an entry bundle holds 1 to " + Tile.FULL_WIDTH + " entries, not " + entries.size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < entries.size(); i++) {
      byte[] e = entries.get(i);
      if (e.length > MAX_ENTRY_SIZE) {
        throw new FormatException(
            "entry " + i + " of the bundle has " + e.length + " bytes, more than " + MAX_ENTRY_SIZE);
      }
      out.write(e.length >>> 8);
      out.write(e.length);
      out.write(e, 0, e.length);
    }
    return out.toByteArray();
  }

  public static List<byte[]> decode(byte[] bundle) {
    List<byte[]> out = new ArrayList<>();
    int off = 0;
    while (off < bundle.length) {
      if (out.size() == Tile.FULL_WIDTH) {
        throw new FormatException(
            "entry bundle: more than " + Tile.FULL_WIDTH + " entries (trailing bytes at offset " + off + ")");
      }
      if (bundle.length - off < 2) {
        throw new FormatException(
            "entry bundle: entry " + out.size() + " has a truncated length at offset " + off);
      }
      int len = ((bundle[off] & 0xff) << 8) | (bundle[off + 1] & 0xff);
      off += 2;
      if (bundle.length - off < len) {
        throw new FormatException("entry bundle: entry " + out.size() + " at offset " + (off - 2)
            + " claims " + len + " bytes, only " + (bundle.length - off) + " remain");
      }
      out.add(Arrays.copyOfRange(bundle, off, off + len));
      off += len;
    }
    if (out.isEmpty()) {
      throw new FormatException("entry bundle: empty");
    }
    return out;
  }

  /** Decodes a bundle that must hold exactly {@code width} entries. */
  public static List<byte[]> decode(byte[] bundle, int width) {
    List<byte[]> out = decode(bundle);
    if (out.size() != width) {
      throw new FormatException("entry bundle: " + out.size() + " entries, want " + width);
    }
    return out;
  }
}
