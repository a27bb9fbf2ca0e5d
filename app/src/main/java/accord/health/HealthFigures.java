package accord.health;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.casework.CaseFigures;
import accord.engagement.EngagementFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Is the accord holding? The figures of one accord over one period, by section: incidents (from
 * the incident register), notifications and their clocks (casework), meetings, action items and
 * provision scores (engagement). Assembly is pure; {@link #load} is the one place that reads the
 * database, through each feature's own figures.
 */
public record HealthFigures(
    String accord,
    String title,
    Map<String, String> parties,
    Map<String, String> provisionThemes,
    Period period,
    IncidentFigures incidents,
    CaseFigures.Figures cases,
    EngagementFigures.Figures engagement) {

  /** The accord's parties, code to name, in the accord's order. */
  public static Map<String, String> parties(AccordState s) {
    Map<String, String> out = new LinkedHashMap<>();
    s.parties().forEach(m -> out.put(m.code(), m.name()));
    return out;
  }

  /** Puts the sections together. */
  public static HealthFigures assemble(AccordState s, Period p, List<IncidentFigures.Row> incidents,
      CaseFigures.Figures cases, EngagementFigures.Figures engagement) {
    Map<String, String> parties = parties(s);
    Map<String, String> provisionThemes = new LinkedHashMap<>();
    s.provisions().forEach(pr -> provisionThemes.put(pr.id(), pr.theme()));
    return new HealthFigures(s.id(), s.title(), parties, provisionThemes, p, IncidentFigures.of(incidents, p, parties), cases, engagement);
  }

  /** Notifications received by all parties together. */
  public long casesReceived() {
    return cases.parties().stream().mapToLong(CaseFigures.Party::received).sum();
  }

  public long casesAcknowledgedOnTime() {
    return cases.parties().stream().mapToLong(CaseFigures.Party::acknowledgedOnTime).sum();
  }

  public long casesRespondedOnTime() {
    return cases.parties().stream().mapToLong(CaseFigures.Party::respondedOnTime).sum();
  }

  public long casesOverdueNow() {
    return cases.parties().stream().mapToLong(CaseFigures.Party::overdueNow).sum();
  }

  /** Meetings held by all bodies, against the meetings their cadences expect in the period. */
  public int meetingsHeld() {
    return engagement.meetingsByBody().values().stream().mapToInt(Integer::intValue).sum();
  }

  public int meetingsExpected() {
    return engagement.meetingsExpectedByBody().values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The figures of {@code accord} over {@code period} as the read models hold them, with clocks
   * judged at {@code now}; empty when there is no such accord.
   */
  public static Optional<HealthFigures> load(Handle h, String accord, Period period, Instant now) {
    Optional<AccordState> s = AccordProjection.load(h, accord);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    List<IncidentFigures.Row> rows = h.createQuery(
            "SELECT date, country, reported_by, fatalities_best FROM incident"
                + " WHERE accord = :a AND date >= :from AND date <= :to")
        .bind("a", accord)
        .bind("from", period.from().toString())
        .bind("to", period.to().toString())
        .map((rs, ctx) -> {
          long f = rs.getLong("fatalities_best");
          return new IncidentFigures.Row(LocalDate.parse(rs.getString("date")), rs.getString("country"),
              rs.getString("reported_by"), rs.wasNull() ? null : f);
        })
        .list();
    CaseFigures.Figures cases = CaseFigures.of(h, accord, period.from(), period.to(), now);
    EngagementFigures.Figures engagement = EngagementFigures.of(h, accord, period.from(), period.to());
    return Optional.of(assemble(s.get(), period, rows, cases, engagement));
  }
}
