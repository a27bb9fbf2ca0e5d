package accord.incident;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Handle;

/** The register's exports: ACLED-layout CSV, GeoJSON for maps, and the monthly timeline as JSON. */
public final class IncidentExport {
  /** The most single points a map view is sent; a fuller view comes back as grid cells. */
  public static final int MAP_POINTS = 2000;

  private IncidentExport() {}

  /**
   * Every matching incident as one ACLED row, in ACLED's 31-column order, so the file re-imports
   * through {@link AcledImport} (and other ACLED tools) as the same incidents. An incident that
   * came from ACLED keeps its event id; others are named by accord and id. Perpetrators go to
   * actor1 and assoc_actor_1 (an incident with none gets ACLED's "Unidentified Armed Group
   * (country)"), targets and responders to actor2 and assoc_actor_2 (ACLED has no third role). ACLED's interaction codes are left blank: the register does not keep them.
   */
  public static void csv(Handle h, String accord, IncidentQuery.Filter f, Writer out) {
    try {
      CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(AcledRow.COLUMNS.toArray(String[]::new)).get());
      IncidentQuery.export(h, accord, f, x -> {
        try {
          p.printRecord(acled(accord, x));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> acled(String accord, IncidentQuery.Exported x) {
    Report r = x.report();
    Map<String, String> c = new LinkedHashMap<>();
    String ext = x.externalId();
    c.put("event_id_cnty", ext != null && ext.startsWith("acled:") ? ext.substring(6) : accord + "-" + x.id());
    c.put("event_date", r.date());
    c.put("year", r.date().substring(0, 4));
    c.put("time_precision", switch (r.datePrecision()) {
      case "day" -> "1";
      case "week" -> "2";
      default -> "3";
    });
    c.put("disorder_type", switch (r.eventType()) {
      case "protests", "riots" -> "Demonstrations";
      case "strategic_developments" -> "Strategic developments";
      default -> "Political violence";
    });
    EventTypes.Type t = EventTypes.type(r.eventType()).orElseThrow();
    c.put("event_type", t.acledName());
    c.put("sub_event_type", t.subTypes().get(r.subEventType()));
    List<String> perpetrators = names(r, true);
    List<String> others = names(r, false);
    if (perpetrators.isEmpty()) {
      // ACLED requires actor1; an unknown perpetrator is written as ACLED writes one.
      String country = r.place().country();
      perpetrators = List.of("Unidentified Armed Group" + (country == null ? "" : " (" + country + ")"));
    }
    c.put("actor1", perpetrators.get(0));
    c.put("assoc_actor_1", String.join("; ", perpetrators.subList(1, perpetrators.size())));
    c.put("actor2", others.isEmpty() ? "" : others.get(0));
    c.put("assoc_actor_2", others.size() < 2 ? "" : String.join("; ", others.subList(1, others.size())));
    c.put("civilian_targeting", r.eventType().equals("violence_against_civilians") ? "Civilian targeting" : "");
    Report.Place pl = r.place();
    c.put("iso", pl.country() == null ? "" : switch (pl.country()) {
      case "Afghanistan" -> "4";
      case "Pakistan" -> "586";
      default -> "";
    });
    c.put("region", "Afghanistan".equals(pl.country()) || "Pakistan".equals(pl.country()) ? "South Asia" : "");
    c.put("country", Objects.toString(pl.country(), ""));
    c.put("admin1", Objects.toString(pl.admin1(), ""));
    c.put("admin2", Objects.toString(pl.admin2(), ""));
    c.put("location", Objects.toString(pl.location(), ""));
    c.put("latitude", pl.lat() == null ? "" : pl.lat().toString());
    c.put("longitude", pl.lon() == null ? "" : pl.lon().toString());
    c.put("geo_precision", pl.precision() == null ? "" : switch (pl.precision()) {
      case "exact" -> "1";
      case "near" -> "2";
      default -> "3";
    });
    c.put("source", String.join("; ", r.sources().stream().map(Report.Source::outlet).toList()));
    c.put("notes", Objects.toString(r.text(), ""));
    c.put("fatalities", r.fatalities().best() == null ? "" : r.fatalities().best().toString());
    c.put("timestamp", String.valueOf(Instant.parse(x.created()).getEpochSecond()));
    List<String> row = new ArrayList<>();
    for (String col : AcledRow.COLUMNS) {
      row.add(c.getOrDefault(col, ""));
    }
    return row;
  }

  private static List<String> names(Report r, boolean perpetrators) {
    List<String> out = new ArrayList<>();
    for (Report.Actor a : r.actors()) {
      if (a.role().equals("perpetrator") == perpetrators) {
        out.add(a.name());
      }
    }
    return out;
  }

  /**
   * A GeoJSON FeatureCollection of the matching incidents with coordinates ([lon, lat], RFC 7946).
   * With a zoom, a view holding more than {@code limit} points is sent as cells of about a quarter
   * of a map tile (features with {@code cluster: true}, their count and count per type), which the
   * database aggregates; the collection says which it is ({@code aggregated}) and how many points
   * the view holds ({@code total}, exact up to the cap when not aggregated).
   */
  public static ObjectNode geojson(Handle h, String accord, IncidentQuery.Filter f, IncidentQuery.Bbox box, Integer zoom,
      int limit) {
    ObjectNode fc = EntryCodec.JSON.createObjectNode().put("type", "FeatureCollection");
    long inView = IncidentQuery.pointsUpTo(h, accord, f, box, limit);
    ArrayNode features = fc.putArray("features");
    if (zoom != null && inView > limit) {
      double cell = IncidentIndex.cellDegrees(zoom);
      long total = 0;
      // Unfiltered, or filtered by a group or an event type or both, the projection's cells
      // answer; other filters aggregate the matching incidents of the view in SQL.
      int level = IncidentIndex.cellLevel(zoom);
      boolean kept = (f.type() == null || EventTypes.type(f.type()).isPresent())
          && new IncidentQuery.Filter(null, null, null, null, f.group(), f.type(), null, null).equals(f);
      List<IncidentQuery.Cell> cells;
      if (level >= 0 && kept) {
        cell = IncidentIndex.cellDegrees(level);
        cells = IncidentQuery.storedCells(h, accord, f.group(), f.type(), box, level);
      } else {
        cells = IncidentQuery.cells(h, accord, f, box, cell);
      }
      for (IncidentQuery.Cell c : cells) {
        ObjectNode ft = feature(features, c.lon(), c.lat());
        ObjectNode p = ft.putObject("properties").put("cluster", true).put("count", c.count());
        ObjectNode types = p.putObject("types");
        c.types().forEach(types::put);
        p.put("type", c.types().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        total += c.count();
      }
      fc.put("aggregated", true).put("total", total).put("cell_degrees", cell);
      return fc;
    }
    for (IncidentQuery.Point pt : IncidentQuery.points(h, accord, f, box, limit)) {
      ObjectNode p = feature(features, pt.lon(), pt.lat()).putObject("properties");
      p.put("id", pt.id()).put("date", pt.date()).put("type", pt.type()).put("sub_type", pt.subType());
      if (pt.fatalities() == null) {
        p.putNull("fatalities");
      } else {
        p.put("fatalities", pt.fatalities());
      }
      p.put("admin1", pt.admin1()).put("admin2", pt.admin2()).put("location", pt.location())
          .put("url", "/accords/" + accord + "/incidents/" + pt.id());
    }
    fc.put("aggregated", false).put("total", inView).put("truncated", inView > limit);
    return fc;
  }

  private static ObjectNode feature(ArrayNode features, double lon, double lat) {
    ObjectNode ft = features.addObject().put("type", "Feature");
    ft.putObject("geometry").put("type", "Point").putArray("coordinates").add(lon).add(lat);
    return ft;
  }

  /**
   * The timeline as the chart reads it: every month from the first to the last (empty months
   * as zeros), and per group the incidents and fatalities of each month.
   */
  public static ObjectNode timeline(List<IncidentQuery.MonthGroup> rows) {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    ArrayNode months = o.putArray("months");
    ArrayNode groups = o.putArray("groups");
    if (rows.isEmpty()) {
      return o;
    }
    List<String> ms = new ArrayList<>();
    YearMonth last = YearMonth.parse(rows.get(rows.size() - 1).month());
    for (YearMonth m = YearMonth.parse(rows.get(0).month()); !m.isAfter(last); m = m.plusMonths(1)) {
      ms.add(m.toString());
      months.add(m.toString());
    }
    Map<String, Integer> at = new LinkedHashMap<>();
    for (int i = 0; i < ms.size(); i++) {
      at.put(ms.get(i), i);
    }
    TreeSet<String> codes = new TreeSet<>();
    rows.forEach(r -> codes.add(r.group()));
    Map<String, long[][]> series = new LinkedHashMap<>();
    for (String g : codes) {
      series.put(g, new long[2][ms.size()]);
    }
    for (IncidentQuery.MonthGroup r : rows) {
      long[][] s = series.get(r.group());
      s[0][at.get(r.month())] += r.incidents();
      s[1][at.get(r.month())] += r.fatalities();
    }
    series.forEach((g, s) -> {
      ObjectNode x = groups.addObject();
      if (g.isEmpty()) {
        x.putNull("group");
      } else {
        x.put("group", g);
      }
      ArrayNode n = x.putArray("incidents");
      ArrayNode fat = x.putArray("fatalities");
      for (int i = 0; i < ms.size(); i++) {
        n.add(s[0][i]);
        fat.add(s[1][i]);
      }
    });
    return o;
  }
}
