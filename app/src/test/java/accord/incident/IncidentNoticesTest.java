package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;

import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.notify.Notice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who the incident register tells what, as a pure function. */
class IncidentNoticesTest {
  static final Instant AT = Instant.parse("2025-10-13T06:00:00Z");
  static final List<AccordState.Member> PARTIES = List.of(
      new AccordState.Member("PK", AccordState.Kind.PARTY, "Pakistan", "state", "k1"),
      new AccordState.Member("AF", AccordState.Kind.PARTY, "Afghanistan", "state", "k2"));

  static Entry entry(String type, String party) {
    var body = EntryCodec.JSON.createObjectNode().put("incident", 7).put("text", "x");
    return new Entry(type, "doha-2025", party, "someone", AT, List.of(), "en", body);
  }

  @Test
  void anAccountTellsTheReportingPartyOnlyWhenAnotherMemberFilesIt() {
    List<Notice> told = IncidentNotices.of(entry(IncidentRules.ACCOUNT, "AF"), 9, Optional.of("PK"), List.of());
    assertThat(told).containsExactly(new Notice("doha-2025", 9, EntryCodec.formatTime(AT), "PK",
        "incident.notice.account", List.of("AF", "7"), "/accords/doha-2025/incidents/7"));
    assertThat(IncidentNotices.of(entry(IncidentRules.ACCOUNT, "PK"), 9, Optional.of("PK"), List.of()))
        .as("a party adding to its own report").isEmpty();
  }

  @Test
  void aFindingTellsEveryParty() {
    List<Notice> told = IncidentNotices.of(entry(IncidentRules.FINDING, "QA"), 10, Optional.of("PK"), PARTIES);
    assertThat(told).extracting(Notice::party).containsExactly("PK", "AF");
    assertThat(told).extracting(Notice::msg).containsOnly("incident.notice.finding");
    assertThat(told.get(0).args()).containsExactly("QA", "7");
  }

  @Test
  void aReportTellsNoOne() {
    assertThat(IncidentNotices.of(entry(IncidentRules.REPORT, "PK"), 3, Optional.empty(), PARTIES)).isEmpty();
  }
}
