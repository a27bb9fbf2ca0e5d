package accord.tlog.tiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Which tiles make up a tree, and which a log must publish when it grows.
 *
 * <p>A tree of size s has ⌊s / 256^l⌋ hashes at node level 8·l (tile level l). They fill
 * ⌊s / 256^(l+1)⌋ full tiles and, when ⌊s / 256^l⌋ mod 256 is not zero, one partial tile of that
 * width after them. A level with no hashes has no tiles, and empty tiles are never served.
 */
public final class Tiles {
  private Tiles() {}

  /** The hash tiles of a tree of {@code size} leaves, level by level, left to right. */
  public static List<Tile> forSize(long size) {
    return changed(0, size);
  }

  /** The entry bundles of a tree of {@code size} leaves, left to right. */
  public static List<Tile> entryBundles(long size) {
    return changedEntryBundles(0, size);
  }

  /**
   * The hash tiles of the tree of {@code newSize} leaves that the tree of {@code oldSize} leaves
   * did not have: what a log must publish after growing. Each level contributes the full tiles
   * that were partial or missing before, and its new partial tile.
   */
  public static List<Tile> changed(long oldSize, long newSize) {
    List<Tile> out = new ArrayList<>();
    changed(Tile.HEIGHT, oldSize, newSize, (l, n, w) -> out.add(Tile.hashes(l, n, w)));
    return out;
  }

  /** The entry bundles to publish when the tree grows: those beside the changed level-0 tiles. */
  public static List<Tile> changedEntryBundles(long oldSize, long newSize) {
    List<Tile> out = new ArrayList<>();
    for (Tile t : changed(oldSize, newSize)) {
      if (t.level() == 0) {
        out.add(t.partner());
      }
    }
    return out;
  }

  interface TileVisitor {
    void visit(int level, long index, int width);
  }

  /**
   * The same computation for any tile height h (tiles of 2^h hashes): at tile level l the old tree
   * had o = old >> h·l hashes and the new one n = new >> h·l. Nothing changed when o = n;
   * otherwise the full tiles from index o >> h up to n >> h are new, and so is the partial tile of
   * width n mod 2^h. Go's sumdb uses h = 10.
   */
  static void changed(int height, long oldSize, long newSize, TileVisitor visitor) {
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException("a tree cannot grow from size " + oldSize + " to " + newSize);
    }
    for (int level = 0; height * level < 64 && (newSize >>> (height * level)) > 0; level++) {
      long o = oldSize >>> (height * level);
      long n = newSize >>> (height * level);
      if (o == n) {
        continue;
      }
      for (long index = o >>> height; index < n >>> height; index++) {
        visitor.visit(level, index, 1 << height);
      }
      int width = (int) (n & ((1L << height) - 1));
      if (width > 0) {
        visitor.visit(level, n >>> height, width);
      }
    }
  }
}
