package accord.incident;

import java.util.Comparator;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The derived rows the register's pages read at scale, written by the projection beside the
 * incident's own rows (and, like them, emptied and replayed by a rebuild): the search row of
 * every report and account, and the monthly totals per perpetrator group of every report.
 */
final class IncidentIndex {
  /** The timeline's bucket for an incident whose report names no known perpetrator group. */
  static final String NO_GROUP = "";

  private IncidentIndex() {}

  static void apply(Handle h, String accord, long idx, long incident, boolean report, Report r) {
    IncidentSearch.index(h, accord, idx, incident, r);
    if (report) {
      h.createUpdate("INSERT INTO incident_month (accord, month, grp, incidents, fatalities) VALUES (:a, :m, :g, 1, :f)"
              + " ON CONFLICT (accord, month, grp) DO UPDATE SET incidents = incident_month.incidents + 1,"
              + " fatalities = incident_month.fatalities + excluded.fatalities")
          .bind("a", accord).bind("m", r.date().substring(0, 7)).bind("g", group(r))
          .bind("f", r.fatalities().best() == null ? 0L : r.fatalities().best()).execute();
    }
  }

  /**
   * The group an incident is charted under: the first, by code, of the perpetrator groups its
   * report names (the same rule {@link IncidentQuery#timeline} applies in SQL to a filtered set).
   */
  static String group(Report r) {
    return r.actors().stream().filter(a -> a.role().equals("perpetrator")).map(Report.Actor::group)
        .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(NO_GROUP);
  }
}
