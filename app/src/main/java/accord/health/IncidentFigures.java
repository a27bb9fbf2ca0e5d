package accord.health;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The incident section of a health report. An incident's side is the party on whose territory it
 * happened, read from the country its first report gives (a party's name or code); "other" is a
 * country that is not a party, "unknown" a report that names no country. Who reported it is
 * counted separately ({@link #reportedBy}). Fatalities are the first report's best estimate;
 * incidents whose toll is unknown count as incidents but add no deaths.
 */
public record IncidentFigures(
    long incidents,
    long fatalities,
    Map<String, Long> incidentsBySide,
    Map<String, Long> fatalitiesBySide,
    Map<String, Long> reportedBy,
    List<Month> byMonth) {

  public static final String OTHER = "other";
  public static final String UNKNOWN = "unknown";

  /** One incident as the register's read model holds it. */
  public record Row(LocalDate date, String country, String reportedBy, Long fatalities) {}

  /** One month and side: how many incidents, how many deaths. */
  public record Month(YearMonth month, String side, long incidents, long fatalities) {}

  /**
   * The figures of {@code rows} within {@code period}, for an accord whose parties are
   * {@code parties} (code to name). Sides are listed parties first, in the accord's order, then
   * other and unknown when they occur; every month of the period appears for every party.
   */
  public static IncidentFigures of(List<Row> rows, Period period, Map<String, String> parties) {
    List<String> sides = new ArrayList<>(parties.keySet());
    Map<String, Long> bySide = new LinkedHashMap<>();
    Map<String, Long> deathsBySide = new LinkedHashMap<>();
    Map<String, Long> reporters = new LinkedHashMap<>();
    Map<String, long[]> cells = new LinkedHashMap<>();
    parties.keySet().forEach(p -> {
      bySide.put(p, 0L);
      deathsBySide.put(p, 0L);
    });
    long total = 0;
    long deaths = 0;
    for (Row r : rows) {
      if (!period.contains(r.date())) {
        continue;
      }
      String side = side(r.country(), parties);
      if (!sides.contains(side)) {
        sides.add(side);
      }
      long d = r.fatalities() == null ? 0 : r.fatalities();
      total++;
      deaths += d;
      bySide.merge(side, 1L, Long::sum);
      deathsBySide.merge(side, d, Long::sum);
      reporters.merge(r.reportedBy(), 1L, Long::sum);
      long[] c = cells.computeIfAbsent(YearMonth.from(r.date()) + " " + side, k -> new long[2]);
      c[0]++;
      c[1] += d;
    }
    sides.sort((a, b) -> Integer.compare(rank(a, parties), rank(b, parties)));
    List<Month> months = new ArrayList<>();
    for (YearMonth m : period.months()) {
      for (String s : sides) {
        long[] c = cells.getOrDefault(m + " " + s, new long[2]);
        if (parties.containsKey(s) || c[0] > 0) {
          months.add(new Month(m, s, c[0], c[1]));
        }
      }
    }
    Map<String, Long> sortedBySide = new LinkedHashMap<>();
    Map<String, Long> sortedDeaths = new LinkedHashMap<>();
    for (String s : sides) {
      sortedBySide.put(s, bySide.getOrDefault(s, 0L));
      sortedDeaths.put(s, deathsBySide.getOrDefault(s, 0L));
    }
    return new IncidentFigures(total, deaths, sortedBySide, sortedDeaths, reporters, months);
  }

  /** The party on whose territory a report's country lies. */
  static String side(String country, Map<String, String> parties) {
    if (country == null || country.isBlank()) {
      return UNKNOWN;
    }
    String c = country.trim().toLowerCase(Locale.ROOT);
    for (var p : parties.entrySet()) {
      if (c.equals(p.getKey().toLowerCase(Locale.ROOT)) || c.equals(p.getValue().toLowerCase(Locale.ROOT))) {
        return p.getKey();
      }
    }
    return OTHER;
  }

  /** The incidents and deaths of one side in one month (zero when none). */
  public Month cell(YearMonth month, String side) {
    for (Month m : byMonth) {
      if (m.month().equals(month) && m.side().equals(side)) {
        return m;
      }
    }
    return new Month(month, side, 0, 0);
  }

  /** The sides that occur, parties first, then other and unknown. */
  public List<String> sides() {
    return List.copyOf(incidentsBySide.keySet());
  }

  private static int rank(String side, Map<String, String> parties) {
    int i = new ArrayList<>(parties.keySet()).indexOf(side);
    return i >= 0 ? i : side.equals(OTHER) ? 1000 : 1001;
  }
}
