package accord.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.Engines;
import accord.ledger.EntryCodec;
import accord.node.Node;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Importing every file of ../shared/data/gazetteer, and checking what came in against the files. */
class SharedImportTest {
  @TempDir Path dir;

  static List<CSVRecord> csv(String file) throws Exception {
    String text = new String(GazetteerData.bytes(file), StandardCharsets.UTF_8).replace("\uFEFF", "");
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
  }

  static Place place(Gazetteer g, String id) {
    return g.index().place(id).orElseThrow(() -> new AssertionError("no place " + id));
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void everySharedFileLoadsAndMatchesItsSource(Engines engine) throws Exception {
    GazetteerData.require("pak_afg_border_crossings.csv");
    try (Node node = Node.open(dir, engine.newDatabase(dir), Clock.systemUTC())) {
      Gazetteer g = node.gazetteer();
      List<Gazetteer.Imported> done = new ArrayList<>();
      for (String f : GazetteerData.ALL) {
        done.add(GazetteerData.load(g, f));
      }
      assertThat(g.sets()).hasSize(3 + GazetteerData.ALL.length);

      // OCHA P-codes: every row is a place with its code, name and parent
      List<CSVRecord> ocha = csv("ocha_global_pcodes_adm1_adm2_AFG_PAK.csv");
      assertThat(done.get(1).places()).isEqualTo(ocha.size());
      for (CSVRecord r : ocha) {
        Place p = place(g, "ocha_global_pcodes_adm1_adm2_AFG_PAK.csv/" + r.get("P-Code"));
        assertThat(p.name()).isEqualTo(r.get("Name"));
        assertThat(p.pcode()).isEqualTo(r.get("P-Code"));
        assertThat(p.kind()).isEqualTo("admin" + r.get("Admin Level"));
        assertThat(p.country()).isEqualTo(r.get("Location").equals("AFG") ? "AF" : "PK");
        if (r.get("Admin Level").equals("2")) {
          assertThat(p.parent()).isEqualTo("ocha_global_pcodes_adm1_adm2_AFG_PAK.csv/" + r.get("Parent P-Code"));
        }
      }
      // CLDR: ISO 3166-2 codes and English names
      for (CSVRecord r : csv("cldr_iso3166_2_subdivisions_AFG_PAK_en.csv")) {
        Place p = place(g, "cldr_iso3166_2_subdivisions_AFG_PAK_en.csv/" + r.get("iso3166_2"));
        assertThat(p.iso()).isEqualTo(r.get("iso3166_2"));
        assertThat(p.name()).isEqualTo(r.get("name_en"));
      }
      // GeoNames towns: name, position, and the district code GeoNames gives
      List<CSVRecord> towns = csv("geonames_cities_AFG_PAK.csv");
      String townsSet = "geonames_cities_AFG_PAK.csv";
      long townCount = g.index().places().stream().filter(p -> p.set().equals(townsSet) && p.kind().equals("city")).count();
      assertThat(townCount).isEqualTo(towns.size());
      CSVRecord zor = towns.get(0);
      Place first = place(g, townsSet + "/l2");
      assertThat(first.name()).isEqualTo(zor.get("name"));
      assertThat(first.lat()).isEqualTo(Double.parseDouble(zor.get("lat")));
      assertThat(first.lon()).isEqualTo(Double.parseDouble(zor.get("lng")));
      assertThat(first.country()).isEqualTo(zor.get("country"));
      Place district = place(g, first.parent());
      assertThat(district.geonames()).isEqualTo(zor.get("country") + "." + zor.get("admin1_code") + "." + zor.get("admin2_code"));
      // Natural Earth provinces: ISO codes and the province centre the file gives
      for (CSVRecord r : csv("naturalearth_admin1_afghanistan_provinces.csv")) {
        Place p = place(g, "naturalearth_admin1_afghanistan_provinces.csv/" + r.get("adm1_code"));
        assertThat(p.iso()).isEqualTo(r.get("iso_3166_2"));
        assertThat(p.name()).isEqualTo(r.get("name"));
        assertThat(p.lat()).isEqualTo(Double.parseDouble(r.get("latitude")));
      }
      // Crossings: coordinates only where the file has them
      Place torkham = place(g, "pak_afg_border_crossings.csv/torkham");
      assertThat(torkham.lat()).isEqualTo(34.11472);
      assertThat(torkham.lon()).isEqualTo(71.08472);
      assertThat(place(g, "pak_afg_border_crossings.csv/ghulam-khan").hasPoint()).isFalse();

      // every Pakistani district's representative point falls in that district's outline
      for (CSVRecord r : csv("osm_pakistan_2023_districts_centroids.csv")) {
        Index.Location l = g.locate(Double.parseDouble(r.get("rep_point_lat")), Double.parseDouble(r.get("rep_point_lon")));
        assertThat(l.method()).as(r.get("district")).isEqualTo("boundary");
        assertThat(l.admin2().name()).as(r.get("district")).isEqualTo(r.get("district"));
      }
      // Peshawar's coordinates: in Peshawar district, in Khyber Pakhtunkhwa (ISO code from CLDR)
      Index.Location peshawar = g.locate(34.0123846, 71.5787458);
      assertThat(peshawar.admin2().name()).isEqualTo("Peshawar");
      assertThat(peshawar.method()).isEqualTo("boundary");
      assertThat(peshawar.admin1().name()).isEqualTo("Khyber Pakhtunkhwa");
      assertThat(peshawar.admin1().code()).isEqualTo("PK-KP");
      assertThat(peshawar.country()).isEqualTo("PK");
      // Kabul: in Kabul province by the Natural Earth outline (no Afghan district outlines: nearest centre)
      Index.Location kabul = g.locate(34.5281, 69.1723);
      assertThat(kabul.admin1().code()).isEqualTo("AF-KAB");
      assertThat(kabul.country()).isEqualTo("AF");
      assertThat(kabul.method()).isEqualTo("nearest-centre");

      // the line in force is the last one imported, with its name
      JsonNode line10 = EntryCodec.JSON.readTree(GazetteerData.bytes("naturalearth_10m_AFG_PAK_border_line.geojson"));
      assertThat(g.index().line().orElseThrow().name()).isEqualTo(line10.get("features").get(0).get("properties").get("name").asText());
      assertThat(g.locate(34.11472, 71.08472).borderKm()).isLessThan(2.0);

      // names in any script
      List<String> jalalabad = g.search("Jalalabad", 20).stream().map(h -> h.place().id()).toList();
      List<String> dari = g.search("جلال آباد", 20).stream().map(h -> h.place().id()).toList();
      assertThat(dari).isNotEmpty();
      assertThat(jalalabad).containsAll(dari);
      assertThat(g.search("جلال‌آباد", 20).stream().map(h -> h.place().id()).toList()).containsAll(dari);
      assertThat(g.search("پشاور", 5)).extracting(h -> h.place().name()).contains("Peshawar");
      assertThat(g.search("کوټه", 5)).extracting(h -> h.place().name()).contains("Quetta");
      assertThat(g.search("Kandahār", 5)).extracting(h -> h.place().name()).anyMatch(n -> n.startsWith("Kandah"));
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aBadFileLeavesTheGazetteerAsItWas(Engines engine) throws Exception {
    byte[] districts = GazetteerData.bytes("osm_pakistan_2023_districts_simplified.geojson");
    byte[] towns = GazetteerData.bytes("geonames_cities_AFG_PAK.csv");
    byte[] pcodes = GazetteerData.bytes("ocha_global_pcodes_adm1_adm2_AFG_PAK.csv");
    try (Node node = Node.open(dir, engine.newDatabase(dir), Clock.systemUTC())) {
      Gazetteer g = node.gazetteer();
      var before = g.sets();
      int places = g.index().size();
      String lineBefore = g.index().line().orElseThrow().name();

      assertThatThrownBy(() -> g.importFile("broken.geojson", "{\"type\": \"FeatureCollection\", \"features\": [".getBytes(), Importer.Options.detect(null)))
          .isInstanceOf(ImportError.class).hasMessageContaining("not valid JSON");
      // the third district with a longitude of 200
      JsonNode root = EntryCodec.JSON.readTree(districts);
      JsonNode position = root.get("features").get(2).get("geometry").get("coordinates");
      while (position.get(0).isArray()) {
        position = position.get(0);
      }
      ((com.fasterxml.jackson.databind.node.ArrayNode) position).set(0, 200.0);
      assertThatThrownBy(() -> g.importFile("districts.geojson", root.toString().getBytes(StandardCharsets.UTF_8), Importer.Options.detect(null)))
          .isInstanceOf(ImportError.class).hasMessageContaining("feature 3").hasMessageContaining("outside longitude");
      // a feature without a name
      JsonNode noName = EntryCodec.JSON.readTree(districts);
      ((com.fasterxml.jackson.databind.node.ObjectNode) noName.get("features").get(4).get("properties")).remove("name");
      assertThatThrownBy(() -> g.importFile("districts.geojson", noName.toString().getBytes(StandardCharsets.UTF_8), Importer.Options.detect(null)))
          .hasMessageContaining("feature 5").hasMessageContaining("no name");
      // a town whose latitude is not a number, on line 6 of the file (the header is line 1)
      String[] lines = new String(towns, StandardCharsets.UTF_8).split("\n", -1);
      lines[5] = lines[5].replaceFirst("\"[0-9.]+\"", "\"north\"");
      assertThatThrownBy(() -> g.importFile("towns.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), Importer.Options.detect(null)))
          .hasMessageContaining("line 6").hasMessageContaining("lat \"north\" is not a number");
      lines[5] = lines[5].replace("\"north\"", "\"95.5\"");
      assertThatThrownBy(() -> g.importFile("towns.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), Importer.Options.detect(null)))
          .hasMessageContaining("line 6").hasMessageContaining("outside -90..90");
      // P-codes without the P-Code column
      String noColumn = new String(pcodes, StandardCharsets.UTF_8).replaceFirst("P-Code,", "Code,");
      assertThatThrownBy(() -> g.importFile("pcodes.csv", noColumn.getBytes(StandardCharsets.UTF_8), Importer.Options.of("pcodes")))
          .hasMessageContaining("missing column P-Code");
      // a border file whose second feature is an outline
      String mixed = "{\"type\":\"FeatureCollection\",\"features\":["
          + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[70,33],[71,34]]}},"
          + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[70,33],[71,34],[71,33],[70,33]]]}}]}";
      assertThatThrownBy(() -> g.importFile("line.geojson", mixed.getBytes(StandardCharsets.UTF_8), Importer.Options.detect(null)))
          .hasMessageContaining("feature 2 is an area");

      assertThat(g.sets()).isEqualTo(before);
      assertThat(g.index().size()).isEqualTo(places);
      assertThat(g.index().line().orElseThrow().name()).isEqualTo(lineBefore);
      Gazetteer reopened = Gazetteer.open(node.db().jdbi(), Clock.systemUTC());
      assertThat(reopened.index().size()).isEqualTo(places);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void reimportingASetReplacesIt(Engines engine) {
    try (Node node = Node.open(dir, engine.newDatabase(dir), Clock.systemUTC())) {
      Gazetteer g = node.gazetteer();
      int base = g.index().size();
      var first = GazetteerData.load(g, "pak_afg_border_crossings.csv");
      var again = GazetteerData.load(g, "pak_afg_border_crossings.csv");
      assertThat(again.places()).isEqualTo(first.places()).isEqualTo(8);
      assertThat(g.index().size()).isEqualTo(base + 8);
      assertThat(g.sets()).hasSize(4);
    }
  }
}
