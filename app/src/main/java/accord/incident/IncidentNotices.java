package accord.incident;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.notify.Notice;
import accord.notify.Notices;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Who the incident register tells what: the reporting party when another member files its account
 * of the incident, and the accord's parties when a mediator records a finding on it.
 */
final class IncidentNotices {
  static final String ACCOUNT = "incident.notice.account";
  static final String FINDING = "incident.notice.finding";

  private IncidentNotices() {}

  /** The notices an entry calls for, as a pure function of the entry and what it refers to. */
  static List<Notice> of(Entry e, long index, Optional<String> reportedBy, List<AccordState.Member> parties) {
    if (!e.body().path("incident").isIntegralNumber()) {
      return List.of();
    }
    String incident = String.valueOf(e.body().get("incident").asLong());
    String at = EntryCodec.formatTime(e.time());
    String link = "/accords/" + e.accord() + "/incidents/" + incident;
    return switch (e.type()) {
      case IncidentRules.ACCOUNT -> reportedBy.filter(p -> !p.equals(e.party()))
          .map(p -> List.of(new Notice(e.accord(), index, at, p, ACCOUNT, List.of(e.party(), incident), link)))
          .orElse(List.of());
      case IncidentRules.FINDING -> parties.stream()
          .filter(m -> !m.code().equals(e.party()))
          .map(m -> new Notice(e.accord(), index, at, m.code(), FINDING, List.of(e.party(), incident), link))
          .toList();
      default -> List.of();
    };
  }

  /** Posts the notices of an entry being applied, inside its transaction. */
  static void post(Handle h, Entry e, long index) {
    if (!e.type().equals(IncidentRules.ACCOUNT) && !e.type().equals(IncidentRules.FINDING)) {
      return;
    }
    long incident = e.body().path("incident").asLong();
    Optional<String> reportedBy = h.createQuery("SELECT reported_by FROM incident WHERE accord = :a AND id = :i")
        .bind("a", e.accord()).bind("i", incident).mapTo(String.class).findOne();
    List<AccordState.Member> parties = e.type().equals(IncidentRules.FINDING)
        ? AccordProjection.load(h, e.accord()).map(AccordState::parties).orElse(List.of())
        : List.of();
    for (Notice n : of(e, index, reportedBy, parties)) {
      Notices.post(h, n);
    }
  }
}
