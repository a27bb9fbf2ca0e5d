package accord.casework;

import static accord.casework.Fixtures.ACCORD;
import static accord.casework.Fixtures.FILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.ledger.Entry;
import accord.ledger.Rejection;
import accord.user.Role;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every move from every state by every kind of member, against the table of the accord's procedure. */
class CaseRulesTest {
  /** The allowed transitions, written out: state, move, the state after. */
  static final List<String[]> ALLOWED = List.of(
      new String[] {"filed", "acknowledge", "acknowledged"},
      new String[] {"filed", "reject", "rejected"},
      new String[] {"acknowledged", "investigate", "investigating"},
      new String[] {"acknowledged", "respond", "responded"},
      new String[] {"acknowledged", "reject", "rejected"},
      new String[] {"investigating", "respond", "responded"},
      new String[] {"investigating", "reject", "rejected"},
      new String[] {"responded", "respond", "responded"},
      new String[] {"responded", "verify", "verified"},
      new String[] {"responded", "dispute", "disputed"},
      new String[] {"rejected", "verify", "verified"},
      new String[] {"rejected", "dispute", "disputed"},
      new String[] {"disputed", "respond", "responded"},
      new String[] {"disputed", "escalate", "escalated"},
      new String[] {"disputed", "finding", "decided"},
      new String[] {"escalated", "respond", "responded"},
      new String[] {"escalated", "escalate", "escalated"},
      new String[] {"escalated", "finding", "decided"},
      new String[] {"decided", "finding", "decided"});

  /** Who may make each move: the notified party AF, the notifying party PK, the secretariat, the mediator QA. */
  static final Map<String, Set<String>> ACTORS = Map.of(
      "acknowledge", Set.of("AF"), "investigate", Set.of("AF"), "respond", Set.of("AF"), "reject", Set.of("AF"),
      "verify", Set.of("PK"), "dispute", Set.of("PK"), "inform", Set.of("PK", "AF"),
      "escalate", Set.of("PK", "AF", "SEC"), "finding", Set.of("QA"));

  static Stream<Arguments> everyStateMoveAndAuthor() {
    List<Arguments> out = new ArrayList<>();
    for (String state : CaseState.STATES) {
      for (String move : CaseRules.MOVES.keySet()) {
        for (String author : List.of("PK", "AF", "SEC", "QA", "TR")) {
          out.add(Arguments.of(state, move, author));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{1} on a {0} case by {2}")
  @MethodSource("everyStateMoveAndAuthor")
  void everyMoveIsAllowedOrRefusedAsTheProcedureSays(String state, String move, String author) {
    String type = CaseRules.MOVES.get(move);
    CaseState c = Fixtures.inState(state);
    Entry e = Fixtures.entry(type, author, FILED.plusSeconds(3600), Fixtures.moveBody(type, author));
    String after = expectedAfter(state, move);
    if (!ACTORS.get(move).contains(author)) {
      assertThatThrownBy(() -> decide(c, e)).isInstanceOfSatisfying(Rejection.class,
          r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.FORBIDDEN));
      assertThat(CaseRules.may(type, ACCORD, author, c)).isFalse();
    } else if (after == null) {
      assertThatThrownBy(() -> decide(c, e)).isInstanceOfSatisfying(Rejection.class,
          r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT));
      assertThat(CaseRules.may(type, ACCORD, author, c)).isFalse();
    } else {
      decide(c, e);
      assertThat(CaseRules.may(type, ACCORD, author, c)).isTrue();
      CaseState next = CaseRules.evolve(Optional.of(c), ACCORD, e, 99);
      assertThat(next.state()).isEqualTo(after);
      assertThat(next.updatedAt()).isEqualTo(e.time());
      assertThat(next.levelNo()).isEqualTo(move.equals("escalate") ? 1 : 0);
    }
  }

  private static String expectedAfter(String state, String move) {
    for (String[] t : ALLOWED) {
      if (t[0].equals(state) && t[1].equals(move)) {
        return t[2];
      }
    }
    if (move.equals("inform")) {
      return state; // either party adds information at any time
    }
    if (move.equals("escalate") && !state.equals("verified") && !state.equals("decided")) {
      return state; // the ladder rises; the step the case awaits stays
    }
    return null;
  }

  private static void decide(CaseState c, Entry e) {
    CaseRules.decide(Optional.of(ACCORD), new CaseRules.Known(Optional.of(c), Set.of(), Map.of(), Set.of()), e);
  }

  @Test
  void onlyPartyUsersActForAPartyOnlyMediatorsFindAndTheSecretariatMayEscalate() {
    for (Role r : Role.values()) {
      for (String type : CaseRules.MOVES.values()) {
        boolean want = switch (type) {
          case CaseRules.FINDING -> r == Role.MEDIATOR;
          case CaseRules.ESCALATE -> r == Role.PARTY_OFFICER || r == Role.PARTY_LEAD || r == Role.SECRETARIAT;
          default -> r == Role.PARTY_OFFICER || r == Role.PARTY_LEAD;
        };
        assertThat(CaseRules.roleMay(r, type)).as(r + " " + type).isEqualTo(want);
      }
      assertThat(CaseRules.roleMay(r, CaseRules.FILE)).as(r + " files").isEqualTo(r.actsForParty());
    }
  }

  @Test
  void aPartyFilesAgainstAnotherPartyOnly() {
    Entry ok = Fixtures.entry(CaseRules.FILE, "PK", FILED, Fixtures.fileBody());
    CaseRules.decide(Optional.of(ACCORD), CaseRules.Known.none(Set.of()), ok);
    CaseState c = CaseRules.evolve(Optional.empty(), ACCORD, ok, 42);
    assertThat(c.id()).isEqualTo(42);
    assertThat(c.state()).isEqualTo("filed");
    assertThat(c.notifying()).isEqualTo("PK");
    assertThat(c.notified()).isEqualTo("AF");

    assertRejected(Fixtures.entry(CaseRules.FILE, "AF", FILED, Fixtures.fileBody()), Rejection.Kind.INVALID, "notify itself");
    assertRejected(Fixtures.entry(CaseRules.FILE, "SEC", FILED, Fixtures.fileBody()), Rejection.Kind.FORBIDDEN, "only a party");
    assertRejected(Fixtures.entry(CaseRules.FILE, "QA", FILED, Fixtures.fileBody()), Rejection.Kind.FORBIDDEN, "only a party");
    assertRejected(Fixtures.entry(CaseRules.FILE, "PK", FILED, Fixtures.fileBody().put("notified_party", "QA")),
        Rejection.Kind.INVALID, "body.notified_party: QA is not a party");
    assertRejected(Fixtures.entry(CaseRules.FILE, "XX", FILED, Fixtures.fileBody()), Rejection.Kind.FORBIDDEN, "not a member");
  }

  @Test
  void badBodiesNameTheField() {
    Map<String, ObjectNode> bad = new java.util.LinkedHashMap<>();
    bad.put("body.notified_party", Fixtures.fileBody().put("notified_party", ""));
    bad.put("body.allegation must be an object", (ObjectNode) Fixtures.fileBody().put("allegation", "text"));
    bad.put("body.allegation.text", ((ObjectNode) Fixtures.fileBody().set("allegation", Fixtures.body().put("x", 1))));
    ObjectNode groups = Fixtures.fileBody();
    ((ObjectNode) groups.get("allegation")).putArray("groups").add(3);
    bad.put("body.allegation.groups[0]", groups);
    bad.put("body.request", Fixtures.fileBody().put("request", " "));
    ObjectNode inc = Fixtures.fileBody();
    inc.putArray("incidents").add("x");
    bad.put("body.incidents[0]", inc);
    ObjectNode prov = Fixtures.fileBody();
    prov.putArray("provisions").add("P9");
    bad.put("body.provisions[0]: accord test-accord has no provision P9", prov);
    ObjectNode ev = Fixtures.fileBody();
    ev.putArray("evidence").addObject().put("sha256", "ABC").put("size", 1).put("name", "a.jpg").put("media_type", "image/jpeg");
    bad.put("body.evidence[0].sha256", ev);
    ObjectNode ev2 = Fixtures.fileBody();
    ev2.putArray("evidence").addObject().put("sha256", "a".repeat(64)).put("size", 1).put("name", "../a.jpg").put("media_type", "image/jpeg");
    bad.put("body.evidence[0].name", ev2);
    for (var b : bad.entrySet()) {
      assertRejected(Fixtures.entry(CaseRules.FILE, "PK", FILED, b.getValue()), Rejection.Kind.INVALID, b.getKey());
    }
    ObjectNode unknownIncident = Fixtures.fileBody();
    unknownIncident.putArray("incidents").add(5);
    assertRejected(Fixtures.entry(CaseRules.FILE, "PK", FILED, unknownIncident), Rejection.Kind.INVALID, "body.incidents[0]: there is no incident 5");

    CaseState c = Fixtures.inState("acknowledged");
    ObjectNode action = Fixtures.moveBody(CaseRules.RESPOND, "AF");
    action.putArray("actions").addObject().put("kind", "arrest").put("status", "done").put("date", "2025-10-20");
    assertThatThrownBy(() -> decide(c, Fixtures.entry(CaseRules.RESPOND, "AF", FILED, action)))
        .hasMessageContaining("body.actions[0].status");
    ObjectNode date = Fixtures.moveBody(CaseRules.RESPOND, "AF");
    date.putArray("actions").addObject().put("kind", "raid").put("status", "taken").put("date", "2025-02-30");
    assertThatThrownBy(() -> decide(c, Fixtures.entry(CaseRules.RESPOND, "AF", FILED, date)))
        .hasMessageContaining("body.actions[0].date must be a real date");
    assertThatThrownBy(() -> decide(c, Fixtures.entry(CaseRules.RESPOND, "AF", FILED, Fixtures.body().put("case", 7))))
        .hasMessageContaining("body.text");
    assertThatThrownBy(() -> decide(c, Fixtures.entry(CaseRules.RESPOND, "AF", FILED, Fixtures.body().put("text", "x"))))
        .hasMessageContaining("body.case");
    ObjectNode finding = Fixtures.moveBody(CaseRules.FINDING, "QA").put("violation", true);
    assertThatThrownBy(() -> decide(Fixtures.inState("disputed"), Fixtures.entry(CaseRules.FINDING, "QA", FILED, finding)))
        .hasMessageContaining("body.against and body.provision are required");
  }

  @Test
  void theSecretariatEscalatesOnlyOnAPartysRequestAndNotPastTheTop() {
    CaseState c = Fixtures.inState("filed");
    ObjectNode noRequest = Fixtures.moveBody(CaseRules.ESCALATE, "PK");
    assertThatThrownBy(() -> decide(c, Fixtures.entry(CaseRules.ESCALATE, "SEC", FILED, noRequest)))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID))
        .hasMessageContaining("body.requested_by");
    CaseState top = new CaseState("test-accord", 7, "PK", "AF", "escalated", 4, FILED, FILED, "a", "r", "en",
        List.of(), List.of(), null, null, null, null, null, null, null, 0, 0, 4);
    assertThatThrownBy(() -> decide(top, Fixtures.entry(CaseRules.ESCALATE, "PK", FILED, Fixtures.moveBody(CaseRules.ESCALATE, "PK"))))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT))
        .hasMessageContaining("top of the ladder (mediators)");
  }

  @Test
  void aReceiptIsSignedOnceByTheReceivingPartyForAFileOfTheCase() {
    String sha = "b".repeat(64);
    CaseState c = Fixtures.inState("filed");
    ObjectNode b = Fixtures.body().put("case", 7).put("sha256", sha);
    CaseRules.Known known = new CaseRules.Known(Optional.of(c), Set.of(), Map.of(sha, "PK"), Set.of());
    CaseRules.decide(Optional.of(ACCORD), known, Fixtures.entry(CaseRules.RECEIPT, "AF", FILED, b));
    assertThatThrownBy(() -> CaseRules.decide(Optional.of(ACCORD), known, Fixtures.entry(CaseRules.RECEIPT, "PK", FILED, b)))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.FORBIDDEN));
    assertThatThrownBy(() -> CaseRules.decide(Optional.of(ACCORD), known, Fixtures.entry(CaseRules.RECEIPT, "QA", FILED, b)))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.FORBIDDEN));
    CaseRules.Known signed = new CaseRules.Known(Optional.of(c), Set.of(), Map.of(sha, "PK"), Set.of("AF " + sha));
    assertThatThrownBy(() -> CaseRules.decide(Optional.of(ACCORD), signed, Fixtures.entry(CaseRules.RECEIPT, "AF", FILED, b)))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT));
    ObjectNode other = Fixtures.body().put("case", 7).put("sha256", "c".repeat(64));
    assertThatThrownBy(() -> CaseRules.decide(Optional.of(ACCORD), known, Fixtures.entry(CaseRules.RECEIPT, "AF", FILED, other)))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID));
  }

  @Test
  void plannedActionsStartTheActionReportAndATakenActionStopsIt() {
    CaseState c = Fixtures.inState("acknowledged");
    Instant t1 = FILED.plusSeconds(86_400);
    ObjectNode planned = Fixtures.moveBody(CaseRules.RESPOND, "AF");
    planned.putArray("actions").addObject().put("kind", "camp_closure").put("status", "planned").put("date", "2025-11-01").put("place", "Kunar");
    CaseState r = CaseRules.evolve(Optional.of(c), ACCORD, Fixtures.entry(CaseRules.RESPOND, "AF", t1, planned), 8);
    assertThat(r.plannedAt()).isEqualTo(t1);
    assertThat(r.actionAt()).isNull();
    assertThat(r.respondedAt()).isEqualTo(t1);
    Instant t2 = t1.plusSeconds(86_400 * 10);
    ObjectNode taken = Fixtures.moveBody(CaseRules.INFORM, "AF");
    taken.putArray("actions").addObject().put("kind", "arrest").put("status", "taken").put("date", "2025-10-25");
    CaseState i = CaseRules.evolve(Optional.of(r), ACCORD, Fixtures.entry(CaseRules.INFORM, "AF", t2, taken), 9);
    assertThat(i.actionAt()).isEqualTo(t2);
    assertThat(i.actionsTaken()).isEqualTo(1);
    assertThat(i.state()).isEqualTo("responded");
    // the notifying party's "information" does not count as the other side's action report
    CaseState fromPk = CaseRules.evolve(Optional.of(r), ACCORD, Fixtures.entry(CaseRules.INFORM, "PK", t2, taken), 9);
    assertThat(fromPk.actionAt()).isNull();
  }

  private static void assertRejected(Entry e, Rejection.Kind kind, String message) {
    assertThatThrownBy(() -> CaseRules.decide(Optional.of(ACCORD), CaseRules.Known.none(Set.of()), e))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).as(r.getMessage()).isEqualTo(kind))
        .hasMessageContaining(message);
  }
}
