package accord.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.tlog.FormatException;
import accord.tlog.SharedVectors;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TilePathTest {
  @Test
  void formatsIndexesInXPrefixedGroupsOfThree() {
    assertThat(TilePath.formatIndex(0)).isEqualTo("000");
    assertThat(TilePath.formatIndex(5)).isEqualTo("005");
    assertThat(TilePath.formatIndex(999)).isEqualTo("999");
    assertThat(TilePath.formatIndex(1000)).isEqualTo("x001/000");
    assertThat(TilePath.formatIndex(1234067)).isEqualTo("x001/x234/067");
    assertThat(TilePath.formatIndex(Long.MAX_VALUE)).isEqualTo("x009/x223/x372/x036/x854/x775/807");
  }

  @Test
  void formatsHashTilesAndEntryBundles() {
    assertThat(Tile.hashes(0, 0, 256).path()).isEqualTo("tile/0/000");
    assertThat(Tile.hashes(0, 5, 17).path()).isEqualTo("tile/0/005.p/17");
    assertThat(Tile.hashes(63, 1234067, 256).path()).isEqualTo("tile/63/x001/x234/067");
    assertThat(Tile.entries(1234067, 256).path()).isEqualTo("tile/entries/x001/x234/067");
    assertThat(Tile.entries(0, 1).path()).isEqualTo("tile/entries/000.p/1");
  }

  @Test
  void c2spSpecExampleIndex() {
    JsonNode ex = SharedVectors.json("c2sp-spec-examples/examples.json").get("tile_path_example");
    long index = ex.get("index").asLong();
    String component = ex.get("path_component").asText();

    assertThat(TilePath.formatIndex(index)).isEqualTo(component);
    assertThat(TilePath.parse("tile/2/" + component)).isEqualTo(Tile.hashes(2, index, 256));
    assertThat(TilePath.parse("tile/entries/" + component + ".p/9")).isEqualTo(Tile.entries(index, 9));
  }

  @Test
  void parsesWhatItFormats() {
    Random r = new Random(42);
    for (int i = 0; i < 5000; i++) {
      long index = switch (i % 3) {
        case 0 -> r.nextInt(2000);
        case 1 -> (r.nextLong() >>> 1) >>> r.nextInt(63);
        default -> Long.MAX_VALUE - r.nextInt(10);
      };
      int level = i % 5 == 0 ? Tile.ENTRIES : r.nextInt(64);
      int width = r.nextBoolean() ? 256 : 1 + r.nextInt(255);
      Tile t = new Tile(level, index, width);
      String p = t.path();
      assertThat(TilePath.parse(p)).as(p).isEqualTo(t);
      assertThat(TilePath.parse(p).path()).isEqualTo(p);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tiles/0/000                              | does not start with tile/",
        "tile/0                                   | has no tile index",
        "tile//000                                | level must be",
        "tile/01/000                              | level must be",
        "tile/64/000                              | level 64 is above 63",
        "tile/100/000                             | level must be",
        "tile/-1/000                              | level must be",
        "tile/0/                                  | index group 1 must be exactly 3",
        "tile/0/5                                 | index group 1 must be exactly 3",
        "tile/0/0005                              | index group 1 must be exactly 3",
        "tile/0/0a5                               | index group 1 must be exactly 3",
        "tile/0/٠٠٥                               | index group 1 must be exactly 3",
        "tile/0/001/005                           | index group 1 must start with x",
        "tile/0/x1/005                            | index group 1 must be exactly 3",
        "tile/0/x000/005                          | leading x000 group",
        "tile/0/x001                              | index group 1 must be exactly 3",
        "tile/0/x001/                             | index group 2 must be exactly 3",
        "tile/0/005/                              | index group 1 must start with x",
        "tile/0/x009/x223/x372/x036/x854/x775/808 | does not fit in 63 bits",
        "tile/0/x001/x009/x223/x372/x036/x854/x775/807 | does not fit in 63 bits",
        "tile/0/005.p/256                         | partial width 256 is not below 256",
        "tile/0/005.p/300                         | partial width 300 is not below 256",
        "tile/0/005.p/1000                        | partial width must be",
        "tile/0/005.p/0                           | partial width must be",
        "tile/0/005.p/07                          | partial width must be",
        "tile/0/005.p/                            | partial width must be",
        "tile/0/005.p/5/                          | partial width must be",
        "tile/0/005.p/5.p/5                       | partial width must be",
        "tile/entries/                            | index group 1 must be exactly 3",
        "tile/entries/5                           | index group 1 must be exactly 3",
        "tile/entries/005.p/256                   | partial width 256",
      })
  void rejectsMalformedPaths(String path, String problem) {
    assertThatThrownBy(() -> TilePath.parse(path))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining(path.length() <= 80 ? path : "")
        .hasMessageContaining(problem);
  }

  @Test
  void tilesHaveValidFields() {
    assertThatThrownBy(() -> Tile.hashes(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tile.hashes(0, 0, 257)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tile.hashes(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tile.hashes(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tile.entries(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Tile.hashes(0, 7, 3).partner()).isEqualTo(Tile.entries(7, 3));
    assertThat(Tile.entries(7, 3).partner()).isEqualTo(Tile.hashes(0, 7, 3));
    assertThatThrownBy(() -> Tile.hashes(1, 7, 3).partner()).isInstanceOf(IllegalArgumentException.class);
  }
}
