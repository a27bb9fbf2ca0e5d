package accord.casework;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.ledger.Replay;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Casework over HTTP on both engines: statuses for every role, clocks on an injected clock, replay. */
class CaseApiTest {
  static final String KABUL = "kabul-2025";
  static final String DOHA = "doha-2025";

  @TempDir Path dir;

  static String move(String accord, long id, String move) {
    return "/api/accords/" + accord + "/cases/" + id + "/" + move;
  }

  static String text(String s) {
    return "{\"text\": \"" + s + "\"}";
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void everyRoleGetsTheAnswerItsRoleAndPartyAndTheStateCallFor(Engines engine) {
    try (CaseServer s = new CaseServer(engine, dir)) {
      long id = s.file(DOHA, "");
      // On a filed case: who may make each move (201), who may not (403), what the state refuses (409).
      Map<String, Map<String, Integer>> want = new LinkedHashMap<>();
      want.put("af.liaison", Map.of("investigate", 409, "respond", 409, "verify", 403, "dispute", 403, "finding", 403));
      want.put("pk.liaison", Map.of("acknowledge", 403, "investigate", 403, "respond", 403, "reject", 403, "verify", 409, "dispute", 409, "finding", 403));
      want.put("pk.lead", Map.of("acknowledge", 403, "verify", 409, "finding", 403));
      want.put("secretariat", Map.of("acknowledge", 403, "respond", 403, "verify", 403, "dispute", 403, "inform", 403, "reject", 403, "finding", 403));
      want.put("mediator", Map.of("acknowledge", 403, "respond", 403, "verify", 403, "inform", 403, "escalate", 403, "finding", 409));
      want.put("tr.mediator", Map.of("finding", 409, "acknowledge", 403));
      want.put("observer", Map.of("acknowledge", 403, "inform", 403, "escalate", 403, "finding", 403));
      want.put("admin", Map.of("acknowledge", 403, "inform", 403, "finding", 403));
      List<String> wrong = new ArrayList<>();
      for (var u : want.entrySet()) {
        for (var m : u.getValue().entrySet()) {
          TestServer.Res r = s.post(u.getKey(), move(DOHA, id, m.getKey()), text("A move."));
          if (r.status() != m.getValue()) {
            wrong.add(u.getKey() + " " + m.getKey() + ": " + r.status() + " " + r.text());
          }
        }
      }
      assertThat(wrong).isEmpty();
      assertThat(s.kase(DOHA, id).get("state").asText()).as("nothing refused left a trace").isEqualTo("filed");
      assertThat(s.kase(DOHA, id).get("entries")).hasSize(1);

      // The allowed path, each by the one who may: and the same move again is a state conflict.
      assertThat(s.post("af.liaison", move(DOHA, id, "acknowledge"), "{\"text\": \"دریافت شد؛ بررسی می‌کنیم.\", \"lang\": \"fa-AF\"}").status()).isEqualTo(201);
      assertThat(s.post("af.liaison", move(DOHA, id, "acknowledge"), text("Again.")).status()).isEqualTo(409);
      assertThat(s.post("pk.lead", move(DOHA, id, "inform"), text("More information: the attackers' vehicle.")).status()).isEqualTo(201);
      assertThat(s.post("af.liaison", move(DOHA, id, "investigate"), text("Investigating.")).status()).isEqualTo(201);
      assertThat(s.post("af.liaison", move(DOHA, id, "respond"), """
          {"text": "Two arrests; the camp will be closed.", "findings": "A cell of six.",
           "actions": [{"kind": "arrest", "status": "taken", "date": "2026-01-11", "place": "Asadabad"},
                       {"kind": "camp_closure", "status": "planned", "date": "2026-02-01", "place": "Dangam"}]}
          """).status()).isEqualTo(201);
      assertThat(s.post("pk.liaison", move(DOHA, id, "dispute"), text("Only two of six; the camp is open.")).status()).isEqualTo(201);
      assertThat(s.post("secretariat", move(DOHA, id, "escalate"), "{\"text\": \"At Pakistan's request.\", \"requested_by\": \"PK\"}").status()).isEqualTo(201);
      assertThat(s.post("af.liaison", move(DOHA, id, "verify"), text("No.")).status()).isEqualTo(403);
      assertThat(s.post("mediator", move(DOHA, id, "finding"), """
          {"text": "The camp was active on 20 January.", "against": "AF", "provision": "C1", "violation": true}
          """).status()).isEqualTo(201);
      JsonNode c = s.kase(DOHA, id);
      assertThat(c.get("state").asText()).isEqualTo("decided");
      assertThat(c.get("escalated_to").asInt()).isEqualTo(1);
      assertThat(c.get("entries")).extracting(e -> e.get("type").asText()).containsExactly(
          "case.file", "case.acknowledge", "case.inform", "case.investigate", "case.respond", "case.dispute",
          "case.escalate", "case.finding");
      assertThat(c.get("entries").get(1).get("lang").asText()).isEqualTo("fa-AF");
      assertThat(s.post("mediator", move(DOHA, id, "escalate"), text("Up.")).status()).isEqualTo(403);
      assertThat(s.post("pk.liaison", move(DOHA, id, "escalate"), text("Up.")).status()).as("closed").isEqualTo(409);

      // Bad input names the field; unknown cases and moves are 404.
      TestServer.Res bad = s.post("pk.liaison", "/api/accords/" + DOHA + "/cases", "{\"notified_party\": \"AF\", \"allegation\": \"x\"}");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().get("error").asText()).contains("body.request");
      assertThat(s.post("pk.liaison", "/api/accords/" + DOHA + "/cases", "[1]").status()).isEqualTo(400);
      assertThat(s.post("af.liaison", move(DOHA, 999_999, "acknowledge"), text("x")).status()).isEqualTo(404);
      assertThat(s.post("af.liaison", move(DOHA, id, "shrug"), text("x")).status()).isEqualTo(404);
      assertThat(s.post("af.liaison", move(DOHA, id, "respond"), "{}").json().get("error").asText()).contains("body.text");
      assertThat(s.get("pk.liaison", "/api/accords/" + DOHA + "/cases/999999").status()).isEqualTo(404);
      assertThat(s.post("mediator", "/api/accords/" + DOHA + "/cases", "{\"notified_party\": \"AF\", \"allegation\": \"x\", \"request\": \"y\"}").status())
          .as("a mediator does not file").isEqualTo(403);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void clocksRunOnTheInjectedClockAndAnOverdueCaseClimbs(Engines engine) {
    try (CaseServer s = new CaseServer(engine, dir)) {
      long id = s.file(KABUL, "");
      JsonNode c = s.kase(KABUL, id);
      assertThat(c.get("owes").asText()).isEqualTo("AF");
      assertThat(clock(c, "acknowledge").get("status").asText()).isEqualTo("running");
      assertThat(clock(c, "acknowledge").get("seconds_left").asLong()).isEqualTo(24 * 3600);
      assertThat(c.get("next_due").asText()).isEqualTo("2026-01-11T08:00:00.000Z");

      s.advance(Duration.ofHours(24).plusSeconds(1));
      c = s.kase(KABUL, id);
      assertThat(clock(c, "acknowledge").get("status").asText()).isEqualTo("overdue");
      assertThat(clock(c, "acknowledge").get("overdue_since").asText()).isEqualTo("2026-01-11T08:00:00.000Z");
      assertThat(c.get("overdue").asBoolean()).isTrue();
      assertThat(c.get("level").asText()).isEqualTo("working_group_security");
      assertThat(c.get("escalated_to").asInt()).as("nothing was written").isZero();
      JsonNode overdue = s.get("secretariat", "/api/accords/" + KABUL + "/cases?overdue=true").json();
      assertThat(overdue.get("cases")).extracting(x -> x.get("id").asLong()).contains(id);

      // The acknowledgement arrives late: the clock stops as late, and the climb stops.
      assertThat(s.post("af.liaison", move(KABUL, id, "acknowledge"), text("Received.")).status()).isEqualTo(201);
      c = s.kase(KABUL, id);
      assertThat(clock(c, "acknowledge").get("status").asText()).isEqualTo("late");
      assertThat(c.get("level").asText()).isEqualTo("liaison");
      assertThat(c.get("overdue").asBoolean()).isFalse();

      // A party asks to escalate: the recorded level rises and stays.
      assertThat(s.post("pk.liaison", move(KABUL, id, "escalate"), text("No response yet.")).status()).isEqualTo(201);
      assertThat(s.kase(KABUL, id).get("level").asText()).isEqualTo("working_group_security");

      // The substantive response arrives one second after seven days: late.
      s.advance(Duration.ofDays(6).minusSeconds(2));
      assertThat(clock(s.kase(KABUL, id), "respond").get("status").asText()).isEqualTo("running");
      assertThat(clock(s.kase(KABUL, id), "respond").get("seconds_left").asLong()).isEqualTo(1);
      s.advance(Duration.ofSeconds(2));
      assertThat(s.post("af.liaison", move(KABUL, id, "respond"), text("We acted.")).status()).isEqualTo(201);
      c = s.kase(KABUL, id);
      assertThat(clock(c, "respond").get("status").asText()).isEqualTo("late");
      assertThat(clock(c, "respond").get("stopped").asText()).isEqualTo("2026-01-17T08:00:01.000Z");
      assertThat(clock(c, "verify").get("status").asText()).isEqualTo("running");
      assertThat(c.get("owes").asText()).isEqualTo("PK");
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void rebuildingFromTheLogGivesTheSameCasesAndClocks(Engines engine) {
    try (CaseServer s = new CaseServer(engine, dir)) {
      long a = s.file(KABUL, "");
      long b = s.file(KABUL, ", \"provisions\": [\"P1\", \"P2\"]");
      s.post("af.liaison", move(KABUL, a, "acknowledge"), text("Received."));
      s.post("af.liaison", move(KABUL, a, "reject"), text("Outside the accord: no group named."));
      s.post("pk.liaison", move(KABUL, a, "dispute"), text("TTP is named."));
      s.advance(Duration.ofDays(3));
      s.post("pk.liaison", move(KABUL, b, "escalate"), text("Three days without an answer."));
      List<String> before = new ArrayList<>();
      for (long id : new long[] {a, b}) {
        before.add(s.kase(KABUL, id).toString());
      }
      String list = s.get("pk.liaison", "/api/accords/" + KABUL + "/cases?limit=100").text();
      String queues = withoutCsrf(s.get("secretariat", "/accords/" + KABUL + "/cases/queues").text());
      String tallies = tallies(s);
      assertThat(tallies).as("tallies, days and queue rows kept").contains("case_tally|", "case_day|", "case_rung|");
      String digest = s.node.digest();
      Replay.Result r = s.node.rebuild();
      assertThat(r.violations()).isEmpty();
      assertThat(r.digest()).isEqualTo(digest);
      List<String> after = new ArrayList<>();
      for (long id : new long[] {a, b}) {
        after.add(s.kase(KABUL, id).toString());
      }
      assertThat(after).isEqualTo(before);
      assertThat(s.get("pk.liaison", "/api/accords/" + KABUL + "/cases?limit=100").text()).isEqualTo(list);
      assertThat(withoutCsrf(s.get("secretariat", "/accords/" + KABUL + "/cases/queues").text())).isEqualTo(queues);
      assertThat(tallies(s)).isEqualTo(tallies);
      long notices = s.node.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM notice WHERE accord = :a AND link = :l").bind("a", KABUL)
          .bind("l", "/accords/" + KABUL + "/cases/" + a).mapTo(Long.class).one());
      assertThat(notices).as("filed, acknowledged, rejected, disputed: one notice each").isEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void evidenceIsStoredByHashAndTheReceivingPartySignsOneReceipt(Engines engine) {
    try (CaseServer s = new CaseServer(engine, dir)) {
      byte[] file = "photo of the attackers' vehicle".getBytes(StandardCharsets.UTF_8);
      TestServer.Res up = s.send("POST", "/api/accords/" + KABUL + "/evidence", s.tokens.get("pk.liaison"),
          "application/octet-stream", file);
      assertThat(up.status()).as(up.text()).isEqualTo(201);
      String sha = up.json().get("sha256").asText();
      assertThat(sha).isEqualTo(accord.tlog.Hash.toHex(accord.tlog.Hash.sha256(file)));
      assertThat(up.json().get("size").asLong()).isEqualTo(file.length);
      String missing = "0".repeat(64);
      TestServer.Res notUploaded = s.post("pk.liaison", "/api/accords/" + KABUL + "/cases", """
          {"notified_party": "AF", "allegation": "x", "request": "y", "evidence": [{"sha256": "%s", "size": 3,
           "name": "a.jpg", "media_type": "image/jpeg"}]}""".formatted(missing));
      assertThat(notUploaded.status()).isEqualTo(400);
      assertThat(notUploaded.json().get("error").asText()).contains("evidence[0].sha256");
      long id = s.file(KABUL, """
          , "evidence": [{"sha256": "%s", "size": %d, "name": "vehicle.jpg", "media_type": "image/jpeg",
             "description": "The vehicle at the post"}]""".formatted(sha, file.length));
      String path = "/api/accords/" + KABUL + "/cases/" + id + "/evidence/" + sha;
      TestServer.Res own = s.get("pk.liaison", path);
      assertThat(own.status()).isEqualTo(200);
      assertThat(own.body()).isEqualTo(file);
      assertThat(own.raw().headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
      assertThat(s.kase(KABUL, id).get("evidence").get(0).get("receipts")).as("the provider signs none").isEmpty();
      assertThat(s.get("af.liaison", path).body()).isEqualTo(file);
      assertThat(s.get("af.liaison", path).status()).isEqualTo(200);
      assertThat(s.get("mediator", path).status()).isEqualTo(200);
      assertThat(s.get("secretariat", path).status()).isEqualTo(403);
      JsonNode c = s.kase(KABUL, id);
      JsonNode receipts = c.get("evidence").get(0).get("receipts");
      assertThat(receipts).hasSize(1);
      assertThat(receipts.get(0).get("party").asText()).isEqualTo("AF");
      assertThat(c.get("entries")).extracting(e -> e.get("type").asText()).containsExactly("case.file", "case.receipt");
      assertThat(s.get("af.liaison", "/api/accords/" + KABUL + "/cases/" + id + "/evidence/" + missing).status()).isEqualTo(404);
    }
  }

  @org.junit.jupiter.api.Test
  void evidenceLargerThanARequestIsStreamedAndTheNodesLimitHolds() {
    System.setProperty("accord.evidence.maxBytes", Integer.toString(3 * 1024 * 1024));
    try (CaseServer s = new CaseServer(Engines.SQLITE, dir)) {
      byte[] big = new byte[2 * 1024 * 1024 + 17];
      new java.util.Random(7).nextBytes(big);
      TestServer.Res up = s.send("POST", "/api/accords/" + KABUL + "/evidence", s.tokens.get("af.liaison"), "video/mp4", big);
      assertThat(up.status()).as(up.text()).isEqualTo(201);
      assertThat(up.json().get("size").asLong()).isEqualTo(big.length);
      TestServer.Res tooBig = s.send("POST", "/api/accords/" + KABUL + "/evidence", s.tokens.get("af.liaison"),
          "video/mp4", new byte[3 * 1024 * 1024 + 1]);
      assertThat(tooBig.status()).isEqualTo(413);
      assertThat(tooBig.json().get("error").asText()).contains("larger than 3145728 bytes");
      try (var files = java.nio.file.Files.walk(dir.resolve("evidence"))) {
        assertThat(files.filter(java.nio.file.Files::isRegularFile).toList()).as("no half-written file is left").hasSize(2);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      // a small body: the refusal comes before the body is read, and a large one may meet a closed socket
      assertThat(s.send("POST", "/api/accords/" + KABUL + "/evidence", s.tokens.get("mediator"), "text/plain",
              "a statement".getBytes(java.nio.charset.StandardCharsets.UTF_8)).status())
          .as("only parties hand over evidence").isEqualTo(403);
    } finally {
      System.clearProperty("accord.evidence.maxBytes");
    }
  }

  static JsonNode clock(JsonNode c, String name) {
    for (JsonNode k : c.get("clocks")) {
      if (k.get("name").asText().equals(name)) {
        return k;
      }
    }
    throw new AssertionError("no clock " + name);
  }

  /** A page without its form token, which differs per request. */
  private static String withoutCsrf(String html) {
    return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
  }

  /** Every row the projection keeps beside the cases, table by table. */
  private static String tallies(CaseServer s) {
    StringBuilder b = new StringBuilder();
    s.node.db().jdbi().useHandle(h -> {
      for (String t : List.of("case_tally", "case_day", "case_rung")) {
        h.createQuery("SELECT * FROM " + t + " ORDER BY 1, 2, 3, 4").map((rs, ctx) -> {
          StringBuilder row = new StringBuilder(t);
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.append('|').append(rs.getString(i));
          }
          return row.append('\n').toString();
        }).forEach(b::append);
      }
    });
    return b.toString();
  }
}
