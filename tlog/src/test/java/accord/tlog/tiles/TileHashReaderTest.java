package accord.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.tlog.CompactRange;
import accord.tlog.NodeId;
import accord.tlog.Proofs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileHashReaderTest {
  /** Every complete subtree of the tree, at every level, reads the same from tiles as from storage. */
  @Test
  void readsEveryNodeLikeTheStore() {
    long size = 256 * 256 + 256 * 3 + 77;
    FakeTileLog log = FakeTileLog.ofSize(size);
    TileHashReader reader = new TileHashReader(size, log.fetch());

    List<NodeId> nodes = new ArrayList<>();
    for (int level = 0; (size >>> level) > 0; level++) {
      long count = size >>> level;
      for (long i = 0; i < count; i += 1 + count / 200) {
        nodes.add(new NodeId(level, i));
      }
      nodes.add(new NodeId(level, count - 1));
    }
    List<byte[]> got = reader.read(nodes);
    List<byte[]> want = log.store.read(nodes);
    for (int i = 0; i < nodes.size(); i++) {
      assertThat(got.get(i)).as(nodes.get(i).toString()).isEqualTo(want.get(i));
    }
  }

  @Test
  void treeHashesAndProofsFromTilesMatchTheStore() {
    FakeTileLog log = new FakeTileLog();
    for (long size : new long[] {1, 2, 7, 255, 256, 257, 511, 512, 1000, 65535, 65536, 65537}) {
      log.grow(size);
      TileHashReader reader = new TileHashReader(size, log.fetch());
      assertThat(Proofs.treeHash(size, reader)).as("size %d", size).isEqualTo(log.tree.root());
      assertThat(CompactRange.resume(size, reader).root()).isEqualTo(log.tree.root());
      long index = size * 2 / 3;
      assertThat(Proofs.inclusion(index, size, reader))
          .usingElementComparator(java.util.Arrays::compare)
          .containsExactlyElementsOf(Proofs.inclusion(index, size, log.store));
    }
  }

  @Test
  void fetchesEachTileOnce() {
    FakeTileLog log = FakeTileLog.ofSize(1000);
    TileHashReader reader = new TileHashReader(1000, log.fetch());
    reader.read(List.of(new NodeId(0, 0), new NodeId(3, 1), new NodeId(8, 2)));
    reader.read(List.of(new NodeId(7, 0), new NodeId(0, 999)));
    assertThat(log.fetches).isEqualTo(3); // tile/0/000, tile/1/000.p/3, tile/0/003.p/232
  }

  @Test
  void picksTheTileAndWidthTheTreeSizeGives() {
    TileHashReader reader = new TileHashReader(70_000, p -> null);
    assertThat(reader.tileOf(new NodeId(0, 0)).path()).isEqualTo("tile/0/000");
    assertThat(reader.tileOf(new NodeId(0, 69_999)).path()).isEqualTo("tile/0/273.p/112");
    assertThat(reader.tileOf(new NodeId(4, 4374)).path()).isEqualTo("tile/0/273.p/112");
    assertThat(reader.tileOf(new NodeId(8, 272)).path()).isEqualTo("tile/1/001.p/17");
    assertThat(reader.tileOf(new NodeId(15, 1)).path()).isEqualTo("tile/1/000");
    assertThat(reader.tileOf(new NodeId(12, 16)).path()).isEqualTo("tile/1/001.p/17");
    assertThatThrownBy(() -> reader.tileOf(new NodeId(12, 17))).isInstanceOf(IllegalArgumentException.class);
    assertThat(reader.tileOf(new NodeId(16, 0)).path()).isEqualTo("tile/2/000.p/1");
    assertThatThrownBy(() -> reader.tileOf(new NodeId(4, 4375))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reader.tileOf(new NodeId(17, 0))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsMissingAndMisSizedTiles() {
    FakeTileLog log = FakeTileLog.ofSize(300);
    log.served.remove("tile/0/001.p/44");
    log.served.put("tile/0/000", new byte[8191]);
    TileHashReader reader = new TileHashReader(300, log.fetch());
    assertThatThrownBy(() -> reader.read(List.of(new NodeId(0, 299))))
        .isInstanceOf(TileException.class)
        .hasMessage("tile/0/001.p/44: not served");
    assertThatThrownBy(() -> reader.read(List.of(new NodeId(0, 0))))
        .isInstanceOf(TileException.class)
        .hasMessage("tile/0/000: 8191 bytes, want 8192");
  }
}
