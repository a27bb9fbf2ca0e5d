package accord.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import accord.Engines;
import accord.node.Node;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gazetteer a node builds at first start from the packages in its jar. */
class BundledTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Engines.class)
  void firstStartLoadsTheBundledSetsWithTheSharedArcBorder(Engines engine) {
    try (Node node = Node.open(dir, engine.newDatabase(dir), Clock.systemUTC())) {
      Gazetteer g = node.gazetteer();
      assertThat(g.sets()).extracting(Gazetteer.LoadedSet::name).containsExactly("natural-earth", "geonames", "crossings");
      assertThat(g.sets().get(1).licence()).isEqualTo("CC BY 4.0");
      Index.BorderLine line = g.index().line().orElseThrow();
      assertThat(line.name()).isEqualTo("Natural Earth (de facto line)");
      // the line runs from the Iranian tripoint (~60.8E 29.9N) to the Wakhan (~74.9E 37.1N)
      double minLon = line.lines().stream().flatMap(l -> java.util.Arrays.stream(l)).mapToDouble(p -> p[0]).min().orElseThrow();
      double maxLat = line.lines().stream().flatMap(l -> java.util.Arrays.stream(l)).mapToDouble(p -> p[1]).max().orElseThrow();
      assertThat(minLon).isBetween(60.5, 61.2);
      assertThat(maxLat).isBetween(36.5, 37.2);
      // a second open finds the sets and does not load them again
      long items = g.sets().stream().mapToLong(Gazetteer.LoadedSet::items).sum();
      assertThat(Gazetteer.open(node.db().jdbi(), Clock.systemUTC()).sets().stream().mapToLong(Gazetteer.LoadedSet::items).sum())
          .isEqualTo(items);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void bundledPlacesAreFoundAndLocated(Engines engine) {
    try (Node node = Node.open(dir, engine.newDatabase(dir), Clock.systemUTC())) {
      Gazetteer g = node.gazetteer();
      List<Index.Hit> peshawar = g.search("Peshawar", 5);
      assertThat(peshawar).isNotEmpty();
      assertThat(peshawar.get(0).place().name()).isEqualTo("Peshawar");
      assertThat(peshawar.get(0).place().kind()).isEqualTo("city");
      assertThat(peshawar.get(0).place().country()).isEqualTo("PK");
      String a = g.search("Jalalabad", 1).get(0).place().id();
      assertThat(g.search("Jalālābād", 1).get(0).place().id()).isEqualTo(a);
      assertThat(g.search("JALAL-ABAD", 1).get(0).place().id()).isEqualTo(a);
      // the crossings carry their Urdu, Pashto and Dari names
      assertThat(g.search("طورخم", 3)).extracting(h -> h.place().name()).contains("Torkham");
      assertThat(g.search("انګور اډه", 3)).extracting(h -> h.place().name()).contains("Angoor Adda");

      // no district outlines in the bundled sets: the nearest district centre, inside the country found by outline
      Index.Location at = g.locate(34.0080, 71.5785);
      assertThat(at.method()).isEqualTo("nearest-centre");
      assertThat(at.country()).isEqualTo("PK");
      assertThat(at.admin2()).isNotNull();
      assertThat(at.admin2().name()).containsIgnoringCase("Peshawar");
      assertThat(at.admin1().code()).startsWith("PK.");
      assertThat(at.centreKm()).isLessThan(40);
      assertThat(at.line()).isEqualTo("Natural Earth (de facto line)");
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void distancesToTheBorderLine(Engines engine) {
    try (Node node = Node.open(dir, engine.newDatabase(dir), Clock.systemUTC())) {
      Gazetteer g = node.gazetteer();
      Index.BorderLine line = g.index().line().orElseThrow();
      Place torkham = g.search("Torkham", 1).get(0).place();
      assertThat(g.locate(torkham.lat(), torkham.lon()).borderKm()).isLessThan(2.0);
      // Kabul and Islamabad: checked against a brute-force search over points every ~100 m along the line
      double kabul = g.locate(34.5281, 69.1723).borderKm();
      double islamabad = g.locate(33.6938, 73.0652).borderKm();
      assertThat(kabul).isCloseTo(bruteForce(34.5281, 69.1723, line.lines()), within(0.2)).isBetween(40.0, 150.0);
      assertThat(islamabad).isCloseTo(bruteForce(33.6938, 73.0652, line.lines()), within(0.2)).isBetween(100.0, 300.0);
      assertThat(g.locate(34.5281, 69.1723).country()).isEqualTo("AF");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Engines.class, names = "SQLITE")
  void theBundledLineIsTheOneTheSharedFileDerivesFromTheSameOutlines(Engines engine) throws Exception {
    var shared = accord.ledger.EntryCodec.JSON.readTree(GazetteerData.bytes("naturalearth_10m_AFG_PAK_border_line.geojson"));
    try (Node node = Node.open(dir, engine.newDatabase(dir), Clock.systemUTC())) {
      List<double[][]> bundled = node.gazetteer().index().line().orElseThrow().lines();
      Shape other = Shape.read(shared.get("features").get(0).get("geometry"));
      int points = 0;
      for (double[][] l : other.lines()) {
        for (double[] p : l) {
          assertThat(Geo.kmToLines(p[1], p[0], bundled)).as("%s, %s", p[1], p[0]).isLessThan(0.01);
          points++;
        }
      }
      assertThat(points).isGreaterThan(500);
    }
  }

  /** Haversine to points interpolated along each segment, no projection involved. */
  static double bruteForce(double lat, double lon, List<double[][]> lines) {
    double best = Double.MAX_VALUE;
    for (double[][] l : lines) {
      for (int i = 0; i + 1 < l.length; i++) {
        int steps = 1 + (int) (Geo.km(l[i][1], l[i][0], l[i + 1][1], l[i + 1][0]) / 0.1);
        for (int s = 0; s <= steps; s++) {
          double t = (double) s / steps;
          best = Math.min(best, Geo.km(lat, lon, l[i][1] + t * (l[i + 1][1] - l[i][1]), l[i][0] + t * (l[i + 1][0] - l[i][0])));
        }
      }
    }
    return best;
  }
}
