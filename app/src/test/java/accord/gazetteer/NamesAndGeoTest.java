package accord.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Search keys across scripts, and the geometry the locate relies on. */
class NamesAndGeoTest {
  @Test
  void oneKeyForEveryWayOfWritingAName() {
    assertThat(Names.key("Jalālābād")).isEqualTo("jalalabad").isEqualTo(Names.key("JALAL-ABAD")).isEqualTo(Names.key("Jalal Abad"));
    // madda, zero-width non-joiner, spaces
    assertThat(Names.key("جلال آباد")).isEqualTo(Names.key("جلال‌آباد")).isEqualTo(Names.key("جلالاباد"));
    // Arabic yeh and kaf against Persian ones, alef maksura, tatweel, harakat, heh goal and teh marbuta
    assertThat(Names.key("كابل")).isEqualTo(Names.key("کابل"));
    assertThat(Names.key("پشاور\u200E")).isEqualTo(Names.key("پشـــاور")).isEqualTo(Names.key("پَشاوُر"));
    assertThat(Names.key("علي")).isEqualTo(Names.key("علی")).isEqualTo(Names.key("على"));
    assertThat(Names.key("کوئٹہ")).isEqualTo(Names.key("کویته"));
    assertThat(Names.key("انګور اډه")).isEqualTo(Names.key("انگور اڈہ")).isEqualTo(Names.key("انگور اده"));
    assertThat(Names.key("ګردېز")).isEqualTo(Names.key("گردیز"));
    // Persian and Arabic-Indic digits
    assertThat(Names.key("کوهستان-۱")).isEqualTo(Names.key("کوهستان 1")).isEqualTo(Names.key("کوهستان ١"));
    assertThat(Names.key("Kabul")).isNotEqualTo(Names.key("Kunduz"));
    assertThat(Names.key(" -‌ ")).isEmpty();
  }

  static Place place(String id, String kind, String name, Long population) {
    return new Place("t/" + id, "t", kind, "AF", id, null, null, null, null, name, 34.0, 69.0, population, null);
  }

  @Test
  void searchRanksExactThenPrefixThenContainedThenKindAndSize() {
    Index idx = new Index(List.of(
        place("1", "admin1", "Kabul", null),
        place("2", "city", "Kabul", 4_000_000L),
        place("3", "city", "Kabulak", 100L),
        place("4", "city", "Kabul Kalay", 5_000L),
        place("5", "admin2", "Deh Kabul", null),
        place("6", "city", "Kandahar", 600_000L)),
        List.of(new Batch.Name("t/6", "fa", "کندهار")), List.of(), java.util.Map.of(), null);
    assertThat(idx.search("kabul", 10)).extracting(h -> h.place().id())
        .containsExactly("t/2", "t/1", "t/4", "t/3", "t/5");
    assertThat(idx.search("كندهار", 10)).extracting(h -> h.place().id()).containsExactly("t/6");
    assertThat(idx.search("kabul", 2)).hasSize(2);
    assertThat(idx.search("  ", 10)).isEmpty();
  }

  @Test
  void greatCircleDistances() {
    // Kabul to Islamabad: about 300 km; one degree of latitude: 111.2 km
    assertThat(Geo.km(34.5281, 69.1723, 33.6938, 73.0652)).isBetween(360.0, 380.0);
    assertThat(Geo.km(0, 70, 1, 70)).isCloseTo(111.195, within(0.01));
    // a point 1 degree north of the middle of an east-west segment along the equator
    assertThat(Geo.kmToLines(1, 70.5, List.<double[][]>of(new double[][] {{70, 0}, {71, 0}}))).isCloseTo(111.195, within(0.05));
    // beyond the segment's end: the distance to the end point
    assertThat(Geo.kmToLines(0, 73, List.<double[][]>of(new double[][] {{70, 0}, {71, 0}}))).isCloseTo(Geo.km(0, 73, 0, 71), within(0.001));
  }

  @Test
  void pointsInPolygonsWithHoles() {
    double[][] outer = {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
    double[][] hole = {{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}};
    double[][][] polygon = {outer, hole};
    assertThat(Geo.contains(polygon, 2, 2)).isTrue();
    assertThat(Geo.contains(polygon, 5, 5)).isFalse();
    assertThat(Geo.contains(polygon, 11, 5)).isFalse();
    var json = accord.ledger.EntryCodec.JSON.createObjectNode().put("type", "MultiPolygon");
    json.putArray("coordinates").addArray().add(ring(outer)).add(ring(hole));
    ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("coordinates")).addArray().add(ring(new double[][] {{20, 20}, {21, 20}, {21, 21}, {20, 20}}));
    Shape s = Shape.read(json);
    assertThat(s.contains(2, 2)).isTrue();
    assertThat(s.contains(5, 5)).isFalse();
    assertThat(s.contains(20.2, 20.8)).isTrue();
    assertThat(s.contains(20.8, 20.2)).isFalse();
    assertThat(s.maxLon()).isEqualTo(21);
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode ring(double[][] pts) {
    var a = accord.ledger.EntryCodec.JSON.createArrayNode();
    for (double[] p : pts) {
      a.addArray().add(p[0]).add(p[1]);
    }
    return a;
  }
}
