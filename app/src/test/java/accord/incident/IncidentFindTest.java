package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Finding incidents through the API on both engines: every filter narrows to exactly the
 * incidents that meet it, totals and paging agree, text search works in all four languages, the
 * timeline and map data add up, and the CSV export re-imports as the same incidents.
 */
class IncidentFindTest {
  static final String API = "/api/accords/" + DefaultInstance.KABUL + "/incidents";
  @TempDir Path dir;

  /** What a generated incident says, kept to compute each filter's expected answer. */
  record Made(long id, String date, String admin1, String admin2, String group, String type, String sub, Long fatalities,
      String provision, String party, String accountParty, double lat, double lon) {}

  static final String[][] PLACES = {
    {"Pakistan", "Khyber Pakhtunkhwa", "Khyber", "Torkham", "34.10", "71.09"},
    {"Pakistan", "Balochistan", "Qilla Abdullah", "Chaman", "30.92", "66.45"},
    {"Pakistan", "Khyber Pakhtunkhwa", "North Waziristan", "Miran Shah", "33.00", "70.07"},
    {"Afghanistan", "Kunar", "Asadabad", "Asadabad", "34.87", "71.15"},
    {"Afghanistan", "Khost", "Khost", "Khost", "33.34", "69.92"},
  };
  static final String[][] TYPES = {
    {"battles", "armed_clash"}, {"explosions_remote_violence", "air_drone_strike"},
    {"violence_against_civilians", "attack"}, {"strategic_developments", "arrests"},
  };
  static final String[] GROUPS = {"TTP", "ISKP", "PK_FORCES", null};

  List<Made> generate(TestServer s, String pk, String af, int n) {
    Random rnd = new Random(7);
    List<Made> made = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] p = PLACES[rnd.nextInt(PLACES.length)];
      String[] t = TYPES[rnd.nextInt(TYPES.length)];
      String g = GROUPS[rnd.nextInt(GROUPS.length)];
      String date = String.format("2024-%02d-%02d", 1 + rnd.nextInt(10), 1 + rnd.nextInt(28));
      Long fat = rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(20);
      String prov = rnd.nextBoolean() ? "P1" : null;
      boolean byAf = rnd.nextInt(3) == 0;
      ObjectNode b = accord.ledger.EntryCodec.JSON.createObjectNode();
      b.put("date", date).put("event_type", t[0]).put("sub_event_type", t[1]).put("lang", "en");
      b.putObject("place").put("country", p[0]).put("admin1", p[1]).put("admin2", p[2]).put("location", p[3])
          .put("lat", Double.parseDouble(p[4]) + i * 0.001).put("lon", Double.parseDouble(p[5]));
      var actors = b.putArray("actors");
      if (g != null) {
        actors.addObject().put("name", Groups.standard().names().get(g)).put("role", "perpetrator");
      }
      actors.addObject().put("name", "Civilians (Pakistan)").put("role", "target");
      if (fat != null) {
        b.putObject("fatalities").put("best", fat);
      }
      if (prov != null) {
        b.putArray("provisions").add(prov);
      }
      b.put("text", "Generated incident number " + i + " at " + p[3]);
      var r = s.postJson(API, byAf ? af : pk, b.toString());
      assertThat(r.status()).as(r.text()).isEqualTo(201);
      long id = r.json().get("id").asLong();
      String accountParty = null;
      if (i % 5 == 0) { // the other party files its own account
        String other = byAf ? pk : af;
        var a = s.postJson("/api/accords/" + DefaultInstance.KABUL + "/entries", other, """
            {"type": "incident.account", "lang": "en", "body": {"incident": %d, "date": "%s",
             "place": {"country": "%s", "location": "%s"}, "event_type": "battles", "sub_event_type": "armed_clash",
             "actors": [{"name": "Taliban", "role": "perpetrator", "group": "TALIBAN"}], "fatalities": {"best": 1}, "text": "Our account"}}"""
            .formatted(id, date, p[0], p[3]));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        accountParty = byAf ? "PK" : "AF";
      }
      made.add(new Made(id, date, p[1], p[2], g, t[0], t[1], fat, prov, byAf ? "AF" : "PK", accountParty,
          Double.parseDouble(p[4]) + i * 0.001, Double.parseDouble(p[5])));
    }
    return made;
  }

  static long count(List<Made> made, Predicate<Made> p) {
    return made.stream().filter(p).count();
  }

  static JsonNode get(TestServer s, String token, String path) {
    var r = s.get(path, token);
    assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
    return r.json();
  }

  /** The demo's incidents (2025) are kept out by a date bound: these tests count their own, all in 2024. */
  static String own(String query) {
    return query.contains("to=") ? query : query + (query.isEmpty() ? "?" : "&") + "to=2024-12-31";
  }

  static long total(TestServer s, String token, String query) {
    JsonNode j = get(s, token, API + own(query));
    assertThat(j.get("total_exact").asBoolean()).isTrue();
    return j.get("total").asLong();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void filtersTotalsPagingTimelineMapAndExport(Engines engine) throws Exception {
    try (TestServer s = new TestServer(engine, dir)) {
      String pk = s.login("pk.liaison");
      String af = s.login("af.liaison");
      List<Made> made = generate(s, pk, af, 40);

      assertThat(total(s, pk, "")).isEqualTo(40);
      assertThat(total(s, pk, "?from=2024-03-01&to=2024-06-30"))
          .isEqualTo(count(made, m -> m.date().compareTo("2024-03-01") >= 0 && m.date().compareTo("2024-06-30") <= 0));
      assertThat(total(s, pk, "?admin1=" + enc("khyber pakhtunkhwa"))).isEqualTo(count(made, m -> m.admin1().equals("Khyber Pakhtunkhwa")));
      assertThat(total(s, pk, "?admin2=Khost")).isEqualTo(count(made, m -> m.admin2().equals("Khost")));
      // group: the report's perpetrator, or the Taliban named by the other party's account
      assertThat(total(s, pk, "?group=TTP")).isEqualTo(count(made, m -> "TTP".equals(m.group())));
      assertThat(total(s, pk, "?group=TALIBAN")).isEqualTo(count(made, m -> m.accountParty() != null));
      assertThat(total(s, pk, "?type=battles")).isEqualTo(count(made, m -> m.type().equals("battles")));
      assertThat(total(s, pk, "?type=air_drone_strike")).isEqualTo(count(made, m -> m.sub().equals("air_drone_strike")));
      assertThat(total(s, pk, "?provision=P1")).isEqualTo(count(made, m -> "P1".equals(m.provision())));
      assertThat(total(s, pk, "?party=AF")).isEqualTo(count(made, m -> m.party().equals("AF") || "AF".equals(m.accountParty())));
      assertThat(total(s, pk, "?fatalities_min=5&fatalities_max=10"))
          .isEqualTo(count(made, m -> m.fatalities() != null && m.fatalities() >= 5 && m.fatalities() <= 10));
      assertThat(total(s, pk, "?fatalities_min=5&type=battles&from=2024-05-01"))
          .isEqualTo(count(made, m -> m.fatalities() != null && m.fatalities() >= 5 && m.type().equals("battles")
              && m.date().compareTo("2024-05-01") >= 0));
      assertThat(total(s, pk, "?q=Chaman")).isEqualTo(count(made, m -> m.admin2().equals("Qilla Abdullah")));
      assertThat(total(s, pk, "?q=" + enc("our account"))).isEqualTo(count(made, m -> m.accountParty() != null));

      // Paging: the pages together are the whole filtered list, newest first, each incident once.
      List<Long> seen = new ArrayList<>();
      String prevDate = "9999";
      for (int offset = 0; offset < 50; offset += 7) {
        JsonNode page = get(s, pk, API + own("?type=battles&limit=7&offset=" + offset));
        for (JsonNode i : page.get("incidents")) {
          assertThat(i.get("event_type").asText()).isEqualTo("battles");
          assertThat(i.get("date").asText()).isLessThanOrEqualTo(prevDate);
          prevDate = i.get("date").asText();
          seen.add(i.get("id").asLong());
        }
      }
      assertThat(seen).doesNotHaveDuplicates().hasSize((int) count(made, m -> m.type().equals("battles")));

      // Bad filters name the parameter.
      for (String bad : List.of("fatalities_min=-1", "fatalities_min=3&fatalities_max=2", "from=2025-05-01&to=2025-01-01",
          "from=yesterday", "bbox=1,2,3", "type=bombing", "group=XYZ")) {
        var r = s.get(API + ".geojson?" + bad, pk);
        assertThat(r.status()).as(bad).isEqualTo(400);
        assertThat(r.json().get("error").asText()).as(bad).contains("'" + bad.split("=")[0] + "'");
      }

      // Timeline: the kept monthly totals and the SQL aggregate of a filtered set agree, and add up.
      JsonNode whole = get(s, pk, API + "/timeline");
      assertThat(get(s, pk, API + "/timeline?from=2000-01-01")).isEqualTo(whole);
      assertThat(whole.get("months").size()).isGreaterThanOrEqualTo(10);
      JsonNode all = get(s, pk, API + "/timeline?to=2024-12-31");
      assertThat(all.get("months").get(0).asText()).isEqualTo(made.stream().map(m -> m.date().substring(0, 7)).sorted().findFirst().orElseThrow());
      long incidents = 0;
      long fatalities = 0;
      Map<String, Long> byGroup = new HashMap<>();
      for (JsonNode g : all.get("groups")) {
        long n = 0;
        for (JsonNode x : g.get("incidents")) {
          n += x.asLong();
        }
        for (JsonNode x : g.get("fatalities")) {
          fatalities += x.asLong();
        }
        incidents += n;
        byGroup.put(g.get("group").isNull() ? "-" : g.get("group").asText(), n);
      }
      assertThat(incidents).isEqualTo(40);
      assertThat(fatalities).isEqualTo(made.stream().mapToLong(m -> m.fatalities() == null ? 0 : m.fatalities()).sum());
      assertThat(byGroup.get("TTP")).isEqualTo(count(made, m -> "TTP".equals(m.group())));
      assertThat(byGroup.get("-")).isEqualTo(count(made, m -> m.group() == null));
      // By event type alone the kept totals answer too, and agree with the SQL aggregate.
      assertThat(get(s, pk, API + "/timeline?type=battles")).isEqualTo(get(s, pk, API + "/timeline?type=battles&from=2000-01-01"));
      JsonNode ttp = get(s, pk, API + "/timeline?group=TTP&to=2024-12-31");
      assertThat(ttp.get("groups")).hasSize(1);

      // GeoJSON: points in [lon, lat] order with the listed properties; aggregated when too many.
      JsonNode geo = get(s, pk, API + ".geojson?admin2=Khost&to=2024-12-31");
      assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
      assertThat(geo.get("aggregated").asBoolean()).isFalse();
      assertThat(geo.get("features")).hasSize((int) count(made, m -> m.admin2().equals("Khost")));
      for (JsonNode ft : geo.get("features")) {
        assertThat(ft.get("type").asText()).isEqualTo("Feature");
        assertThat(ft.get("geometry").get("type").asText()).isEqualTo("Point");
        Made m = made.stream().filter(x -> x.id() == ft.get("properties").get("id").asLong()).findFirst().orElseThrow();
        assertThat(ft.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(m.lon());
        assertThat(ft.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(m.lat());
        assertThat(ft.get("properties").get("url").asText()).isEqualTo("/accords/kabul-2025/incidents/" + m.id());
        assertThat(ft.get("properties").get("type").asText()).isEqualTo(m.type());
      }
      JsonNode box = get(s, pk, API + ".geojson?to=2024-12-31&bbox=69,32,70.5,33.5");
      assertThat(box.get("total").asLong()).isEqualTo(count(made, m -> m.lat() >= 32 && m.lat() <= 33.5 && m.lon() >= 69 && m.lon() <= 70.5));
      JsonNode cells = get(s, pk, API + ".geojson?to=2024-12-31&zoom=3&limit=5");
      assertThat(cells.get("aggregated").asBoolean()).isTrue();
      long inCells = 0;
      for (JsonNode ft : cells.get("features")) {
        assertThat(ft.get("properties").get("cluster").asBoolean()).isTrue();
        inCells += ft.get("properties").get("count").asLong();
        double lon = ft.get("geometry").get("coordinates").get(0).asDouble();
        assertThat(lon).isBetween(66.0, 72.0); // longitude first: these are all near 66-71 E
      }
      assertThat(inCells).isEqualTo(40);
      // Unfiltered (or by event type alone), the cells the projection keeps answer, at every zoom.
      long everything = get(s, pk, API).get("total").asLong();
      long battles = get(s, pk, API + "?type=battles").get("total").asLong();
      Map<String, Long> totals = new HashMap<>();
      for (String filter : new String[] {"", "&type=battles", "&group=TTP", "&group=TTP&type=battles"}) {
        totals.put(filter, get(s, pk, API + "?" + filter).get("total").asLong());
      }
      assertThat(totals.get("&group=TTP&type=battles")).isPositive();
      for (int zoom : new int[] {1, 3, 4, 6, 7}) {
        for (String filter : totals.keySet()) {
          JsonNode stored = get(s, pk, API + ".geojson?zoom=" + zoom + "&limit=3" + filter);
          assertThat(stored.get("aggregated").asBoolean()).isTrue();
          long sum = 0;
          for (JsonNode ft : stored.get("features")) {
            sum += ft.get("properties").get("count").asLong();
            if (filter.contains("battles")) {
              assertThat(ft.get("properties").get("type").asText()).isEqualTo("battles");
            }
          }
          assertThat(sum).as("zoom " + zoom + filter).isEqualTo(totals.get(filter));
        }
      }
      assertThat(totals.get("")).isEqualTo(everything);
      assertThat(totals.get("&type=battles")).isEqualTo(battles);
      // A group's kept cells are the cells the SQL aggregate of its incidents gives (a date filter
      // sends the same view down that path), centres to the millionth of a degree.
      JsonNode kept = get(s, pk, API + ".geojson?zoom=5&limit=3&group=TTP");
      JsonNode summed = get(s, pk, API + ".geojson?zoom=5&limit=3&group=TTP&from=1900-01-01");
      assertThat(kept.get("features")).hasSameSizeAs(summed.get("features"));
      for (int i = 0; i < kept.get("features").size(); i++) {
        JsonNode a = kept.get("features").get(i);
        JsonNode b = summed.get("features").get(i);
        assertThat(a.get("properties")).isEqualTo(b.get("properties"));
        for (int c = 0; c < 2; c++) {
          assertThat(a.get("geometry").get("coordinates").get(c).asDouble())
              .isCloseTo(b.get("geometry").get("coordinates").get(c).asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        }
      }

      // CSV: ACLED's header, one row per match, and it re-imports as the same incidents.
      var csv = s.get(API + ".csv?party=PK&to=2024-12-31", pk);
      assertThat(csv.status()).isEqualTo(200);
      assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(csv.text())).getRecords();
      assertThat(csv.text()).startsWith(String.join(",", AcledRow.COLUMNS) + "\r\n");
      assertThat(rows).hasSize((int) total(s, pk, "?party=PK"));
      Path file = dir.resolve("export.csv");
      Files.writeString(file, csv.text());
      var imported = new AcledImport(s.node, new CsvImport.Options(DefaultInstance.DOHA, "QA", "mediator", false, false)).run(file, null);
      assertThat(imported.bad()).isEmpty();
      assertThat(imported.added()).isEqualTo(rows.size());
      for (CSVRecord row : rows) {
        JsonNode back = s.node.db().jdbi().withHandle(h -> {
          long id = h.createQuery("SELECT id FROM incident WHERE accord = :a AND external_id = :e")
              .bind("a", DefaultInstance.DOHA).bind("e", "acled:" + row.get("event_id_cnty")).mapTo(Long.class).one();
          return IncidentQuery.one(h, DefaultInstance.DOHA, id).orElseThrow();
        });
        long originalId = Long.parseLong(row.get("event_id_cnty").substring("kabul-2025-".length()));
        JsonNode original = s.node.db().jdbi().withHandle(h -> IncidentQuery.one(h, DefaultInstance.KABUL, originalId).orElseThrow());
        for (String field : List.of("date", "event_type", "sub_event_type", "fatalities_best", "text", "place")) {
          assertThat(back.get(field)).as(field + " of " + originalId).isEqualTo(original.get(field));
        }
        var a = (com.fasterxml.jackson.databind.node.ArrayNode) original.get("accounts").get(0).get("report").get("actors").deepCopy();
        if (a.findValuesAsText("role").stream().noneMatch("perpetrator"::equals)) {
          a.insertObject(0).put("name", "Unidentified Armed Group (" + row.get("country") + ")").put("role", "perpetrator");
        }
        JsonNode b = back.get("accounts").get(0).get("report").get("actors");
        assertThat(b).as("actors of " + originalId).isEqualTo(a);
      }
      String digest = s.node.digest();
      assertThat(s.node.rebuild().digest()).isEqualTo(digest);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void searchInEveryLanguageFindsVariantSpellings(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      String pk = s.login("pk.liaison");
      String[][] texts = {
        {"ur", "انگور اڈہ پر شہریوں پر حملہ"},
        {"fa-AF", "حملهٔ هوایی در ولسوالی برمل؛ كابل"},
        {"ps", "د تورخم په پوله ډزې وشوې"},
        {"en", "Shelling near Jalālābād, reported by the Frontier Corps"},
        {"fa-AF", "حَمْلَه در نزديكى سپين‌بولدك"},
      };
      List<Long> ids = new ArrayList<>();
      for (String[] t : texts) {
        var r = s.postJson(API, pk, """
            {"date": "2024-10-12", "lang": "%s", "place": {"country": "Afghanistan", "location": "Somewhere"},
             "event_type": "battles", "sub_event_type": "armed_clash", "text": "%s"}""".formatted(t[0], t[1]));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        ids.add(r.json().get("id").asLong());
      }
      Map<String, List<Long>> want = new java.util.LinkedHashMap<>();
      want.put("شہریوں", List.of(ids.get(0)));           // Urdu as written
      want.put("شهریون", List.of(ids.get(0)));           // Persian heh and a prefix of the Urdu word
      want.put("ولسوالي", List.of(ids.get(1)));          // Arabic yeh for Persian yeh
      want.put("کابل", List.of(ids.get(1)));             // keheh finds the Arabic kaf it was written with
      want.put("تورخم ډزې", List.of(ids.get(2)));        // Pashto, two words, both required
      want.put("تورخم حمله", List.of());                 // two words no one row holds
      want.put("JALALABAD", List.of(ids.get(3)));        // case and diacritics folded
      want.put("frontier", List.of(ids.get(3)));
      want.put("حمله", List.of(ids.get(0), ids.get(1), ids.get(4))); // Urdu heh, harakat and the hamza of ۀ
      want.put("نزدیکی", List.of(ids.get(4)));           // Arabic yeh and kaf, alef maksura
      want.put("سپینبولدک", List.of(ids.get(4)));        // without the zero-width non-joiner
      want.put("100%", List.of());
      want.put("\"*(", List.of());
      for (var e : want.entrySet()) {
        JsonNode r = get(s, pk, API + own("?q=" + enc(e.getKey())));
        List<Long> got = new ArrayList<>();
        r.get("incidents").forEach(i -> got.add(i.get("id").asLong()));
        assertThat(got).as(e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
        assertThat(r.get("total").asLong()).as(e.getKey()).isEqualTo(e.getValue().size());
      }
    }
  }
}
