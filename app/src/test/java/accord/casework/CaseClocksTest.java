package accord.casework;

import static accord.casework.Fixtures.ACCORD;
import static accord.casework.Fixtures.FILED;
import static org.assertj.core.api.Assertions.assertThat;

import accord.casework.CaseClocks.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Clock status, time left, overdue since when, who owes, and the level an overdue clock climbs to. */
class CaseClocksTest {
  static final Duration HOUR = Duration.ofHours(1);

  static CaseClocks.Clock clock(CaseClocks.View v, String name) {
    return v.clocks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aFreshCaseHasTheAcknowledgementAndResponseClocksRunning() {
    CaseState c = Fixtures.inState("filed");
    Instant now = FILED.plus(Duration.ofHours(10));
    CaseClocks.View v = CaseClocks.of(c, ACCORD, now);
    CaseClocks.Clock ack = clock(v, "acknowledge");
    assertThat(ack.status()).isEqualTo(Status.RUNNING);
    assertThat(ack.due()).isEqualTo(FILED.plus(Duration.ofHours(24)));
    assertThat(ack.remaining(now)).isEqualTo(Duration.ofHours(14));
    assertThat(clock(v, "respond").due()).isEqualTo(FILED.plus(Duration.ofDays(7)));
    assertThat(clock(v, "action_report").status()).isEqualTo(Status.PENDING);
    assertThat(clock(v, "verify").status()).isEqualTo(Status.PENDING);
    assertThat(v.owes()).isEqualTo("AF");
    assertThat(v.nextDue()).isEqualTo(ack.due());
    assertThat(v.overdue()).isFalse();
    assertThat(v.level()).isEqualTo("liaison");
  }

  @Test
  void anUnansweredCaseIsOverdueAndClimbsTheLadderOneRungPerClockLength() {
    CaseState c = Fixtures.inState("filed");
    Instant due = FILED.plus(Duration.ofHours(24));
    assertThat(CaseClocks.of(c, ACCORD, due).overdue()).as("due, not yet overdue").isFalse();
    CaseClocks.View justLate = CaseClocks.of(c, ACCORD, due.plusSeconds(1));
    assertThat(clock(justLate, "acknowledge").status()).isEqualTo(Status.OVERDUE);
    assertThat(justLate.overdueSince()).isEqualTo(due);
    assertThat(justLate.levelNo()).isEqualTo(1);
    assertThat(justLate.level()).isEqualTo("working_group_security");
    assertThat(CaseClocks.of(c, ACCORD, due.plus(Duration.ofHours(24)).plusSeconds(1)).levelNo()).isEqualTo(2);
    assertThat(CaseClocks.of(c, ACCORD, due.plus(Duration.ofDays(300))).level()).as("never past the top").isEqualTo("mediators");
  }

  @Test
  void recordedEscalationsAndOverdueClocksAddUp() {
    CaseState escalated = new CaseState("test-accord", 7, "PK", "AF", "filed", 1, FILED, FILED, "a", "r", "en",
        List.of(), List.of(), null, null, null, null, null, null, null, 0, 0, 1);
    assertThat(CaseClocks.of(escalated, ACCORD, FILED.plus(HOUR)).levelNo()).isEqualTo(1);
    assertThat(CaseClocks.of(escalated, ACCORD, FILED.plus(Duration.ofHours(25))).levelNo()).isEqualTo(2);
  }

  @Test
  void anAcknowledgementOnTimeStopsItsClockAndTheClimb() {
    CaseState c = Fixtures.inState("filed");
    Instant at = FILED.plus(Duration.ofHours(23));
    CaseState ack = CaseRules.evolve(Optional.of(c), ACCORD,
        Fixtures.entry(CaseRules.ACKNOWLEDGE, "AF", at, Fixtures.moveBody(CaseRules.ACKNOWLEDGE, "AF")), 8);
    CaseClocks.View v = CaseClocks.of(ack, ACCORD, FILED.plus(Duration.ofDays(3)));
    assertThat(clock(v, "acknowledge").status()).isEqualTo(Status.MET);
    assertThat(clock(v, "acknowledge").stopped()).isEqualTo(at);
    assertThat(v.levelNo()).isZero();
    assertThat(v.owes()).isEqualTo("AF");
    assertThat(v.nextDue()).isEqualTo(FILED.plus(Duration.ofDays(7)));
  }

  @Test
  void aResponseOneSecondLateIsLateAndTheVerificationClockStarts() {
    CaseState c = Fixtures.inState("acknowledged");
    Instant at = FILED.plus(Duration.ofDays(7)).plusSeconds(1);
    CaseState r = CaseRules.evolve(Optional.of(c), ACCORD,
        Fixtures.entry(CaseRules.RESPOND, "AF", at, Fixtures.moveBody(CaseRules.RESPOND, "AF")), 8);
    CaseClocks.View v = CaseClocks.of(r, ACCORD, at.plus(HOUR));
    assertThat(clock(v, "respond").status()).isEqualTo(Status.LATE);
    assertThat(clock(v, "verify").status()).isEqualTo(Status.RUNNING);
    assertThat(clock(v, "verify").due()).isEqualTo(at.plus(Duration.ofDays(14)));
    assertThat(v.owes()).isEqualTo("PK");
    assertThat(v.overdue()).isFalse();

    Instant onTime = FILED.plus(Duration.ofDays(7));
    CaseState r2 = CaseRules.evolve(Optional.of(c), ACCORD,
        Fixtures.entry(CaseRules.RESPOND, "AF", onTime, Fixtures.moveBody(CaseRules.RESPOND, "AF")), 8);
    assertThat(clock(CaseClocks.of(r2, ACCORD, onTime.plus(HOUR)), "respond").status()).isEqualTo(Status.MET);
  }

  @Test
  void theNotifyingPartyOwesVerificationAndIsOverdueAfterFourteenDays() {
    CaseState c = Fixtures.inState("acknowledged");
    Instant at = FILED.plus(Duration.ofDays(2));
    CaseState r = CaseRules.evolve(Optional.of(c), ACCORD,
        Fixtures.entry(CaseRules.REJECT, "AF", at, Fixtures.moveBody(CaseRules.REJECT, "AF")), 8);
    CaseClocks.View v = CaseClocks.of(r, ACCORD, at.plus(Duration.ofDays(15)));
    assertThat(clock(v, "verify").status()).isEqualTo(Status.OVERDUE);
    assertThat(v.overdueSince()).isEqualTo(at.plus(Duration.ofDays(14)));
    assertThat(v.owes()).isEqualTo("PK");
    assertThat(v.levelNo()).isEqualTo(1);
  }

  @Test
  void aClosedCaseHasNoClockRunning() {
    CaseState c = Fixtures.inState("responded");
    CaseState verified = new CaseState("test-accord", 7, "PK", "AF", "verified", 0, FILED, FILED, "a", "r", "en",
        List.of(), List.of(), FILED.plusSeconds(60), FILED.plusSeconds(120), FILED.plusSeconds(120), null,
        FILED.plusSeconds(120), FILED.plusSeconds(180), FILED.plusSeconds(180), 0, 0, 0);
    CaseClocks.View v = CaseClocks.of(verified, ACCORD, FILED.plus(Duration.ofDays(90)));
    assertThat(clock(v, "action_report").status()).isEqualTo(Status.CLOSED);
    assertThat(v.overdue()).isFalse();
    assertThat(v.owes()).isEmpty();
    assertThat(v.nextDue()).isNull();
    assertThat(CaseClocks.nextDue(verified, ACCORD)).isNull();
    assertThat(c.open()).isTrue();
  }
}
