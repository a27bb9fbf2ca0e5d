package accord.tlog.tiles;

import accord.tlog.HashReader;
import accord.tlog.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads node hashes of a tree of a given size from its tiles, fetched by path.
 *
 * <p>The node at level 8L + k, index i lies in tile level L: it is the root of hashes i·2^k …
 * (i+1)·2^k − 1 of node level 8L, found in tile ⌊i·2^k / 256⌋, which is full or, on the right
 * edge, partial with the width the tree size gives it. Fetched tiles are kept for the life of the
 * reader. The reader checks tile lengths only; whether the hashes are right is for the caller to
 * check against a signed root (see {@link TileClient}).
 */
public final class TileHashReader implements HashReader {
  private final long treeSize;
  private final Function<String, byte[]> fetch;
  private final Map<Tile, byte[]> cache = new HashMap<>();

  /** {@code fetch} maps a path such as {@code tile/0/x001/005} to its bytes, or null if absent. */
  public TileHashReader(long treeSize, Function<String, byte[]> fetch) {
    if (treeSize < 0) {
      throw new IllegalArgumentException("negative tree size " + treeSize);
    }
    this.treeSize = treeSize;
    this.fetch = fetch;
  }

  public long treeSize() {
    return treeSize;
  }

  @Override
  public List<byte[]> read(List<NodeId> nodes) {
    List<byte[]> out = new ArrayList<>(nodes.size());
    for (NodeId n : nodes) {
      Tile t = tileOf(n);
      int k = n.level() - t.nodeLevel();
      long first = n.index() << k;
      out.add(TileHashes.subtreeHash(tile(t), (int) (first - t.index() * Tile.FULL_WIDTH), 1 << k));
    }
    return out;
  }

  /** The tile of this tree that holds (the hashes below) node {@code n}. */
  public Tile tileOf(NodeId n) {
    int level = n.level() / Tile.HEIGHT;
    int k = n.level() % Tile.HEIGHT;
    long hashes = treeSize >>> (Tile.HEIGHT * level); // hashes at node level 8·level
    if (n.index() >= hashes >>> k) {
      throw new IllegalArgumentException(n + " is not a complete subtree of a tree of size " + treeSize);
    }
    long index = (n.index() << k) / Tile.FULL_WIDTH;
    return Tile.hashes(level, index, widthOf(level, index));
  }

  /** The width tile {@code (level, index)} has in this tree. */
  int widthOf(int level, long index) {
    long hashes = treeSize >>> (Tile.HEIGHT * level);
    return index < hashes / Tile.FULL_WIDTH ? Tile.FULL_WIDTH : (int) (hashes % Tile.FULL_WIDTH);
  }

  /** The bytes of a tile of this tree, fetched once. */
  public byte[] tile(Tile t) {
    byte[] data = cache.get(t);
    if (data == null) {
      data = fetchChecked(fetch, t);
      cache.put(t, data);
    }
    return data;
  }

  /** Fetches a hash tile and checks it has W hashes. */
  static byte[] fetchChecked(Function<String, byte[]> fetch, Tile t) {
    byte[] data = fetch.apply(t.path());
    if (data == null) {
      throw new TileException(t.path(), "not served");
    }
    if (data.length != t.hashBytes()) {
      throw new TileException(t.path(), data.length + " bytes, want " + t.hashBytes());
    }
    return data;
  }
}
