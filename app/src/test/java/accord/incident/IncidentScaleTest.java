package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.store.Db;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The register's reads over a large read model, written straight into its tables (not through the
 * log: this measures the queries, not the import). Off by default; run with
 * {@code -Dincident.scale=1000000} to fill that many incidents and print p50/p95 of the list, the
 * map data and the timeline, each with and without filters ({@code -Dincident.scale.engine=sqlite}
 * or {@code postgresql} for one engine).
 */
class IncidentScaleTest {
  @TempDir Path dir;
  static final String A = DefaultInstance.KABUL;
  static final String[] TYPES = {"battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots",
      "strategic_developments"};
  static final String[] SUBS = {"armed_clash", "air_drone_strike", "attack", "peaceful_protest", "mob_violence", "arrests"};
  static final String[] GROUPS = {"TTP", "ISKP", "AQIS", "HQN", "PK_FORCES", "AF_FORCES", "TALIBAN", null, null, null};
  static final String[] WORDS = {"fighters", "attacked", "checkpoint", "police", "market", "village", "killed", "wounded",
      "border", "crossing", "security", "forces", "convoy", "roadside", "bomb", "district", "mosque", "school", "clash",
      "militants", "حمله", "پولیس", "سرحد", "بازار", "شہری", "ډزې", "پوله", "ولسوالی"};

  @ParameterizedTest
  @EnumSource(Engines.class)
  void readsAtScale(Engines engine) throws Exception {
    String scale = System.getProperty("incident.scale");
    assumeTrue(scale != null, "scale check skipped: run with -Dincident.scale=1000000");
    String only = System.getProperty("incident.scale.engine"); // e.g. sqlite: one engine's run
    assumeTrue(only == null || engine.name().equalsIgnoreCase(only), "scale check of " + only + " only");
    int n = Integer.parseInt(scale);
    String url = engine.newDatabase(dir);
    try (Db db = url == null ? Db.sqlite(dir) : Db.open(url)) {
      long t0 = System.nanoTime();
      fill(db, n);
      System.out.printf("%s: %,d incidents written in %.1f s%n", engine, n, (System.nanoTime() - t0) / 1e9);
      db.jdbi().useHandle(h -> {
        if (db.engine() == Db.Engine.SQLITE) {
          h.execute("ANALYZE");
        } else {
          h.execute("ANALYZE");
        }
        var any = IncidentQuery.Filter.ANY;
        var battles = new IncidentQuery.Filter(null, null, null, null, null, "battles", null, null);
        var khost = new IncidentQuery.Filter("2024-01-01", "2024-12-31", "Khost", null, null, null, null, null);
        var ttp = new IncidentQuery.Filter(null, null, null, null, "TTP", null, null, null);
        var word = new IncidentQuery.Filter(null, null, null, null, null, null, "checkpoint convoy", null);
        var rare = new IncidentQuery.Filter(null, null, null, null, null, null, "loc12345", null);
        var fatal = new IncidentQuery.Filter(null, null, null, null, null, null, null, null, null, 50L, null);
        var party = new IncidentQuery.Filter(null, null, null, null, null, null, null, null, "AF", null, null);
        var region = new IncidentQuery.Bbox(29, 61, 37, 75);
        Map<String, IncidentQuery.Filter> filters = new java.util.LinkedHashMap<>();
        filters.put("none", any);
        filters.put("type=battles", battles);
        filters.put("2024 in admin1=Khost", khost);
        filters.put("group=TTP", ttp);
        filters.put("q=checkpoint convoy", word);
        filters.put("q=<rare word>", rare);
        filters.put("fatalities_min=50", fatal);
        filters.put("party=AF", party);
        for (var e : filters.entrySet()) {
          var f = e.getValue();
          time(engine + " list " + e.getKey(), () -> {
            IncidentQuery.count(h, A, f, IncidentQuery.COUNT_CAP);
            return IncidentQuery.page(h, A, f, 50, 0).size();
          });
        }
        time(engine + " list page 200 (offset 10,000)", () -> IncidentQuery.page(h, A, any, 50, 10_000).size());
        for (var e : filters.entrySet()) {
          time(engine + " timeline " + e.getKey(), () -> IncidentQuery.timeline(h, A, e.getValue()).size());
        }
        for (var e : List.of(Map.entry("none", any), Map.entry("type=battles", battles), Map.entry("group=TTP", ttp))) {
          time(engine + " map zoom 5 region " + e.getKey(), () ->
              IncidentExport.geojson(h, A, e.getValue(), region, 5, IncidentExport.MAP_POINTS).get("features").size());
          time(engine + " map zoom 9 small view " + e.getKey(), () ->
              IncidentExport.geojson(h, A, e.getValue(), new IncidentQuery.Bbox(33.2, 69.8, 33.5, 70.2), 9,
                  IncidentExport.MAP_POINTS).get("features").size());
        }
        time(engine + " geojson no zoom (newest 5000)", () ->
            IncidentExport.geojson(h, A, any, IncidentQuery.Bbox.WORLD, null, IncidentExport.MAP_POINTS).get("features").size());
        assertThat(IncidentQuery.count(h, A, any)).isEqualTo(n);
      });
    }
  }

  static void time(String what, Supplier<Integer> q) {
    int size = q.get(); // warm
    q.get();
    double[] ms = new double[15];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      q.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("%-55s p50 %7.1f ms  p95 %7.1f ms  (%d rows)%n", what, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], size);
  }

  /** Deterministic rows near the border, a decade of dates, ACLED-like notes. */
  static void fill(Db db, int n) throws Exception {
    Random r = new Random(42);
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      PreparedStatement inc = c.prepareStatement("INSERT INTO incident (accord, id, external_id, reported_by, date, date_end,"
          + " date_precision, country, admin1, admin2, location, lat, lon, geo_precision, event_type, sub_event_type,"
          + " fatalities_best, provisions, text, created) VALUES (?, ?, NULL, ?, ?, NULL, 'day', ?, ?, ?, ?, ?, ?, 'near', ?, ?, ?, ?, ?, ?)");
      PreparedStatement acc = c.prepareStatement("INSERT INTO incident_account (accord, idx, incident, kind, party, author, lang,"
          + " at, date, event_type, sub_event_type, fatalities_best, text, body) VALUES (?, ?, ?, 'report', ?, 'import', 'en', ?, ?, ?, ?, ?, ?, '{}')");
      PreparedStatement act = c.prepareStatement("INSERT INTO incident_actor (accord, account, ordinal, incident, name, role, grp)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)");
      boolean sqlite = db.engine() == Db.Engine.SQLITE;
      // On SQLite the search rows take the ordered rowids the projection gives them (IncidentSearch.orderKey).
      PreparedStatement srch = c.prepareStatement(sqlite
          ? "INSERT INTO incident_search (accord, idx, incident, doc, rowid) VALUES (?, ?, ?, ?, ?)"
          : "INSERT INTO incident_search (accord, idx, incident, doc) VALUES (?, ?, ?, ?)");
      PreparedStatement grp = c.prepareStatement("INSERT INTO incident_group (accord, grp, incident, date, lat, lon, event_type)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)");
      Map<String, long[]> months = new HashMap<>();
      Map<String, long[]> slices = new HashMap<>();
      Map<String, double[]> cells = new HashMap<>();
      String[] provinces = new String[30];
      for (int i = 0; i < provinces.length; i++) {
        provinces[i] = i == 0 ? "Khost" : "Province " + i;
      }
      for (int i = 0; i < n; i++) {
        long id = 1000L + i;
        String date = String.format("%d-%02d-%02d", 2015 + r.nextInt(11), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String admin1 = provinces[r.nextInt(provinces.length)];
        String admin2 = "District " + r.nextInt(300);
        String location = "loc" + r.nextInt(200_000);
        int t = r.nextInt(TYPES.length);
        long fat = r.nextInt(10) < 3 ? 0 : (long) Math.min(200, Math.abs(r.nextGaussian() * 15));
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 12; w++) {
          text.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        text.append(location);
        String g = GROUPS[r.nextInt(GROUPS.length)];
        String party = r.nextInt(3) == 0 ? "AF" : "PK";
        double lat = 29 + r.nextDouble() * 8;
        double lon = 61 + r.nextDouble() * 14;
        String created = "2025-06-01T00:00:00Z";
        bind(inc, A, id, party, date, "Pakistan", admin1, admin2, location, lat, lon, TYPES[t], SUBS[t], fat, "", text.toString(), created);
        bind(acc, A, id, id, party, created, date, TYPES[t], SUBS[t], fat, text.toString());
        List<String> names = new ArrayList<>();
        if (g != null) {
          bind(act, A, id, 0, id, g + " fighters", "perpetrator", g);
          names.add(g + " fighters");
        }
        bind(act, A, id, 1, id, "Civilians", "target", null);
        names.add("Civilians");
        srch.setString(1, A);
        srch.setLong(2, id);
        srch.setLong(3, id);
        srch.setString(4, String.join(" ", IncidentSearch.terms(admin1 + " " + admin2 + " " + location + " " + text + " "
            + String.join(" ", names))));
        if (sqlite) {
          srch.setLong(5, IncidentSearch.orderKey(date, id));
        }
        srch.addBatch();
        if (g != null) {
          bind(grp, A, g, id, date, lat, lon, TYPES[t]);
        }
        for (int z : IncidentIndex.CELL_LEVELS) {
          double cell = IncidentIndex.cellDegrees(z);
          double[] x = cells.computeIfAbsent(z + "|" + (long) Math.floor((lat + 90) / cell) + "|"
              + (long) Math.floor((lon + 180) / cell) + "|" + TYPES[t], k -> new double[3]);
          x[0]++;
          x[1] += lat;
          x[2] += lon;
        }
        long[] m = months.computeIfAbsent(date.substring(0, 7) + "|" + (g == null ? "" : g) + "|" + TYPES[t], k -> new long[2]);
        m[0]++;
        m[1] += fat;
        for (String slice : g == null ? List.of("|" + party) : List.of("|" + party, g + "|", g + "|" + party)) {
          long[] x = slices.computeIfAbsent(slice + "|" + date.substring(0, 7) + "|" + (g == null ? "" : g) + "|" + TYPES[t],
              k -> new long[2]);
          x[0]++;
          x[1] += fat;
        }
        if (i % 5000 == 4999) {
          for (PreparedStatement p : List.of(inc, acc, act, srch, grp)) {
            p.executeBatch();
          }
          c.commit();
        }
      }
      for (PreparedStatement p : List.of(inc, acc, act, srch, grp)) {
        p.executeBatch();
      }
      PreparedStatement slice = c.prepareStatement("INSERT INTO incident_month_filter (accord, fgrp, fparty, month, grp,"
          + " event_type, incidents, fatalities) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      for (var e : slices.entrySet()) {
        String[] k = e.getKey().split("\\|", -1);
        bind(slice, A, k[0], k[1], k[2], k[3], k[4], e.getValue()[0], e.getValue()[1]);
      }
      slice.executeBatch();
      PreparedStatement month = c.prepareStatement("INSERT INTO incident_month (accord, month, grp, event_type, incidents, fatalities)"
          + " VALUES (?, ?, ?, ?, ?, ?)");
      for (var e : months.entrySet()) {
        String[] k = e.getKey().split("\\|", -1);
        bind(month, A, k[0], k[1], k[2], e.getValue()[0], e.getValue()[1]);
      }
      month.executeBatch();
      PreparedStatement cell = c.prepareStatement("INSERT INTO incident_cell (accord, z, cy, cx, event_type, incidents, lat_sum,"
          + " lon_sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      for (var e : cells.entrySet()) {
        String[] k = e.getKey().split("\\|");
        bind(cell, A, Integer.parseInt(k[0]), Long.parseLong(k[1]), Long.parseLong(k[2]), k[3], (long) e.getValue()[0],
            e.getValue()[1], e.getValue()[2]);
      }
      cell.executeBatch();
      c.commit();
    }
  }

  static void bind(PreparedStatement p, Object... v) throws java.sql.SQLException {
    for (int i = 0; i < v.length; i++) {
      p.setObject(i + 1, v[i]);
    }
    p.addBatch();
  }
}
