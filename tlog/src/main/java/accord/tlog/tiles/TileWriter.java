package accord.tlog.tiles;

import accord.tlog.HashReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The server side: the tiles and entry bundles a log publishes, as path → bytes. The signed
 * checkpoint is published beside them, after them, so no client sees a size it cannot fetch.
 */
public final class TileWriter {
  private TileWriter() {}

  /** Every tile and entry bundle of a tree of {@code size} leaves. */
  public static Map<String, byte[]> all(long size, HashReader hashes, LongFunction<byte[]> entry) {
    return changed(0, size, hashes, entry);
  }

  /**
   * The tiles and bundles that growing from {@code oldSize} to {@code newSize} adds: new full
   * tiles and the new right-edge partial tiles ({@link Tiles#changed}).
   */
  public static Map<String, byte[]> changed(
      long oldSize, long newSize, HashReader hashes, LongFunction<byte[]> entry) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Tile t : Tiles.changed(oldSize, newSize)) {
      out.put(t.path(), TileHashes.build(t, hashes));
      if (t.level() == 0) {
        out.put(t.partner().path(), bundle(t.partner(), entry));
      }
    }
    return out;
  }

  /** The bytes of an entry bundle, from the entries it holds. */
  public static byte[] bundle(Tile bundle, LongFunction<byte[]> entry) {
    if (!bundle.isEntries()) {
      throw new IllegalArgumentException(bundle.path() + " is not an entry bundle");
    }
    List<byte[]> entries = new ArrayList<>(bundle.width());
    long first = bundle.index() * Tile.FULL_WIDTH;
    for (int i = 0; i < bundle.width(); i++) {
      entries.add(entry.apply(first + i));
    }
    return EntryBundle.encode(entries);
  }
}
