package accord.casework;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import accord.ledger.LogStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What the projection keeps beside each case so that lists, queues and the accountability table
 * read a few rows instead of every case: cases per parties, state and level (case_tally), the
 * accountability counts per notified party and filing day (case_day), and the times each open case
 * stands on each rung of the ladder (case_rung). Every row follows from the stored cases alone, so
 * a rebuild, the live write path and the migration that fills existing nodes give the same rows.
 */
public final class CaseTallies {
  /** Queue rows of an open case: it stands on {@code rung} from {@code since} (null: before any time) until {@code until} (null: for good). */
  record Rung(int rung, String arrived, String since, String until) {}

  /** How many counts case_day keeps per party and day. */
  static final int DAY_COUNTS = 9;

  private CaseTallies() {}

  /** Moves a case's share of every tally from how it stood before an entry ({@code before}) to how it stands after. */
  static void apply(Handle h, Optional<CaseState> before, CaseState after, AccordState a) {
    CaseState c = stored(after);
    Optional<CaseState> b = before.map(CaseTallies::stored);
    if (b.isEmpty() || !tallyKey(b.get()).equals(tallyKey(c))) {
      b.ifPresent(x -> count(h, x, -1));
      count(h, c, 1);
    }
    long[] was = b.map(x -> day(x, a)).orElse(new long[DAY_COUNTS]);
    long[] is = day(c, a);
    if (b.isPresent() && !dayKey(b.get()).equals(dayKey(c))) {
      addDay(h, b.get(), negate(was));
      addDay(h, c, is);
    } else if (!Arrays.equals(was, is)) {
      long[] delta = new long[is.length];
      for (int i = 0; i < is.length; i++) {
        delta[i] = is[i] - was[i];
      }
      addDay(h, c, delta);
    }
    if (b.isPresent() && b.get().open()) {
      LogStore.exec(LogStore.prepared(h, "DELETE FROM case_rung WHERE accord = ? AND id = ?"), c.accord(), c.id());
    }
    for (Rung r : rungs(c, a)) {
      LogStore.exec(LogStore.prepared(h, "INSERT INTO case_rung (accord, id, rung, arrived, since, until) VALUES (?, ?, ?, ?, ?, ?)"),
          c.accord(), c.id(), r.rung(), r.arrived(), r.since(), r.until());
    }
  }

  /**
   * Fills the tallies from the stored cases, for nodes whose cases were stored before the tallies
   * existed; gives the rows a rebuild from the log would.
   */
  public static void fill(Handle h) {
    for (String accord : AccordProjection.ids(h)) {
      AccordState a = AccordProjection.load(h, accord).orElseThrow();
      h.createQuery("SELECT " + CaseStore.COLUMNS + " FROM case_file WHERE accord = :a ORDER BY id")
          .bind("a", accord)
          .map((rs, ctx) -> CaseStore.read(rs))
          .forEach(c -> apply(h, Optional.empty(), c, a));
    }
  }

  /**
   * The rungs an open case stands on as time passes, from {@link CaseClocks#climb}: each with the
   * first whole millisecond it stands there (pages read at a whole millisecond, so a row matches
   * exactly when {@link CaseClocks#of} shows the case on that rung) and the first it stands higher.
   * Rungs it passes within a millisecond, or never reaches, have no row. The rung the case stands
   * on without any clock overdue counts as arrived at its latest move.
   */
  static List<Rung> rungs(CaseState kase, AccordState a) {
    CaseState c = stored(kase);
    if (!c.open()) {
      return List.of();
    }
    Instant[] reach = CaseClocks.climb(c, a);
    List<Rung> out = new ArrayList<>();
    for (int r = 0; r < reach.length; r++) {
      Instant next = r + 1 < reach.length ? reach[r + 1] : null;
      if (reach[r] == null || Instant.MIN.equals(next)) {
        continue;
      }
      String since = Instant.MIN.equals(reach[r]) ? null : ceiling(reach[r]);
      String until = next == null ? null : ceiling(next);
      if (since != null && since.equals(until)) {
        continue;
      }
      out.add(new Rung(r, since != null ? since : CaseStore.t(c.updatedAt()), since, until));
    }
    return out;
  }

  /** The first whole millisecond at or after {@code t}, in the stored form. */
  private static String ceiling(Instant t) {
    Instant ms = t.truncatedTo(ChronoUnit.MILLIS);
    return EntryCodec.formatTime(ms.equals(t) ? ms : ms.plusMillis(1));
  }

  /** The case as case_file holds it: times to the millisecond, as a rebuild reads them back. */
  static CaseState stored(CaseState c) {
    return new CaseState(c.accord(), c.id(), c.notifying(), c.notified(), c.state(), c.levelNo(), ms(c.filedAt()),
        ms(c.updatedAt()), c.allegationText(), c.requestText(), c.lang(), c.incidents(), c.provisions(), ms(c.ackAt()),
        ms(c.respondedAt()), ms(c.plannedAt()), ms(c.actionAt()), ms(c.lastResponseAt()), ms(c.answeredAt()),
        ms(c.closedAt()), c.actionsTaken(), c.disputes(), c.escalations());
  }

  private static Instant ms(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
  }

  private static List<Object> tallyKey(CaseState c) {
    return List.of(c.notifying(), c.notified(), c.state(), c.levelNo());
  }

  private static void count(Handle h, CaseState c, long delta) {
    LogStore.exec(LogStore.prepared(h, "INSERT INTO case_tally (accord, notifying, notified, state, level_no, cases)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (accord, notifying, notified, state, level_no)"
            + " DO UPDATE SET cases = case_tally.cases + excluded.cases"),
        c.accord(), c.notifying(), c.notified(), c.state(), c.levelNo(), delta);
    if (delta < 0) {
      // An emptied row goes, so the tally holds what a fill from the cases would.
      LogStore.exec(LogStore.prepared(h, "DELETE FROM case_tally WHERE accord = ? AND notifying = ? AND notified = ?"
              + " AND state = ? AND level_no = ? AND cases = 0"),
          c.accord(), c.notifying(), c.notified(), c.state(), c.levelNo());
    }
  }

  private static List<String> dayKey(CaseState c) {
    return List.of(c.notified(), day(c));
  }

  /** The UTC day a case was filed, 'YYYY-MM-DD'. */
  private static String day(CaseState c) {
    return CaseStore.t(c.filedAt()).substring(0, 10);
  }

  /**
   * A case's share of its day: received, acknowledged on time, responded on time, actions taken,
   * verified, disputed, escalated, acknowledged, responded. On time compares the stored forms, as the table did from case_file.
   */
  static long[] day(CaseState c, AccordState a) {
    String ackDue = CaseStore.t(c.filedAt().plus(a.clocks().get("acknowledge")));
    String respondDue = CaseStore.t(c.filedAt().plus(a.clocks().get("respond")));
    return new long[] {
      1,
      onTime(CaseStore.t(c.ackAt()), ackDue),
      onTime(CaseStore.t(c.respondedAt()), respondDue),
      c.actionsTaken(),
      c.state().equals(CaseState.VERIFIED) ? 1 : 0,
      c.disputes() > 0 ? 1 : 0,
      c.levelNo() > 0 ? 1 : 0,
      c.ackAt() != null ? 1 : 0,
      c.respondedAt() != null ? 1 : 0
    };
  }

  private static long onTime(String at, String due) {
    return at != null && at.compareTo(due) <= 0 ? 1 : 0;
  }

  private static long[] negate(long[] v) {
    return Arrays.stream(v).map(x -> -x).toArray();
  }

  private static void addDay(Handle h, CaseState c, long[] d) {
    LogStore.exec(LogStore.prepared(h, "INSERT INTO case_day (accord, notified, day, received, ack_on_time,"
            + " responded_on_time, actions_taken, verified, disputed, escalated, acknowledged, responded)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (accord, notified, day) DO UPDATE SET received = case_day.received + excluded.received,"
            + " ack_on_time = case_day.ack_on_time + excluded.ack_on_time,"
            + " responded_on_time = case_day.responded_on_time + excluded.responded_on_time,"
            + " actions_taken = case_day.actions_taken + excluded.actions_taken,"
            + " verified = case_day.verified + excluded.verified, disputed = case_day.disputed + excluded.disputed,"
            + " escalated = case_day.escalated + excluded.escalated,"
            + " acknowledged = case_day.acknowledged + excluded.acknowledged, responded = case_day.responded + excluded.responded"),
        c.accord(), c.notified(), day(c), d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]);
    if (d[0] < 0) {
      LogStore.exec(LogStore.prepared(h, "DELETE FROM case_day WHERE accord = ? AND notified = ? AND day = ? AND received = 0"),
          c.accord(), c.notified(), day(c));
    }
  }
}
