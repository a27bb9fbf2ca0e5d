package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.AccordRegistry;
import accord.accord.AccordRules;
import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.LogStore;
import accord.tlog.Note;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApiTest {
  @TempDir Path dir;

  static final String KABUL = "/api/accords/" + DefaultInstance.KABUL;

  long size(TestServer s) {
    return s.node.db().jdbi().withHandle(h -> LogStore.size(h, DefaultInstance.KABUL));
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void signInReadAndAppend(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      assertThat(s.get("/api/health", null).json().get("accords").asInt()).isEqualTo(2);
      assertThat(s.get("/api/accords", null).status()).isEqualTo(401);
      assertThat(s.postJson("/api/session", null, "{\"username\":\"pk.liaison\",\"password\":\"wrong-password\"}").status()).isEqualTo(401);

      String pk = s.login("pk.liaison");
      var accords = s.get("/api/accords", pk).json();
      assertThat(accords.findValuesAsText("id")).containsExactly("doha-2025", "kabul-2025");
      var kabul = s.get(KABUL, pk).json();
      assertThat(kabul.get("members").findValuesAsText("code")).contains("PK", "AF", "SEC");
      assertThat(kabul.get("provisions")).hasSize(7);
      assertThat(kabul.get("clocks").get("acknowledge").asText()).isEqualTo("PT24H");
      assertThat(kabul.get("log").get("cosignatures").findValuesAsText("member")).containsExactlyInAnyOrder("PK", "AF");

      long before = size(s);
      var r = s.postJson(KABUL + "/entries", pk, "{\"type\":\"accord.statement\",\"body\":{\"text\":\"on the record\"},\"lang\":\"en\"}");
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.json().get("index").asLong()).isEqualTo(before);
      var entries = s.get(KABUL + "/entries?after=" + (before - 1), pk).json();
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).get("entry").get("party").asText()).isEqualTo("PK");
      assertThat(entries.get(0).get("entry").get("user").asText()).isEqualTo("pk.liaison");

      assertThat(s.get("/api/openapi.json", null).json().get("paths").has("/api/accords/{id}/entries")).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void badInputIsRefusedWithAClearErrorAndNothingIsWritten(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      String pk = s.login("pk.liaison");
      String admin = s.login("admin");
      long before = size(s);
      String digest = s.node.digest();

      expect(s.postJson(KABUL + "/entries", pk, "{not json"), 400, "not valid JSON");
      expect(s.postJson(KABUL + "/entries", pk, "{\"type\":\"accord.nonsense\",\"body\":{}}"), 400, "unknown accord entry type");
      expect(s.postJson(KABUL + "/entries", pk, "{\"type\":\"Bad Type\",\"body\":{}}"), 400, "type");
      expect(s.postJson(KABUL + "/entries", pk, "{\"type\":\"accord.statement\"}"), 400, "'body'");
      expect(s.postJson(KABUL + "/entries", pk, "{\"type\":\"accord.statement\",\"party\":\"AF\",\"body\":{\"text\":\"x\"}}"), 403, "acts for PK");
      expect(s.postJson(KABUL + "/entries", admin, "{\"type\":\"accord.statement\",\"body\":{\"text\":\"x\"}}"), 403, "");
      expect(s.postJson(KABUL + "/entries", null, "{\"type\":\"accord.statement\",\"body\":{\"text\":\"x\"}}"), 401, "sign in");
      expect(s.postJson("/api/accords/nowhere/entries", pk, "{\"type\":\"accord.statement\",\"body\":{\"text\":\"x\"}}"), 404, "no accord");
      String big = "x".repeat(200_000);
      expect(s.postJson(KABUL + "/entries", pk, "{\"type\":\"accord.statement\",\"body\":{\"text\":\"" + big + "\"}}"), 413, "at most");

      // A signed note: forged (Afghanistan's entry under Pakistan's key), then a replay of a real one.
      Entry af = new Entry(AccordRules.STATEMENT, DefaultInstance.KABUL, "AF", "af.liaison", Instant.now(), List.of(), "en",
          EntryCodec.JSON.createObjectNode().put("text", "forged"));
      Note forged = EntryCodec.sign(af, s.node.keyring().find(AccordRegistry.memberKeyName(DefaultInstance.KABUL, "PK")).orElseThrow());
      String afToken = s.login("af.liaison");
      expect(s.send("POST", KABUL + "/entries", afToken, "text/plain", forged.bytes()), 403, "not signed by the key of party AF");

      assertThat(size(s)).isEqualTo(before);
      assertThat(s.node.digest()).isEqualTo(digest);

      byte[] existing = s.node.db().jdbi().withHandle(h -> LogStore.entries(h, DefaultInstance.KABUL, 2, 1).get(0).note());
      String party = EntryCodec.parse(Note.parse(existing).text()).party();
      String token = s.login(party.equals("PK") ? "pk.liaison" : party.equals("AF") ? "af.liaison" : "secretariat");
      expect(s.send("POST", KABUL + "/entries", token, "text/plain", existing), 409, "already in the log");
      expect(s.send("POST", KABUL + "/entries", token, "text/plain", "garbage".getBytes(StandardCharsets.UTF_8)), 400, "not a signed entry");
      assertThat(size(s)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void repeatedFailedSignInsAreThrottled(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      for (int i = 0; i < 5; i++) {
        assertThat(s.postJson("/api/session", null, "{\"username\":\"mediator\",\"password\":\"guess-" + i + "\"}").status()).isEqualTo(401);
      }
      expect(s.postJson("/api/session", null, "{\"username\":\"mediator\",\"password\":\"accord-demo\"}"), 429, "too many");
      assertThat(s.login("secretariat")).isNotBlank();
    }
  }

  static void expect(TestServer.Res r, int status, String messagePart) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.json().get("error").asText()).contains(messagePart);
  }
}
