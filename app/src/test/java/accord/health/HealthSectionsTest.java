package accord.health;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.HandClock;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Notifications and meetings in the health figures, on a history filed at known times (the node's
 * clock is set by the test), checked by hand. Period 1 May to 31 October 2026, judged on 1 July:
 *
 * <pre>
 *   case  filed              by  notified  acknowledged          on time (24 h)
 *   A     2026-06-01 08:00   PK  AF        2026-06-01 10:00      yes
 *   B     2026-06-01 08:05   PK  AF        2026-06-02 14:05      no (30 h)
 *   C     2026-06-02 09:00   AF  PK        never                 no; overdue on 1 July
 * </pre>
 *
 * None is answered within its 7 days, so on 1 July every one is overdue: AF 2, PK 1. The JCC meets
 * on 15 June (attendance recorded): one meeting held. One action item, due 20 July, is done on
 * 1 July: one due, one done, none overdue.
 */
class HealthSectionsTest {
  static final String KABUL = "/api/accords/kabul-2025";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Engines.class)
  void notificationsAndMeetingsCheckedByHand(Engines engine) {
    HandClock clock = new HandClock(java.time.Instant.parse("2026-05-01T00:00:00Z"));
    try (TestServer s = new TestServer(engine, dir, true, clock)) {
      // Sessions expire as the clock moves on, so each call signs in afresh.
      java.util.function.Supplier<String> pkT = () -> s.login("pk.liaison");
      java.util.function.Supplier<String> afT = () -> s.login("af.liaison");
      java.util.function.Supplier<String> secT = () -> s.login("secretariat");
      String file = """
          {"notified_party": "%s", "request": "Act against those responsible.",
           "allegation": {"text": "Fighters crossed and attacked a post."}}""";
      String ack = "{\"text\": \"Received; we are looking into it.\"}";
      JsonNode before = s.get(KABUL + "/health?" + HealthSeed.PERIOD, secT.get()).json();

      clock.set("2026-06-01T08:00:00Z");
      long a = post(s, KABUL + "/cases", pkT.get(), file.formatted("AF"));
      clock.set("2026-06-01T08:05:00Z");
      long b = post(s, KABUL + "/cases", pkT.get(), file.formatted("AF"));
      clock.set("2026-06-01T10:00:00Z");
      post(s, KABUL + "/cases/" + a + "/acknowledge", afT.get(), ack);
      clock.set("2026-06-02T09:00:00Z");
      post(s, KABUL + "/cases", afT.get(), file.formatted("PK"));
      clock.set("2026-06-02T14:05:00Z");
      post(s, KABUL + "/cases/" + b + "/acknowledge", afT.get(), ack);

      clock.set("2026-06-10T09:00:00Z");
      long meeting = post(s, KABUL + "/meetings", secT.get(), """
          {"body": "JCC", "level": "committee", "date": "2026-06-15", "place": "Kabul", "agenda": ["Trade at Torkham"]}""");
      clock.set("2026-06-15T12:00:00Z");
      post(s, KABUL + "/meetings/" + meeting + "/attendance", pkT.get(), """
          {"attendees": [{"party": "PK", "name": "A. Khan"}, {"party": "PK", "name": "B. Shah"}]}""");
      post(s, KABUL + "/meetings/" + meeting + "/attendance", afT.get(), """
          {"attendees": [{"party": "AF", "name": "C. Ahmadzai"}, {"party": "AF", "name": "D. Rahimi"}]}""");
      long action = post(s, KABUL + "/meetings/" + meeting + "/actions", secT.get(), """
          {"text": "Agree the opening hours at Torkham.", "owner": "AF", "due": "2026-07-20"}""");
      clock.set("2026-07-01T09:00:00Z");
      post(s, KABUL + "/actions/" + action + "/update", afT.get(), "{\"status\": \"done\"}");

      JsonNode j = s.get(KABUL + "/health?" + HealthSeed.PERIOD, secT.get()).json();
      JsonNode cases = j.get("cases");
      assertThat(cases.get("received").asLong()).isEqualTo(3);
      assertThat(cases.get("acknowledged_on_time").asLong()).isEqualTo(1);
      assertThat(cases.get("responded_on_time").asLong()).isZero();
      assertThat(cases.get("overdue_now").asLong()).isEqualTo(3);
      JsonNode byParty = cases.get("by_party");
      assertThat(byParty.findValuesAsText("party")).containsExactly("PK", "AF");
      assertThat(byParty.get(0).get("received").asLong()).isEqualTo(1);
      assertThat(byParty.get(0).get("acknowledged_on_time").asLong()).isZero();
      assertThat(byParty.get(1).get("received").asLong()).isEqualTo(2);
      assertThat(byParty.get(1).get("acknowledged_on_time").asLong()).isEqualTo(1);
      // Hours to acknowledge for AF: 2 and 30, so the median is 16.
      assertThat(byParty.get(1).get("median_hours_to_acknowledge").asDouble()).isEqualTo(16.0);
      assertThat(byParty.get(0).get("median_hours_to_acknowledge").isNull()).isTrue();

      JsonNode e = j.get("engagement");
      JsonNode e0 = before.get("engagement");
      assertThat(e.get("meetings_held").asInt()).isEqualTo(e0.get("meetings_held").asInt() + 1);
      assertThat(e.get("meetings_by_body").get("JCC").get("held").asInt()).isEqualTo(1);
      assertThat(e.get("meetings_by_body").get("JCC").get("expected").asInt()).isEqualTo(6); // monthly, May to October
      assertThat(e.get("action_items").get("due").asInt()).isEqualTo(1);
      assertThat(e.get("action_items").get("done").asInt()).isEqualTo(1);
      assertThat(e.get("action_items").get("overdue").asInt()).isZero();

      String summary = j.get("summary").asText();
      assertThat(summary).contains("1 of 3 notifications were acknowledged on time and 0 answered on time; 3 clocks are overdue.")
          .contains(e.get("meetings_held").asInt() + " of " + e.get("meetings_expected").asInt() + " expected meetings were held,"
              + " and 1 of 1 action item due was done.");
      String ur = s.get(KABUL + "/health?" + HealthSeed.PERIOD + "&lang=ur", secT.get()).json().get("summary").asText();
      assertThat(ur).contains("3 اطلاعات میں سے 1 کی بروقت تصدیق ہوئی");

      // The same figures in the CSV, and the page shows them.
      String csv = s.get(KABUL + "/health.csv?" + HealthSeed.PERIOD, secT.get()).text();
      assertThat(csv).contains("cases,received,AF,,2", "cases,acknowledged_on_time,AF,,1", "cases,overdue_now,PK,,1",
          "cases,received,AF,2026-06,2", "engagement,meetings_held_by_body,JCC,,1", "engagement,action_items_done,,,1");
      String page = s.get("/accords/kabul-2025/health?" + HealthSeed.PERIOD + "&lang=en", secT.get()).text();
      assertThat(page).contains("id=\"health-cases-received\">3<").contains("id=\"health-cases-overdue\">3<")
          .contains("1 of 1 done");
      // And so does the PDF report, tables and bars.
      var answer = s.get(KABUL + "/report.pdf?" + HealthSeed.PERIOD + "&lang=en", secT.get());
      assertThat(answer.status()).isEqualTo(200);
      byte[] pdf = answer.body();
      try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        assertThat(text).contains("Afghanistan 2 1 0 0 2", "Pakistan 1 0 0 0 1", "1 of 2 on time", "0 of 1 on time",
            "Joint Coordination Committee (JCC) 1 of 6 held", "Action items due 1 of 1 done", "1 of 3 notifications were acknowledged on time");
      } catch (java.io.IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
    }
  }

  /** Posts and insists on success; returns the answer's id or index. */
  private static long post(TestServer s, String path, String token, String json) {
    TestServer.Res r = s.postJson(path, token, json);
    assertThat(r.status()).as("POST " + path + ": " + r.text()).isIn(200, 201);
    JsonNode j = r.json();
    return j.has("id") ? j.get("id").asLong() : j.path("index").asLong(-1);
  }
}
