package accord.tlog.tiles;

import accord.tlog.Checkpoint;
import accord.tlog.CompactRange;
import accord.tlog.Hash;
import accord.tlog.MemoryHashStore;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.NoteVerifier;
import accord.tlog.Proofs;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A tiled log in memory: entries, stored hashes, and the path → bytes map a server would serve. */
final class FakeTileLog {
  static final String ORIGIN = "example.org/accord/test-log";
  static final NoteKeys.Ed25519Signer SIGNER = NoteKeys.signer(NoteKeys.generate(ORIGIN)[0]);
  static final NoteVerifier VERIFIER = NoteKeys.verifier(SIGNER.vkey());

  final MemoryHashStore store = new MemoryHashStore();
  final CompactRange tree = new CompactRange();
  final Map<String, byte[]> served = new HashMap<>();
  int fetches;

  /** Entry i: its text, long enough that bundles vary in entry size. */
  static byte[] entry(long i) {
    return ("entry " + i + " " + "x".repeat((int) (i % 7))).getBytes(StandardCharsets.UTF_8);
  }

  static FakeTileLog ofSize(long size) {
    FakeTileLog log = new FakeTileLog();
    log.grow(size);
    return log;
  }

  /** Appends entries up to {@code size}, publishes the changed tiles, then the checkpoint. */
  void grow(long size) {
    long old = tree.size();
    for (long i = old; i < size; i++) {
      tree.append(Hash.leaf(entry(i)), store);
    }
    served.putAll(TileWriter.changed(old, size, store, FakeTileLog::entry));
    Checkpoint c = new Checkpoint(ORIGIN, size, tree.root());
    served.put(TileClient.CHECKPOINT, Note.of(c.text()).sign(SIGNER).bytes());
  }

  byte[] root(long size) {
    return Proofs.treeHash(size, store);
  }

  Function<String, byte[]> fetch() {
    return path -> {
      fetches++;
      byte[] b = served.get(path);
      return b == null ? null : b.clone();
    };
  }

  TileClient open() {
    return TileClient.open(fetch(), ORIGIN, VERIFIER);
  }

  List<String> paths() {
    return served.keySet().stream().sorted().toList();
  }
}
