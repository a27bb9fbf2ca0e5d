package accord.tlog;

/**
 * A complete subtree of the Merkle tree: the node at {@code level} (0 for leaves) and position
 * {@code index} within that level, covering leaves {@code [index << level, (index + 1) << level)}.
 * This is the numbering of tlog-tiles and Go's sumdb/tlog; every node that exists in a tree of
 * some size keeps its hash for ever, which is what makes the stored hashes append-only.
 */
public record NodeId(int level, long index) {
  public NodeId {
    if (level < 0 || level > 63 || index < 0) {
      throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
    }
  }

  public long firstLeaf() {
    return index << level;
  }
}
