package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accord gazetteer import | list | find | locate, in-process on a SQLite node. */
class GazetteerCliTest {
  @TempDir Path dir;

  static Path shared(String file) {
    Path d = Path.of("").toAbsolutePath();
    while (d != null) {
      Path p = d.resolve("shared/data/gazetteer").resolve(file);
      if (Files.exists(p)) {
        return p;
      }
      d = d.getParent();
    }
    Assumptions.assumeTrue(false, "skipped: shared/data/gazetteer/" + file + " not found");
    return null;
  }

  @Test
  void importListFindLocate() throws Exception {
    String data = dir.resolve("node").toString();
    Path districts = shared("osm_pakistan_2023_districts_simplified.geojson");
    var imported = Cli.run("", "gazetteer", "import", districts.toString(), "--source", "OpenStreetMap contributors",
        "--licence", "ODbL 1.0", "--data", data);
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("loaded set osm_pakistan_2023_districts_simplified.geojson (geojson): 158 places", "156 outlines");
    // 156 districts and the two provinces whose names the bundled GeoNames provinces do not share
    // (Azad Jammu & Kashmir, Islamabad Capital Territory)

    var list = Cli.run("", "gazetteer", "list", "--data", data);
    assertThat(list.out()).contains("geonames", "CC BY 4.0", "osm_pakistan_2023_districts_simplified.geojson", "ODbL 1.0",
        "border line in force: Natural Earth (de facto line)");

    var find = Cli.run("", "gazetteer", "find", "پشاور", "--data", data);
    var peshawar = Cli.run("", "gazetteer", "find", "Peshawar", "--data", data);
    assertThat(peshawar.code()).isZero();
    assertThat(peshawar.out()).contains("Peshawar\tcity\tPK");
    assertThat(find.code()).isEqualTo(1); // no Urdu names loaded yet

    var at = Cli.run("", "gazetteer", "locate", "34.0123", "71.5787", "--data", data);
    assertThat(at.out()).contains("admin2: Peshawar", "(boundary)", "km from Natural Earth (de facto line)");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "name,lat,lng,country,admin1_code\nA,1,2,AF,01\nB,x,2,AF,01\n");
    var refused = Cli.run("", "gazetteer", "import", bad.toString(), "--data", data);
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("line 3: lat \"x\" is not a number");
    assertThat(Cli.run("", "gazetteer", "list", "--data", data).out()).doesNotContain("bad.csv");
  }
}
