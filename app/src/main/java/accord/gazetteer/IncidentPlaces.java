package accord.gazetteer;

import accord.ledger.Entry;
import accord.ledger.LogStore;
import accord.ledger.Projection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Where each reported incident lies and how far from the border line: {@code incident_place}, filled
 * as incident reports are applied (after the incident register's own rows, in the same transaction)
 * and recomputed for every incident when the gazetteer changes. An incident without coordinates is
 * placed by the name of its location, district or province when the gazetteer knows that name. It follows the gazetteer in force,
 * which is node configuration, so it lists no tables: a rebuild does not empty it and the state
 * digest does not read it.
 */
public final class IncidentPlaces implements Projection {
  private static final String REPORT = "incident.report";
  private final Gazetteer gazetteer;

  public IncidentPlaces(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  @Override
  public boolean handles(String type) {
    return type.equals(REPORT);
  }

  @Override
  public void decide(Handle h, Entry entry) {
    // nothing to refuse: the incident register decides whether a report may be appended
  }

  @Override
  public void evolve(Handle h, Entry e, long index) {
    // Runs for every report on the ledger's writer thread: statements prepared once per batch.
    Row incident = one(LogStore.prepared(h, "SELECT accord, id, lat, lon, location, admin2, admin1 FROM incident"
        + " WHERE accord = ? AND id = ?"), e.accord(), index);
    Object[] values = incident == null ? null : values(gazetteer.index(), incident);
    if (values != null) {
      // A rebuild applies the report again over the row it placed before: replace that row.
      LogStore.exec(LogStore.prepared(h, INSERT + " ON CONFLICT (accord, incident) DO UPDATE SET country = excluded.country,"
          + " admin1_code = excluded.admin1_code, admin1_name = excluded.admin1_name, admin2_code = excluded.admin2_code,"
          + " admin2_name = excluded.admin2_name, method = excluded.method, border_km = excluded.border_km, line = excluded.line"),
          values);
    } else {
      LogStore.exec(LogStore.prepared(h, "DELETE FROM incident_place WHERE accord = ? AND incident = ?"), e.accord(), index);
    }
  }

  private static Row one(PreparedStatement ps, String accord, long id) {
    try {
      ps.setString(1, accord);
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? row(rs, null) : null;
      }
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot read incident " + id + ": " + ex.getMessage(), ex);
    }
  }

  @Override
  public List<String> tables() {
    return List.of();
  }

  /** What an incident says about where it happened. */
  record Row(String accord, long id, Double lat, Double lon, String location, String admin2, String admin1) {}

  private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
    double lat = rs.getDouble(3);
    boolean noLat = rs.wasNull();
    double lon = rs.getDouble(4);
    boolean noLon = rs.wasNull();
    return new Row(rs.getString(1), rs.getLong(2), noLat || noLon ? null : lat, noLat || noLon ? null : lon,
        rs.getString(5), rs.getString(6), rs.getString(7));
  }

  /** Places every incident again by the index given; returns how many were placed. */
  static int recompute(Jdbi jdbi, Index idx) {
    return jdbi.inTransaction(h -> {
      h.createUpdate("DELETE FROM incident_place").execute();
      List<Row> rows = h.createQuery("SELECT accord, id, lat, lon, location, admin2, admin1 FROM incident").map(IncidentPlaces::row).list();
      PreparedBatch insert = h.prepareBatch(INSERT);
      for (Row r : rows) {
        Object[] v = values(idx, r);
        if (v != null) {
          for (int i = 0; i < v.length; i++) {
            insert.bind(i, v[i]);
          }
          insert.add();
        }
      }
      int placed = insert.size();
      if (placed > 0) {
        insert.execute();
      }
      return placed;
    });
  }

  private static final String INSERT = "INSERT INTO incident_place (accord, incident, country, admin1_code, admin1_name,"
      + " admin2_code, admin2_name, method, border_km, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * The row that places an incident, by its coordinates; without them, by the first of its location,
   * district or province that is exactly the name of a place with a position (method "name").
   * Incidents with neither get no row (null).
   */
  private static Object[] values(Index idx, Row r) {
    Index.Location l;
    String method;
    try {
      if (r.lat() != null) {
        l = idx.locate(r.lat(), r.lon());
        method = l.method();
      } else {
        Place p = named(idx, r.location(), r.admin2(), r.admin1());
        if (p == null) {
          return null;
        }
        l = idx.locate(p.lat(), p.lon());
        method = "name";
      }
    } catch (IllegalArgumentException outOfRange) {
      return null; // the register refuses such coordinates; nothing to place
    }
    return new Object[] {r.accord(), r.id(), l.country(),
        l.admin1() == null ? null : l.admin1().code(), l.admin1() == null ? null : l.admin1().name(),
        l.admin2() == null ? null : l.admin2().code(), l.admin2() == null ? null : l.admin2().name(),
        method, l.borderKm(), l.line()};
  }

  private static Place named(Index idx, String... names) {
    for (String n : names) {
      if (n == null || n.isBlank()) {
        continue;
      }
      for (Index.Hit h : idx.search(n, 20)) {
        if (h.match() == 0 && h.place().hasPoint()) {
          return h.place();
        }
      }
    }
    return null;
  }
}
