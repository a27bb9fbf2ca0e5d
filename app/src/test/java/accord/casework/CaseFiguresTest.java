package accord.casework;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The accountability figures, from SQL alone, on both engines. */
class CaseFiguresTest {
  static final String KABUL = "kabul-2025";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Engines.class)
  void eachPartysRecordAsTheNotifiedParty(Engines engine) {
    try (CaseServer s = new CaseServer(engine, dir)) {
      long c1 = s.file(KABUL, "");
      long c2 = s.file(KABUL, ", \"provisions\": [\"P1\"]"); // the same text at the same instant would be the same entry
      s.file(KABUL, ", \"provisions\": [\"P2\"]"); // never acknowledged
      s.advance(Duration.ofHours(2));
      ok(s, "af.liaison", c1, "acknowledge", "{\"text\": \"Received.\"}");
      s.advance(Duration.ofHours(28));
      ok(s, "af.liaison", c2, "acknowledge", "{\"text\": \"Received, late.\"}");
      s.advance(Duration.ofHours(42));
      ok(s, "af.liaison", c1, "respond", """
          {"text": "Done.", "actions": [{"kind": "arrest", "status": "taken", "date": "2026-01-12"},
            {"kind": "raid", "status": "taken", "date": "2026-01-12", "place": "Kunar"}]}""");
      s.advance(Duration.ofDays(5));
      ok(s, "af.liaison", c2, "respond", "{\"text\": \"Nothing found.\"}");
      ok(s, "pk.liaison", c2, "dispute", "{\"text\": \"Look again.\"}");
      ok(s, "pk.liaison", c2, "escalate", "{\"text\": \"To the working group.\"}");
      s.advance(Duration.ofHours(1));
      ok(s, "pk.liaison", c1, "verify", "{\"text\": \"Confirmed.\"}");

      CaseFigures.Figures f = s.node.db().jdbi().withHandle(h ->
          CaseFigures.of(h, KABUL, LocalDate.parse("2026-01-01"), null, s.clock.instant()));
      CaseFigures.Party af = f.parties().stream().filter(p -> p.party().equals("AF")).findFirst().orElseThrow();
      assertThat(af).isEqualTo(new CaseFigures.Party("AF", 3, 1, 16.0, 132.0, 1, 2, 1, 1, 1, 1));
      CaseFigures.Party pk = f.parties().stream().filter(p -> p.party().equals("PK")).findFirst().orElseThrow();
      assertThat(pk).as("the demo's open case, filed by AF three hours before the start")
          .isEqualTo(new CaseFigures.Party("PK", 1, 0, null, null, 0, 0, 0, 0, 0, 1));
      assertThat(f.months()).containsExactly(new CaseFigures.Month("2026-01", "AF", 3, 1), new CaseFigures.Month("2026-01", "PK", 1, 0));

      CaseFigures.Figures all = s.node.db().jdbi().withHandle(h -> CaseFigures.of(h, KABUL, null, null, s.clock.instant()));
      assertThat(all.parties().stream().filter(p -> p.party().equals("AF")).findFirst().orElseThrow().received())
          .as("with the demo's escalated case of May 2025").isEqualTo(4);
      CaseFigures.Figures none = s.node.db().jdbi().withHandle(h ->
          CaseFigures.of(h, KABUL, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"), s.clock.instant()));
      assertThat(none.parties()).allSatisfy(p -> assertThat(p.received()).isZero());
      assertThat(none.months()).isEmpty();
      CaseFigures.Figures untilTenth = s.node.db().jdbi().withHandle(h ->
          CaseFigures.of(h, KABUL, LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-10"), s.clock.instant()));
      assertThat(untilTenth.parties().stream().mapToLong(CaseFigures.Party::received).sum()).as("'to' includes its day").isEqualTo(4);
    }
  }

  private static void ok(CaseServer s, String user, long id, String move, String json) {
    var r = s.post(user, "/api/accords/" + KABUL + "/cases/" + id + "/" + move, json);
    assertThat(r.status()).as(move + " " + r.text()).isEqualTo(201);
  }
}
