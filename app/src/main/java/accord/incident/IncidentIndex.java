package accord.incident;

import accord.ledger.LogStore;
import accord.ledger.Tallies;
import accord.ledger.WriteBehind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The derived rows the register's pages read at scale, written by the projection beside the
 * incident's own rows (and, like them, emptied and replayed by a rebuild): the search row of
 * every report and account, the monthly totals per perpetrator group of every report, and its
 * count per map cell at a few zoom levels; and for the group and party filters, the groups each
 * incident is named with and the monthly totals of every group and party slice.
 */
public final class IncidentIndex {
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

  static void apply(Handle h, String accord, long idx, long incident, boolean report, String party, Report r) {
    Incident inc = report ? Incident.of(r) : Incident.load(h, accord, incident);
    IncidentSearch.index(h, accord, idx, incident, inc.date(), r);
    if (report) {
      Tallies.add(h, "INSERT INTO incident_month (accord, month, grp, event_type, incidents, fatalities) VALUES (?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (accord, month, grp, event_type) DO UPDATE SET incidents = incident_month.incidents + excluded.incidents,"
              + " fatalities = incident_month.fatalities + excluded.fatalities",
          new Object[] {accord, r.date().substring(0, 7), group(r), r.eventType()},
          1L, r.fatalities().best() == null ? 0L : r.fatalities().best());
      Double lat = r.place().lat();
      Double lon = r.place().lon();
      if (lat != null && lon != null) {
        Cells cells = WriteBehind.buffer(h, "incident_cell", Cells::new);
        for (int z : CELL_LEVELS) {
          cells.add(h, Cell.at(accord, z, lat, lon, r.eventType()), lat, lon);
        }
      }
    }
    filters(h, accord, idx, incident, report, party, r, inc);
  }

  /** What the kept filter rows copy from an incident's own row, which never changes once written. */
  private record Incident(String date, Double lat, Double lon, String eventType, long fatalities, String admin1, String admin2) {
    static Incident of(Report r) {
      return new Incident(r.date(), r.place().lat(), r.place().lon(), r.eventType(),
          r.fatalities().best() == null ? 0L : r.fatalities().best(), r.place().admin1(), r.place().admin2());
    }

    static Incident load(Handle h, String accord, long id) {
      List<Object[]> row = query(h, "SELECT date, lat, lon, event_type, fatalities_best, admin1, admin2 FROM incident"
          + " WHERE accord = ? AND id = ?",
          accord, id);
      if (row.isEmpty()) {
        throw new IllegalStateException("an account of incident " + id + ", which the register does not hold");
      }
      Object[] x = row.get(0);
      return new Incident((String) x[0], x[1] == null ? null : ((Number) x[1]).doubleValue(),
          x[2] == null ? null : ((Number) x[2]).doubleValue(), (String) x[3], x[4] == null ? 0L : ((Number) x[4]).longValue(),
          (String) x[5], (String) x[6]);
    }
  }

  /**
   * The group and party filters' kept rows. An incident joins a group's rows the first time a
   * report or account of it names the group, and a party's totals the first time that party files
   * about it; it then counts once in every (group or any, party or any) slice it newly belongs to.
   */
  private static void filters(Handle h, String accord, long idx, long incident, boolean report, String party, Report r,
      Incident inc) {
    Set<String> groupsBefore = new HashSet<>();
    Set<String> partiesBefore = new HashSet<>();
    if (!report) {
      WriteBehind.flush(h); // the rows read here may still be held
      for (Object[] x : query(h, "SELECT DISTINCT grp FROM incident_actor WHERE accord = ? AND incident = ? AND account <> ?"
          + " AND grp IS NOT NULL", accord, incident, idx)) {
        groupsBefore.add((String) x[0]);
      }
      for (Object[] x : query(h, "SELECT DISTINCT party FROM incident_account WHERE accord = ? AND incident = ? AND idx <> ?",
          accord, incident, idx)) {
        partiesBefore.add((String) x[0]);
      }
    }
    Set<String> newGroups = new TreeSet<>();
    for (Report.Actor a : r.actors()) {
      if (a.group() != null && !groupsBefore.contains(a.group())) {
        newGroups.add(a.group());
      }
    }
    boolean newParty = !partiesBefore.contains(party);
    if (newGroups.isEmpty() && !newParty) {
      return;
    }
    for (String g : newGroups) {
      WriteBehind.insert(h, "INSERT INTO incident_group (accord, grp, incident, date, lat, lon, event_type, admin1, admin2)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", accord, g, incident, inc.date(), inc.lat(), inc.lon(), inc.eventType(),
          inc.admin1(), inc.admin2());
      groupCells(h, accord, g, inc.lat(), inc.lon(), inc.eventType());
    }
    String charted = report ? group(r) : charted(h, accord, incident);
    Set<String> groupsAfter = new TreeSet<>(groupsBefore);
    groupsAfter.addAll(newGroups);
    groupsAfter.add("");
    Set<String> partiesAfter = new TreeSet<>(partiesBefore);
    partiesAfter.add(party);
    partiesAfter.add("");
    for (String g : groupsAfter) {
      for (String p : partiesAfter) {
        boolean before = (g.isEmpty() || groupsBefore.contains(g)) && (p.isEmpty() || partiesBefore.contains(p));
        if (before || (g.isEmpty() && p.isEmpty())) {
          continue;
        }
        Tallies.add(h, "INSERT INTO incident_month_filter (accord, fgrp, fparty, month, grp, event_type, incidents, fatalities)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (accord, fgrp, fparty, month, grp, event_type) DO UPDATE SET"
                + " incidents = incident_month_filter.incidents + excluded.incidents,"
                + " fatalities = incident_month_filter.fatalities + excluded.fatalities",
            new Object[] {accord, g, p, inc.date().substring(0, 7), charted, inc.eventType()}, 1L, inc.fatalities());
      }
    }
  }

  private static final String GROUP_CELL = "INSERT INTO incident_group_cell (accord, grp, z, cy, cx, event_type, incidents,"
      + " lat_micro, lon_micro) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (accord, grp, z, cy, cx, event_type) DO UPDATE SET"
      + " incidents = incident_group_cell.incidents + excluded.incidents,"
      + " lat_micro = incident_group_cell.lat_micro + excluded.lat_micro, lon_micro = incident_group_cell.lon_micro + excluded.lon_micro";

  /** Counts an incident that joins a group's rows in the group's map cells (whole millionths of a degree). */
  private static void groupCells(Handle h, String accord, String group, Double lat, Double lon, String eventType) {
    if (lat == null || lon == null) {
      return;
    }
    for (int z : CELL_LEVELS) {
      Cell c = Cell.at(accord, z, lat, lon, eventType);
      Tallies.add(h, GROUP_CELL, new Object[] {accord, group, z, c.cy(), c.cx(), eventType}, 1L, micro(lat), micro(lon));
    }
  }

  /** A coordinate in whole millionths of a degree (about 11 cm), rounded half up. */
  static long micro(double degrees) {
    return (long) Math.floor(degrees * 1e6 + 0.5);
  }

  /** The group map cells of every group row already stored: what the projection would have counted. */
  public static void fillGroupCells(Handle h) {
    h.execute("DELETE FROM incident_group_cell");
    h.createQuery("SELECT accord, grp, lat, lon, event_type FROM incident_group WHERE lat IS NOT NULL AND lon IS NOT NULL")
        .setFetchSize(10_000)
        .map((rs, c) -> {
          groupCells(h, rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5));
          return 0;
        })
        .forEach(x -> {});
    WriteBehind.flush(h);
  }

  /** The group an incident is charted under, from its report's actors as stored (and flushed). */
  private static String charted(Handle h, String accord, long incident) {
    List<Object[]> x = query(h, "SELECT MIN(grp) FROM incident_actor WHERE accord = ? AND account = ? AND role = 'perpetrator'",
        accord, incident);
    return x.isEmpty() || x.get(0)[0] == null ? NO_GROUP : (String) x.get(0)[0];
  }

  /** A map cell of one event type at one of {@link #CELL_LEVELS}. */
  private record Cell(String accord, int z, long cy, long cx, String eventType) {
    /** The cell at level {@code z} that holds a point (coordinates shifted to be positive). */
    static Cell at(String accord, int z, double lat, double lon, String eventType) {
      double cell = cellDegrees(z);
      return new Cell(accord, z, (long) Math.floor((lat + 90) / cell), (long) Math.floor((lon + 180) / cell), eventType);
    }
  }

  /**
   * The cells a batch touches, read once and written once. The sums of coordinates are floating
   * point, so they are added one at a time in log order, onto the stored sum, exactly as an
   * upsert per entry would add them: every node, whatever its batches, gets the same digits.
   */
  private static final class Cells implements WriteBehind.Buffer {
    private static final class Sums {
      long incidents;
      double lat;
      double lon;
    }

    final Map<Cell, Sums> touched = new LinkedHashMap<>();

    void add(Handle h, Cell c, double lat, double lon) {
      Sums s = touched.get(c);
      if (s == null) {
        s = new Sums();
        touched.put(c, s);
        List<Object[]> row = query(h, "SELECT incidents, lat_sum, lon_sum FROM incident_cell"
            + " WHERE accord = ? AND z = ? AND cy = ? AND cx = ? AND event_type = ?", c.accord(), c.z(), c.cy(), c.cx(), c.eventType());
        if (row.isEmpty()) {
          s.incidents = 1;
          s.lat = lat; // as the first insert stores it: not 0.0 + lat, which turns -0.0 into 0.0
          s.lon = lon;
          return;
        }
        s.incidents = ((Number) row.get(0)[0]).longValue();
        s.lat = ((Number) row.get(0)[1]).doubleValue();
        s.lon = ((Number) row.get(0)[2]).doubleValue();
      }
      s.incidents++;
      s.lat += lat;
      s.lon += lon;
    }

    @Override
    public void flush(Handle h) {
      for (var e : touched.entrySet()) {
        Cell c = e.getKey();
        Sums s = e.getValue();
        exec(h, "INSERT INTO incident_cell (accord, z, cy, cx, event_type, incidents, lat_sum, lon_sum)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (accord, z, cy, cx, event_type) DO UPDATE SET"
                + " incidents = excluded.incidents, lat_sum = excluded.lat_sum, lon_sum = excluded.lon_sum",
            c.accord(), c.z(), c.cy(), c.cx(), c.eventType(), s.incidents, s.lat, s.lon);
      }
    }
  }

  /** Runs one of the write path's lookups, prepared once per batch like its statements. */
  static List<Object[]> query(Handle h, String sql, Object... values) {
    java.sql.PreparedStatement ps = LogStore.prepared(h, sql);
    try {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      List<Object[]> out = new ArrayList<>();
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            row[i] = rs.getObject(i + 1);
          }
          out.add(row);
        }
      }
      return out;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read incident index rows: " + e.getMessage(), e);
    }
  }

  /** Runs one of the write path's statements, prepared once per batch (see LogStore.prepared). */
  static void exec(Handle h, String sql, Object... values) {
    LogStore.exec(LogStore.prepared(h, sql), values);
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
