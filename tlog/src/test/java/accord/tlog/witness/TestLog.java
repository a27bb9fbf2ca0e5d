package accord.tlog.witness;

import accord.tlog.Checkpoint;
import accord.tlog.CompactRange;
import accord.tlog.Hash;
import accord.tlog.MemoryHashStore;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.NoteVerifier;
import accord.tlog.Proofs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A real Merkle log for tests: entries "prefix i", a fixed Ed25519 key, signed checkpoints. */
final class TestLog {
  final String origin;
  final NoteKeys.Ed25519Signer signer;
  private final String entryPrefix;
  private final MemoryHashStore hashes = new MemoryHashStore();
  private final CompactRange range = new CompactRange();

  /** {@code seed} picks the key; {@code entryPrefix} picks the entries, so two logs can fork. */
  TestLog(String origin, int seed, String entryPrefix) {
    this.origin = origin;
    this.signer = new NoteKeys.Ed25519Signer(origin, seed(seed));
    this.entryPrefix = entryPrefix;
  }

  TestLog(String origin, int seed) {
    this(origin, seed, "entry");
  }

  static byte[] seed(int n) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) n);
    return s;
  }

  NoteVerifier verifier() {
    return NoteKeys.verifier(signer.vkey());
  }

  TestLog grow(long size) {
    while (range.size() < size) {
      byte[] entry = (entryPrefix + " " + range.size()).getBytes(StandardCharsets.UTF_8);
      range.append(Hash.leaf(entry), hashes);
    }
    return this;
  }

  Checkpoint checkpoint(long size) {
    grow(size);
    return new Checkpoint(origin, size, Proofs.treeHash(size, hashes));
  }

  byte[] signed(long size) {
    return Note.of(checkpoint(size).text()).sign(signer).bytes();
  }

  List<byte[]> proof(long oldSize, long size) {
    grow(size);
    return Proofs.consistency(oldSize, size, hashes);
  }

  /** The add-checkpoint body a log sends to move a witness from {@code oldSize} to {@code size}. */
  byte[] request(long oldSize, long size) {
    return AddCheckpointRequest.of(oldSize, proof(oldSize, size), signed(size)).format();
  }
}
