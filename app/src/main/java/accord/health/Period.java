package accord.health;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The span a health report covers, both days included. Without dates it is the twelve calendar
 * months ending with the current one (today by the node's clock), so monthly figures compare whole
 * months; a period is at most ten years, which bounds the monthly series.
 */
public record Period(LocalDate from, LocalDate to) {
  public static final int MAX_MONTHS = 120;

  public Period {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    if (months(from, to).size() > MAX_MONTHS) {
      throw new IllegalArgumentException("the period from " + from + " to " + to + " is longer than " + MAX_MONTHS + " months");
    }
  }

  /** The period asked for by {@code from} and {@code to} (YYYY-MM-DD, either may be blank). */
  public static Period of(String from, String to, Clock clock) {
    LocalDate end = date("to", to);
    LocalDate start = date("from", from);
    if (end == null) {
      end = start != null && start.plusYears(1).minusDays(1).isBefore(LocalDate.now(clock))
          ? start.plusYears(1).minusDays(1) : LocalDate.now(clock);
    }
    if (start == null) {
      start = end.withDayOfMonth(1).minusMonths(11);
    }
    return new Period(start, end);
  }

  /** The calendar months the period touches, first to last. */
  public List<YearMonth> months() {
    return months(from, to);
  }

  /**
   * The moment clocks are judged at for this period: the end of its last day, or now if that is
   * still to come. A period that has ended always gives the same figures, so its report is the
   * same document whenever, and by whichever party, it is rendered.
   */
  public java.time.Instant asOf(Clock clock) {
    java.time.Instant end = to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    java.time.Instant now = clock.instant();
    return now.isBefore(end) ? now : end;
  }

  public boolean contains(LocalDate d) {
    return !d.isBefore(from) && !d.isAfter(to);
  }

  private static List<YearMonth> months(LocalDate from, LocalDate to) {
    List<YearMonth> out = new ArrayList<>();
    YearMonth last = YearMonth.from(to);
    for (YearMonth m = YearMonth.from(from); !m.isAfter(last) && out.size() <= MAX_MONTHS; m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (!value.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("shape", value, 0);
      }
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + field + "' must be a date as YYYY-MM-DD, not " + value);
    }
  }
}
