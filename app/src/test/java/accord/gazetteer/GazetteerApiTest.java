package accord.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gazetteer API the incident map and forms use, on a demo node; and incidents placed by it. */
class GazetteerApiTest {
  @TempDir Path dir;

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void searchLocateOutlinesLineAndSets(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      String token = s.login("pk.liaison");
      var found = s.get("/api/gazetteer/places?q=" + q("طورخم") + "&limit=3", token);
      assertThat(found.status()).as(found.text()).isEqualTo(200);
      JsonNode first = found.json().get("places").get(0);
      assertThat(first.get("name").asText()).isEqualTo("Torkham");
      assertThat(first.get("kind").asText()).isEqualTo("crossing");
      assertThat(first.get("match").asText()).isEqualTo("exact");

      JsonNode at = s.get("/api/gazetteer/locate?lat=34.0123&lon=71.5787", token).json();
      assertThat(at.get("country").asText()).isEqualTo("PK");
      assertThat(at.get("admin2").get("name").asText()).containsIgnoringCase("Peshawar");
      assertThat(at.get("border_km").asDouble()).isBetween(30.0, 80.0);
      assertThat(at.get("line").asText()).isEqualTo("Natural Earth (de facto line)");

      var countries = s.get("/api/gazetteer/boundaries.geojson?level=country", token);
      assertThat(countries.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
      JsonNode fc = countries.json();
      assertThat(fc.get("features")).hasSize(2);
      assertThat(fc.get("features").get(0).get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
      assertThat(s.get("/api/gazetteer/boundaries.geojson?level=admin2", token).json().get("features")).isEmpty();

      JsonNode border = s.get("/api/gazetteer/border.geojson", token).json();
      assertThat(border.get("features").get(0).get("properties").get("name").asText()).isEqualTo("Natural Earth (de facto line)");
      assertThat(border.get("features").get(0).get("geometry").get("coordinates").size()).isPositive();

      JsonNode sets = s.get("/api/gazetteer/sets", token).json();
      assertThat(sets.get("sets")).extracting(j -> j.get("name").asText()).containsExactly("natural-earth", "geonames", "crossings");
      assertThat(sets.get("sets").get(1).get("licence").asText()).isEqualTo("CC BY 4.0");

      // bad input: 400 naming the parameter
      var noQuery = s.get("/api/gazetteer/places?q=%20", token);
      assertThat(noQuery.status()).isEqualTo(400);
      assertThat(noQuery.json().get("error").asText()).startsWith("q:");
      var badLat = s.get("/api/gazetteer/locate?lat=north&lon=71", token);
      assertThat(badLat.status()).isEqualTo(400);
      assertThat(badLat.json().get("error").asText()).isEqualTo("lat: \"north\" is not a number");
      assertThat(s.get("/api/gazetteer/locate?lat=34&lon=181", token).json().get("error").asText()).startsWith("lon:");
      assertThat(s.get("/api/gazetteer/boundaries.geojson?level=admin3", token).status()).isEqualTo(400);
      assertThat(s.get("/api/gazetteer/places?q=Kabul&limit=0", token).status()).isEqualTo(400);
      assertThat(s.get("/api/gazetteer/sets", null).status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void incidentsKnowWhereTheyAreAndHowFarFromTheLine(Engines engine) {
    try (TestServer s = new TestServer(engine, dir, false)) {
      String token = s.login("pk.liaison");
      var r = s.postJson("/api/accords/kabul-2025/incidents", token, """
          {"date": "2025-10-12", "place": {"country": "Pakistan", "location": "Angoor Adda", "lat": 32.51556, "lon": 69.2825},
           "event_type": "battles", "sub_event_type": "armed_clash",
           "actors": [{"name": "TTP", "role": "perpetrator"}], "text": "A clash at the crossing."}
          """);
      assertThat(r.status()).as(r.text()).isEqualTo(201);
      long id = r.json().get("id").asLong();
      var row = s.node.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT country, admin2_name, method, border_km, line FROM incident_place WHERE accord = 'kabul-2025' AND incident = :i")
          .bind("i", id).mapToMap().one());
      assertThat((Double) row.get("border_km")).isLessThan(3.0);
      assertThat(row.get("line")).isEqualTo("Natural Earth (de facto line)");
      assertThat(row.get("method")).isEqualTo("nearest-centre");
      // the incident's own answer says where it is and how far from whose line
      var located = s.get("/api/accords/kabul-2025/incidents/" + id, token).json().get("located");
      assertThat(located.get("method").asText()).isEqualTo("nearest-centre");
      assertThat(located.get("border_km").asDouble()).isLessThan(3.0);
      assertThat(located.get("line").asText()).isEqualTo("Natural Earth (de facto line)");
      // no coordinates: placed by the name of its location, which the bundled crossings know
      var byName = s.postJson("/api/accords/kabul-2025/incidents", token, """
          {"date": "2025-10-13", "place": {"country": "Pakistan", "location": "Torkham"},
           "event_type": "strategic_developments", "sub_event_type": "other", "text": "The crossing closed."}
          """);
      assertThat(byName.status()).as(byName.text()).isEqualTo(201);
      var named = s.node.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT method, border_km FROM incident_place WHERE accord = 'kabul-2025' AND incident = :i")
          .bind("i", byName.json().get("id").asLong()).mapToMap().one());
      assertThat(named.get("method")).isEqualTo("name");
      assertThat((Double) named.get("border_km")).isLessThan(2.0);
      String digest = s.node.digest();

      // a deployment's own districts: the incident is placed again, the joint record's digest is untouched
      GazetteerData.require("osm_pakistan_2023_districts_simplified.geojson");
      var imported = GazetteerData.load(s.node.gazetteer(), "osm_pakistan_2023_districts_simplified.geojson");
      assertThat(imported.incidentsPlaced()).isEqualTo(2);
      var again = s.node.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT admin2_name, method FROM incident_place WHERE accord = 'kabul-2025' AND incident = :i")
          .bind("i", id).mapToMap().one());
      assertThat(again.get("method")).isEqualTo("boundary");
      assertThat((String) again.get("admin2_name")).contains("Waziristan");
      assertThat(s.node.digest()).isEqualTo(digest);
      var rebuilt = s.node.rebuild();
      assertThat(rebuilt.digest()).isEqualTo(digest);
      long placed = s.node.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident_place").mapTo(Long.class).one());
      assertThat(placed).isEqualTo(2L);
    }
  }
}
