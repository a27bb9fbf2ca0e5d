package accord.incident;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reads of the incident register: the filtered, paged list, one incident in full, the monthly
 * timeline and the map's points. Parameterised only. Built for a million incidents: every filter
 * has an index that keeps the newest-first order, text search goes through the engine's full-text
 * index ({@link IncidentSearch}), counts stop at a cap, and the map aggregates into grid cells
 * when a view holds more points than a browser should draw.
 */
public final class IncidentQuery {
  /** The list's filters; null means "any". Dates are YYYY-MM-DD, inclusive; fatalities compare the best estimate. */
  public record Filter(String from, String to, String admin1, String admin2, String group, String type, String q,
      String provision, String party, Long fatalitiesMin, Long fatalitiesMax) {
    public static final Filter ANY = new Filter(null, null, null, null, null, null, null, null);

    public Filter(String from, String to, String admin1, String admin2, String group, String type, String q,
        String provision) {
      this(from, to, admin1, admin2, group, type, q, provision, null, null, null);
    }

    public boolean any() {
      return equals(ANY);
    }
  }

  /** A count that stopped at its cap says so: the list shows "more than N" instead of scanning on. */
  public record Count(long value, boolean exact) {}

  /**
   * Beyond this many matches a filtered count stops, so a broad filter over a million incidents
   * costs a bounded scan (an unfiltered count reads the monthly totals and is exact).
   */
  public static final long COUNT_CAP = 10_000;

  static final String COLUMNS = "i.id, i.external_id, i.reported_by, i.date, i.date_end, i.date_precision,"
      + " i.country, i.admin1, i.admin2, i.location, i.lat, i.lon, i.geo_precision, i.event_type, i.sub_event_type,"
      + " i.fatalities_best, i.provisions, i.text, i.created";

  private IncidentQuery() {}

  public static long count(Handle h, String accord, Filter f) {
    Map<String, Object> binds = new HashMap<>();
    Sql q = sql(h, accord, f, binds, Use.LIST);
    return h.createQuery("SELECT COUNT(*) FROM " + q.from() + " WHERE " + q.where()).bindMap(binds).mapTo(Long.class).one();
  }

  /** The number of matches, exact up to {@code cap}; an unfiltered count is always exact. */
  public static Count count(Handle h, String accord, Filter f, long cap) {
    if (f.any()) {
      // The monthly totals the projection keeps add up to the register's size: no scan at all.
      return new Count(h.createQuery("SELECT COALESCE(SUM(incidents), 0) FROM incident_month WHERE accord = :a")
          .bind("a", accord).mapTo(Long.class).one(), true);
    }
    Map<String, Object> binds = new HashMap<>();
    binds.put("cap", cap + 1);
    String sql;
    if (streamsSearch(h, f)) {
      // The distinct incidents among the first full-text matches: a common word stops at the cap
      // instead of listing every match first.
      Sql q = searchStream(h, accord, f, binds);
      sql = "SELECT COUNT(*) FROM (SELECT DISTINCT s.incident FROM " + q.from() + " WHERE " + q.where() + " LIMIT :cap) t";
    } else if (f.q() != null && IncidentSearch.match(f.q(), false) != null) {
      // PostgreSQL: the distinct incidents among the first matching search rows, not a list of
      // every match joined. An incident mostly has one search row, so the first cap + 1 rows
      // usually settle it; twice that before the answer is in doubt.
      Map<String, Object> read = new HashMap<>();
      String matches;
      if (textAlone(f)) {
        // The words alone: every search row is of an incident of its accord, so no join.
        read.put("accord", accord);
        read.put("q", IncidentSearch.match(f.q(), false));
        matches = "SELECT s.incident FROM incident_search s WHERE " + IncidentSearch.condition(false, "s") + " AND s.accord = :accord";
      } else {
        Sql q = sql(h, accord, f, read, Use.WALK);
        matches = "SELECT s.incident FROM incident_search s JOIN " + q.from() + " ON i.accord = s.accord AND i.id = s.incident WHERE "
            + IncidentSearch.condition(false, "s") + " AND " + q.where();
      }
      for (long rows : new long[] {cap + 1, 2 * (cap + 1)}) {
        read.put("rows", rows);
        long[] seen = h.createQuery("SELECT COUNT(*), COUNT(DISTINCT t.incident) FROM (" + matches + " LIMIT :rows) t")
            .bindMap(read).map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
        if (seen[1] > cap) {
          return new Count(cap, false);
        }
        if (seen[0] < rows) {
          return new Count(seen[1], true);
        }
      }
      Sql all = sql(h, accord, f, binds, Use.LIST);
      sql = "SELECT COUNT(*) FROM (SELECT 1 FROM " + all.from() + " WHERE " + all.where() + " LIMIT :cap) t";
    } else if (groupRowsAlone(f)) {
      // Every group row has its incident: counting the rows needs no look-up of each incident.
      binds.put("accord", accord);
      sql = "SELECT COUNT(*) FROM (SELECT 1 FROM incident_group g WHERE " + String.join(" AND ", groupRows(f, binds))
          + " LIMIT :cap) t";
    } else {
      Sql q = sql(h, accord, f, binds, Use.LIST);
      sql = "SELECT COUNT(*) FROM (SELECT 1 FROM " + q.from() + " WHERE " + q.where() + " LIMIT :cap) t";
    }
    long n = h.createQuery(sql).bindMap(binds).mapTo(Long.class).one();
    return n > cap ? new Count(cap, false) : new Count(n, true);
  }

  public static List<ObjectNode> page(Handle h, String accord, Filter f, int limit, long offset) {
    List<Map<String, Object>> rows = rows(h, accord, f, limit, offset);
    List<ObjectNode> out = new ArrayList<>();
    Map<Long, ArrayNode> byId = new HashMap<>();
    for (Map<String, Object> r : rows) {
      ObjectNode o = incident(r);
      byId.put(((Number) r.get("id")).longValue(), o.putArray("actors"));
      out.add(o);
    }
    if (!byId.isEmpty()) {
      // One query for the actors of the whole page, not one per incident, read from the
      // (accord, incident, account, ordinal) index in the order wanted. (Going through the accounts
      // instead let SQLite's planner scan every actor of the accord.)
      h.createQuery("SELECT x.incident, x.account, x.name, x.role, x.grp FROM incident_actor x WHERE x.accord = :a"
              + " AND x.incident IN (<ids>) ORDER BY x.incident, x.account, x.ordinal")
          .bind("a", accord).bindList("ids", new ArrayList<>(byId.keySet())).mapToMap()
          .forEach(a -> {
            ObjectNode x = byId.get(((Number) a.get("incident")).longValue()).addObject();
            put(x, "account", a.get("account"));
            put(x, "name", a.get("name"));
            put(x, "role", a.get("role"));
            put(x, "group", a.get("grp"));
          });
    }
    return out;
  }

  /** The incident rows of one page, newest first. */
  private static List<Map<String, Object>> rows(Handle h, String accord, Filter f, int limit, long offset) {
    Map<String, Object> binds = new HashMap<>();
    if (streamsSearch(h, f)) {
      // Full-text matches in rowid order are in the list's order (IncidentSearch.orderKey); an
      // incident's matching rows are adjacent, so the page is the first distinct incidents read.
      Sql q = searchStream(h, accord, f, binds);
      List<Map<String, Object>> out = new ArrayList<>();
      java.util.Set<Object> seen = new java.util.HashSet<>();
      try (var it = h.createQuery("SELECT " + COLUMNS + " FROM " + q.from() + " WHERE " + q.where() + " ORDER BY " + q.order())
          .bindMap(binds).setFetchSize(limit).mapToMap().iterator()) {
        while (it.hasNext() && out.size() < limit) {
          Map<String, Object> r = it.next();
          if (seen.add(r.get("id")) && seen.size() > offset) {
            out.add(r);
          }
        }
      }
      return out;
    }
    binds.put("limit", limit);
    binds.put("offset", offset);
    if (f.q() != null && !sqlite(h) && IncidentSearch.match(f.q(), false) != null) {
      // A common word: its matches are dense among the newest incidents, so walk those and test
      // each one's search rows. If that window holds less than the page (a rare word, or a deep
      // page), the full-text index's list of matches answers instead.
      Map<String, Object> walk = new HashMap<>(binds);
      Sql inner = sql(h, accord, f, walk, Use.WALK);
      walk.put("window", Math.max(WALK_WINDOW, 20 * (offset + limit)));
      List<Map<String, Object>> rows = h.createQuery("SELECT * FROM (SELECT " + COLUMNS + " FROM " + inner.from() + " WHERE "
              + inner.where() + " ORDER BY " + inner.order() + " LIMIT :window) i WHERE " + IncidentSearch.probe(false)
              + " ORDER BY i.date DESC, i.id DESC LIMIT :limit OFFSET :offset")
          .bindMap(walk).mapToMap().list();
      if (rows.size() == limit) {
        return rows;
      }
    }
    Sql q = sql(h, accord, f, binds, Use.LIST);
    return h.createQuery("SELECT " + COLUMNS + " FROM " + q.from() + " WHERE " + q.where()
            + " ORDER BY " + q.order() + " LIMIT :limit OFFSET :offset")
        .bindMap(binds).mapToMap().list();
  }

  /** How many of the newest matching incidents, at least, a common word's page is looked for in (PostgreSQL). */
  static final int WALK_WINDOW = 2000;

  /** One month of the timeline: incidents and fatalities (best estimates) per perpetrator group. */
  public record MonthGroup(String month, String group, long incidents, long fatalities) {}

  /**
   * Incidents and fatalities per month and perpetrator group ("" when the report names none),
   * months ascending. Unfiltered, or filtered only by group, source party and event type, it reads
   * the totals the projection keeps; otherwise it aggregates the matching incidents in SQL.
   */
  public static List<MonthGroup> timeline(Handle h, String accord, Filter f) {
    boolean eventType = f.type() != null && EventTypes.type(f.type()).isPresent();
    Filter kept = new Filter(null, null, null, null, f.group(), eventType ? f.type() : null, null, null, f.party(), null, null);
    if (kept.equals(f)) {
      boolean slice = f.group() != null || f.party() != null;
      return h.createQuery("SELECT month, grp, SUM(incidents), SUM(fatalities) FROM "
              + (slice ? "incident_month_filter WHERE accord = :a AND fgrp = :g AND fparty = :p" : "incident_month WHERE accord = :a")
              + (f.type() != null ? " AND event_type = :t" : "") + " GROUP BY month, grp ORDER BY month, grp")
          .bind("a", accord).bind("t", f.type())
          .bind("g", f.group() == null ? "" : f.group()).bind("p", f.party() == null ? "" : f.party())
          .map((rs, c) -> new MonthGroup(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    }
    Map<String, Object> binds = new HashMap<>();
    Sql q = sql(h, accord, f, binds, Use.LIST);
    // The same charting rule as IncidentIndex.group: the first, by code, of the report's perpetrator groups.
    return h.createQuery("SELECT month, grp, COUNT(*) AS n, SUM(f) AS fat FROM (SELECT SUBSTR(i.date, 1, 7) AS month,"
            + " COALESCE((SELECT MIN(x.grp) FROM incident_actor x WHERE x.accord = i.accord AND x.account = i.id"
            + " AND x.role = 'perpetrator'), '') AS grp, COALESCE(i.fatalities_best, 0) AS f FROM " + q.from() + " WHERE "
            + q.where() + ") t GROUP BY month, grp ORDER BY month, grp")
        .bindMap(binds)
        .map((rs, c) -> new MonthGroup(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
  }

  /** A map view: south, west, north, east in degrees. */
  public record Bbox(double south, double west, double north, double east) {
    public static final Bbox WORLD = new Bbox(-90, -180, 90, 180);
  }

  /** One incident on the map. */
  public record Point(long id, String date, String type, String subType, Long fatalities, String admin1,
      String admin2, String location, double lat, double lon) {}

  /** Several incidents drawn as one marker: their count, mean position and count per event type. */
  public record Cell(long count, double lat, double lon, Map<String, Long> types) {}

  /** The points of a view, newest first, at most {@code limit} of them. */
  public static List<Point> points(Handle h, String accord, Filter f, Bbox box, int limit) {
    Map<String, Object> binds = new HashMap<>();
    Sql q = view(h, accord, f, box, binds, true);
    if (sqlite(h) && !box.equals(Bbox.WORLD) && pointsUpTo(h, accord, f, box, limit) <= limit) {
      // The whole view fits: read it through the coordinates index and sort it, rather than let
      // SQLite walk a date index for the order (which reads the whole register, or the whole
      // group, for a small view).
      q = new Sql(q.from().equals(BY_GROUP) ? BY_GROUP.replace("incident_group g", "incident_group g INDEXED BY incident_group_geo")
          : q.from().replace("incident i", "incident i INDEXED BY incident_geo"), q.where(), q.order());
    }
    binds.put("limit", limit);
    return h.createQuery("SELECT i.id, i.date, i.event_type, i.sub_event_type, i.fatalities_best, i.admin1, i.admin2,"
            + " i.location, i.lat, i.lon FROM " + q.from() + " WHERE " + q.where() + " ORDER BY " + q.order() + " LIMIT :limit")
        .bindMap(binds)
        .map((rs, c) -> new Point(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getDouble(9), rs.getDouble(10)))
        .list();
  }

  /** How many incidents of a view have coordinates, counting no further than {@code cap} + 1. */
  public static long pointsUpTo(Handle h, String accord, Filter f, Bbox box, long cap) {
    Map<String, Object> binds = new HashMap<>();
    Sql q = view(h, accord, f, box, binds, false);
    binds.put("cap", cap + 1);
    return h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + q.from() + " WHERE " + q.where() + " LIMIT :cap) t")
        .bindMap(binds).mapTo(Long.class).one();
  }

  /**
   * The view's incidents gathered into square cells {@code cell} degrees wide, aggregated by the
   * database: what the map draws when a view holds too many points to send one by one.
   */
  public static List<Cell> cells(Handle h, String accord, Filter f, Bbox box, double cell) {
    Map<String, Object> binds = new HashMap<>();
    Sql q = view(h, accord, f, box, binds, false);
    binds.put("cell", cell);
    boolean sqlite = sqlite(h);
    // Coordinates shifted to be positive, so truncation is the floor on both engines. With a group
    // filter the group's own rows carry the coordinates and type (x is g), often with no join.
    String x = q.from().startsWith("incident_group") ? "g" : "i";
    String cy = sqlite ? "CAST((" + x + ".lat + 90) / :cell AS INTEGER)" : "FLOOR((" + x + ".lat + 90) / :cell)";
    String cx = sqlite ? "CAST((" + x + ".lon + 180) / :cell AS INTEGER)" : "FLOOR((" + x + ".lon + 180) / :cell)";
    Map<String, double[]> sums = new java.util.LinkedHashMap<>();
    Map<String, Map<String, Long>> types = new HashMap<>();
    h.createQuery("SELECT " + cy + " AS cy, " + cx + " AS cx, " + x + ".event_type, COUNT(*), SUM(" + x + ".lat), SUM(" + x
            + ".lon) FROM " + q.from() + " WHERE " + q.where() + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
        .bindMap(binds)
        .map((rs, c) -> {
          String key = rs.getLong(1) + ":" + rs.getLong(2);
          double[] s = sums.computeIfAbsent(key, k -> new double[3]);
          s[0] += rs.getLong(4);
          s[1] += rs.getDouble(5);
          s[2] += rs.getDouble(6);
          types.computeIfAbsent(key, k -> new java.util.TreeMap<>()).put(rs.getString(3), rs.getLong(4));
          return key;
        })
        .list();
    List<Cell> out = new ArrayList<>();
    sums.forEach((k, s) -> out.add(new Cell((long) s[0], s[1] / s[0], s[2] / s[0], types.get(k))));
    return out;
  }

  /**
   * The cells the projection keeps at {@code level} (see {@link IncidentIndex#CELL_LEVELS}) that
   * touch the view, of every incident or of a group's, optionally of one event type: the map at a
   * glance, without a scan.
   */
  public static List<Cell> storedCells(Handle h, String accord, String group, String eventType, Bbox b, int level) {
    double cell = IncidentIndex.cellDegrees(level);
    Map<String, Object> binds = new HashMap<>();
    binds.put("a", accord);
    binds.put("z", level);
    binds.put("cy0", (long) Math.floor((b.south() + 90) / cell));
    binds.put("cy1", (long) Math.floor((b.north() + 90) / cell));
    binds.put("cx0", (long) Math.floor((b.west() + 180) / cell));
    binds.put("cx1", (long) Math.floor((b.east() + 180) / cell));
    String type = "";
    if (eventType != null) {
      type = " AND event_type = :t";
      binds.put("t", eventType);
    }
    Map<String, double[]> sums = new java.util.LinkedHashMap<>();
    Map<String, Map<String, Long>> types = new HashMap<>();
    String from = "incident_cell WHERE accord = :a";
    String coords = "lat_sum, lon_sum";
    if (group != null) {
      from = "incident_group_cell WHERE accord = :a AND grp = :g";
      coords = "lat_micro / 1000000.0, lon_micro / 1000000.0";
      binds.put("g", group);
    }
    h.createQuery("SELECT cy, cx, event_type, incidents, " + coords + " FROM " + from + " AND z = :z"
            + " AND cy BETWEEN :cy0 AND :cy1 AND cx BETWEEN :cx0 AND :cx1" + type + " ORDER BY cy, cx, event_type")
        .bindMap(binds)
        .map((rs, c) -> {
          String key = rs.getLong(1) + ":" + rs.getLong(2);
          double[] x = sums.computeIfAbsent(key, k -> new double[3]);
          x[0] += rs.getLong(4);
          x[1] += rs.getDouble(5);
          x[2] += rs.getDouble(6);
          types.computeIfAbsent(key, k -> new java.util.TreeMap<>()).put(rs.getString(3), rs.getLong(4));
          return key;
        })
        .list();
    List<Cell> out = new ArrayList<>();
    sums.forEach((k, x) -> out.add(new Cell((long) x[0], x[1] / x[0], x[2] / x[0], types.get(k))));
    return out;
  }

  /** One row of the export: the incident's id, external id, creation time and its opening report. */
  public record Exported(long id, String externalId, String created, Report report) {}

  /** Streams every matching incident, newest first, as its opening report (for CSV and GeoJSON exports). */
  public static void export(Handle h, String accord, Filter f, java.util.function.Consumer<Exported> each) {
    Map<String, Object> binds = new HashMap<>();
    Sql q = sql(h, accord, f, binds, Use.LIST);
    try (var rows = h.createQuery("SELECT i.id, i.external_id, i.created, a.body FROM " + q.from()
            + " JOIN incident_account a ON a.accord = i.accord AND a.idx = i.id WHERE " + q.where()
            + " ORDER BY " + q.order())
        .bindMap(binds).setFetchSize(1000)
        .map((rs, c) -> new Exported(rs.getLong(1), rs.getString(2), rs.getString(3), body(rs.getString(4))))
        .stream()) {
      rows.forEach(each);
    }
  }

  private static Report body(String json) {
    try {
      return IncidentRules.read(EntryCodec.JSON.readTree(json), null, Groups.standard());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a stored report is not JSON", e);
    }
  }

  /** One incident: as first reported, then every report and account side by side, then findings. */
  public static Optional<ObjectNode> one(Handle h, String accord, long id) {
    Optional<Map<String, Object>> row = h.createQuery("SELECT " + COLUMNS + " FROM incident i WHERE i.accord = :a AND i.id = :id")
        .bind("a", accord).bind("id", id).mapToMap().findOne();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode o = incident(row.get());
    ArrayNode accounts = o.putArray("accounts");
    for (Map<String, Object> a : h.createQuery("SELECT idx, kind, party, author, lang, at, body FROM incident_account"
            + " WHERE accord = :a AND incident = :id ORDER BY idx").bind("a", accord).bind("id", id).mapToMap().list()) {
      ObjectNode x = accounts.addObject();
      put(x, "id", a.get("idx"));
      for (String k : List.of("kind", "party", "author", "lang", "at")) {
        put(x, k, a.get(k));
      }
      try {
        x.set("report", EntryCodec.JSON.readTree((String) a.get("body")));
      } catch (Exception e) {
        throw new IllegalStateException("stored account " + a.get("idx") + " is not JSON", e);
      }
    }
    // Where the gazetteer in force puts the incident: its district and its distance to the line in
    // force, and whose line that is. Node-local and recomputed after each gazetteer import.
    h.createQuery("SELECT country, admin1_code, admin1_name, admin2_code, admin2_name, method, border_km, line"
            + " FROM incident_place WHERE accord = :a AND incident = :id").bind("a", accord).bind("id", id)
        .mapToMap().findOne().ifPresent(p -> {
          ObjectNode x = o.putObject("located");
          for (String k : List.of("country", "admin1_code", "admin1_name", "admin2_code", "admin2_name", "method", "line")) {
            put(x, k, p.get(k));
          }
          if (p.get("border_km") instanceof Number km) {
            x.put("border_km", Math.round(km.doubleValue() * 10) / 10.0);
          }
        });
    ArrayNode findings = o.putArray("findings");
    for (Map<String, Object> fnd : h.createQuery("SELECT idx, party, author, lang, at, supports, text FROM incident_finding"
            + " WHERE accord = :a AND incident = :id ORDER BY idx").bind("a", accord).bind("id", id).mapToMap().list()) {
      ObjectNode x = findings.addObject();
      put(x, "id", fnd.get("idx"));
      for (String k : List.of("party", "author", "lang", "at", "supports", "text")) {
        put(x, k, fnd.get(k));
      }
    }
    return Optional.of(o);
  }

  static boolean sqlite(Handle h) {
    try {
      return h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot tell the database engine: " + e.getMessage(), e);
    }
  }

  /**
   * How a query reads a filter: as the newest-first list (or its count, export or aggregate), or as
   * the walk over the newest incidents that a common word's page is looked for in (the search
   * condition is then the caller's, per row).
   */
  private enum Use { LIST, WALK }

  /**
   * A filter as SQL: the tables read ({@code incident i}, and with a group filter the group's own
   * rows {@code g}), the conditions, and the newest-first order.
   */
  private record Sql(String from, String where, String order) {}

  private static final String BY_GROUP = "incident_group g JOIN incident i ON i.accord = g.accord AND i.id = g.incident";

  /**
   * The filter as SQL for the list, its count, the export and the timeline. A group matches when
   * any report or account names it (the parties may disagree about who did it): the group's rows
   * (incident_group) are read newest first and joined to the incidents, so a page stops after its
   * rows instead of collecting every incident naming the group; either engine may still start
   * from a narrower filter's index and look the group up by its key.
   */
  private static Sql sql(Handle h, String accord, Filter f, Map<String, Object> binds, Use use) {
    if (f.group() == null) {
      return new Sql("incident i", String.join(" AND ", conditions(h, accord, f, binds, "", use != Use.WALK)), "i.date DESC, i.id DESC");
    }
    // The group's rows carry the place's names (incident_group_admin1/2): a group in a province
    // or district is read from its own rows there, newest first.
    Filter rest = new Filter(f.from(), f.to(), null, null, f.group(), f.type(), f.q(), f.provision(), f.party(),
        f.fatalitiesMin(), f.fatalitiesMax());
    List<String> w = conditions(h, accord, rest, binds, "", use != Use.WALK);
    w.addAll(0, groupRows(f, binds));
    return new Sql(BY_GROUP, String.join(" AND ", w), "g.date DESC, g.incident DESC");
  }

  /** The conditions on a group's own rows: the group, and the province or district it names. */
  private static List<String> groupRows(Filter f, Map<String, Object> binds) {
    List<String> w = new ArrayList<>();
    w.add("g.accord = :accord AND g.grp = :group");
    binds.put("group", f.group());
    if (f.admin1() != null) {
      w.add("LOWER(g.admin1) = :admin1");
      binds.put("admin1", f.admin1().toLowerCase(Locale.ROOT));
    }
    if (f.admin2() != null) {
      w.add("LOWER(g.admin2) = :admin2");
      binds.put("admin2", f.admin2().toLowerCase(Locale.ROOT));
    }
    return w;
  }

  /** Whether a filter is words to search for and nothing else. */
  private static boolean textAlone(Filter f) {
    return f.q() != null && new Filter(null, null, null, null, null, null, f.q(), null).equals(f);
  }

  /** Whether a filter is a group, with at most a province or district: its own rows answer alone. */
  private static boolean groupRowsAlone(Filter f) {
    return f.group() != null && new Filter(null, null, f.admin1(), f.admin2(), f.group(), null, null, null).equals(f);
  }

  /**
   * The filter and a map view as SQL ({@code withIncident}: the caller reads the incident's own
   * columns). In a view SQLite is kept off the date, type, admin and fatalities indexes (a unary +
   * makes a term unindexable there) so the coordinates index, which bounds a small view, drives
   * the query; PostgreSQL's planner weighs them well by itself. With a group filter the group's
   * rows carry the coordinates and event type (incident_group_geo), so a view filtered by group
   * alone, or with an event type, is answered from that index without reading the incidents.
   */
  private static Sql view(Handle h, String accord, Filter f, Bbox b, Map<String, Object> binds, boolean withIncident) {
    if (b.equals(Bbox.WORLD)) {
      // No view: any point will do, and the newest-first order keeps to the date index.
      Sql q = sql(h, accord, f, binds, Use.LIST);
      return new Sql(q.from(), q.where() + " AND i.lat IS NOT NULL AND i.lon IS NOT NULL", q.order());
    }
    binds.put("south", b.south());
    binds.put("north", b.north());
    binds.put("west", b.west());
    binds.put("east", b.east());
    String p = sqlite(h) ? "+" : "";
    if (f.group() == null) {
      List<String> w = conditions(h, accord, f, binds, p, true);
      w.add("i.lat BETWEEN :south AND :north AND i.lon BETWEEN :west AND :east");
      return new Sql("incident i", String.join(" AND ", w), "i.date DESC, i.id DESC");
    }
    boolean eventType = f.type() != null && EventTypes.type(f.type()).isPresent();
    Filter rest = new Filter(f.from(), f.to(), f.admin1(), f.admin2(), null, eventType ? null : f.type(), f.q(),
        f.provision(), f.party(), f.fatalitiesMin(), f.fatalitiesMax());
    List<String> w = new ArrayList<>();
    w.add("g.accord = :accord AND g.grp = :group AND g.lat BETWEEN :south AND :north AND g.lon BETWEEN :west AND :east");
    binds.put("group", f.group());
    if (eventType) {
      w.add("g.event_type = :type");
      binds.put("type", f.type());
    }
    if (rest.any() && !withIncident) {
      binds.put("accord", accord);
      return new Sql("incident_group g", String.join(" AND ", w), "g.date DESC, g.incident DESC");
    }
    w.addAll(conditions(h, accord, rest, binds, p, true));
    return new Sql(BY_GROUP, String.join(" AND ", w), "g.date DESC, g.incident DESC");
  }

  /**
   * The page of a text search on SQLite: the full-text matches in rowid order, which is the list's
   * order, each joined to its incident for the other conditions (a group as a probe of its key).
   */
  private static Sql searchStream(Handle h, String accord, Filter f, Map<String, Object> binds) {
    Filter rest = new Filter(f.from(), f.to(), f.admin1(), f.admin2(), null, f.type(), null, f.provision(), f.party(),
        f.fatalitiesMin(), f.fatalitiesMax());
    List<String> w = conditions(h, accord, rest, binds, "", false);
    w.add(0, "incident_search MATCH :q AND s.accord = :accord");
    binds.put("q", IncidentSearch.match(h, f.q()));
    if (f.group() != null) {
      w.add("EXISTS (SELECT 1 FROM incident_group g WHERE g.accord = i.accord AND g.grp = :group AND g.incident = i.id)");
      binds.put("group", f.group());
    }
    return new Sql("incident_search s CROSS JOIN incident i ON i.accord = s.accord AND i.id = s.incident",
        String.join(" AND ", w), "s.rowid DESC");
  }

  /** Whether a list page and its count read a text search's matches in order (SQLite's ordered rowids). */
  private static boolean streamsSearch(Handle h, Filter f) {
    return f.q() != null && sqlite(h) && IncidentSearch.match(f.q(), true) != null;
  }

  /**
   * The conditions on the incident's own columns, and the text search as the full-text index's
   * list of matches ({@code search}; otherwise only its words are bound, for a caller testing them
   * row by row). The group is left to the caller. {@code p} prefixes indexable terms (see {@link #view}).
   */
  private static List<String> conditions(Handle h, String accord, Filter f, Map<String, Object> binds, String p,
      boolean search) {
    List<String> w = new ArrayList<>();
    w.add("i.accord = :accord");
    binds.put("accord", accord);
    if (f.from() != null) {
      w.add(p + "i.date >= :from");
      binds.put("from", f.from());
    }
    if (f.to() != null) {
      w.add(p + "i.date <= :to");
      binds.put("to", f.to());
    }
    if (f.admin1() != null) {
      w.add(p + "LOWER(i.admin1) = :admin1");
      binds.put("admin1", f.admin1().toLowerCase(Locale.ROOT));
    }
    if (f.admin2() != null) {
      w.add(p + "LOWER(i.admin2) = :admin2");
      binds.put("admin2", f.admin2().toLowerCase(Locale.ROOT));
    }
    if (f.type() != null) {
      // Type and sub-type codes are distinct, so one column (and its index) answers.
      w.add(EventTypes.type(f.type()).isPresent() ? p + "i.event_type = :type" : p + "i.sub_event_type = :type");
      binds.put("type", f.type());
    }
    if (f.provision() != null) {
      w.add("i.provisions LIKE :provision ESCAPE '!'");
      binds.put("provision", "%," + like(f.provision()) + ",%");
    }
    if (f.party() != null) {
      // A source party is any member that filed the report or an account of the incident.
      // A probe per row: a party files a large share of the register, so its list is not worth building.
      w.add("EXISTS (SELECT 1 FROM incident_account p WHERE p.accord = i.accord AND p.incident = i.id AND p.party = :party)");
      binds.put("party", f.party());
    }
    if (f.fatalitiesMin() != null) {
      w.add(p + "i.fatalities_best >= :fmin");
      binds.put("fmin", f.fatalitiesMin());
    }
    if (f.fatalitiesMax() != null) {
      w.add(p + "i.fatalities_best <= :fmax");
      binds.put("fmax", f.fatalitiesMax());
    }
    if (f.q() != null) {
      boolean sqlite = sqlite(h);
      String match = IncidentSearch.match(h, f.q());
      if (match == null) {
        w.add("1 = 0"); // punctuation alone matches nothing
      } else {
        if (search) {
          w.add(IncidentSearch.condition(sqlite));
        }
        binds.put("q", match);
      }
    }
    return w;
  }

  /** LIKE wildcards in a user's text match themselves ('!' escapes: a backslash would be read by JDBI). */
  private static String like(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static ObjectNode incident(Map<String, Object> r) {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    put(o, "id", r.get("id"));
    put(o, "external_id", r.get("external_id"));
    put(o, "reported_by", r.get("reported_by"));
    put(o, "date", r.get("date"));
    put(o, "date_end", r.get("date_end"));
    put(o, "date_precision", r.get("date_precision"));
    ObjectNode place = o.putObject("place");
    for (String k : List.of("country", "admin1", "admin2", "location", "lat", "lon")) {
      put(place, k, r.get(k));
    }
    put(place, "precision", r.get("geo_precision"));
    put(o, "event_type", r.get("event_type"));
    put(o, "sub_event_type", r.get("sub_event_type"));
    put(o, "fatalities_best", r.get("fatalities_best"));
    ArrayNode provisions = o.putArray("provisions");
    for (String p : String.valueOf(r.get("provisions")).split(",")) {
      if (!p.isEmpty()) {
        provisions.add(p);
      }
    }
    put(o, "text", r.get("text"));
    put(o, "created", r.get("created"));
    return o;
  }

  private static void put(ObjectNode o, String k, Object v) {
    if (v == null) {
      o.putNull(k);
    } else if (v instanceof Double d) {
      o.put(k, d);
    } else if (v instanceof Float fl) {
      o.put(k, fl.doubleValue());
    } else if (v instanceof Number n) {
      o.put(k, n.longValue());
    } else {
      o.put(k, v.toString());
    }
  }
}
