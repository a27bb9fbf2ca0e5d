package accord.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.tlog.FormatException;
import accord.tlog.Hash;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.ProofVerifier;
import accord.tlog.Proofs;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TileClientTest {
  @ParameterizedTest
  @ValueSource(longs = {0, 1, 255, 256, 257, 65536 + 3, 100_003})
  void auditsEveryEntryAndProvesFromTiles(long size) {
    FakeTileLog log = FakeTileLog.ofSize(size);
    TileClient client = log.open();
    assertThat(client.size()).isEqualTo(size);

    long[] next = {0};
    long[] wrong = {0};
    client.audit((index, entry) -> {
      if (index != next[0]++ || !Arrays.equals(entry, FakeTileLog.entry(index))) {
        wrong[0]++;
      }
    });
    assertThat(next[0]).isEqualTo(size);
    assertThat(wrong[0]).isZero();

    byte[] root = log.tree.root();
    for (long index : new long[] {0, size / 2, size - 1}) {
      if (index < 0 || index >= size) {
        continue;
      }
      List<byte[]> proof = client.inclusionProof(index);
      ProofVerifier.verifyInclusion(Hash.leaf(FakeTileLog.entry(index)), index, size, proof, root);
      assertThat(proof).usingElementComparator(Arrays::compare)
          .containsExactlyElementsOf(Proofs.inclusion(index, size, log.store));
    }
    for (long old : new long[] {1, size / 3, size - 1, size}) {
      if (old < 1 || old > size) {
        continue;
      }
      List<byte[]> proof = client.consistencyProof(old);
      ProofVerifier.verifyConsistency(old, size, proof, log.root(old), root);
    }
    assertThat(client.consistencyProof(0)).isEmpty();
  }

  @Test
  void followsAGrowingLog() {
    FakeTileLog log = FakeTileLog.ofSize(300);
    byte[] oldRoot = log.open().checkpoint().checkpoint().root();
    log.grow(70_000); // the stale partial tiles of size 300 stay served, as the spec allows
    TileClient client = log.open();
    ProofVerifier.verifyConsistency(300, 70_000, client.consistencyProof(300), oldRoot, client.checkpoint().checkpoint().root());
    long[] count = {0};
    client.audit((i, e) -> count[0]++);
    assertThat(count[0]).isEqualTo(70_000);
  }

  /** A tree with full and partial tiles at levels 0 and 1, and a partial tile at level 2. */
  private static final long SIZE = 65536 + 2 * 256 + 5;

  @Test
  void blamesTheTileOrBundleWithAFlippedByte() {
    FakeTileLog log = FakeTileLog.ofSize(SIZE);
    assertThat(log.paths()).contains("tile/1/000", "tile/1/001.p/2", "tile/2/000.p/1", "tile/0/258.p/5");
    Random r = new Random(3);
    List<String> targets = List.of(
        "tile/2/000.p/1", "tile/1/000", "tile/1/001.p/2", "tile/0/000", "tile/0/257",
        "tile/0/258.p/5", "tile/entries/000", "tile/entries/131", "tile/entries/258.p/5");
    for (String path : targets) {
      for (int round = 0; round < 3; round++) {
        byte[] good = log.served.get(path);
        byte[] bad = good.clone();
        int pos = r.nextInt(bad.length);
        bad[pos] ^= (byte) (1 << r.nextInt(8));
        log.served.put(path, bad);
        assertThatThrownBy(() -> log.open().audit((i, e) -> {}))
            .as("byte %d of %s", pos, path)
            .isInstanceOfSatisfying(TileException.class, e -> assertThat(e.path()).isEqualTo(path));
        log.served.put(path, good);
      }
    }
    log.open().audit((i, e) -> {});
  }

  @Test
  void namesTheEntryThatDoesNotMatchItsLeafHash() {
    FakeTileLog log = FakeTileLog.ofSize(SIZE);
    String path = "tile/entries/131";
    byte[] bundle = log.served.get(path).clone();
    List<byte[]> entries = EntryBundle.decode(bundle);
    int k = 200;
    int offset = 0;
    for (int j = 0; j < k; j++) {
      offset += 2 + entries.get(j).length;
    }
    bundle[offset + 2 + 3] ^= 0x20; // a data byte of entry k
    log.served.put(path, bundle);

    assertThatThrownBy(() -> log.open().audit((i, e) -> {}))
        .isInstanceOfSatisfying(TileException.class, e -> {
          assertThat(e.path()).isEqualTo(path);
          assertThat(e.entryIndex()).isEqualTo(131 * 256 + k);
        })
        .hasMessage("tile/entries/131 (entry 33736): entry does not match its leaf hash in tile/0/131");
  }

  @Test
  void entriesAreOnlyVisitedOnceTheirBundleChecksOut() {
    FakeTileLog log = FakeTileLog.ofSize(600);
    byte[] bundle = log.served.get("tile/entries/001").clone();
    bundle[bundle.length - 1] ^= 1;
    log.served.put("tile/entries/001", bundle);
    long[] seen = {0};
    assertThatThrownBy(() -> log.open().audit((i, e) -> seen[0]++))
        .isInstanceOfSatisfying(TileException.class, e -> assertThat(e.entryIndex()).isEqualTo(511));
    assertThat(seen[0]).isEqualTo(256);
  }

  /** Any flipped byte of the checkpoint is caught, unless it only re-encodes the same note. */
  @Test
  void blamesTheCheckpoint() {
    FakeTileLog log = FakeTileLog.ofSize(1000);
    byte[] good = log.served.get(TileClient.CHECKPOINT);
    Note original = Note.parse(good);
    int caught = 0;
    for (int pos = 0; pos < good.length; pos++) {
      byte[] bad = good.clone();
      bad[pos] ^= 1;
      log.served.put(TileClient.CHECKPOINT, bad);
      if (sameNote(bad, original)) {
        continue; // a non-canonical base64 spelling of the same signature bytes
      }
      assertThatThrownBy(log::open)
          .as("byte %d", pos)
          .isInstanceOfSatisfying(TileException.class, e -> assertThat(e.path()).isEqualTo("checkpoint"));
      caught++;
    }
    assertThat(caught).isGreaterThan(good.length - 4);
  }

  private static boolean sameNote(byte[] msg, Note original) {
    try {
      Note n = Note.parse(msg);
      return n.text().equals(original.text())
          && n.signatures().size() == original.signatures().size()
          && n.signatures().get(0).base64().equals(original.signatures().get(0).base64())
          && n.signatures().get(0).name().equals(original.signatures().get(0).name());
    } catch (FormatException e) {
      return false;
    }
  }

  @Test
  void checksOriginPolicyAndKey() {
    FakeTileLog log = FakeTileLog.ofSize(10);
    assertThatThrownBy(() -> TileClient.open(log.fetch(), "example.org/other", FakeTileLog.VERIFIER, s -> true))
        .isInstanceOf(TileException.class)
        .hasMessageContaining("origin is " + FakeTileLog.ORIGIN);
    assertThatThrownBy(() -> TileClient.open(log.fetch(), FakeTileLog.ORIGIN, FakeTileLog.VERIFIER, s -> false))
        .isInstanceOf(TileException.class)
        .hasMessage("checkpoint: does not satisfy the witness policy");
    var stranger = NoteKeys.verifier(NoteKeys.generate(FakeTileLog.ORIGIN)[1]);
    assertThatThrownBy(() -> TileClient.open(log.fetch(), FakeTileLog.ORIGIN, stranger, s -> true))
        .isInstanceOf(TileException.class)
        .hasMessageContaining("checkpoint: note has no signature by a known key");
  }

  @Test
  void reportsMissingResources() {
    FakeTileLog log = FakeTileLog.ofSize(600);
    log.served.remove("tile/entries/001");
    assertThatThrownBy(() -> log.open().audit((i, e) -> {}))
        .isInstanceOf(TileException.class)
        .hasMessage("tile/entries/001: not served");
    log.served.remove(TileClient.CHECKPOINT);
    assertThatThrownBy(log::open).isInstanceOf(TileException.class).hasMessage("checkpoint: not served");
  }

  @Test
  void proofsFromBadTilesAreRefused() {
    FakeTileLog log = FakeTileLog.ofSize(SIZE);
    byte[] tile = log.served.get("tile/0/100").clone();
    tile[5 * 32] ^= 1; // the leaf hash of entry 100·256 + 5
    log.served.put("tile/0/100", tile);
    TileClient client = log.open();
    assertThatThrownBy(() -> client.inclusionProof(100 * 256 + 5))
        .isInstanceOfSatisfying(TileException.class, e -> {
          assertThat(e.path()).isEqualTo("tile/0/100");
          assertThat(e.entryIndex()).isEqualTo(100 * 256 + 5);
        });
    assertThatThrownBy(() -> client.consistencyProof(100 * 256 + 6)).isInstanceOf(TileException.class);
    client.inclusionProof(100 * 256 + 300); // other tiles still serve good proofs
  }

  @Test
  void serverPublishesExactlyTheTilesOfItsSize() {
    FakeTileLog log = FakeTileLog.ofSize(70_000);
    List<String> want = new java.util.ArrayList<>();
    Tiles.forSize(70_000).forEach(t -> want.add(t.path()));
    Tiles.entryBundles(70_000).forEach(t -> want.add(t.path()));
    want.add("checkpoint");
    assertThat(log.paths()).containsExactlyInAnyOrderElementsOf(want);
    assertThat(log.served.get("tile/0/273.p/112")).hasSize(112 * 32);
    assertThat(log.served.get("tile/2/000.p/1")).isEqualTo(log.store.get(16, 0));
  }
}
