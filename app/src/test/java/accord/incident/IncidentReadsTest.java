package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.StateDigest;
import accord.ledger.WriteBehind;
import accord.store.Db;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The register's bounded reads (group rows, kept slices, ordered search rows, walks over the newest
 * incidents) answer exactly as the plain SQL over the incident table does: the same rows in the
 * same order, totals, timeline, map cells and points, on both engines. A few thousand incidents
 * are applied through the projection, many with accounts by the other party naming other
 * perpetrators, and a second accord shares some incidents' ids and dates.
 */
class IncidentReadsTest {
  @TempDir Path dir;
  static final String A = DefaultInstance.KABUL;
  static final String B = DefaultInstance.DOHA;
  static final String[] GROUPS = {"TTP", "ISKP", "PK_FORCES", "TALIBAN", null, null};
  static final String[][] TYPES = {
    {"battles", "armed_clash"}, {"explosions_remote_violence", "air_drone_strike"},
    {"violence_against_civilians", "attack"}, {"strategic_developments", "arrests"},
  };
  static final String[] WORDS = {"checkpoint", "convoy", "market", "village", "border", "police", "school", "حمله", "پولیس"};
  static final String[] PROVINCES = {"Khost", "Kunar", "Balochistan", "Khyber Pakhtunkhwa"};

  @ParameterizedTest
  @EnumSource(Engines.class)
  void boundedReadsAnswerAsThePlainQueries(Engines engine) throws Exception {
    String url = engine.newDatabase(dir);
    try (Db db = url == null ? Db.sqlite(dir) : Db.open(url)) {
      db.jdbi().useTransaction(h -> {
        fill(h, A, 3000, 11);
        fill(h, B, 400, 11); // the same seed: the same ids and dates as A's first incidents
      });
      db.jdbi().useHandle(h -> {
        boolean sqlite = db.engine() == Db.Engine.SQLITE;
        Map<String, IncidentQuery.Filter> filters = filters();
        var region = new IncidentQuery.Bbox(30, 66, 35, 72);
        var small = new IncidentQuery.Bbox(33.0, 69.5, 33.6, 70.3);
        for (var e : filters.entrySet()) {
          IncidentQuery.Filter f = e.getValue();
          String what = engine + " " + e.getKey();
          List<Long> all = oracleIds(h, sqlite, A, f);
          assertThat(IncidentQuery.count(h, A, f)).as(what).isEqualTo(all.size());
          assertThat(IncidentQuery.count(h, A, f, IncidentQuery.COUNT_CAP))
              .as(what).isEqualTo(new IncidentQuery.Count(all.size(), true));
          if (!f.any()) { // unfiltered, the kept totals give the exact size whatever the cap
            long capped = Math.min(all.size(), 40);
            assertThat(IncidentQuery.count(h, A, f, 40)).as(what).isEqualTo(new IncidentQuery.Count(capped, all.size() <= 40));
          }
          for (int offset : new int[] {0, 50, 700}) {
            List<Long> page = IncidentQuery.page(h, A, f, 50, offset).stream().map(o -> o.get("id").asLong()).toList();
            assertThat(page).as(what + " offset " + offset)
                .isEqualTo(all.subList(Math.min(offset, all.size()), Math.min(offset + 50, all.size())));
          }
          List<Long> exported = new ArrayList<>();
          IncidentQuery.export(h, A, f, x -> exported.add(x.id()));
          assertThat(exported).as(what + " export").isEqualTo(all);
          assertThat(IncidentQuery.timeline(h, A, f)).as(what + " timeline").isEqualTo(oracleTimeline(h, sqlite, A, f));
          for (var box : List.of(IncidentQuery.Bbox.WORLD, region, small)) {
            String at = what + " " + box;
            assertThat(IncidentQuery.points(h, A, f, box, 300).stream().map(IncidentQuery.Point::id).toList())
                .as(at + " points").isEqualTo(oraclePoints(h, sqlite, A, f, box, 300));
            long inView = oraclePoints(h, sqlite, A, f, box, 100_000).size();
            assertThat(IncidentQuery.pointsUpTo(h, A, f, box, 100)).as(at).isEqualTo(Math.min(inView, 101));
            sameCells(IncidentQuery.cells(h, A, f, box, 1.4), oracleCells(h, sqlite, A, f, box, 1.4), at);
          }
        }
        // Nothing of the second accord leaks into the first, which it shares ids and dates with.
        assertThat(IncidentQuery.page(h, B, filters.get("q=checkpoint"), 50, 0).stream().map(o -> o.get("id").asLong()).toList())
            .isEqualTo(oracleIds(h, sqlite, B, filters.get("q=checkpoint")).subList(0, 50));
      });
      // A word indexed after a search spelt its prefix out is found by the next search.
      db.jdbi().useTransaction(h -> {
        ObjectNode b = body(new Random(1), "2029-12-31", TYPES[0], null, null);
        b.put("text", "checkpointed");
        new IncidentProjection().evolve(h, entry(IncidentRules.REPORT, A, "AF", b), 100_000);
        WriteBehind.flush(h);
      });
      db.jdbi().useHandle(h -> assertThat(IncidentQuery.page(h, A, filters().get("q=checkpoint"), 1, 0).get(0).get("id").asLong())
          .isEqualTo(100_000));
    }
  }

  /** The migration fills the kept rows of an existing register as the projection does. */
  @ParameterizedTest
  @EnumSource(Engines.class)
  void migrationBackfillMatchesTheProjection(Engines engine) throws Exception {
    String url = engine.newDatabase(dir);
    try (Db db = url == null ? Db.sqlite(dir) : Db.open(url)) {
      db.jdbi().useTransaction(h -> fill(h, A, 600, 5));
      db.jdbi().useHandle(h -> {
        String kept = digest(h);
        h.execute("DELETE FROM incident_group");
        h.execute("DELETE FROM incident_month_filter");
        assertThat(h.createQuery("SELECT COUNT(*) FROM incident_group_cell").mapTo(Long.class).one()).isPositive();
        for (String migration : List.of("V14__incident_reads.sql", "V16__incident_group_admin.sql")) {
          String sql = Files.readString(Path.of(getClass().getResource("/db/migration/" + migration).toURI()));
          for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
            if (statement.strip().startsWith("INSERT") || statement.strip().startsWith("UPDATE")) {
              h.execute(statement);
            }
          }
        }
        IncidentIndex.fillGroupCells(h); // V16_1
        assertThat(digest(h)).isEqualTo(kept);
      });
    }
  }

  /** On SQLite, V14_1 gives search rows written before it the ordered keys the projection gives new ones. */
  @org.junit.jupiter.api.Test
  void migrationOrdersExistingSearchRows() throws Exception {
    try (Db db = Db.sqlite(dir)) {
      db.jdbi().useTransaction(h -> {
        fill(h, A, 500, 3);
        fill(h, B, 100, 3);
      });
      String order = "SELECT accord || ':' || idx FROM incident_search ORDER BY rowid DESC";
      List<String> keyed = db.jdbi().withHandle(h -> h.createQuery(order).mapTo(String.class).list());
      db.jdbi().useHandle(h -> {
        // The table as V11 made it: rowids in the order rows were written.
        h.execute("DROP TABLE incident_search_vocab");
        h.execute("CREATE VIRTUAL TABLE old_search USING fts5(accord UNINDEXED, idx UNINDEXED, incident UNINDEXED, doc,"
            + " detail=none, prefix='2 3', tokenize='unicode61 remove_diacritics 0')");
        h.execute("INSERT INTO old_search (accord, idx, incident, doc) SELECT accord, idx, incident, doc FROM incident_search"
            + " ORDER BY accord, idx");
        h.execute("DROP TABLE incident_search");
        h.execute("ALTER TABLE old_search RENAME TO incident_search");
        java.sql.Connection c = h.getConnection();
        new db.migration.V14_1__incident_search_order().migrate(new org.flywaydb.core.api.migration.Context() {
          @Override
          public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
            return null;
          }

          @Override
          public java.sql.Connection getConnection() {
            return c;
          }
        });
      });
      List<String> migrated = db.jdbi().withHandle(h -> h.createQuery(order).mapTo(String.class).list());
      // Rows of two accords that share an incident's id and date may take each other's slots.
      assertThat(migrated.stream().filter(x -> x.startsWith(A)).toList()).isEqualTo(keyed.stream().filter(x -> x.startsWith(A)).toList());
      assertThat(migrated.stream().filter(x -> x.startsWith(B)).toList()).isEqualTo(keyed.stream().filter(x -> x.startsWith(B)).toList());
      db.jdbi().useHandle(h -> assertThat(IncidentQuery.page(h, A, filters().get("q=checkpoint"), 50, 0).stream()
          .map(o -> o.get("id").asLong()).toList()).isEqualTo(oracleIds(h, true, A, filters().get("q=checkpoint")).subList(0, 50)));
    }
  }

  static String digest(Handle h) {
    return StateDigest.of(h, List.of(new accord.ledger.Projection() {
      @Override
      public boolean handles(String type) {
        return false;
      }

      @Override
      public void decide(Handle h, Entry e) {}

      @Override
      public void evolve(Handle h, Entry e, long index) {}

      @Override
      public List<String> tables() {
        return List.of("incident_group", "incident_month_filter", "incident_group_cell");
      }
    }));
  }

  static Map<String, IncidentQuery.Filter> filters() {
    Map<String, IncidentQuery.Filter> m = new LinkedHashMap<>();
    m.put("none", IncidentQuery.Filter.ANY);
    m.put("group=TTP", f(null, null, null, "TTP", null, null, null, null));
    m.put("group=TALIBAN", f(null, null, null, "TALIBAN", null, null, null, null));
    m.put("group=AQIS (none)", f(null, null, null, "AQIS", null, null, null, null));
    m.put("party=AF", f(null, null, null, null, null, null, "AF", null));
    m.put("party=PK", f(null, null, null, null, null, null, "PK", null));
    m.put("type=battles", f(null, null, null, null, "battles", null, null, null));
    m.put("type=attack (sub type)", f(null, null, null, null, "attack", null, null, null));
    m.put("q=checkpoint", f(null, null, null, null, null, "checkpoint", null, null));
    m.put("q=checkpoint convoy", f(null, null, null, null, null, "checkpoint convoy", null, null));
    m.put("q=rare", f(null, null, null, null, null, "loc77", null, null));
    m.put("q=punctuation", f(null, null, null, null, null, "!!", null, null));
    m.put("q=پولیس", f(null, null, null, null, null, "پولیس", null, null));
    m.put("admin1=khost", f(null, null, "khost", null, null, null, null, null));
    m.put("2023", f("2023-01-01", "2023-12-31", null, null, null, null, null, null));
    m.put("group+party", f(null, null, null, "TTP", null, null, "AF", null));
    m.put("group+type", f(null, null, null, "ISKP", "battles", null, null, null));
    m.put("group+party+type", f(null, null, null, "TALIBAN", "battles", null, "PK", null));
    m.put("group+sub type", f(null, null, null, "TTP", "armed_clash", null, null, null));
    m.put("party+type", f(null, null, null, null, "strategic_developments", null, "PK", null));
    m.put("group+q", f(null, null, null, "TTP", null, "checkpoint", null, null));
    m.put("q+type", f(null, null, null, null, "battles", "convoy", null, null));
    m.put("q+party+2024", f("2024-01-01", null, null, null, null, "market", "AF", null));
    m.put("group+admin1+from", f("2022-06-01", null, "kunar", "PK_FORCES", null, null, null, null));
    m.put("fatalities>=10+group", f(null, null, null, "TTP", null, null, null, 10L));
    m.put("admin2=district 3", new IncidentQuery.Filter(null, null, null, "District 3", null, null, null, null));
    m.put("group+admin2", new IncidentQuery.Filter(null, null, null, "district 3", "TTP", null, null, null));
    m.put("group+admin1+admin2+type", new IncidentQuery.Filter(null, null, "KHOST", "District 5", "TALIBAN", "battles", null, null));
    return m;
  }

  static IncidentQuery.Filter f(String from, String to, String admin1, String group, String type, String q, String party,
      Long fmin) {
    return new IncidentQuery.Filter(from, to, admin1, null, group, type, q, null, party, fmin, null);
  }

  /** Reports by AF or PK; every third has an account by the other party naming its own perpetrator. */
  static void fill(Handle h, String accord, int n, long seed) {
    Random r = new Random(seed);
    IncidentProjection p = new IncidentProjection();
    long index = 1;
    List<long[]> incidents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String date = String.format("%d-%02d-%02d", 2020 + r.nextInt(5), 1 + r.nextInt(12), 1 + r.nextInt(28));
      String[] t = TYPES[r.nextInt(TYPES.length)];
      String party = r.nextInt(3) == 0 ? "AF" : "PK";
      ObjectNode b = body(r, date, t, GROUPS[r.nextInt(GROUPS.length)], GROUPS[r.nextInt(GROUPS.length)]);
      b.put("text", text(r) + " loc" + r.nextInt(400));
      long id = index++;
      p.evolve(h, entry(IncidentRules.REPORT, accord, party, b), id);
      incidents.add(new long[] {id});
      if (r.nextInt(3) == 0) {
        // An account of an earlier incident, by either party: the parties disagree about who did it.
        long of = incidents.get(r.nextInt(incidents.size()))[0];
        ObjectNode a = body(r, date, t, GROUPS[r.nextInt(GROUPS.length)], null);
        a.put("incident", of).put("text", text(r));
        p.evolve(h, entry(IncidentRules.ACCOUNT, accord, r.nextBoolean() ? "AF" : "PK", a), index++);
      }
    }
    WriteBehind.flush(h); // as the ledger does at the end of a batch
  }

  static ObjectNode body(Random r, String date, String[] t, String g1, String g2) {
    ObjectNode b = EntryCodec.JSON.createObjectNode();
    b.put("date", date).put("event_type", t[0]).put("sub_event_type", t[1]);
    var place = b.putObject("place").put("country", "Pakistan").put("admin1", PROVINCES[r.nextInt(PROVINCES.length)])
        .put("admin2", "District " + r.nextInt(9)).put("location", "Place " + r.nextInt(50));
    if (r.nextInt(10) > 0) {
      place.put("lat", 29 + r.nextDouble() * 8).put("lon", 61 + r.nextDouble() * 14);
    }
    var actors = b.putArray("actors");
    for (String g : new String[] {g1, g2}) {
      if (g != null) {
        actors.addObject().put("name", Groups.standard().names().get(g)).put("role", "perpetrator").put("group", g);
      }
    }
    actors.addObject().put("name", "Civilians").put("role", "target");
    if (r.nextInt(5) > 0) {
      b.putObject("fatalities").put("best", r.nextInt(30));
    }
    return b;
  }

  static String text(Random r) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < 4; w++) {
      s.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
    }
    return s.toString().strip();
  }

  static Entry entry(String type, String accord, String party, ObjectNode body) {
    return new Entry(type, accord, party, "test", Instant.parse("2025-06-01T00:00:00Z"), List.of(), "en", body);
  }

  // The plain SQL the register's reads answered with before they were bounded: the oracle.

  static String oracleWhere(boolean sqlite, String accord, IncidentQuery.Filter f, Map<String, Object> binds) {
    StringBuilder w = new StringBuilder("i.accord = :accord");
    binds.put("accord", accord);
    if (f.from() != null) {
      w.append(" AND i.date >= :from");
      binds.put("from", f.from());
    }
    if (f.to() != null) {
      w.append(" AND i.date <= :to");
      binds.put("to", f.to());
    }
    if (f.admin1() != null) {
      w.append(" AND LOWER(i.admin1) = :admin1");
      binds.put("admin1", f.admin1().toLowerCase(Locale.ROOT));
    }
    if (f.admin2() != null) {
      w.append(" AND LOWER(i.admin2) = :admin2");
      binds.put("admin2", f.admin2().toLowerCase(Locale.ROOT));
    }
    if (f.group() != null) {
      w.append(" AND i.id IN (SELECT x.incident FROM incident_actor x WHERE x.accord = :accord AND x.grp = :group)");
      binds.put("group", f.group());
    }
    if (f.type() != null) {
      w.append(EventTypes.type(f.type()).isPresent() ? " AND i.event_type = :type" : " AND i.sub_event_type = :type");
      binds.put("type", f.type());
    }
    if (f.party() != null) {
      w.append(" AND EXISTS (SELECT 1 FROM incident_account p WHERE p.accord = i.accord AND p.incident = i.id AND p.party = :party)");
      binds.put("party", f.party());
    }
    if (f.fatalitiesMin() != null) {
      w.append(" AND i.fatalities_best >= :fmin");
      binds.put("fmin", f.fatalitiesMin());
    }
    if (f.q() != null) {
      String match = IncidentSearch.match(f.q(), sqlite);
      if (match == null) {
        w.append(" AND 1 = 0");
      } else {
        w.append(sqlite
            ? " AND i.id IN (SELECT s.incident FROM incident_search s WHERE incident_search MATCH :q AND s.accord = :accord)"
            : " AND i.id IN (SELECT s.incident FROM incident_search s WHERE to_tsvector('simple', s.doc) @@ to_tsquery('simple', :q)"
                + " AND s.accord = :accord)");
        binds.put("q", match);
      }
    }
    return w.toString();
  }

  static List<Long> oracleIds(Handle h, boolean sqlite, String accord, IncidentQuery.Filter f) {
    Map<String, Object> binds = new HashMap<>();
    String where = oracleWhere(sqlite, accord, f, binds);
    return h.createQuery("SELECT i.id FROM incident i WHERE " + where + " ORDER BY i.date DESC, i.id DESC")
        .bindMap(binds).mapTo(Long.class).list();
  }

  static List<IncidentQuery.MonthGroup> oracleTimeline(Handle h, boolean sqlite, String accord, IncidentQuery.Filter f) {
    Map<String, Object> binds = new HashMap<>();
    String where = oracleWhere(sqlite, accord, f, binds);
    return h.createQuery("SELECT month, grp, COUNT(*) AS n, SUM(f) AS fat FROM (SELECT SUBSTR(i.date, 1, 7) AS month,"
            + " COALESCE((SELECT MIN(x.grp) FROM incident_actor x WHERE x.accord = i.accord AND x.account = i.id"
            + " AND x.role = 'perpetrator'), '') AS grp, COALESCE(i.fatalities_best, 0) AS f FROM incident i WHERE "
            + where + ") t GROUP BY month, grp ORDER BY month, grp")
        .bindMap(binds)
        .map((rs, c) -> new IncidentQuery.MonthGroup(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
  }

  static String box(IncidentQuery.Bbox b, Map<String, Object> binds) {
    if (b.equals(IncidentQuery.Bbox.WORLD)) {
      return " AND i.lat IS NOT NULL AND i.lon IS NOT NULL";
    }
    binds.put("south", b.south());
    binds.put("north", b.north());
    binds.put("west", b.west());
    binds.put("east", b.east());
    return " AND i.lat BETWEEN :south AND :north AND i.lon BETWEEN :west AND :east";
  }

  static List<Long> oraclePoints(Handle h, boolean sqlite, String accord, IncidentQuery.Filter f, IncidentQuery.Bbox b,
      int limit) {
    Map<String, Object> binds = new HashMap<>();
    String where = oracleWhere(sqlite, accord, f, binds) + box(b, binds);
    binds.put("limit", limit);
    return h.createQuery("SELECT i.id FROM incident i WHERE " + where + " ORDER BY i.date DESC, i.id DESC LIMIT :limit")
        .bindMap(binds).mapTo(Long.class).list();
  }

  /** Per cell: count, lat sum, lon sum, count per type (as "type=n;..."). */
  static Map<String, Object[]> oracleCells(Handle h, boolean sqlite, String accord, IncidentQuery.Filter f,
      IncidentQuery.Bbox b, double cell) {
    Map<String, Object> binds = new HashMap<>();
    String where = oracleWhere(sqlite, accord, f, binds) + box(b, binds);
    binds.put("cell", cell);
    String cy = sqlite ? "CAST((i.lat + 90) / :cell AS INTEGER)" : "FLOOR((i.lat + 90) / :cell)";
    String cx = sqlite ? "CAST((i.lon + 180) / :cell AS INTEGER)" : "FLOOR((i.lon + 180) / :cell)";
    Map<String, Object[]> out = new LinkedHashMap<>();
    h.createQuery("SELECT " + cy + ", " + cx + ", i.event_type, COUNT(*), SUM(i.lat), SUM(i.lon) FROM incident i WHERE "
            + where + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
        .bindMap(binds)
        .map((rs, c) -> {
          Object[] x = out.computeIfAbsent(rs.getLong(1) + ":" + rs.getLong(2), k -> new Object[] {0L, 0.0, 0.0, new java.util.TreeMap<String, Long>()});
          x[0] = (Long) x[0] + rs.getLong(4);
          x[1] = (Double) x[1] + rs.getDouble(5);
          x[2] = (Double) x[2] + rs.getDouble(6);
          @SuppressWarnings("unchecked")
          Map<String, Long> types = (Map<String, Long>) x[3];
          types.put(rs.getString(3), rs.getLong(4));
          return 0;
        })
        .list();
    return out;
  }

  static void sameCells(List<IncidentQuery.Cell> cells, Map<String, Object[]> oracle, String what) {
    assertThat(cells).as(what + " cells").hasSize(oracle.size());
    int i = 0;
    for (Object[] x : oracle.values()) {
      IncidentQuery.Cell c = cells.get(i++);
      long n = (Long) x[0];
      assertThat(c.count()).as(what).isEqualTo(n);
      assertThat(c.lat()).as(what).isCloseTo((Double) x[1] / n, within(1e-9));
      assertThat(c.lon()).as(what).isCloseTo((Double) x[2] / n, within(1e-9));
      assertThat(c.types()).as(what).isEqualTo(x[3]);
    }
  }
}
