package accord.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import accord.accord.AccordRules;
import accord.accord.AccordState;
import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Keyring;
import accord.ledger.Rejection;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The engagement rules alone, without a database: who writes what, quorum, carry-forward, signatures, adjudication, roll-up. */
class EngagementRulesTest {
  static final Instant T = Instant.parse("2025-10-20T08:00:00Z");
  /** The Doha ceasefire (mediators QA and TR) with one more observer, OB, who is not a mediator. */
  static AccordState doha;
  static AccordState kabul;

  static final Bodies.Body JCC = new Bodies.Body(5, "JCC", "Joint Coordination Committee", "committee", "committee",
      "joint_coordination_committee", 2, 1, "P1M", List.of());
  static final Bodies.Body WG = new Bodies.Body(6, "WG-TT", "Trade and transit", "working_group", "working_group", null, 2, 1, "P3M", List.of());

  @BeforeAll
  static void accords(@TempDir Path dir) {
    Keyring keys = new Keyring(dir);
    AccordState d = AccordRules.definition(DefaultInstance.doha(keys, T));
    List<AccordState.Member> members = new ArrayList<>(d.members());
    members.add(new AccordState.Member("OB", AccordState.Kind.OBSERVER, "Observer", "observer", d.members().get(0).vkey()));
    doha = new AccordState(d.id(), d.title(), d.origin(), d.logVkey(), members, d.provisions(), d.clocks(), d.ladder(), d.witnesses());
    kabul = AccordRules.definition(DefaultInstance.kabul(keys, T));
  }

  static Entry entry(String type, String party, ObjectNode body) {
    return new Entry(type, DefaultInstance.DOHA, party, "someone", T, List.of(), "en", body);
  }

  static ObjectNode body() {
    return EntryCodec.JSON.createObjectNode();
  }

  static Rejection.Kind refusal(Executable decide) {
    Rejection r = catchThrowableOfType(Rejection.class, () -> {
      try {
        decide.execute();
      } catch (Throwable t) {
        if (t instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(t);
      }
    });
    return r == null ? null : r.kind();
  }

  static Meetings.State meeting(Bodies.Body body, boolean emergency, List<Meetings.Attendee> people) {
    return new Meetings.State(10, body, emergency, false, Set.of(), people);
  }

  static List<Meetings.Attendee> people(String... partyAndName) {
    List<Meetings.Attendee> out = new ArrayList<>();
    for (int i = 0; i < partyAndName.length; i += 2) {
      out.add(new Meetings.Attendee(partyAndName[i], partyAndName[i + 1]));
    }
    return out;
  }

  @Test
  void whoMayWriteWhat() {
    // Written out here, not derived from Who: the secretariat (SEC), a party (PK), a mediator (QA), a plain observer (OB).
    Map<String, String> allowed = Map.ofEntries(
        Map.entry(Bodies.DEFINE, "SEC"), Map.entry(Meetings.SCHEDULE, "SEC"), Map.entry(Meetings.ATTEND, "SEC PK"),
        Map.entry(Meetings.MINUTES, "SEC"), Map.entry(Meetings.ENDORSE, "PK"), Map.entry(Decisions.PROPOSE, "SEC PK"),
        Map.entry(Decisions.SIGN, "PK"), Map.entry(ActionItems.CREATE, "SEC PK"), Map.entry(ActionItems.UPDATE, "SEC PK"),
        Map.entry(Exchanges.RECORD, "SEC PK"), Map.entry(Scores.PROPOSE, "PK"), Map.entry(Scores.ADJUDICATE, "SEC QA"));
    assertThat(Who.MAY_WRITE.keySet()).isEqualTo(allowed.keySet());
    List<String> wrong = new ArrayList<>();
    for (var e : allowed.entrySet()) {
      for (String member : List.of("SEC", "PK", "QA", "OB", "XX")) {
        boolean may = List.of(e.getValue().split(" ")).contains(member);
        Rejection.Kind k = refusal(() -> Who.require(doha, entry(e.getKey(), member, body())));
        if (may ? k != null : k != Rejection.Kind.FORBIDDEN) {
          wrong.add(member + " " + e.getKey() + ": " + k);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(refusal(() -> Who.require(doha, entry("meeting.dance", "SEC", body())))).isEqualTo(Rejection.Kind.FORBIDDEN);
  }

  @Test
  void quorumCountsEachPartysPeopleOnceAgainstTheRightMinimum() {
    List<String> parties = List.of("PK", "AF");
    var q = Quorum.check(parties, JCC, false, people("PK", "A", "PK", "B", "AF", "C"));
    assertThat(q.met()).isFalse();
    assertThat(q.required()).isEqualTo(2);
    assertThat(q.present()).isEqualTo(Map.of("PK", 2, "AF", 1));
    assertThat(q.shortParties()).containsExactly("AF");
    assertThat(Quorum.check(parties, JCC, true, people("PK", "A", "AF", "C")).met()).as("emergency minimum 1").isTrue();
    assertThat(Quorum.check(parties, JCC, false, people("PK", "A", "PK", " a ", "AF", "C", "AF", "D")).met())
        .as("the same person twice counts once").isFalse();
    assertThat(Quorum.check(parties, JCC, false, people("PK", "A", "PK", "B", "QA", "C", "QA", "D", "AF", "E")).present())
        .as("observers count for no party").isEqualTo(Map.of("PK", 2, "AF", 1));
    assertThat(Quorum.check(parties, JCC, false, people("PK", "A", "PK", "B", "AF", "C", "AF", "D")).met()).isTrue();
    assertThat(Quorum.check(parties, JCC, true, List.of()).shortParties()).containsExactly("PK", "AF");
  }

  @Test
  void theCommitteeCarriesEveryOpenItemAndAWorkingGroupItsOwn() {
    List<Agenda.OpenAction> open = List.of(
        new Agenda.OpenAction(20, 11, JCC.id(), "JCC item", "AF", "2025-08-10"),
        new Agenda.OpenAction(21, 12, WG.id(), "WG item", "PK", "2025-08-31"));
    List<Agenda.CarriedCase> cases = List.of(new Agenda.CarriedCase(30, "joint_coordination_committee", "Case 30"));
    List<Agenda.Item> jcc = Agenda.build(JCC, open, cases, List.of("New", " ", "Other"));
    assertThat(jcc).extracting(i -> i.kind() + ":" + i.ref() + ":" + i.carried() + ":" + i.fromMeeting())
        .containsExactly("action:20:true:11", "action:21:true:12", "case:30:true:null", "item:null:false:null", "item:null:false:null");
    assertThat(Agenda.build(WG, open, List.of(), List.of())).extracting(Agenda.Item::ref).containsExactly(21L);

    // The rule behind it: the schedule entry must carry exactly the body's open items.
    ObjectNode good = schedule(WG, List.of(21L));
    assertThatCode(() -> Meetings.decideSchedule(doha, entry(Meetings.SCHEDULE, "SEC", good), Optional.of(WG), open)).doesNotThrowAnyException();
    assertThat(refusal(() -> Meetings.decideSchedule(doha, entry(Meetings.SCHEDULE, "SEC", schedule(WG, List.of())), Optional.of(WG), open)))
        .as("an open item left behind").isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(refusal(() -> Meetings.decideSchedule(doha, entry(Meetings.SCHEDULE, "SEC", schedule(WG, List.of(20L, 21L))), Optional.of(WG), open)))
        .as("another body's item").isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(refusal(() -> Meetings.decideSchedule(doha, entry(Meetings.SCHEDULE, "SEC", schedule(JCC, List.of(20L, 21L, 99L))), Optional.of(JCC), open)))
        .as("an item that is not open").isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(refusal(() -> Meetings.decideSchedule(doha, entry(Meetings.SCHEDULE, "SEC", schedule(JCC, List.of(20L, 21L))), Optional.empty(), open)))
        .as("no such body").isEqualTo(Rejection.Kind.NOT_FOUND);
    ObjectNode badItem = schedule(JCC, List.of(20L, 21L));
    badItem.withArray("agenda").addObject().put("kind", "item").put("text", "x").put("ref", 3);
    assertThat(refusal(() -> Meetings.decideSchedule(doha, entry(Meetings.SCHEDULE, "SEC", badItem), Optional.of(JCC), open)))
        .isEqualTo(Rejection.Kind.INVALID);
  }

  static ObjectNode schedule(Bodies.Body b, List<Long> carried) {
    ObjectNode o = body().put("body", b.id()).put("level", b.level()).put("date", "2025-09-01").put("place", "Kabul");
    var agenda = o.putArray("agenda");
    carried.forEach(id -> agenda.addObject().put("kind", "action").put("ref", id).put("text", "item " + id).put("carried", true));
    return o;
  }

  @Test
  void attendanceIsRecordedByTheSecretariatOrEachPartyForItsOwnPeople() {
    Optional<Meetings.State> m = Optional.of(meeting(JCC, false, List.of()));
    ObjectNode pkPeople = body().put("meeting", 10);
    pkPeople.putArray("attendees").addObject().put("party", "PK").put("name", "A");
    ObjectNode afPeople = body().put("meeting", 10);
    afPeople.putArray("attendees").addObject().put("party", "AF").put("name", "B");
    ObjectNode secPeople = body().put("meeting", 10);
    secPeople.putArray("attendees").addObject().put("party", "SEC").put("name", "C");
    assertThat(refusal(() -> Meetings.decideAttend(doha, entry(Meetings.ATTEND, "PK", pkPeople), m))).isNull();
    assertThat(refusal(() -> Meetings.decideAttend(doha, entry(Meetings.ATTEND, "PK", afPeople), m))).isEqualTo(Rejection.Kind.FORBIDDEN);
    assertThat(refusal(() -> Meetings.decideAttend(doha, entry(Meetings.ATTEND, "SEC", afPeople), m))).isNull();
    assertThat(refusal(() -> Meetings.decideAttend(doha, entry(Meetings.ATTEND, "SEC", secPeople), m))).isEqualTo(Rejection.Kind.INVALID);
    assertThat(refusal(() -> Meetings.decideAttend(doha, entry(Meetings.ATTEND, "SEC", afPeople), Optional.empty()))).isEqualTo(Rejection.Kind.NOT_FOUND);
  }

  @Test
  void minutesAreWrittenOnceAndEndorsedOnceByEachParty() {
    ObjectNode minutes = body().put("meeting", 10).put("text", "We met.");
    Meetings.State none = meeting(JCC, false, List.of());
    Meetings.State written = new Meetings.State(10, JCC, false, true, Set.of("PK"), List.of());
    assertThat(refusal(() -> Meetings.decideMinutes(doha, entry(Meetings.MINUTES, "SEC", minutes), Optional.of(none)))).isNull();
    assertThat(refusal(() -> Meetings.decideMinutes(doha, entry(Meetings.MINUTES, "SEC", minutes), Optional.of(written)))).isEqualTo(Rejection.Kind.CONFLICT);
    ObjectNode endorse = body().put("meeting", 10);
    assertThat(refusal(() -> Meetings.decideEndorse(doha, entry(Meetings.ENDORSE, "AF", endorse), Optional.of(none)))).isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(refusal(() -> Meetings.decideEndorse(doha, entry(Meetings.ENDORSE, "AF", endorse), Optional.of(written)))).isNull();
    assertThat(refusal(() -> Meetings.decideEndorse(doha, entry(Meetings.ENDORSE, "PK", endorse), Optional.of(written)))).isEqualTo(Rejection.Kind.CONFLICT);
  }

  @Test
  void aDecisionNeedsAQuorumAndIsAdoptedOnceEveryPartyHasSigned() {
    ObjectNode text = body().put("meeting", 10).put("text", "Open the crossing.");
    Meetings.State thin = meeting(JCC, false, people("PK", "A", "PK", "B", "AF", "C"));
    Meetings.State full = meeting(JCC, false, people("PK", "A", "PK", "B", "AF", "C", "AF", "D"));
    assertThat(refusal(() -> Decisions.decidePropose(doha, entry(Decisions.PROPOSE, "SEC", text), Optional.of(thin)))).isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(refusal(() -> Decisions.decidePropose(doha, entry(Decisions.PROPOSE, "SEC", text), Optional.of(full)))).isNull();
    assertThat(refusal(() -> Decisions.decidePropose(doha, entry(Decisions.PROPOSE, "AF", body().put("meeting", 10)), Optional.of(full))))
        .isEqualTo(Rejection.Kind.INVALID);

    ObjectNode sign = body().put("decision", 40);
    Decisions.State unsigned = new Decisions.State(40, 10, JCC, Set.of());
    Decisions.State pkSigned = new Decisions.State(40, 10, JCC, Set.of("PK"));
    assertThat(refusal(() -> Decisions.decideSign(doha, entry(Decisions.SIGN, "PK", sign), Optional.of(unsigned)))).isNull();
    assertThat(refusal(() -> Decisions.decideSign(doha, entry(Decisions.SIGN, "PK", sign), Optional.of(pkSigned)))).isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(refusal(() -> Decisions.decideSign(doha, entry(Decisions.SIGN, "AF", sign), Optional.of(pkSigned)))).isNull();
    assertThat(refusal(() -> Decisions.decideSign(doha, entry(Decisions.SIGN, "SEC", sign), Optional.of(pkSigned)))).isEqualTo(Rejection.Kind.FORBIDDEN);
    assertThat(refusal(() -> Decisions.decideSign(doha, entry(Decisions.SIGN, "AF", sign), Optional.empty()))).isEqualTo(Rejection.Kind.NOT_FOUND);
    assertThat(Decisions.adopted(doha, Set.of())).isFalse();
    assertThat(Decisions.adopted(doha, Set.of("PK", "QA"))).as("a mediator's signature is not a party's").isFalse();
    assertThat(Decisions.adopted(doha, Set.of("PK", "AF"))).isTrue();
  }

  @Test
  void actionItemsMoveByTheirOwnerOrTheSecretariatUntilClosed() {
    ObjectNode create = body().put("meeting", 10).put("text", "Count trucks.").put("owner", "AF").put("due", "2025-11-01");
    Optional<Meetings.State> m = Optional.of(meeting(JCC, false, List.of()));
    assertThat(refusal(() -> ActionItems.decideCreate(doha, entry(ActionItems.CREATE, "PK", create), m))).isNull();
    assertThat(refusal(() -> ActionItems.decideCreate(doha, entry(ActionItems.CREATE, "PK", create.deepCopy().put("owner", "QA")), m)))
        .isEqualTo(Rejection.Kind.INVALID);
    assertThat(refusal(() -> ActionItems.decideCreate(doha, entry(ActionItems.CREATE, "PK", create.deepCopy().put("due", "2025-02-30")), m)))
        .isEqualTo(Rejection.Kind.INVALID);
    Optional<ActionItems.State> open = Optional.of(new ActionItems.State(50, "AF", "open"));
    ObjectNode done = body().put("action", 50).put("status", "done");
    assertThat(refusal(() -> ActionItems.decideUpdate(doha, entry(ActionItems.UPDATE, "AF", done), open))).isNull();
    assertThat(refusal(() -> ActionItems.decideUpdate(doha, entry(ActionItems.UPDATE, "SEC", done), open))).isNull();
    assertThat(refusal(() -> ActionItems.decideUpdate(doha, entry(ActionItems.UPDATE, "PK", done), open))).isEqualTo(Rejection.Kind.FORBIDDEN);
    assertThat(refusal(() -> ActionItems.decideUpdate(doha, entry(ActionItems.UPDATE, "AF", body().put("action", 50).put("status", "open")), open)))
        .isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(refusal(() -> ActionItems.decideUpdate(doha, entry(ActionItems.UPDATE, "AF", body().put("action", 50).put("status", "open")),
        Optional.of(new ActionItems.State(50, "AF", "dropped"))))).isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(ActionItems.overdue("open", LocalDate.parse("2025-08-10"), LocalDate.parse("2025-08-11"))).isTrue();
    assertThat(ActionItems.overdue("open", LocalDate.parse("2025-08-10"), LocalDate.parse("2025-08-10"))).isFalse();
    assertThat(ActionItems.overdue("done", LocalDate.parse("2025-08-10"), LocalDate.parse("2025-09-01"))).isFalse();
  }

  @Test
  void aMediatorOrTheCommitteeAdjudicatesOncePerProvisionAndPeriod() {
    Optional<Scores.ProposalState> proposal = Optional.of(new Scores.ProposalState(60, "C2", "2025-Q4", 2));
    Decisions.State adopted = new Decisions.State(40, 10, JCC, Set.of("PK", "AF"));
    Decisions.State pending = new Decisions.State(40, 10, JCC, Set.of("PK"));
    Decisions.State ofWorkingGroup = new Decisions.State(41, 11, WG, Set.of("PK", "AF"));
    ObjectNode byMediator = body().put("proposal", 60).put("reasons", "The record shows two meetings.");
    assertThat(Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "QA", byMediator), proposal, false, Optional.empty()))
        .as("the proposal's score").isEqualTo(2);
    assertThat(Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "QA", byMediator.deepCopy().put("score", 1)), proposal, false, Optional.empty()))
        .as("a score of the adjudicator's own").isEqualTo(1);
    assertThat(refusal(() -> Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "QA", byMediator), proposal, true, Optional.empty())))
        .as("already adjudicated").isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(refusal(() -> Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "QA", byMediator), Optional.empty(), false, Optional.empty())))
        .isEqualTo(Rejection.Kind.NOT_FOUND);
    assertThat(refusal(() -> Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "PK", byMediator), proposal, false, Optional.empty())))
        .isEqualTo(Rejection.Kind.FORBIDDEN);
    assertThat(refusal(() -> Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "OB", byMediator), proposal, false, Optional.empty())))
        .isEqualTo(Rejection.Kind.FORBIDDEN);
    assertThat(refusal(() -> Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "SEC", byMediator), proposal, false, Optional.empty())))
        .as("the secretariat without the committee's decision").isEqualTo(Rejection.Kind.FORBIDDEN);
    ObjectNode bySecretariat = byMediator.deepCopy().put("decision", 40);
    assertThat(refusal(() -> Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "SEC", bySecretariat), proposal, false, Optional.of(pending))))
        .isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(refusal(() -> Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "SEC", bySecretariat.deepCopy().put("decision", 41)),
        proposal, false, Optional.of(ofWorkingGroup)))).isEqualTo(Rejection.Kind.FORBIDDEN);
    assertThat(refusal(() -> Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "SEC", bySecretariat), proposal, false, Optional.empty())))
        .isEqualTo(Rejection.Kind.NOT_FOUND);
    assertThat(Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "SEC", bySecretariat), proposal, false, Optional.of(adopted))).isEqualTo(2);
    assertThat(refusal(() -> Scores.decideAdjudicate(doha, entry(Scores.ADJUDICATE, "QA", byMediator.deepCopy().put("score", 4)), proposal, false, Optional.empty())))
        .isEqualTo(Rejection.Kind.INVALID);
  }

  @Test
  void proposalsNeedAProvisionAPeriodAScoreAndEvidence() {
    ObjectNode p = body().put("provision", "C1").put("period", "2025-Q4").put("score", 3);
    p.putArray("evidence").addObject().put("kind", "meeting").put("id", 10);
    Entry e = entry(Scores.PROPOSE, "AF", p);
    assertThat(Scores.decidePropose(doha, e, Set.of()).period().end()).isEqualTo(LocalDate.parse("2025-12-31"));
    assertThat(refusal(() -> Scores.decidePropose(doha, e, Set.of(new Scores.Evidence("meeting", 10))))).isEqualTo(Rejection.Kind.NOT_FOUND);
    assertThat(refusal(() -> Scores.decidePropose(doha, entry(Scores.PROPOSE, "AF", p.deepCopy().put("provision", "P1")), Set.of())))
        .isEqualTo(Rejection.Kind.INVALID);
    assertThat(refusal(() -> Scores.decidePropose(doha, entry(Scores.PROPOSE, "QA", p), Set.of()))).isEqualTo(Rejection.Kind.FORBIDDEN);
    ObjectNode noEvidence = p.deepCopy();
    noEvidence.remove("evidence");
    assertThat(refusal(() -> Scores.decidePropose(doha, entry(Scores.PROPOSE, "AF", noEvidence), Set.of()))).isEqualTo(Rejection.Kind.INVALID);
    ObjectNode badKind = p.deepCopy();
    badKind.putArray("evidence").addObject().put("kind", "rumour").put("id", 1);
    assertThat(refusal(() -> Scores.decidePropose(doha, entry(Scores.PROPOSE, "AF", badKind), Set.of()))).isEqualTo(Rejection.Kind.INVALID);
  }

  @Test
  void periodsAreQuartersOrMonths() {
    assertThat(Scores.period("2026-Q3", "period")).isEqualTo(new Scores.Period("2026-Q3", LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30")));
    assertThat(Scores.period("2026-Q1", "period").end()).isEqualTo(LocalDate.parse("2026-03-31"));
    assertThat(Scores.period("2026-10", "period")).isEqualTo(new Scores.Period("2026-10", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")));
    assertThat(Scores.period("2028-02", "period").end()).isEqualTo(LocalDate.parse("2028-02-29"));
    for (String bad : List.of("2026-Q0", "2026-Q5", "2026-13", "2026-00", "26-Q1", "2026", "2026-Q3 ")) {
      assertThat(refusal(() -> Scores.period(bad, "period"))).as(bad).isEqualTo(Rejection.Kind.INVALID);
    }
  }

  @Test
  void scoresRollUpOverEveryProvisionOfATheme() {
    // Kabul: security P1 P2, engagement P3 P4, cooperation P5 P6, people P7.
    RollUp.Result r = RollUp.of(kabul.provisions(), Map.of("P1", 3, "P3", 2, "P4", 1, "P7", 0));
    assertThat(r.themes()).extracting(RollUp.Part::name).containsExactly("security", "engagement", "cooperation", "people");
    assertThat(r.themes()).extracting(RollUp.Part::percent).containsExactly(50.0, 50.0, 0.0, 0.0);
    assertThat(r.themes()).extracting(RollUp.Part::scored).containsExactly(1, 2, 0, 1);
    assertThat(r.themes()).extracting(RollUp.Part::sum).containsExactly(3, 3, 0, 0);
    assertThat(r.accord().provisions()).isEqualTo(7);
    assertThat(r.accord().scored()).isEqualTo(4);
    assertThat(r.accord().percent()).isCloseTo(600.0 / 21, Offset.offset(1e-9));
    assertThat(RollUp.of(kabul.provisions(), Map.of()).accord().percent()).isZero();
    Map<String, Integer> full = new java.util.HashMap<>();
    kabul.provisions().forEach(p -> full.put(p.id(), 3));
    assertThat(RollUp.of(kabul.provisions(), full).accord().percent()).isEqualTo(100.0);
    assertThat(RollUp.of(List.of(), Map.of()).accord().percent()).isZero();
  }

  @Test
  void theCadenceSaysHowManyMeetingsAWindowExpects() {
    assertThat(EngagementFigures.expected(Period.ofMonths(1), LocalDate.parse("2025-07-01"), LocalDate.parse("2025-09-30"))).isEqualTo(3);
    assertThat(EngagementFigures.expected(Period.ofMonths(3), LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"))).isEqualTo(4);
    assertThat(EngagementFigures.expected(Period.ofMonths(1), LocalDate.parse("2025-01-31"), LocalDate.parse("2025-02-26"))).isZero();
    // A month from 31 January ends on 28 February (java.time clamps to the month's last day).
    assertThat(EngagementFigures.expected(Period.ofMonths(1), LocalDate.parse("2025-01-31"), LocalDate.parse("2025-02-27"))).isEqualTo(1);
    assertThat(EngagementFigures.expected(Period.ofMonths(1), LocalDate.parse("2025-01-31"), LocalDate.parse("2025-12-30"))).isEqualTo(11);
  }

  @Test
  void aBodyNeedsAChairEnoughSeatsForItsQuorumAndAFreeCode() {
    ObjectNode b = body().put("code", "JCC").put("name", "Joint committee").put("kind", "committee").put("level", "committee")
        .put("cadence", "P1M").put("ladder_level", "mediators");
    b.putObject("quorum").put("per_party", 1).put("emergency", 1);
    var members = b.putArray("members");
    members.addObject().put("party", "PK").put("name", "Minister").put("chair", true);
    members.addObject().put("party", "AF").put("name", "Minister");
    assertThat(Bodies.decide(doha, false, entry(Bodies.DEFINE, "SEC", b)).code()).isEqualTo("JCC");
    assertThat(refusal(() -> Bodies.decide(doha, true, entry(Bodies.DEFINE, "SEC", b)))).isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(refusal(() -> Bodies.decide(doha, false, entry(Bodies.DEFINE, "PK", b)))).isEqualTo(Rejection.Kind.FORBIDDEN);
    ObjectNode twoEach = b.deepCopy();
    twoEach.with("quorum").put("per_party", 2);
    assertThat(refusal(() -> Bodies.decide(doha, false, entry(Bodies.DEFINE, "SEC", twoEach)))).isEqualTo(Rejection.Kind.INVALID);
    ObjectNode noChair = b.deepCopy();
    noChair.withArray("members").forEach(m -> ((ObjectNode) m).put("chair", false));
    assertThat(refusal(() -> Bodies.decide(doha, false, entry(Bodies.DEFINE, "SEC", noChair)))).isEqualTo(Rejection.Kind.INVALID);
    assertThat(refusal(() -> Bodies.decide(doha, false, entry(Bodies.DEFINE, "SEC", b.deepCopy().put("cadence", "monthly"))))).isEqualTo(Rejection.Kind.INVALID);
    assertThat(refusal(() -> Bodies.decide(doha, false, entry(Bodies.DEFINE, "SEC", b.deepCopy().put("ladder_level", "gods"))))).isEqualTo(Rejection.Kind.INVALID);
    ObjectNode observerSeat = b.deepCopy();
    observerSeat.withArray("members").addObject().put("party", "QA").put("name", "Envoy");
    assertThat(refusal(() -> Bodies.decide(doha, false, entry(Bodies.DEFINE, "SEC", observerSeat)))).isEqualTo(Rejection.Kind.INVALID);
  }

  @Test
  void exchangesAreDatedAndServeProvisionsOfTheAccord() {
    ObjectNode x = body().put("kind", "crossing_closure").put("title", "Torkham closed").put("date", "2025-10-12");
    x.putArray("provisions").add("C1");
    assertThat(Exchanges.decide(doha, entry(Exchanges.RECORD, "AF", x)).date()).isEqualTo(LocalDate.parse("2025-10-12"));
    assertThat(refusal(() -> Exchanges.decide(doha, entry(Exchanges.RECORD, "QA", x)))).isEqualTo(Rejection.Kind.FORBIDDEN);
    ObjectNode none = x.deepCopy();
    none.putArray("provisions");
    assertThat(refusal(() -> Exchanges.decide(doha, entry(Exchanges.RECORD, "AF", none)))).isEqualTo(Rejection.Kind.INVALID);
  }
}
