package accord.casework;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * How each party answers the cases it receives, straight from the read model (no replay): the
 * accountability table, and the health page's summary. Cases count by when they were filed.
 */
public final class CaseFigures {
  /** One party's record as the notified party. Medians are null when no case has that step yet. */
  public record Party(String party, long received, long acknowledgedOnTime, Double medianHoursToAcknowledge,
      Double medianHoursToRespond, long respondedOnTime, long actionsReported, long verified, long disputed,
      long escalated, long overdueNow) {}

  /** Cases received and acknowledged on time per party in one month ("2025-05"). */
  public record Month(String month, String party, long received, long acknowledgedOnTime) {}

  public record Figures(List<Party> parties, List<Month> months) {}

  private CaseFigures() {}

  /**
   * The figures of cases filed from {@code from} to {@code to} (both included; null is
   * open-ended): counts summed from case_day (days and months of filing, UTC), cases overdue now
   * and the medians from indexes on case_file that hold every column they read.
   */
  public static Figures of(Handle h, String accord, LocalDate from, LocalDate to, Instant now) {
    AccordState a = AccordProjection.load(h, accord).orElseThrow(() -> new IllegalArgumentException("no accord " + accord));
    String range = (from == null ? "" : " AND filed_at >= :from") + (to == null ? "" : " AND filed_at < :to");
    String days = (from == null ? "" : " AND day >= :from") + (to == null ? "" : " AND day < :to");
    Map<String, long[]> counts = new LinkedHashMap<>();
    bind(h.createQuery("SELECT notified, SUM(received), SUM(ack_on_time), SUM(responded_on_time), SUM(actions_taken),"
            + " SUM(verified), SUM(disputed), SUM(escalated), SUM(acknowledged), SUM(responded) FROM case_day WHERE accord = :a" + days + " GROUP BY notified"),
        accord, from, to)
        .map((rs, ctx) -> {
          long[] v = new long[CaseTallies.DAY_COUNTS];
          for (int i = 0; i < CaseTallies.DAY_COUNTS; i++) {
            v[i] = rs.getLong(i + 2);
          }
          return Map.entry(rs.getString(1), v);
        })
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    List<Party> parties = new ArrayList<>();
    for (AccordState.Member m : a.parties()) {
      long[] v = counts.getOrDefault(m.code(), new long[CaseTallies.DAY_COUNTS]);
      // next_due is set only while a clock runs, so closed cases never count as overdue.
      long overdue = bind(h.createQuery("SELECT COUNT(*) FROM case_file WHERE accord = :a AND notified = :p"
              + " AND next_due < :now" + range), accord, from, to)
          .bind("p", m.code()).bind("now", EntryCodec.formatTime(now)).mapTo(Long.class).one();
      parties.add(new Party(m.code(), v[0], v[1], median(h, accord, m.code(), "ack_secs", v[7], range, from, to),
          median(h, accord, m.code(), "respond_secs", v[8], range, from, to), v[2], v[3], v[4], v[5], v[6], overdue));
    }
    List<Month> months = bind(h.createQuery("SELECT SUBSTR(day, 1, 7) AS month, notified, SUM(received), SUM(ack_on_time)"
            + " FROM case_day WHERE accord = :a" + days + " GROUP BY SUBSTR(day, 1, 7), notified ORDER BY 1, 2"),
        accord, from, to)
        .map((rs, ctx) -> new Month(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    return new Figures(parties, months);
  }

  /**
   * The median of a duration column in hours over the {@code n} cases that have it: the middle
   * value, or the mean of the two middle ones.
   */
  private static Double median(Handle h, String accord, String party, String column, long n, String range,
      LocalDate from, LocalDate to) {
    if (n == 0) {
      return null;
    }
    String where = " FROM case_file WHERE accord = :a AND notified = :p AND " + column + " IS NOT NULL" + range;
    List<Long> mid = bind(h.createQuery("SELECT " + column + where + " ORDER BY " + column + " LIMIT :l OFFSET :o"),
        accord, from, to).bind("p", party).bind("l", n % 2 == 0 ? 2 : 1).bind("o", (n - 1) / 2).mapTo(Long.class).list();
    return mid.stream().mapToLong(Long::longValue).average().orElseThrow() / 3600.0;
  }

  private static Query bind(Query q, String accord, LocalDate from, LocalDate to) {
    q.bind("a", accord);
    if (from != null) {
      q.bind("from", from.toString());
    }
    if (to != null) {
      q.bind("to", to.plusDays(1).toString());
    }
    return q;
  }
}
