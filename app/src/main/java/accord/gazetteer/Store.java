package accord.gazetteer;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The gazetteer tables: a set replaced as a whole, and everything read back into an {@link Index}. */
final class Store {
  private Store() {}

  /** A loaded set as listed. */
  record SetRow(String name, String kind, String source, String licence, String attribution, String loadedAt, long seq, long items) {}

  static final List<String> TABLES = List.of("gazetteer_name", "gazetteer_boundary", "gazetteer_border_line", "gazetteer_place", "gazetteer_set");

  /** Replaces the set named in the batch with its content; call inside a transaction. */
  static void replace(Handle h, Batch b, String loadedAt) {
    for (String t : TABLES) {
      h.createUpdate("DELETE FROM " + t + " WHERE " + (t.equals("gazetteer_set") ? "name" : "set_name") + " = :s")
          .bind("s", b.set.name()).execute();
    }
    long seq = h.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM gazetteer_set").mapTo(Long.class).one();
    h.createUpdate("INSERT INTO gazetteer_set (name, kind, source, licence, attribution, loaded_at, seq, items)"
            + " VALUES (:name, :kind, :source, :licence, :attribution, :at, :seq, :items)")
        .bind("name", b.set.name()).bind("kind", b.set.kind()).bind("source", b.set.source())
        .bind("licence", b.set.licence()).bind("attribution", b.set.attribution()).bind("at", loadedAt)
        .bind("seq", seq).bind("items", (long) b.items()).execute();
    PreparedBatch places = h.prepareBatch("INSERT INTO gazetteer_place (id, set_name, kind, country, code, iso_code,"
        + " geonames_code, pcode, parent, name, lat, lon, population, source) VALUES (:id, :set, :kind, :country, :code,"
        + " :iso, :geonames, :pcode, :parent, :name, :lat, :lon, :population, :source)");
    for (Place p : b.places.values()) {
      places.bind("id", p.id()).bind("set", b.set.name()).bind("kind", p.kind()).bind("country", p.country())
          .bind("code", p.code()).bind("iso", p.iso()).bind("geonames", p.geonames()).bind("pcode", p.pcode())
          .bind("parent", p.parent()).bind("name", p.name()).bind("lat", p.lat()).bind("lon", p.lon())
          .bind("population", p.population()).bind("source", p.source()).add();
    }
    run(places);
    PreparedBatch names = h.prepareBatch("INSERT INTO gazetteer_name (set_name, place, lang, name, norm)"
        + " VALUES (:set, :place, :lang, :name, :norm)");
    for (Batch.Name n : b.names) {
      names.bind("set", b.set.name()).bind("place", n.place()).bind("lang", n.lang()).bind("name", n.name())
          .bind("norm", Names.key(n.name())).add();
    }
    run(names);
    PreparedBatch outlines = h.prepareBatch("INSERT INTO gazetteer_boundary (place, set_name, level, geometry, min_lat,"
        + " min_lon, max_lat, max_lon) VALUES (:place, :set, :level, :geometry, :minLat, :minLon, :maxLat, :maxLon)");
    for (Batch.Boundary o : b.boundaries) {
      Shape s = o.shape();
      outlines.bind("place", o.place()).bind("set", b.set.name()).bind("level", o.level()).bind("geometry", o.geometry())
          .bind("minLat", s.minLat()).bind("minLon", s.minLon()).bind("maxLat", s.maxLat()).bind("maxLon", s.maxLon()).add();
    }
    run(outlines);
    int ordinal = 0;
    for (Batch.Line l : b.lines) {
      h.createUpdate("INSERT INTO gazetteer_border_line (set_name, ordinal, name, authority, geometry)"
              + " VALUES (:set, :ordinal, :name, :authority, :geometry)")
          .bind("set", b.set.name()).bind("ordinal", ordinal++).bind("name", l.name()).bind("authority", l.authority())
          .bind("geometry", l.geometry()).execute();
    }
  }

  private static void run(PreparedBatch batch) {
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  static List<SetRow> sets(Handle h) {
    return h.createQuery("SELECT name, kind, source, licence, attribution, loaded_at, seq, items FROM gazetteer_set ORDER BY seq")
        .map((rs, ctx) -> new SetRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8)))
        .list();
  }

  static Index load(Handle h) {
    Map<String, Long> seq = new HashMap<>();
    sets(h).forEach(s -> seq.put(s.name(), s.seq()));
    List<Place> places = h.createQuery("SELECT id, set_name, kind, country, code, iso_code, geonames_code, pcode, parent,"
            + " name, lat, lon, population, source FROM gazetteer_place ORDER BY id")
        .map((rs, ctx) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            dbl(rs, 11), dbl(rs, 12), lng(rs, 13), rs.getString(14)))
        .list();
    // sorted by the set's load order so later sets win lookups by code
    places = new ArrayList<>(places);
    places.sort(java.util.Comparator.comparingLong(p -> seq.getOrDefault(p.set(), 0L)));
    List<Batch.Name> names = h.createQuery("SELECT place, lang, name FROM gazetteer_name ORDER BY set_name, place, lang, name")
        .map((rs, ctx) -> new Batch.Name(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    List<Batch.Boundary> outlines = h.createQuery("SELECT place, level, geometry FROM gazetteer_boundary ORDER BY place")
        .map((rs, ctx) -> new Batch.Boundary(rs.getString(1), rs.getString(2), rs.getString(3), Shape.read(json(rs.getString(3)))))
        .list();
    // The line in force: every line of the most recently loaded set that has one.
    record Row(String set, String name, String authority, String geometry) {}
    List<Row> lines = h.createQuery("SELECT l.set_name, l.name, l.authority, l.geometry FROM gazetteer_border_line l"
            + " JOIN gazetteer_set s ON s.name = l.set_name ORDER BY s.seq DESC, l.ordinal")
        .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    Index.BorderLine line = null;
    if (!lines.isEmpty()) {
      String set = lines.get(0).set();
      List<double[][]> parts = new ArrayList<>();
      lines.stream().filter(r -> r.set().equals(set)).forEach(r -> parts.addAll(Shape.read(json(r.geometry())).lines()));
      line = new Index.BorderLine(lines.get(0).name(), lines.get(0).authority(), set, List.copyOf(parts));
    }
    return new Index(places, names, outlines, seq, line);
  }

  private static Double dbl(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? null : v;
  }

  private static Long lng(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  static JsonNode json(String text) {
    try {
      return EntryCodec.JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored geometry is not JSON: " + e.getMessage(), e);
    }
  }
}
