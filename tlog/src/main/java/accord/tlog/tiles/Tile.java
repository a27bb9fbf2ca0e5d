package accord.tlog.tiles;

import accord.tlog.Hash;

/**
 * A tlog-tiles resource: a hash tile or an entry bundle.
 *
 * <p>A hash tile at level L, index N, width W holds W consecutive hashes of node level 8·L: the
 * hashes of nodes (8L, 256·N) … (8L, 256·N + W − 1), 32 bytes each. A tile is full when W = 256;
 * a narrower one is the partial tile on the right edge of the tree. Level {@link #ENTRIES} stands
 * for the entry bundle that sits beside level-0 tile N and holds the W entries those leaf hashes
 * were computed from.
 */
public record Tile(int level, long index, int width) {
  /** tlog-tiles fixes the tile height: a tile spans 8 levels of the tree, 256 hashes. */
  public static final int HEIGHT = 8;

  public static final int FULL_WIDTH = 1 << HEIGHT;

  /** The level of entry bundles, which are addressed like level-0 tiles. */
  public static final int ENTRIES = -1;

  /** tlog-tiles allows levels 0 to 63 in paths. */
  public static final int MAX_LEVEL = 63;

  public Tile {
    if (level < ENTRIES || level > MAX_LEVEL) {
      throw new IllegalArgumentException("tile level " + level + " is not in 0.." + MAX_LEVEL);
    }
    if (index < 0) {
      throw new IllegalArgumentException("tile index " + index + " is negative");
    }
    if (width < 1 || width > FULL_WIDTH) {
      throw new IllegalArgumentException("tile width " + width + " is not in 1.." + FULL_WIDTH);
    }
  }

  public static Tile hashes(int level, long index, int width) {
    if (level < 0) {
      throw new IllegalArgumentException("hash tile level " + level + " is negative");
    }
    return new Tile(level, index, width);
  }

  public static Tile entries(long index, int width) {
    return new Tile(ENTRIES, index, width);
  }

  public boolean isFull() {
    return width == FULL_WIDTH;
  }

  public boolean isEntries() {
    return level == ENTRIES;
  }

  /** The entry bundle that goes with this level-0 tile, or the level-0 tile of this bundle. */
  public Tile partner() {
    if (level > 0) {
      throw new IllegalArgumentException("only level-0 tiles have entry bundles: " + path());
    }
    return new Tile(isEntries() ? 0 : ENTRIES, index, width);
  }

  /** The node level whose hashes this tile holds (0 for entry bundles: their leaf hashes). */
  public int nodeLevel() {
    return isEntries() ? 0 : HEIGHT * level;
  }

  /** The size of a hash tile in bytes. */
  public int hashBytes() {
    return width * Hash.SIZE;
  }

  public String path() {
    return TilePath.format(this);
  }

  @Override
  public String toString() {
    return path();
  }
}
