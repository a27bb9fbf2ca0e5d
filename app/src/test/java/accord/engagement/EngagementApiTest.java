package accord.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Rejection;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engagement API on both engines, over the demo's history: every answer from 201 to 409, and a rebuild. */
class EngagementApiTest {
  static final String API = "/api/accords/" + DefaultInstance.KABUL;

  @TempDir Path dir;

  static JsonNode ok(TestServer.Res r, int status) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    return r.json();
  }

  static void refused(TestServer.Res r, int status, String says) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.json().get("error").asText()).contains(says);
  }

  static List<String> texts(JsonNode agenda, boolean carried) {
    List<String> out = new ArrayList<>();
    agenda.forEach(i -> {
      if (i.get("carried").asBoolean() == carried) {
        out.add(i.get("kind").asText() + ":" + i.get("text").asText());
      }
    });
    return out;
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aCommitteeMeetingFromAgendaToAdoptedDecisionAndAdjudicatedScore(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      String sec = s.login("secretariat");
      String pk = s.login("pk.liaison");
      String af = s.login("af.liaison");
      String mediator = s.login("mediator");

      JsonNode bodies = ok(s.get(API + "/bodies", pk), 200);
      assertThat(bodies).extracting(b -> b.get("code").asText()).containsExactly("JCC", "WG-SEC", "WG-TT", "WG-RR");
      assertThat(bodies.get(0).get("per_party").asInt()).isEqualTo(2);
      assertThat(ok(s.get(API + "/meetings?body=JCC", pk), 200)).hasSize(1);
      refused(s.get(API + "/meetings?body=NOPE", pk), 404, "NOPE");

      // The demo left two open action items of the JCC: the next meeting carries them forward.
      JsonNode scheduled = ok(s.postJson(API + "/meetings", sec,
          "{\"body\":\"JCC\",\"level\":\"committee\",\"date\":\"2025-08-14\",\"place\":\"Kabul\",\"agenda\":[\"Hours at Torkham\"]}"), 201);
      long meeting = scheduled.get("id").asLong();
      assertThat(texts(scheduled.get("agenda"), true)).containsExactly(
          "action:Name a focal person at each crossing for the liaison hotline.",
          "action:Share the draft terms of a joint border coordination mechanism.");
      assertThat(texts(scheduled.get("agenda"), false)).containsExactly("item:Hours at Torkham");

      refused(s.postJson(API + "/meetings", sec, "{\"body\":\"JCC\",\"date\":\"2025-13-01\",\"place\":\"Kabul\"}"), 400, "date");
      refused(s.postJson(API + "/meetings", sec, "{\"body\":\"JCC\",\"date\":\"2025-09-01\"}"), 400, "place");
      refused(s.postJson(API + "/meetings", sec, "{\"body\":\"JCC\",\"level\":\"summit\",\"date\":\"2025-09-01\",\"place\":\"K\"}"), 400, "level");
      refused(s.postJson(API + "/meetings", sec, "{\"body\":\"XYZ\",\"date\":\"2025-09-01\",\"place\":\"K\"}"), 404, "XYZ");
      refused(s.postJson(API + "/meetings", pk, "{\"body\":\"JCC\",\"date\":\"2025-09-01\",\"place\":\"K\"}"), 403, "may not use this");
      refused(s.postJson("/api/accords/nowhere/meetings", sec, "{\"body\":\"JCC\"}"), 404, "nowhere");

      String m = API + "/meetings/" + meeting;
      JsonNode view = ok(s.get(m, af), 200);
      assertThat(view.get("quorum").get("met").asBoolean()).isFalse();
      refused(s.postJson(m + "/decisions", sec, "{\"text\":\"Torkham opens around the clock.\"}"), 409, "quorum");

      refused(s.postJson(m + "/attendance", pk, "{\"attendees\":[{\"party\":\"AF\",\"name\":\"Someone\"}]}"), 403, "own");
      refused(s.postJson(m + "/attendance", pk, "{\"attendees\":[]}"), 400, "attendees");
      ok(s.postJson(m + "/attendance", pk, "{\"attendees\":[{\"party\":\"PK\",\"name\":\"Foreign Minister\"},{\"party\":\"PK\",\"name\":\"Special Representative\"}]}"), 201);
      ok(s.postJson(m + "/attendance", af, "{\"attendees\":[{\"party\":\"AF\",\"name\":\"Acting Foreign Minister\"}]}"), 201);
      JsonNode partial = ok(s.get(m, af), 200).get("quorum");
      assertThat(partial.get("met").asBoolean()).isFalse();
      assertThat(partial.get("short_parties")).extracting(JsonNode::asText).containsExactly("AF");
      ok(s.postJson(m + "/attendance", sec, "{\"attendees\":[{\"party\":\"AF\",\"name\":\"Deputy Foreign Minister\"}]}"), 201);
      assertThat(ok(s.get(m, af), 200).get("quorum").get("met").asBoolean()).isTrue();

      refused(s.postJson(m + "/decisions", sec, "{\"text\":\"  \"}"), 400, "text");
      refused(s.postJson(API + "/meetings/999999/decisions", sec, "{\"text\":\"x\"}"), 404, "meeting");
      long decision = ok(s.postJson(m + "/decisions", sec, "{\"text\":\"P3 is scored 2 for 2025-Q3.\"}"), 201).get("id").asLong();
      String sign = API + "/decisions/" + decision + "/sign";
      refused(s.postJson(sign, sec, "{}"), 403, "may not use this");
      JsonNode first = ok(s.postJson(sign, pk, "{}"), 201).get("decision");
      assertThat(first.get("adopted").asBoolean()).isFalse();
      assertThat(first.get("awaiting")).extracting(JsonNode::asText).containsExactly("AF");
      refused(s.postJson(sign, pk, "{}"), 409, "already signed");
      refused(s.postJson(API + "/decisions/999999/sign", af, "{}"), 404, "decision");
      assertThat(ok(s.postJson(sign, af, "{}"), 201).get("decision").get("adopted").asBoolean()).isTrue();

      // Minutes: written once by the secretariat, endorsed once by each party.
      refused(s.postJson(m + "/endorse", pk, "{}"), 409, "no minutes");
      ok(s.postJson(m + "/minutes", sec, "{\"text\":\"The committee met in Kabul.\"}"), 201);
      refused(s.postJson(m + "/minutes", sec, "{\"text\":\"Again.\"}"), 409, "already");
      ok(s.postJson(m + "/endorse", pk, "{}"), 201);
      refused(s.postJson(m + "/endorse", pk, "{}"), 409, "already endorsed");
      assertThat(ok(s.get(m, pk), 200).get("endorsed_by")).extracting(JsonNode::asText).containsExactly("PK");

      // Scores: each party proposes; the secretariat adjudicates on the committee's adopted decision.
      String evidence = ",\"evidence\":[{\"kind\":\"meeting\",\"id\":" + meeting + "}]";
      long pkScore = ok(s.postJson(API + "/scores", pk, "{\"provision\":\"P3\",\"period\":\"2025-Q3\",\"score\":3" + evidence + "}"), 201).get("id").asLong();
      long afScore = ok(s.postJson(API + "/scores", af, "{\"provision\":\"P3\",\"period\":\"2025-Q3\",\"score\":2" + evidence + "}"), 201).get("id").asLong();
      refused(s.postJson(API + "/scores", pk, "{\"provision\":\"P3\",\"period\":\"2025-Q5\",\"score\":2" + evidence + "}"), 400, "period");
      refused(s.postJson(API + "/scores", pk, "{\"provision\":\"P3\",\"period\":\"2025-Q3\",\"score\":4" + evidence + "}"), 400, "score");
      refused(s.postJson(API + "/scores", pk, "{\"provision\":\"P9\",\"period\":\"2025-Q3\",\"score\":1" + evidence + "}"), 400, "P9");
      refused(s.postJson(API + "/scores", pk, "{\"provision\":\"P3\",\"period\":\"2025-Q3\",\"score\":1}"), 400, "evidence");
      refused(s.postJson(API + "/scores", pk, "{\"provision\":\"P3\",\"period\":\"2025-Q3\",\"score\":1,\"evidence\":[{\"kind\":\"exchange\",\"id\":999999}]}"), 404, "exchange");
      refused(s.postJson(API + "/scores", sec, "{\"provision\":\"P3\",\"period\":\"2025-Q3\",\"score\":1" + evidence + "}"), 403, "");
      String adjudicate = API + "/scores/" + afScore + "/adjudicate";
      refused(s.postJson(adjudicate, sec, "{\"reasons\":\"As decided.\"}"), 403, "decision");
      refused(s.postJson(adjudicate, sec, "{}"), 400, "reasons");
      refused(s.postJson(adjudicate, mediator, "{\"reasons\":\"As decided.\"}"), 403, "QA");
      refused(s.postJson(API + "/scores/999999/adjudicate", sec, "{\"reasons\":\"x\",\"decision\":" + decision + "}"), 404, "proposal");
      ok(s.postJson(adjudicate, sec, "{\"reasons\":\"As the committee decided.\",\"decision\":" + decision + "}"), 201);
      refused(s.postJson(API + "/scores/" + pkScore + "/adjudicate", sec, "{\"reasons\":\"x\",\"decision\":" + decision + "}"), 409, "already");

      JsonNode board = ok(s.get(API + "/scores?as_of=2025-12-31", pk), 200);
      assertThat(board.get("proposals")).hasSize(4); // both parties' proposals for P4 (demo) and P3 stay visible
      assertThat(board.get("latest").get("P3").get("score").asInt()).isEqualTo(2); // the adjudicated proposal's score
      assertThat(board.get("latest").get("P4").get("score").asInt()).isEqualTo(1);
      // engagement = P3 + P4 = 3 of 6; the accord = 3 of 3 x 7 provisions.
      JsonNode engagement = board.get("roll_up").get("themes").get(1);
      assertThat(engagement.get("name").asText()).isEqualTo("engagement");
      assertThat(engagement.get("percent").asDouble()).isEqualTo(50.0);
      assertThat(board.get("roll_up").get("accord").get("percent").asDouble()).isCloseTo(100.0 * 3 / 21, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(ok(s.get(API + "/scores?as_of=2025-06-30", pk), 200).get("latest").has("P3")).isFalse();
      refused(s.get(API + "/scores?as_of=soon", pk), 400, "as_of");

      // Action items: the owner or the secretariat moves them; a closed item stays closed.
      JsonNode actions = ok(s.get(API + "/actions", pk), 200);
      long afItem = actions.get(0).get("id").asLong();
      long pkItem = actions.get(2).get("id").asLong();
      assertThat(actions.get(0).get("overdue").asBoolean()).isTrue();
      refused(s.postJson(API + "/actions/" + pkItem + "/update", af, "{\"status\":\"done\"}"), 403, "owned by PK");
      refused(s.postJson(API + "/actions/" + pkItem + "/update", pk, "{\"status\":\"finished\"}"), 400, "status");
      ok(s.postJson(API + "/actions/" + pkItem + "/update", pk, "{\"status\":\"done\",\"note\":\"Sent.\"}"), 201);
      refused(s.postJson(API + "/actions/" + pkItem + "/update", sec, "{\"status\":\"open\"}"), 409, "already done");
      long newItem = ok(s.postJson(m + "/actions", sec, "{\"text\":\"Publish crossing hours.\",\"owner\":\"AF\",\"due\":\"2025-09-15\"}"), 201).get("id").asLong();
      refused(s.postJson(m + "/actions", sec, "{\"text\":\"x\",\"owner\":\"SEC\",\"due\":\"2025-09-15\"}"), 400, "owner");

      // The next meeting carries what is still open: the AF item from July and the new one.
      JsonNode next = ok(s.postJson(API + "/meetings", sec, "{\"body\":\"JCC\",\"date\":\"2025-09-11\",\"place\":\"Islamabad\"}"), 201);
      assertThat(next.get("agenda")).extracting(i -> i.get("ref").asLong()).containsExactly(afItem, newItem);

      // Exchanges.
      refused(s.postJson(API + "/exchanges", pk, "{\"kind\":\"picnic\",\"title\":\"x\",\"date\":\"2025-09-01\",\"provisions\":[\"P7\"]}"), 400, "kind");
      refused(s.postJson(API + "/exchanges", pk, "{\"kind\":\"exhibition\",\"title\":\"x\",\"date\":\"2025-09-01\",\"provisions\":[\"P99\"]}"), 400, "P99");
      refused(s.postJson(API + "/exchanges", pk, "{\"kind\":\"exhibition\",\"title\":\"x\",\"date\":\"2025-09-02\",\"date_end\":\"2025-09-01\",\"provisions\":[\"P6\"]}"), 400, "date_end");
      ok(s.postJson(API + "/exchanges", af, "{\"kind\":\"exhibition\",\"title\":\"Afghan carpets in Lahore\",\"date\":\"2025-09-01\",\"provisions\":[\"P6\"]}"), 201);
      assertThat(ok(s.get(API + "/exchanges", pk), 200)).extracting(x -> x.get("kind").asText())
          .containsExactly("exhibition", "trade_delegation", "crossing_opening", "crossing_closure"); // latest date first

      // The log is the truth: a rebuild gives the same state.
      String before = s.node.digest();
      var rebuilt = s.node.rebuild();
      assertThat(rebuilt.violations()).isEmpty();
      assertThat(rebuilt.digest()).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aWorkingGroupCarriesItsOwnItemsAndTheCommitteeCarriesEveryOne(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      String sec = s.login("secretariat");
      long wg = ok(s.postJson(API + "/meetings", sec, "{\"body\":\"WG-TT\",\"date\":\"2025-08-01\",\"place\":\"Torkham\"}"), 201).get("id").asLong();
      JsonNode first = ok(s.get(API + "/meetings/" + wg, sec), 200);
      assertThat(first.get("agenda")).as("the JCC's items are not the working group's").isEmpty();
      assertThat(first.get("meeting").get("level").asText()).as("the body's level by default").isEqualTo("working_group");
      long item = ok(s.postJson(API + "/meetings/" + wg + "/actions", sec,
          "{\"text\":\"Count trucks at Torkham.\",\"owner\":\"PK\",\"due\":\"2025-10-01\"}"), 201).get("id").asLong();
      JsonNode again = ok(s.postJson(API + "/meetings", sec, "{\"body\":\"WG-TT\",\"date\":\"2025-11-01\",\"place\":\"Kabul\"}"), 201);
      assertThat(again.get("agenda")).extracting(i -> i.get("ref").asLong()).containsExactly(item);
      JsonNode jcc = ok(s.postJson(API + "/meetings", sec, "{\"body\":\"JCC\",\"date\":\"2025-11-10\",\"place\":\"Kabul\"}"), 201);
      assertThat(jcc.get("agenda")).hasSize(3);
      assertThat(jcc.get("agenda").get(2).get("ref").asLong()).isEqualTo(item);

      // A signed schedule entry that leaves an open item off the agenda is refused.
      long wgBody = s.node.db().jdbi().withHandle(h -> EngagementStore.body(h, DefaultInstance.KABUL, "WG-TT").orElseThrow().id());
      var body = EntryCodec.JSON.createObjectNode().put("body", wgBody)
          .put("level", "working_group").put("date", "2025-12-01").put("place", "Kabul");
      var e = new Entry(Meetings.SCHEDULE, DefaultInstance.KABUL, "SEC", "secretariat", Instant.now(), List.of(), "en", body);
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.node.append(e).join()))
          .isInstanceOf(CompletionException.class).cause().isInstanceOf(Rejection.class)
          .hasMessageContaining("must be carried forward").extracting(x -> ((Rejection) x).kind()).isEqualTo(Rejection.Kind.CONFLICT);
    }
  }
}
