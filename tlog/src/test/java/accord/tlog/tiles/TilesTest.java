package accord.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.SharedVectors;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TilesTest {
  @Test
  void specExampleTreeOf70000() {
    List<Tile> tiles = Tiles.forSize(70_000);

    assertThat(tiles.stream().filter(t -> t.level() == 0 && t.isFull()).count()).isEqualTo(273);
    assertThat(tiles.stream().filter(t -> t.level() == 1 && t.isFull()).count()).isEqualTo(1);
    assertThat(tiles.stream().filter(t -> !t.isFull()).map(Tile::path))
        .containsExactly("tile/0/273.p/112", "tile/1/001.p/17", "tile/2/000.p/1");
    assertThat(tiles).hasSize(277);
  }

  /** The same example as the C2SP text words it, read from the shared spec examples. */
  @Test
  void specExampleFromVectors() {
    JsonNode ex = SharedVectors.json("c2sp-spec-examples/examples.json").get("tile_partition_example");
    long size = ex.get("tree_size").asLong();
    String expect = ex.get("expect").asText();

    List<String> want = new ArrayList<>();
    Matcher full = Pattern.compile("(\\d+) full level-(\\d+) tiles?").matcher(expect);
    while (full.find()) {
      want.add(full.group(1) + " full at " + full.group(2));
    }
    Matcher partial = Pattern.compile("partial level-(\\d+) tile width (\\d+)").matcher(expect);
    while (partial.find()) {
      want.add("width " + partial.group(2) + " at " + partial.group(1));
    }
    assertThat(want).hasSize(5);

    List<Tile> tiles = Tiles.forSize(size);
    List<String> got = new ArrayList<>();
    for (int level = 0; level < 3; level++) {
      int l = level;
      long fulls = tiles.stream().filter(t -> t.level() == l && t.isFull()).count();
      if (fulls > 0) {
        got.add(fulls + " full at " + l);
      }
    }
    tiles.stream().filter(t -> !t.isFull()).forEach(t -> got.add("width " + t.width() + " at " + t.level()));
    assertThat(got).containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  void smallTrees() {
    assertThat(Tiles.forSize(0)).isEmpty();
    assertThat(paths(Tiles.forSize(1))).containsExactly("tile/0/000.p/1");
    assertThat(paths(Tiles.forSize(255))).containsExactly("tile/0/000.p/255");
    // The spec: a tree of size 256 is a full level-0 tile and a level-1 tile of width 1.
    assertThat(paths(Tiles.forSize(256))).containsExactly("tile/0/000", "tile/1/000.p/1");
    assertThat(paths(Tiles.forSize(257))).containsExactly("tile/0/000", "tile/0/001.p/1", "tile/1/000.p/1");
    assertThat(paths(Tiles.forSize(65536)))
        .hasSize(258)
        .endsWith("tile/0/255", "tile/1/000", "tile/2/000.p/1");
  }

  @Test
  void entryBundlesSitBesideLevelZeroTiles() {
    assertThat(Tiles.entryBundles(0)).isEmpty();
    List<Tile> bundles = Tiles.entryBundles(70_000);
    assertThat(bundles).hasSize(274);
    assertThat(bundles.get(0).path()).isEqualTo("tile/entries/000");
    assertThat(bundles.get(273).path()).isEqualTo("tile/entries/273.p/112");
  }

  @Test
  void changedTilesByHand() {
    assertThat(Tiles.changed(5, 5)).isEmpty();
    assertThat(paths(Tiles.changed(0, 3))).containsExactly("tile/0/000.p/3");
    assertThat(paths(Tiles.changed(3, 4))).containsExactly("tile/0/000.p/4");
    assertThat(paths(Tiles.changed(255, 256))).containsExactly("tile/0/000", "tile/1/000.p/1");
    // Level 1 still has one hash at size 257, so only the new level-0 tile changes.
    assertThat(paths(Tiles.changed(256, 257))).containsExactly("tile/0/001.p/1");
    assertThat(paths(Tiles.changed(511, 513)))
        .containsExactly("tile/0/001", "tile/0/002.p/1", "tile/1/000.p/2");
    assertThat(paths(Tiles.changed(65535, 65536)))
        .containsExactly("tile/0/255", "tile/1/000", "tile/2/000.p/1");
    assertThat(paths(Tiles.changed(70_000, 70_001))).containsExactly("tile/0/273.p/113");
    assertThat(paths(Tiles.changedEntryBundles(255, 513)))
        .containsExactly("tile/entries/000", "tile/entries/001", "tile/entries/002.p/1");
  }

  /** What changes is exactly what the new tree has and the old one did not. */
  @Test
  void changedIsTheSetDifference() {
    Random r = new Random(7);
    for (int i = 0; i < 300; i++) {
      long a = r.nextInt(1 << (2 + r.nextInt(18)));
      long b = a + r.nextInt(1 << (1 + r.nextInt(17)));
      Set<Tile> want = new HashSet<>(Tiles.forSize(b));
      want.removeAll(Tiles.forSize(a));
      assertThat(Tiles.changed(a, b)).as(a + " -> " + b).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(want);
    }
  }

  /** Go's NewTiles counts, for Go's tile height 10, through the height-generic computation. */
  @Test
  void goNewTilesCountsAtHeight10() {
    JsonNode cases = SharedVectors.json("golang-mod-sumdb/note-and-tlog-vectors.json")
        .get("tile_path_examples").get("NewTiles(10,old,new)_counts");
    assertThat(cases.size()).isGreaterThan(0);
    for (JsonNode c : cases) {
      long old = c.get(0).asLong();
      long now = c.get(1).asLong();
      int[] count = {0};
      Tiles.changed(10, old, now, (level, index, width) -> count[0]++);
      assertThat(count[0]).as("NewTiles(10, %d, %d)", old, now).isEqualTo(c.get(2).asInt());
    }
  }

  @Test
  void largeTreesReachTheHighLevels() {
    long size = (1L << 62) + 5;
    List<Tile> edge = Tiles.changed(size - 1, size);
    assertThat(paths(edge)).containsExactly("tile/0/x018/x014/x398/x509/x481/984.p/5");
    // Growing to 2^56 completes a tile at every level up to 6 and starts one at level 7.
    assertThat(paths(Tiles.changed((1L << 56) - 1, 1L << 56)))
        .hasSize(8)
        .endsWith("tile/6/000", "tile/7/000.p/1");
  }

  private static List<String> paths(List<Tile> tiles) {
    return tiles.stream().map(Tile::path).toList();
  }
}
