package accord.tlog.tiles;

import accord.tlog.Checkpoint;
import accord.tlog.Hash;
import accord.tlog.NodeId;
import accord.tlog.NoteVerifier;
import accord.tlog.ProofBundle;
import accord.tlog.ProofVerifier;
import accord.tlog.Proofs;
import accord.tlog.VerificationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads and verifies a tiled log through {@code fetch}, which maps a path relative to the log's
 * prefix ({@code checkpoint}, {@code tile/0/000}, {@code tile/entries/000.p/5}) to its bytes, or
 * null when it is not served.
 *
 * <p>A client is bound to the checkpoint it opened. Trust flows down from that checkpoint's
 * signed root, so every mismatch is blamed on the resource below a verified one:
 *
 * <ol>
 *   <li>The right-edge tiles (one partial tile per level) must hash to the root.
 *   <li>Top level first, each full tile must hash to its entry in the tile above it.
 *   <li>Each entry must hash to its leaf hash in the level-0 tile beside its bundle.
 * </ol>
 *
 * Failures throw {@link TileException}, naming the resource and, for entries, the index.
 */
public final class TileClient {
  public static final String CHECKPOINT = "checkpoint";

  private final Function<String, byte[]> fetch;
  private final Checkpoint.Signed signed;
  private final String note;
  private final TileHashReader reader;

  private TileClient(Function<String, byte[]> fetch, Checkpoint.Signed signed, String note) {
    this.fetch = fetch;
    this.signed = signed;
    this.note = note;
    this.reader = new TileHashReader(signed.checkpoint().size(), fetch);
  }

  /**
   * Fetches the checkpoint and checks the log's signature and the expected {@code origin}. A
   * witness policy (a quorum of cosignatures) is the caller's, through the overload below.
   */
  public static TileClient open(Function<String, byte[]> fetch, String origin, NoteVerifier logKey) {
    return open(fetch, origin, logKey, s -> true);
  }

  /** As {@link #open(Function, String, NoteVerifier)}, also requiring {@code policy} to hold. */
  public static TileClient open(
      Function<String, byte[]> fetch,
      String origin,
      NoteVerifier logKey,
      Predicate<Checkpoint.Signed> policy) {
    byte[] note = fetch.apply(CHECKPOINT);
    if (note == null) {
      throw new TileException(CHECKPOINT, "not served");
    }
    Checkpoint.Signed signed;
    try {
      signed = Checkpoint.open(note, logKey);
    } catch (IllegalArgumentException | VerificationException e) {
      throw new TileException(CHECKPOINT, e.getMessage());
    }
    if (!signed.checkpoint().origin().equals(origin)) {
      throw new TileException(CHECKPOINT, "origin is " + signed.checkpoint().origin() + ", want " + origin);
    }
    if (!policy.test(signed)) {
      throw new TileException(CHECKPOINT, "does not satisfy the witness policy");
    }
    return new TileClient(fetch, signed, new String(note, StandardCharsets.UTF_8));
  }

  public Checkpoint.Signed checkpoint() {
    return signed;
  }

  public long size() {
    return signed.checkpoint().size();
  }

  /** The reader over this tree's tiles, caching what it fetches. Its hashes are not verified. */
  public TileHashReader hashReader() {
    return reader;
  }

  /** Receives each verified entry. */
  @FunctionalInterface
  public interface EntryVisitor {
    void visit(long index, byte[] entry);
  }

  /** Checks every tile and entry against the checkpoint, passing each entry to {@code visitor}. */
  public void audit(EntryVisitor visitor) {
    verifyEdge();
    List<Tile> tiles = Tiles.forSize(size());
    for (int i = tiles.size() - 1; i >= 0; i--) {
      Tile t = tiles.get(i);
      if (t.level() > 0 && t.isFull()) {
        verifyFullTile(t, reader.tile(t));
      }
    }
    for (Tile t : tiles) {
      if (t.level() == 0) {
        // Level-0 tiles are most of the data, so full ones are fetched without being cached.
        byte[] data = t.isFull() ? TileHashReader.fetchChecked(fetch, t) : reader.tile(t);
        if (t.isFull()) {
          verifyFullTile(t, data);
        }
        verifyBundle(t, data, visitor);
      }
    }
  }

  /** Step 1: the right edge of the tree, one partial tile per level, hashes to the root. */
  private void verifyEdge() {
    byte[] root = Proofs.treeHash(size(), reader);
    if (Hash.equal(root, signed.checkpoint().root())) {
      return;
    }
    List<Tile> edge = new ArrayList<>();
    for (Tile t : Tiles.forSize(size())) {
      if (!t.isFull()) {
        edge.add(t);
      }
    }
    if (edge.isEmpty()) {
      throw new TileException(
          CHECKPOINT, "an empty tree must have the root " + Hash.toBase64(Hash.emptyRoot()));
    }
    for (Tile t : edge) {
      if (!agreesWithBelow(t)) {
        throw new TileException(t.path(), "the right edge does not hash to the checkpoint root,"
            + " and this tile disagrees with the data below it");
      }
    }
    throw new TileException(
        edge.get(0).path(), "the right-edge tiles " + edge + " do not hash to the checkpoint root");
  }

  /** Diagnosis after a root mismatch: does a partial tile match the tiles or bundle under it? */
  private boolean agreesWithBelow(Tile t) {
    try {
      byte[] data = reader.tile(t);
      List<byte[]> entries = t.level() == 0 ? EntryBundle.decode(fetchBundle(t.partner())) : null;
      for (int i = 0; i < t.width(); i++) {
        byte[] want = t.level() == 0
            ? Hash.leaf(entries.get(i))
            : TileHashes.rootOf(TileHashReader.fetchChecked(fetch, Tile.hashes(
                t.level() - 1, t.index() * Tile.FULL_WIDTH + i, Tile.FULL_WIDTH)));
        if (!Hash.equal(want, TileHashes.hashAt(data, i))) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return true; // the data below is bad too, so it cannot tell
    }
  }

  /** Step 2: a full tile at level L is one hash of the (already verified) tile at level L+1. */
  private void verifyFullTile(Tile t, byte[] data) {
    NodeId parent = new NodeId(t.nodeLevel() + Tile.HEIGHT, t.index());
    byte[] want = reader.read(List.of(parent)).get(0);
    if (!Hash.equal(TileHashes.rootOf(data), want)) {
      throw new TileException(t.path(), "does not hash to its entry in " + reader.tileOf(parent).path());
    }
  }

  /** Step 3: each entry of the bundle beside a verified level-0 tile has that tile's leaf hash. */
  private void verifyBundle(Tile t, byte[] leaves, EntryVisitor visitor) {
    Tile bundle = t.partner();
    List<byte[]> entries;
    try {
      entries = EntryBundle.decode(fetchBundle(bundle), bundle.width());
    } catch (IllegalArgumentException e) {
      throw new TileException(bundle.path(), e.getMessage());
    }
    long first = bundle.index() * Tile.FULL_WIDTH;
    for (int i = 0; i < entries.size(); i++) {
      if (!Hash.equal(Hash.leaf(entries.get(i)), TileHashes.hashAt(leaves, i))) {
        throw new TileException(bundle.path(), first + i, "entry does not match its leaf hash in " + t.path());
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      visitor.visit(first + i, entries.get(i));
    }
  }

  private byte[] fetchBundle(Tile bundle) {
    byte[] data = fetch.apply(bundle.path());
    if (data == null) {
      throw new TileException(bundle.path(), "not served");
    }
    return data;
  }

  /**
   * The inclusion proof of entry {@code index} in this checkpoint's tree, read from the tiles and
   * checked against the root with the level-0 leaf hash before it is returned.
   */
  public List<byte[]> inclusionProof(long index) {
    List<byte[]> proof = Proofs.inclusion(index, size(), reader);
    byte[] leaf = reader.read(List.of(new NodeId(0, index))).get(0);
    try {
      ProofVerifier.verifyInclusion(leaf, index, size(), proof, signed.checkpoint().root());
    } catch (VerificationException e) {
      throw new TileException(reader.tileOf(new NodeId(0, index)).path(), index,
          "the tiles give an inclusion proof that does not lead to the checkpoint root");
    }
    return proof;
  }

  /** The inclusion proof of entry {@code index} as a tlog-proof with this client's checkpoint. */
  public ProofBundle proofBundle(long index) {
    return new ProofBundle(null, index, inclusionProof(index), note);
  }

  /**
   * The consistency proof from the tree of {@code oldSize} leaves to this checkpoint's tree,
   * checked against the root before it is returned (with the old root the tiles give; the caller
   * compares it with the old checkpoint it holds).
   */
  public List<byte[]> consistencyProof(long oldSize) {
    List<byte[]> proof = Proofs.consistency(oldSize, size(), reader);
    if (oldSize > 0) {
      byte[] oldRoot = Proofs.treeHash(oldSize, reader);
      try {
        ProofVerifier.verifyConsistency(oldSize, size(), proof, oldRoot, signed.checkpoint().root());
      } catch (VerificationException e) {
        throw new TileException(CHECKPOINT,
            "the tiles give a consistency proof from size " + oldSize + " that does not lead to the root");
      }
    }
    return proof;
  }
}
