package accord.engagement;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Engagement in figures over a window of dates (both ends included), for the accord's health page.
 * Meetings held: meetings dated in the window with attendance or minutes recorded. Meetings
 * expected: per body, how many of its cadence periods fit in the window (a monthly JCC over a
 * quarter: 3). Action items: those due in the window; done = done by {@code to}; overdue = due
 * before {@code to} and not closed by their due date. Scores: the latest adjudicated score of
 * each provision among periods begun by {@code to}, rolled up (see {@link RollUp}).
 */
public final class EngagementFigures {
  public record Figures(LocalDate from, LocalDate to, Map<String, Integer> meetingsByLevel, Map<String, Integer> meetingsByBody,
      Map<String, Integer> meetingsExpectedByBody, int actionsDue, int actionsDone, int actionsOverdue, int decisionsAdopted,
      Map<String, Integer> exchangesByKind, Map<String, Integer> scores, RollUp.Result rollUp, Map<String, String> bodyNames) {
    /** The name a body was defined with, else its code. */
    public String bodyName(String code) {
      return bodyNames.getOrDefault(code, code);
    }
  }

  private EngagementFigures() {}

  public static Figures of(Handle h, String accord, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
    }
    AccordState a = AccordProjection.load(h, accord).orElseThrow(() -> new IllegalArgumentException("no accord " + accord));
    Map<String, Integer> byLevel = new TreeMap<>();
    Map<String, Integer> byBody = new TreeMap<>();
    Map<String, Integer> expected = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    for (Bodies.Body b : EngagementStore.bodies(h, accord)) {
      names.put(b.code(), b.name());
      expected.put(b.code(), expected(Period.parse(b.cadence()), from, to));
      byBody.put(b.code(), 0);
    }
    for (EngagementQuery.MeetingSummary m : EngagementQuery.meetings(h, accord, null)) {
      LocalDate d = LocalDate.parse(m.date());
      if (m.held() && !d.isBefore(from) && !d.isAfter(to)) {
        byLevel.merge(m.level(), 1, Integer::sum);
        byBody.merge(m.bodyCode(), 1, Integer::sum);
      }
    }
    int[] actions = new int[3];
    h.createQuery("SELECT due, status, closed_at FROM engagement_action WHERE accord = :a AND due >= :f AND due <= :t")
        .bind("a", accord).bind("f", from.toString()).bind("t", to.toString())
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .forEach(r -> {
          LocalDate due = LocalDate.parse(r[0]);
          LocalDate closed = r[2] == null ? null : LocalDate.parse(r[2].substring(0, 10));
          actions[0]++;
          if (r[1].equals("done") && !closed.isAfter(to)) {
            actions[1]++;
          }
          if (due.isBefore(to) && (closed == null || closed.isAfter(due))) {
            actions[2]++;
          }
        });
    int adopted = h.createQuery("SELECT COUNT(*) FROM engagement_decision WHERE accord = :a AND adopted_at IS NOT NULL"
            + " AND adopted_at >= :f AND adopted_at < :t")
        .bind("a", accord).bind("f", from.toString()).bind("t", to.plusDays(1).toString()).mapTo(Integer.class).one();
    Map<String, Integer> exchanges = new LinkedHashMap<>();
    Exchanges.KINDS.forEach(k -> exchanges.put(k, 0));
    h.createQuery("SELECT kind FROM engagement_exchange WHERE accord = :a AND date >= :f AND date <= :t")
        .bind("a", accord).bind("f", from.toString()).bind("t", to.toString()).mapTo(String.class)
        .forEach(k -> exchanges.merge(k, 1, Integer::sum));
    EngagementQuery.ScoreBoard board = EngagementQuery.scores(h, a, to);
    Map<String, Integer> scores = new LinkedHashMap<>();
    board.latest().forEach((p, j) -> scores.put(p, j.score()));
    return new Figures(from, to, byLevel, byBody, expected, actions[0], actions[1], actions[2], adopted, exchanges, scores, board.rollUp(), names);
  }

  /** How many whole cadence periods fit between the two dates (both included). */
  static int expected(Period cadence, LocalDate from, LocalDate to) {
    // Each period counted from the window's start (not from the previous step, which drifts at month ends).
    LocalDate end = to.plusDays(1);
    int n = 0;
    while (n < 100_000 && !from.plus(cadence.multipliedBy(n + 1)).isAfter(end)) {
      n++;
    }
    return n;
  }
}
