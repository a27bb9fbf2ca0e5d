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

  /** The rule as it read before the climb was factored out: the oracle for {@link CaseClocks#climb}. */
  static int oldLevel(CaseState c, accord.accord.AccordState a, Instant now) {
    int bump = 0;
    for (CaseClocks.Clock k : CaseClocks.clocks(c, a, now)) {
      if (k.status() == Status.OVERDUE) {
        long extra = k.overdueBy(now).toMillis() / Math.max(1, k.length().toMillis());
        bump = (int) Math.max(bump, Math.min(1 + extra, a.ladder().size()));
      }
    }
    return Math.min(c.levelNo() + bump, a.ladder().size() - 1);
  }

  /** Cases with one or several clocks running, some escalated, with due times on and off the millisecond. */
  static List<CaseState> climbers() {
    Instant odd = FILED.plusNanos(300_000);
    return List.of(
        Fixtures.inState("filed"),
        new CaseState("test-accord", 8, "PK", "AF", "filed", 2, odd, odd, "a", "r", "en",
            List.of(), List.of(), null, null, null, null, null, null, null, 0, 0, 1),
        new CaseState("test-accord", 9, "PK", "AF", "acknowledged", 0, FILED, FILED.plus(HOUR), "a", "r", "en",
            List.of(), List.of(), FILED.plus(HOUR), null, null, null, null, null, null, 0, 0, 0),
        new CaseState("test-accord", 10, "PK", "AF", "responded", 1, FILED, FILED.plus(Duration.ofDays(2)), "a", "r", "en",
            List.of(), List.of(), FILED.plus(HOUR), FILED.plus(Duration.ofDays(2)), FILED.plus(Duration.ofDays(2)), null,
            FILED.plus(Duration.ofDays(2)), null, null, 0, 0, 1),
        new CaseState("test-accord", 11, "PK", "AF", "escalated", 4, FILED, FILED, "a", "r", "en",
            List.of(), List.of(), null, null, null, null, null, null, null, 0, 1, 4),
        new CaseState("test-accord", 12, "PK", "AF", "verified", 0, FILED, FILED, "a", "r", "en",
            List.of(), List.of(), null, null, null, null, null, null, FILED, 0, 0, 0));
  }

  @Test
  void theClimbAgreesWithTheLevelShownAtAndAroundEveryRung() {
    for (CaseState c : climbers()) {
      Instant[] reach = CaseClocks.climb(c, ACCORD);
      assertThat(reach).hasSize(ACCORD.ladder().size());
      List<Instant> probes = new java.util.ArrayList<>(List.of(FILED, FILED.plus(Duration.ofDays(400))));
      for (int r = 0; r < reach.length; r++) {
        if (r > 0 && reach[r] != null && reach[r - 1] != null) {
          assertThat(reach[r]).as("case " + c.id() + " rung " + r).isAfterOrEqualTo(reach[r - 1]);
        }
        if (reach[r] != null && !reach[r].equals(Instant.MIN)) {
          for (long d : new long[] {-1_000_000, -1, 0, 1, 1_000_000}) {
            probes.add(reach[r].plusNanos(d));
          }
          probes.add(reach[r].truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
      }
      for (Instant t : probes) {
        int level = CaseClocks.of(c, ACCORD, t).levelNo();
        assertThat(level).as("case " + c.id() + " at " + t).isEqualTo(oldLevel(c, ACCORD, t));
      }
    }
    assertThat(CaseClocks.climb(Fixtures.inState("filed"), ACCORD)[1])
        .as("one rung up the first instant after the acknowledgement falls due").isEqualTo(FILED.plus(Duration.ofHours(24)).plusNanos(1));
    assertThat(CaseClocks.climb(Fixtures.inState("filed"), ACCORD)[2]).isEqualTo(FILED.plus(Duration.ofHours(48)));
    assertThat(CaseClocks.climb(climbers().get(5), ACCORD)).as("a closed case climbs no more").containsExactly(Instant.MIN, null, null, null, null);
  }

  /** Rows follow the case as stored (to the millisecond), as pages read it back. */
  @Test
  void theQueueRowsHoldACaseExactlyWhileItsLevelIsTheirRung() {
    for (CaseState c : climbers()) {
      List<CaseTallies.Rung> rows = CaseTallies.rungs(c, ACCORD);
      if (!c.open()) {
        assertThat(rows).as("closed cases have no rows").isEmpty();
        continue;
      }
      java.util.Set<Instant> probes = new java.util.TreeSet<>(List.of(FILED.minus(Duration.ofDays(3)), FILED, FILED.plus(Duration.ofDays(400))));
      for (CaseTallies.Rung r : rows) {
        for (String t : new String[] {r.since(), r.until()}) {
          if (t != null) {
            Instant b = Instant.parse(t);
            probes.addAll(List.of(b.minusMillis(1), b, b.plusMillis(1)));
          }
        }
      }
      for (Instant t : probes) {
        String now = accord.ledger.EntryCodec.formatTime(t);
        List<Integer> on = rows.stream()
            .filter(r -> (r.since() == null || r.since().compareTo(now) <= 0) && (r.until() == null || r.until().compareTo(now) > 0))
            .map(CaseTallies.Rung::rung).toList();
        assertThat(on).as("case " + c.id() + " at " + t).containsExactly(CaseClocks.of(CaseTallies.stored(c), ACCORD, t).levelNo());
      }
    }
  }
}
