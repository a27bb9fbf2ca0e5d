package accord.casework;

import accord.accord.AccordState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A case's clocks at a moment, computed from the case and the accord's clocks, never stored:
 * acknowledge (from filing), respond (a substantive response or a rejection, from filing),
 * action_report (from the first response that plans an action, until an action is reported
 * taken) and verify (the notifying party's answer, from the latest response).
 */
public final class CaseClocks {
  public enum Status {
    /** Not started: what starts it has not happened. */
    PENDING,
    RUNNING,
    OVERDUE,
    /** Stopped on time. */
    MET,
    /** Stopped after its due time. */
    LATE,
    /** The case closed while the clock was still running. */
    CLOSED
  }

  /** One clock: who owes the move, when it started, when it is due, when it stopped (or null). */
  public record Clock(String name, String owedBy, Instant started, Instant due, Instant stopped, Status status, Duration length) {
    /** Time left while running, time overdue while overdue, else zero. */
    public Duration remaining(Instant now) {
      return status == Status.RUNNING ? Duration.between(now, due) : Duration.ZERO;
    }

    public Duration overdueBy(Instant now) {
      return status == Status.OVERDUE ? Duration.between(due, now) : Duration.ZERO;
    }

    public boolean ticking() {
      return status == Status.RUNNING || status == Status.OVERDUE;
    }
  }

  /**
   * The case as read at {@code now}: its clocks, the ladder level it stands at, who owes the next
   * move and the earliest due time still running.
   */
  public record View(List<Clock> clocks, int levelNo, String level, String owes, Instant nextDue, Instant overdueSince) {
    public boolean overdue() {
      return overdueSince != null;
    }
  }

  private CaseClocks() {}

  /** Every clock of the case, with its status at {@code now}. */
  public static List<Clock> clocks(CaseState c, AccordState a, Instant now) {
    List<Clock> out = new ArrayList<>();
    out.add(clock(c, a, "acknowledge", c.notified(), c.filedAt(), c.ackAt(), now));
    out.add(clock(c, a, "respond", c.notified(), c.filedAt(), c.respondedAt(), now));
    out.add(clock(c, a, "action_report", c.notified(), c.plannedAt(), c.actionAt(), now));
    out.add(clock(c, a, "verify", c.notifying(), c.lastResponseAt(), c.answeredAt(), now));
    return out;
  }

  private static Clock clock(CaseState c, AccordState a, String name, String owedBy, Instant started, Instant stopped, Instant now) {
    Duration length = a.clocks().getOrDefault(name, accord.accord.AccordRules.DEFAULT_CLOCKS.get(name));
    if (started == null) {
      return new Clock(name, owedBy, null, null, null, Status.PENDING, length);
    }
    Instant due = started.plus(length);
    Status s;
    if (stopped != null) {
      s = stopped.isAfter(due) ? Status.LATE : Status.MET;
    } else if (!c.open()) {
      s = Status.CLOSED;
    } else {
      s = now.isAfter(due) ? Status.OVERDUE : Status.RUNNING;
    }
    return new Clock(name, owedBy, started, due, stopped, s, length);
  }

  /**
   * The case at {@code now}. The level shown is the level the case was escalated to by
   * case.escalate entries, raised further while a clock is overdue: one rung as soon as it is
   * overdue and one more for each further full length of that clock that passes (an
   * acknowledgement 24 h late climbs two rungs), never past the top of the ladder. So an overdue
   * clock moves a case up without anyone editing it, and an answer stops the climb.
   */
  public static View of(CaseState c, AccordState a, Instant now) {
    List<Clock> clocks = clocks(c, a, now);
    Instant overdueSince = null;
    for (Clock k : clocks) {
      if (k.status() == Status.OVERDUE) {
        overdueSince = overdueSince == null || k.due().isBefore(overdueSince) ? k.due() : overdueSince;
      }
    }
    Instant[] reach = climb(c, a);
    int level = reach.length - 1;
    while (reach[level] == null || reach[level].isAfter(now)) {
      level--;
    }
    Clock next = clocks.stream().filter(Clock::ticking).min(Comparator.comparing(Clock::due)).orElse(null);
    return new View(clocks, level, a.ladder().get(level), owes(c, next), next == null ? null : next.due(), overdueSince);
  }

  /**
   * When the case, as its entries leave it, reaches each rung of the ladder: element {@code r} is
   * the first instant from which the level {@link #of} shows is {@code r} or higher, {@link
   * Instant#MIN} for the rungs it stands on whatever the time (up to the level it was escalated
   * to), null for those it never reaches (no clock running, or the case closed). This is the one
   * place the climb is defined, so the level shown at a moment and the queues the projection keeps
   * ahead of time cannot disagree: a running clock adds one rung from the first instant after its
   * due time, and one more each time a further full length of the clock (in whole milliseconds)
   * has passed since it fell due. The times never decrease from one rung to the next.
   */
  public static Instant[] climb(CaseState c, AccordState a) {
    int top = a.ladder().size() - 1;
    int base = Math.min(c.levelNo(), top);
    Instant[] reach = new Instant[top + 1];
    java.util.Arrays.fill(reach, 0, base + 1, Instant.MIN);
    for (Clock k : clocks(c, a, Instant.MIN)) {
      if (!k.ticking()) {
        continue;
      }
      long length = Math.max(1, k.length().toMillis());
      for (int r = base + 1; r <= top; r++) {
        long rungs = r - base;
        Instant t = rungs == 1 ? k.due().plusNanos(1) : k.due().plusMillis((rungs - 1) * length);
        reach[r] = reach[r] == null || t.isBefore(reach[r]) ? t : reach[r];
      }
    }
    return reach;
  }

  /** The earliest due time of a clock still running, whatever the time: stored for queries. */
  public static Instant nextDue(CaseState c, AccordState a) {
    return clocks(c, a, Instant.MIN).stream().filter(Clock::ticking).map(Clock::due).min(Comparator.naturalOrder()).orElse(null);
  }

  /** The party whose clock is due first; with no clock running, the party whose move the state awaits. */
  public static String owes(CaseState c, Clock next) {
    if (!c.open()) {
      return "";
    }
    if (next != null) {
      return next.owedBy();
    }
    return switch (c.state()) {
      case CaseState.RESPONDED, CaseState.REJECTED -> c.notifying();
      case CaseState.ESCALATED -> "";
      default -> c.notified();
    };
  }

  /** The stored form of {@link #owes}: the same, computed without a time. */
  public static String owes(CaseState c, AccordState a) {
    Clock next = clocks(c, a, Instant.MIN).stream().filter(Clock::ticking).min(Comparator.comparing(Clock::due)).orElse(null);
    return owes(c, next);
  }
}
