package accord.incident;

import java.util.Comparator;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The derived rows the register's pages read at scale, written by the projection beside the
 * incident's own rows (and, like them, emptied and replayed by a rebuild): the search row of
 * every report and account, the monthly totals per perpetrator group of every report, and its
 * count per map cell at a few zoom levels.
 */
final class IncidentIndex {
  /** The timeline's bucket for an incident whose report names no known perpetrator group. */
  static final String NO_GROUP = "";

  /**
   * The map zoom levels at which the projection keeps per-cell counts (cells a quarter of a map
   * tile wide: 5.6, 1.4 and 0.35 degrees), so an unfiltered map of a million incidents reads a few
   * hundred rows. Finer views are small enough to aggregate from the coordinates index.
   */
  static final int[] CELL_LEVELS = {3, 5, 7};

  private IncidentIndex() {}

  static double cellDegrees(int zoom) {
    return 360.0 / (1L << zoom) / 4;
  }

  /** The stored level to draw a map at {@code zoom} with: the finest not finer than it, or -1 for none. */
  static int cellLevel(int zoom) {
    int best = -1;
    for (int l : CELL_LEVELS) {
      if (l <= Math.max(zoom, CELL_LEVELS[0])) {
        best = l;
      }
    }
    return zoom > CELL_LEVELS[CELL_LEVELS.length - 1] ? -1 : best;
  }

  static void apply(Handle h, String accord, long idx, long incident, boolean report, Report r) {
    IncidentSearch.index(h, accord, idx, incident, r);
    if (report) {
      h.createUpdate("INSERT INTO incident_month (accord, month, grp, event_type, incidents, fatalities)"
              + " VALUES (:a, :m, :g, :t, 1, :f) ON CONFLICT (accord, month, grp, event_type) DO UPDATE SET"
              + " incidents = incident_month.incidents + 1, fatalities = incident_month.fatalities + excluded.fatalities")
          .bind("a", accord).bind("m", r.date().substring(0, 7)).bind("g", group(r)).bind("t", r.eventType())
          .bind("f", r.fatalities().best() == null ? 0L : r.fatalities().best()).execute();
      Double lat = r.place().lat();
      Double lon = r.place().lon();
      if (lat != null && lon != null) {
        for (int z : CELL_LEVELS) {
          double cell = cellDegrees(z);
          h.createUpdate("INSERT INTO incident_cell (accord, z, cy, cx, event_type, incidents, lat_sum, lon_sum)"
                  + " VALUES (:a, :z, :cy, :cx, :t, 1, :lat, :lon) ON CONFLICT (accord, z, cy, cx, event_type) DO UPDATE SET"
                  + " incidents = incident_cell.incidents + 1, lat_sum = incident_cell.lat_sum + excluded.lat_sum,"
                  + " lon_sum = incident_cell.lon_sum + excluded.lon_sum")
              .bind("a", accord).bind("z", z).bind("cy", (long) Math.floor((lat + 90) / cell))
              .bind("cx", (long) Math.floor((lon + 180) / cell)).bind("t", r.eventType()).bind("lat", lat).bind("lon", lon)
              .execute();
        }
      }
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
