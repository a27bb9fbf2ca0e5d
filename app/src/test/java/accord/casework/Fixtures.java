package accord.casework;

import accord.accord.AccordRules;
import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** An accord with two parties, a mediator, an observer and the secretariat, and cases in any state. */
final class Fixtures {
  static final Instant FILED = Instant.parse("2025-10-12T06:00:00Z");
  static final AccordState ACCORD = new AccordState("test-accord", "Test accord", "accord/test", "vkey",
      List.of(
          new AccordState.Member("PK", AccordState.Kind.PARTY, "Pakistan", "state", "k1"),
          new AccordState.Member("AF", AccordState.Kind.PARTY, "Afghanistan", "state", "k2"),
          new AccordState.Member("QA", AccordState.Kind.OBSERVER, "Qatar", "mediator", "k3"),
          new AccordState.Member("TR", AccordState.Kind.OBSERVER, "Observer", "observer", "k4"),
          new AccordState.Member("SEC", AccordState.Kind.SECRETARIAT, "Secretariat", "secretariat", "k5")),
      List.of(new AccordState.Provision("P1", "Territory denial", "security", List.of("PK", "AF"), "")),
      AccordRules.DEFAULT_CLOCKS,
      List.of("liaison", "working_group_security", "joint_coordination_committee", "ministers", "mediators"),
      List.of());

  private Fixtures() {}

  /** Case 7, filed by PK against AF, standing in {@code state} at the first rung. */
  static CaseState inState(String state) {
    return new CaseState("test-accord", 7, "PK", "AF", state, 0, FILED, FILED, "Attack", "Act", "en",
        List.of(), List.of(), null, null, null, null, null, null, null, 0, 0, 0);
  }

  static ObjectNode body() {
    return EntryCodec.JSON.createObjectNode();
  }

  static ObjectNode fileBody() {
    ObjectNode b = body().put("notified_party", "AF").put("request", "Arrest those responsible.");
    b.putObject("allegation").put("text", "TTP fighters crossed from Kunar and attacked a post.");
    return b;
  }

  /** A valid body for a move on case 7. */
  static ObjectNode moveBody(String type, String author) {
    ObjectNode b = body().put("case", 7L).put("text", "On the record.");
    if (type.equals(CaseRules.ESCALATE) && author.equals("SEC")) {
      b.put("requested_by", "PK");
    }
    return b;
  }

  static Entry entry(String type, String party, Instant at, ObjectNode body) {
    return new Entry(type, "test-accord", party, party.toLowerCase() + ".user", at, List.of(), "en", body);
  }
}
