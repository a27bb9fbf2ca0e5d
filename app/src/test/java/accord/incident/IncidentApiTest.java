package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The incident API over the imported UCDP sample: filters, paging, one incident with its accounts. */
class IncidentApiTest {
  static final String KABUL = "/api/accords/" + DefaultInstance.KABUL + "/incidents";
  static final String DOHA = "/api/accords/" + DefaultInstance.DOHA;

  @TempDir Path dir;

  static final String REPORT = """
      {"date": "2025-04-12", "lang": "ur",
       "place": {"country": "Pakistan", "admin1": "Khyber Pakhtunkhwa", "admin2": "Kurram", "location": "Angoor Adda",
                 "lat": 32.5, "lon": 69.7, "precision": "near"},
       "event_type": "violence_against_civilians", "sub_event_type": "attack",
       "actors": [{"name": "Tehreek-e-Taliban Pakistan", "role": "perpetrator"},
                  {"name": "Civilians", "role": "target"}],
       "fatalities": {"low": 3, "best": 4, "high": 6},
       "sources": [{"outlet": "Dawn", "date": "2025-10-13", "url": "https://example.org/report"}],
       "provisions": ["%s"],
       "text": "انگور اڈہ پر شہریوں پر حملہ"}
      """;

  /** The demo's own incidents (May to November 2025) are kept out of these counts by a date bound. */
  static String beforeDemo(String query) {
    return query + (query.isEmpty() ? "?" : "&") + "to=2025-04-30";
  }

  long total(TestServer s, String token, String query) {
    var r = s.get(KABUL + beforeDemo(query), token);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().get("total").asLong();
  }

  static long count(List<CSVRecord> rows, Predicate<CSVRecord> p) {
    return rows.stream().filter(p).count();
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void filtersPagingAndAccountsSideBySide(Engines engine) throws Exception {
    Path file = SharedData.require(UcdpImportTest.SAMPLE);
    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
    try (TestServer s = new TestServer(engine, dir)) {
      var opts = new UcdpImport.Options(DefaultInstance.KABUL, "SEC", "import", false, false);
      assertThat(new UcdpImport(s.node, opts).run(file, null).added()).isEqualTo(310);
      String pk = s.login("pk.liaison");
      String af = s.login("af.liaison");

      assertThat(s.get(KABUL, null).status()).isEqualTo(401);
      var posted = s.postJson(KABUL, pk, REPORT.formatted("P1"));
      assertThat(posted.status()).as(posted.text()).isEqualTo(201);
      long id = posted.json().get("id").asLong();

      assertThat(total(s, af, "")).isEqualTo(311);
      assertThat(total(s, af, "?from=2010-01-01&to=2012-12-31")).isEqualTo(
          count(rows, r -> r.get("date_start").compareTo("2010-01-01") >= 0 && r.get("date_start").compareTo("2012-12-31") <= 0));
      assertThat(total(s, af, "?admin2=" + enc("Dishu district"))).isEqualTo(count(rows, r -> r.get("adm_2").equals("Dishu district")));
      assertThat(total(s, af, "?group=ISKP")).isEqualTo(count(rows, r -> r.get("side_a").equals("IS") || r.get("side_b").equals("IS")));
      assertThat(total(s, af, "?group=TTP")).isEqualTo(1);
      assertThat(total(s, af, "?group=AF_FORCES&from=2015-01-01"))
          .isEqualTo(count(rows, r -> r.get("side_a").equals("Government of Afghanistan") && r.get("date_start").compareTo("2015-01-01") >= 0));
      assertThat(total(s, af, "?type=battles")).isEqualTo(310);
      assertThat(total(s, af, "?type=attack")).isEqualTo(1);
      assertThat(total(s, af, "?provision=P1")).isEqualTo(1);
      assertThat(total(s, af, "?provision=P")).isZero();
      assertThat(total(s, af, "?admin1=" + enc("khyber pakhtunkhwa"))).isEqualTo(1);
      assertThat(total(s, af, "?q=" + enc("شہریوں"))).isEqualTo(1);
      assertThat(total(s, af, "?q=XINHUA")).isEqualTo(count(rows, r -> (r.get("source_art") + "|" + r.get("adm_2") + "|"
          + r.get("side_a") + "|" + r.get("side_b")).toLowerCase(Locale.ROOT).contains("xinhua")));
      // Search is by word: punctuation is not part of a word, so "100%" finds what "100" finds.
      assertThat(total(s, af, "?q=" + enc("100%"))).isEqualTo(total(s, af, "?q=100")).isPositive();
      assertThat(total(s, af, "?q=" + enc("%_!"))).isZero();

      JsonNode page = s.get(KABUL + beforeDemo("?limit=10&offset=0"), af).json();
      assertThat(page.get("total").asLong()).isEqualTo(311);
      assertThat(page.get("incidents")).hasSize(10);
      assertThat(page.get("incidents").get(0).get("id").asLong()).isEqualTo(id); // newest first
      assertThat(s.get(KABUL + beforeDemo("?limit=10&offset=305"), af).json().get("incidents")).hasSize(6);
      assertThat(s.get(KABUL + "?limit=0", af).status()).isEqualTo(400);
      assertThat(s.get(KABUL + "?from=12-10-2025", af).status()).isEqualTo(400);
      assertThat(s.get("/api/accords/nowhere/incidents", af).status()).isEqualTo(404);

      JsonNode one = one(s, DefaultInstance.KABUL, id);
      assertThat(one.get("reported_by").asText()).isEqualTo("PK");
      JsonNode actors = one.get("accounts").get(0).get("report").get("actors");
      assertThat(actors.get(0).get("group").asText()).isEqualTo("TTP");
      assertThat(one.get("accounts").get(0).get("lang").asText()).isEqualTo("ur");
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void twoAccountsAndAFindingSideBySide(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      String pk = s.login("pk.liaison");
      String af = s.login("af.liaison");
      String mediator = s.login("mediator");
      String admin = s.login("admin");
      String incidents = DOHA + "/incidents";
      assertThat(s.postJson(incidents, admin, REPORT.formatted("C1")).status()).isEqualTo(403);
      var bad = s.postJson(incidents, pk, REPORT.formatted("C1").replace("32.5", "123"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().get("error").asText()).contains("body.place.lat");
      assertThat(s.postJson(incidents, pk, REPORT.formatted("P1")).json().get("error").asText()).contains("no provision P1");

      long id = s.postJson(incidents, pk, REPORT.formatted("C1")).json().get("id").asLong();
      String account = """
          {"type": "incident.account", "lang": "fa-AF", "body": {"incident": %d, "date": "2025-10-12",
           "place": {"country": "Afghanistan", "location": "Barmal"}, "event_type": "explosions_remote_violence",
           "sub_event_type": "air_drone_strike", "actors": [{"name": "Pakistani forces", "role": "perpetrator", "group": "PK_FORCES"}],
           "fatalities": {"best": 10}, "text": "حمله هوایی"}}""".formatted(id);
      var a = s.postJson(DOHA + "/entries", af, account);
      assertThat(a.status()).as(a.text()).isEqualTo(201);
      long accountId = a.json().get("index").asLong();
      var f = s.postJson(DOHA + "/entries", mediator, """
          {"type": "incident.finding", "body": {"incident": %d, "supports": %d, "text": "Strike confirmed by imagery."}}"""
          .formatted(id, accountId));
      assertThat(f.status()).as(f.text()).isEqualTo(201);
      assertThat(s.postJson(DOHA + "/entries", pk, """
          {"type": "incident.finding", "body": {"incident": %d, "text": "x"}}""".formatted(id)).status()).isEqualTo(403);

      JsonNode one = one(s, DefaultInstance.DOHA, id);
      assertThat(one.get("accounts").findValuesAsText("party")).containsExactly("PK", "AF");
      assertThat(one.get("accounts").findValuesAsText("kind")).containsExactly("report", "account");
      assertThat(one.get("accounts").get(0).get("report").get("fatalities").get("best").asLong()).isEqualTo(4);
      assertThat(one.get("accounts").get(1).get("report").get("fatalities").get("best").asLong()).isEqualTo(10);
      assertThat(one.get("findings")).hasSize(1);
      assertThat(one.get("findings").get(0).get("supports").asLong()).isEqualTo(accountId);
      assertThat(one.get("findings").get(0).get("party").asText()).isEqualTo("QA");
      // The incident as listed is still the one first reported; the account did not overwrite it.
      assertThat(one.get("event_type").asText()).isEqualTo("violence_against_civilians");
      assertThat(s.get(incidents + beforeDemo("?group=PK_FORCES"), pk).json().get("total").asLong()).isEqualTo(1);

      String digest = s.node.digest();
      assertThat(s.node.rebuild().digest()).isEqualTo(digest);
    }
  }

  /** One incident as GET /api/accords/{id}/incidents/{incident} answers it (that route is not yet served). */
  static JsonNode one(TestServer s, String accord, long id) {
    return s.node.db().jdbi().withHandle(h -> IncidentQuery.one(h, accord, id).orElseThrow());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
