package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.ledger.Replay;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Likely duplicates through the API: an ACLED file whose rows resemble incidents a party already
 * reported is imported as a background job; the look-alikes are held for review, then merged as
 * accounts or kept separate, and importing the file again changes nothing.
 */
class DuplicatesImportTest {
  static final String KABUL = DefaultInstance.KABUL;
  @TempDir Path dir;

  static Map<String, String> acled(String id, String date, String actor1, String lat, String lon, String fatalities) {
    return AcledImportTest.row("event_id_cnty", id, "event_date", date, "year", date.substring(0, 4), "time_precision", "1",
        "event_type", "Battles", "sub_event_type", "Armed clash", "actor1", actor1, "actor2", "Military Forces of Pakistan (2018-)",
        "country", "Pakistan", "admin1", "Khyber Pakhtunkhwa", "admin2", "South Waziristan", "location", "Angoor Adda",
        "latitude", lat, "longitude", lon, "geo_precision", "1", "source", "Dawn", "fatalities", fatalities);
  }

  static JsonNode finish(TestServer s, String token, TestServer.Res started) throws InterruptedException {
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    String job = started.json().get("job").asText();
    JsonNode j = null;
    for (int i = 0; i < 400; i++) {
      j = s.get("/api/accords/" + KABUL + "/imports/" + job, token).json();
      if (!j.get("state").asText().equals("running")) {
        return j;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the import did not finish: " + j);
  }

  static TestServer.Res upload(TestServer s, String token, Path file, String query) throws Exception {
    return s.send("POST", "/api/accords/" + KABUL + "/imports?source=acled" + query, token, "text/csv", Files.readAllBytes(file));
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void lookAlikesAreHeldThenMergedOrKeptSeparate(Engines engine) throws Exception {
    try (TestServer s = new TestServer(engine, dir.resolve("node"))) {
      String pk = s.login("pk.liaison");
      String sec = s.login("secretariat");
      var reported = s.postJson("/api/accords/" + KABUL + "/incidents", pk, """
          {"date": "2025-10-12", "place": {"country": "Pakistan", "admin2": "South Waziristan", "location": "Angoor Adda",
           "lat": 32.3230, "lon": 69.3530}, "event_type": "battles", "sub_event_type": "armed_clash",
           "actors": [{"name": "TTP", "role": "perpetrator"}], "fatalities": {"best": 3}, "text": "A clash at the crossing."}
          """);
      assertThat(reported.status()).as(reported.text()).isEqualTo(201);
      long incident = reported.json().get("id").asLong();

      Path file = AcledImportTest.csv(dir.resolve("acled.csv"), AcledRow.COLUMNS, List.of(
          acled("PAK90001", "2025-10-12", "TTP: Tehreek-i-Taliban Pakistan", "32.3400", "69.3600", "7"), // 2 km off: held
          acled("PAK90002", "2025-10-15", "TTP: Tehreek-i-Taliban Pakistan", "32.3230", "69.3530", "1"), // 3 days later
          acled("PAK90003", "2025-10-12", "Islamic State Khorasan Province (ISKP)", "32.3230", "69.3530", "2"), // another group
          acled("PAK90004", "2025-10-13", "Tehrik-e-Taliban", "32.3300", "69.3500", "4"))); // a day later, 1 km off: held
      String digest = s.node.digest();

      JsonNode dry = finish(s, sec, upload(s, sec, file, "&dry_run=true"));
      assertThat(dry.get("state").asText()).isEqualTo("done");
      assertThat(dry.get("added").asLong()).isEqualTo(2);
      assertThat(dry.get("flagged").asLong()).isEqualTo(2);
      assertThat(dry.get("committed").asBoolean()).isFalse();
      assertThat(s.node.digest()).as("a dry run writes nothing").isEqualTo(digest);
      assertThat(s.get("/api/accords/" + KABUL + "/incidents/duplicates", sec).json().get("total").asLong()).isZero();

      JsonNode done = finish(s, sec, upload(s, sec, file, ""));
      assertThat(done.get("added").asLong()).isEqualTo(2);
      assertThat(done.get("flagged").asLong()).isEqualTo(2);
      assertThat(done.get("bad")).isEmpty();
      JsonNode held = s.get("/api/accords/" + KABUL + "/incidents/duplicates", pk).json();
      assertThat(held.get("total").asLong()).isEqualTo(2);
      JsonNode first = held.get("duplicates").get(0);
      assertThat(first.get("external_id").asText()).isEqualTo("acled:PAK90001");
      assertThat(first.get("candidate").asLong()).isEqualTo(incident);
      assertThat(first.get("line").asLong()).isEqualTo(2);
      assertThat(first.get("source").asText()).isEqualTo("upload.csv");
      assertThat(first.get("reasons").toString()).contains("same day", "km apart", "same perpetrator TTP");
      assertThat(first.get("report").get("fatalities").get("best").asLong()).isEqualTo(7);

      // Importing the same file again changes nothing: neither the added rows nor the held ones come back.
      String afterImport = s.node.digest();
      JsonNode again = finish(s, sec, upload(s, sec, file, ""));
      assertThat(again.get("added").asLong()).isZero();
      assertThat(again.get("skipped").asLong()).isEqualTo(4);
      assertThat(again.get("flagged").asLong()).isZero();
      assertThat(s.node.digest()).isEqualTo(afterImport);

      // A mediator reads the list but does not decide; an unknown row is 404.
      assertThat(s.send("POST", "/api/accords/" + KABUL + "/incidents/duplicates/acled:PAK90001/merge", s.login("mediator"), null, null).status()).isEqualTo(403);
      assertThat(s.send("POST", "/api/accords/" + KABUL + "/incidents/duplicates/acled:NOPE/merge", sec, null, null).status()).isEqualTo(404);

      var merged = s.send("POST", "/api/accords/" + KABUL + "/incidents/duplicates/acled:PAK90001/merge", sec, null, null);
      assertThat(merged.status()).as(merged.text()).isEqualTo(200);
      assertThat(merged.json().get("incident").asLong()).isEqualTo(incident);
      JsonNode both = s.get("/api/accords/" + KABUL + "/incidents/" + incident, pk).json();
      assertThat(both.get("accounts")).hasSize(2);
      assertThat(both.get("accounts").get(0).get("report").get("fatalities").get("best").asLong()).isEqualTo(3);
      assertThat(both.get("accounts").get(1).get("kind").asText()).isEqualTo("account");
      assertThat(both.get("accounts").get(1).get("party").asText()).isEqualTo("SEC");
      assertThat(both.get("accounts").get(1).get("report").get("fatalities").get("best").asLong()).isEqualTo(7);
      assertThat(s.send("POST", "/api/accords/" + KABUL + "/incidents/duplicates/acled:PAK90001/separate", sec, null, null).status())
          .as("decided once").isEqualTo(409);

      var separate = s.send("POST", "/api/accords/" + KABUL + "/incidents/duplicates/acled:PAK90004/separate", pk, null, null);
      assertThat(separate.status()).as(separate.text()).isEqualTo(200);
      JsonNode own = Incidents.byExternalId(s.node, "acled:PAK90004");
      assertThat(own.get("id").asLong()).isEqualTo(separate.json().get("incident").asLong());
      assertThat(own.get("reported_by").asText()).isEqualTo("PK");
      assertThat(s.get("/api/accords/" + KABUL + "/incidents/duplicates", sec).json().get("total").asLong()).isZero();
      assertThat(s.get("/api/accords/" + KABUL + "/incidents/duplicates?status=merged", sec).json().get("total").asLong()).isEqualTo(1);
      assertThat(s.get("/api/accords/" + KABUL + "/incidents/duplicates?status=nonsense", sec).status()).isEqualTo(400);

      // Still nothing to add after the decisions, and the log replays to the same state.
      JsonNode third = finish(s, sec, upload(s, sec, file, ""));
      assertThat(third.get("added").asLong()).isZero();
      String digestNow = s.node.digest();
      Replay.Result rebuilt = s.node.rebuild();
      assertThat(rebuilt.violations()).isEmpty();
      assertThat(rebuilt.digest()).isEqualTo(digestNow);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theApiRefusesWhatItCannotImport(Engines engine) throws Exception {
    try (TestServer s = new TestServer(engine, dir.resolve("node"))) {
      String sec = s.login("secretariat");
      byte[] csv = "event_id_cnty\n".getBytes();
      assertThat(s.send("POST", "/api/accords/" + KABUL + "/imports?source=gdelt", sec, "text/csv", csv).status()).isEqualTo(400);
      assertThat(s.send("POST", "/api/accords/" + KABUL + "/imports?source=acled&dry_run=maybe", sec, "text/csv", csv).status()).isEqualTo(400);
      assertThat(s.send("POST", "/api/accords/" + KABUL + "/imports?source=acled", sec, "text/csv", new byte[0]).status()).isEqualTo(400);
      assertThat(s.send("POST", "/api/accords/nowhere/imports?source=acled", sec, "text/csv", csv).status()).isEqualTo(404);
      assertThat(s.send("POST", "/api/accords/" + KABUL + "/imports?source=acled", s.login("mediator"), "text/csv", csv).status()).isEqualTo(403);
      assertThat(s.get("/api/accords/" + KABUL + "/imports/0123456789abcdef", sec).status()).isEqualTo(404);
      // A file with no ACLED header fails as a whole, and says why.
      JsonNode failed = finish(s, sec, s.send("POST", "/api/accords/" + KABUL + "/imports?source=acled", sec, "text/csv", "a,b\n1,2\n".getBytes()));
      assertThat(failed.get("state").asText()).isEqualTo("failed");
      assertThat(failed.get("error").asText()).contains("not an ACLED header");
    }
  }
}
