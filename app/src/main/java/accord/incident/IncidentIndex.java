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
      exec(h, "INSERT INTO incident_month (accord, month, grp, event_type, incidents, fatalities) VALUES (?, ?, ?, ?, 1, ?)"
              + " ON CONFLICT (accord, month, grp, event_type) DO UPDATE SET incidents = incident_month.incidents + 1,"
              + " fatalities = incident_month.fatalities + excluded.fatalities",
          accord, r.date().substring(0, 7), group(r), r.eventType(), r.fatalities().best() == null ? 0L : r.fatalities().best());
      Double lat = r.place().lat();
      Double lon = r.place().lon();
      if (lat != null && lon != null) {
        for (int z : CELL_LEVELS) {
          double cell = cellDegrees(z);
          exec(h, "INSERT INTO incident_cell (accord, z, cy, cx, event_type, incidents, lat_sum, lon_sum)"
                  + " VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (accord, z, cy, cx, event_type) DO UPDATE SET"
                  + " incidents = incident_cell.incidents + 1, lat_sum = incident_cell.lat_sum + excluded.lat_sum,"
                  + " lon_sum = incident_cell.lon_sum + excluded.lon_sum",
              accord, z, (long) Math.floor((lat + 90) / cell), (long) Math.floor((lon + 180) / cell), r.eventType(), lat, lon);
        }
      }
    }
  }

  /** Runs one of the write path's statements, prepared once per batch (see LogStore.prepared). */
  static void exec(Handle h, String sql, Object... values) {
    java.sql.PreparedStatement ps = accord.ledger.LogStore.prepared(h, sql);
    try {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      ps.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot store incident index rows: " + e.getMessage(), e);
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
