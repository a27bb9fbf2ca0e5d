package accord.casework;

import accord.web.Page;
import java.time.Duration;
import java.time.Instant;

/** How the pages put clocks and durations into words, in the reader's language and calendar. */
public final class CaseText {
  private CaseText() {}

  /** "2 d 3 h 5 min", in the reader's digits. */
  public static String duration(Page page, Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    return page.t("case.dur", minutes / 1440, (minutes % 1440) / 60, minutes % 60);
  }

  /** One clock's state in a sentence: time left, overdue since when, met or late, not started. */
  public static String clock(Page page, CaseClocks.Clock k, Instant now) {
    return switch (k.status()) {
      case PENDING -> page.t("case.clock.pending");
      case RUNNING -> page.t("case.clock.running", page.m.dateTime(k.due()), duration(page, k.remaining(now)));
      case OVERDUE -> page.t("case.clock.overdue", page.m.dateTime(k.due()), duration(page, k.overdueBy(now)));
      case MET -> page.t("case.clock.met", page.m.dateTime(k.stopped()));
      case LATE -> page.t("case.clock.late", page.m.dateTime(k.stopped()), duration(page, Duration.between(k.due(), k.stopped())));
      case CLOSED -> page.t("case.clock.closed");
    };
  }

  /** The next due time or since when the case is overdue, for lists. */
  public static String next(Page page, CaseClocks.View v, Instant now) {
    if (v.overdueSince() != null) {
      return page.t("case.overdue.since", page.m.dateTime(v.overdueSince()), duration(page, Duration.between(v.overdueSince(), now)));
    }
    if (v.nextDue() != null) {
      return page.t("case.due.at", page.m.dateTime(v.nextDue()), duration(page, Duration.between(now, v.nextDue())));
    }
    return "";
  }

  /** Who owes the next move, in words. */
  public static String owes(Page page, CaseClocks.View v) {
    return v.owes().isEmpty() ? page.t("case.owes.none") : v.owes();
  }

  public static String badge(CaseClocks.Clock k) {
    return switch (k.status()) {
      case OVERDUE, LATE -> "text-bg-danger";
      case RUNNING -> "text-bg-warning";
      case MET -> "text-bg-success";
      default -> "text-bg-secondary";
    };
  }
}
