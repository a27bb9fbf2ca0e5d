package accord.tlog.tiles;

import accord.tlog.Hash;
import accord.tlog.HashReader;
import accord.tlog.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of hash tiles: W hashes of node level 8·L, concatenated.
 *
 * <p>A tile stores only its bottom row; the seven node levels inside it are recomputed. The node
 * at level 8L + k, index i is the root of the complete subtree over 2^k consecutive hashes of the
 * level-L tile, starting at i·2^k, which {@link #subtreeHash} folds pair by pair.
 */
public final class TileHashes {
  private TileHashes() {}

  /** Builds a hash tile from stored hashes: one read of its W nodes. */
  public static byte[] build(Tile t, HashReader reader) {
    if (t.isEntries()) {
      throw new IllegalArgumentException("an entry bundle is not a hash tile: " + t.path());
    }
    int level = t.nodeLevel();
    if (level > 63) {
      throw new IllegalArgumentException("tile " + t.path() + " is above the highest node level");
    }
    long first = t.index() * Tile.FULL_WIDTH;
    List<NodeId> nodes = new ArrayList<>(t.width());
    for (int i = 0; i < t.width(); i++) {
      nodes.add(new NodeId(level, first + i));
    }
    List<byte[]> hashes = reader.read(nodes);
    byte[] out = new byte[t.hashBytes()];
    for (int i = 0; i < t.width(); i++) {
      byte[] h = hashes.get(i);
      if (h.length != Hash.SIZE) {
        throw new IllegalStateException("hash reader returned " + h.length + " bytes for " + nodes.get(i));
      }
      System.arraycopy(h, 0, out, i * Hash.SIZE, Hash.SIZE);
    }
    return out;
  }

  /** The {@code i}-th hash of a tile. */
  public static byte[] hashAt(byte[] tile, int i) {
    return Arrays.copyOfRange(tile, i * Hash.SIZE, (i + 1) * Hash.SIZE);
  }

  /**
   * The root of the complete subtree over {@code count} (a power of two) hashes of a tile,
   * starting at hash {@code from}: each round hashes neighbours pairwise and halves the row.
   */
  public static byte[] subtreeHash(byte[] tile, int from, int count) {
    if (Integer.bitCount(count) != 1) {
      throw new IllegalArgumentException("subtree width " + count + " is not a power of two");
    }
    byte[][] row = new byte[count][];
    for (int i = 0; i < count; i++) {
      row[i] = hashAt(tile, from + i);
    }
    for (int n = count; n > 1; n /= 2) {
      for (int i = 0; i < n / 2; i++) {
        row[i] = Hash.node(row[2 * i], row[2 * i + 1]);
      }
    }
    return row[0];
  }

  /** The hash a full tile stands for in the tile above it: the root of its 256 hashes. */
  public static byte[] rootOf(byte[] fullTile) {
    if (fullTile.length != Tile.FULL_WIDTH * Hash.SIZE) {
      throw new IllegalArgumentException(
          "a full tile has " + Tile.FULL_WIDTH * Hash.SIZE + " bytes, not " + fullTile.length);
    }
    return subtreeHash(fullTile, 0, Tile.FULL_WIDTH);
  }
}
