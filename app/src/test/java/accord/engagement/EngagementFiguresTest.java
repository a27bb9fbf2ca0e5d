package accord.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.web.TestServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The figures the health page reads, over the demo's history, on both engines; and the inbox notices engagement posts. */
class EngagementFiguresTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theDemosThirdQuarterAndSecondQuarterInFigures(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      var q3 = s.node.db().jdbi().withHandle(h -> EngagementFigures.of(h, DefaultInstance.KABUL,
          LocalDate.parse("2025-07-01"), LocalDate.parse("2025-09-30")));
      assertThat(q3.meetingsByLevel()).isEqualTo(Map.of("committee", 1));
      assertThat(q3.meetingsByBody()).isEqualTo(Map.of("JCC", 1, "WG-SEC", 0, "WG-TT", 0, "WG-RR", 0));
      assertThat(q3.meetingsExpectedByBody()).isEqualTo(Map.of("JCC", 3, "WG-SEC", 3, "WG-TT", 1, "WG-RR", 1));
      // Due 10 Aug (AF, still open), 31 Aug (PK, done 20 Aug) and 30 Sep (PK, open, due on the window's last day).
      assertThat(List.of(q3.actionsDue(), q3.actionsDone(), q3.actionsOverdue())).containsExactly(3, 1, 1);
      assertThat(q3.decisionsAdopted()).isEqualTo(1);
      assertThat(q3.exchangesByKind().values()).containsOnly(0);
      assertThat(q3.scores()).isEqualTo(Map.of("P4", 1));
      assertThat(q3.rollUp().accord().percent()).isCloseTo(100.0 / 21, Offset.offset(1e-9));

      var q2 = s.node.db().jdbi().withHandle(h -> EngagementFigures.of(h, DefaultInstance.KABUL,
          LocalDate.parse("2025-04-01"), LocalDate.parse("2025-06-30")));
      assertThat(q2.meetingsByLevel()).isEmpty();
      assertThat(q2.exchangesByKind()).containsEntry("trade_delegation", 1).containsEntry("crossing_closure", 0);
      assertThat(q2.actionsDue()).isZero();
      assertThat(q2.decisionsAdopted()).isZero();
      assertThat(q2.scores()).as("2025-Q2 had begun").isEqualTo(Map.of("P4", 1));
      var q1 = s.node.db().jdbi().withHandle(h -> EngagementFigures.of(h, DefaultInstance.KABUL,
          LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31")));
      assertThat(q1.exchangesByKind()).containsEntry("crossing_closure", 1).containsEntry("crossing_opening", 1);
      assertThat(q1.scores()).isEmpty();

      // The same figures over the API.
      String token = s.login("pk.liaison");
      var api = s.get("/api/accords/kabul-2025/engagement?from=2025-07-01&to=2025-09-30", token);
      assertThat(api.status()).as(api.text()).isEqualTo(200);
      assertThat(api.json().get("meetings_expected_by_body").get("JCC").asInt()).isEqualTo(3);
      assertThat(api.json().get("actions").get("overdue").asInt()).isEqualTo(1);
      assertThat(api.json().get("roll_up").get("accord").get("sum").asInt()).isEqualTo(1);
      assertThat(s.get("/api/accords/kabul-2025/engagement?from=2025-07-01&to=2025-06-30", token).status()).isEqualTo(400);
      assertThat(s.get("/api/accords/kabul-2025/engagement?to=July", token).status()).isEqualTo(400);
      assertThat(s.get("/api/accords/kabul-2025/engagement", token).status()).isEqualTo(200);
      assertThat(s.get("/api/accords/nowhere/engagement", token).status()).isEqualTo(404);

      // The inbox: Afghanistan still has to sign one decision, endorse the minutes, and act on its item.
      List<String> af = s.node.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT msg FROM notice WHERE accord = :a AND party = 'AF' AND msg LIKE 'engagement.%' ORDER BY idx")
          .bind("a", DefaultInstance.KABUL).mapTo(String.class).list());
      assertThat(af).containsExactly("engagement.notice.meeting", "engagement.notice.decision", "engagement.notice.decision",
          "engagement.notice.action", "engagement.notice.minutes");
    }
  }
}
