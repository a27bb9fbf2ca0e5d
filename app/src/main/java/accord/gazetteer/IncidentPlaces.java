package accord.gazetteer;

import accord.ledger.Entry;
import accord.ledger.Projection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Where each reported incident lies and how far from the border line: {@code incident_place}, filled
 * as incident reports are applied (after the incident register's own rows, in the same transaction)
 * and recomputed for every incident when the gazetteer changes. It follows the gazetteer in force,
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
    var point = h.createQuery("SELECT lat, lon FROM incident WHERE accord = :a AND id = :i AND lat IS NOT NULL AND lon IS NOT NULL")
        .bind("a", e.accord()).bind("i", index)
        .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).findOne();
    h.createUpdate("DELETE FROM incident_place WHERE accord = :a AND incident = :i").bind("a", e.accord()).bind("i", index).execute();
    if (point.isPresent()) {
      PreparedBatch insert = insert(h);
      add(insert, gazetteer.index(), e.accord(), index, point.get()[0], point.get()[1]);
      insert.execute();
    }
  }

  @Override
  public List<String> tables() {
    return List.of();
  }

  /** Places every incident with coordinates again by the index given; returns how many. */
  static int recompute(Jdbi jdbi, Index idx) {
    return jdbi.inTransaction(h -> {
      h.createUpdate("DELETE FROM incident_place").execute();
      record Point(String accord, long id, double lat, double lon) {}
      List<Point> points = h.createQuery("SELECT accord, id, lat, lon FROM incident WHERE lat IS NOT NULL AND lon IS NOT NULL")
          .map((rs, ctx) -> new Point(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4))).list();
      PreparedBatch insert = insert(h);
      for (Point p : points) {
        add(insert, idx, p.accord(), p.id(), p.lat(), p.lon());
      }
      if (insert.size() > 0) {
        insert.execute();
      }
      return points.size();
    });
  }

  private static PreparedBatch insert(Handle h) {
    return h.prepareBatch("INSERT INTO incident_place (accord, incident, country, admin1_code, admin1_name, admin2_code,"
        + " admin2_name, method, border_km, line) VALUES (:accord, :incident, :country, :a1code, :a1name, :a2code, :a2name,"
        + " :method, :km, :line)");
  }

  private static void add(PreparedBatch b, Index idx, String accord, long incident, double lat, double lon) {
    Index.Location l;
    try {
      l = idx.locate(lat, lon);
    } catch (IllegalArgumentException outOfRange) {
      return; // the register refuses such coordinates; nothing to place
    }
    b.bind("accord", accord).bind("incident", incident).bind("country", l.country())
        .bind("a1code", l.admin1() == null ? null : l.admin1().code()).bind("a1name", l.admin1() == null ? null : l.admin1().name())
        .bind("a2code", l.admin2() == null ? null : l.admin2().code()).bind("a2name", l.admin2() == null ? null : l.admin2().name())
        .bind("method", l.method()).bind("km", l.borderKm()).bind("line", l.line()).add();
  }
}
