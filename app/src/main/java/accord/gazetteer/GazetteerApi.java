package accord.gazetteer;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gazetteer's JSON API: search, locate, the outlines and the border line for the map, the sets loaded. */
public final class GazetteerApi {
  private static final Map<String, Double> TOLERANCE = Map.of("country", 0.005, "admin1", 0.004, "admin2", 0.006);
  private final Gazetteer gazetteer;
  /** Outlines served per level, kept until the index changes (an import makes a new one). */
  private final Map<String, Map.Entry<Index, byte[]>> outlines = new HashMap<>();

  public GazetteerApi(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** GET /api/gazetteer/places?q=&limit=: places by name in any script, best match first. */
  public void places(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || Names.key(q).isEmpty()) {
      throw new HttpResponseException(400, "q: give a place name (letters or digits) to search for");
    }
    int limit = (int) number(ctx, "limit", 10, 1, 100);
    ObjectNode out = EntryCodec.JSON.createObjectNode().put("query", q);
    ArrayNode items = out.putArray("places");
    for (Index.Hit h : gazetteer.search(q, limit)) {
      Place p = h.place();
      ObjectNode o = items.addObject().put("id", p.id()).put("name", p.name()).put("matched", h.matched())
          .put("lang", h.lang()).put("match", List.of("exact", "prefix", "contains").get(h.match()))
          .put("kind", p.kind()).put("country", p.country()).put("code", p.bestCode())
          .put("iso", p.iso()).put("pcode", p.pcode()).put("geonames", p.geonames()).put("parent", p.parent());
      gazetteer.index().place(p.parent() == null ? "" : p.parent()).ifPresent(a -> o.put("parent_name", a.name()));
      o.put("lat", p.lat()).put("lon", p.lon()).put("population", p.population()).put("set", p.set());
    }
    ctx.json(out);
  }

  /** GET /api/gazetteer/locate?lat=&lon=: the district and province of a point and its distance to the border line. */
  public void locate(Context ctx) {
    double lat = coordinate(ctx, "lat", 90);
    double lon = coordinate(ctx, "lon", 180);
    ctx.json(locationJson(gazetteer.locate(lat, lon)));
  }

  static ObjectNode locationJson(Index.Location l) {
    ObjectNode o = EntryCodec.JSON.createObjectNode().put("lat", l.lat()).put("lon", l.lon()).put("country", l.country());
    ref(o, "admin1", l.admin1());
    ref(o, "admin2", l.admin2());
    o.put("method", l.method()).put("centre_km", l.centreKm()).put("border_km", l.borderKm())
        .put("line", l.line()).put("line_authority", l.lineAuthority());
    return o;
  }

  private static void ref(ObjectNode o, String field, Index.Ref r) {
    if (r == null) {
      o.putNull(field);
    } else {
      o.putObject(field).put("id", r.id()).put("name", r.name()).put("code", r.code()).put("iso", r.iso())
          .put("pcode", r.pcode()).put("geonames", r.geonames()).put("set", r.set());
    }
  }

  /**
   * GET /api/gazetteer/boundaries.geojson?level=country|admin1|admin2: the outlines in force, one per
   * unit (where two sets outline the same unit, the later set's), simplified for a browser.
   */
  public void boundaries(Context ctx) {
    String level = ctx.queryParam("level") == null ? "country" : ctx.queryParam("level");
    if (!TOLERANCE.containsKey(level)) {
      throw new HttpResponseException(400, "level: want country, admin1 or admin2, got \"" + level + "\"");
    }
    Index idx = gazetteer.index();
    byte[] body;
    synchronized (outlines) {
      var cached = outlines.get(level);
      if (cached == null || cached.getKey() != idx) {
        cached = Map.entry(idx, outlinesOf(idx, level));
        outlines.put(level, cached);
      }
      body = cached.getValue();
    }
    ctx.contentType("application/geo+json").result(body);
  }

  private static byte[] outlinesOf(Index idx, String level) {
    Map<String, Batch.Boundary> latest = new LinkedHashMap<>();
    for (Batch.Boundary b : idx.boundaries(level)) {
      Place p = idx.place(b.place()).orElseThrow();
      latest.put(p.country() + "/" + Names.key(p.name()), b); // boundaries come in load order: later sets replace
    }
    ObjectNode fc = EntryCodec.JSON.createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (Batch.Boundary b : latest.values()) {
      Place p = idx.place(b.place()).orElseThrow();
      ObjectNode f = features.addObject().put("type", "Feature");
      f.putObject("properties").put("id", p.id()).put("name", p.name()).put("code", p.bestCode()).put("kind", p.kind())
          .put("country", p.country()).put("set", p.set());
      f.set("geometry", Simplify.multiPolygon(b.shape(), TOLERANCE.get(level)));
    }
    return bytes(fc);
  }

  private static byte[] bytes(ObjectNode o) {
    try {
      return EntryCodec.JSON.writeValueAsBytes(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GET /api/gazetteer/border.geojson: the border line in force, with whose line it is. */
  public void border(Context ctx) {
    ObjectNode fc = EntryCodec.JSON.createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    gazetteer.index().line().ifPresent(l -> {
      ObjectNode f = features.addObject().put("type", "Feature");
      f.putObject("properties").put("name", l.name()).put("authority", l.authority()).put("set", l.set());
      ObjectNode g = f.putObject("geometry").put("type", "MultiLineString");
      ArrayNode coords = g.putArray("coordinates");
      for (double[][] part : l.lines()) {
        ArrayNode a = coords.addArray();
        for (double[] pt : part) {
          a.addArray().add(pt[0]).add(pt[1]);
        }
      }
    });
    ctx.contentType("application/geo+json").result(bytes(fc));
  }

  /** GET /api/gazetteer/sets: the sets loaded, oldest first, with licence and attribution. */
  public void sets(Context ctx) {
    ObjectNode out = EntryCodec.JSON.createObjectNode();
    ArrayNode items = out.putArray("sets");
    for (Gazetteer.LoadedSet s : gazetteer.sets()) {
      items.addObject().put("name", s.name()).put("kind", s.kind()).put("source", s.source()).put("licence", s.licence())
          .put("attribution", s.attribution()).put("loaded_at", s.loadedAt()).put("items", s.items());
    }
    gazetteer.index().line().ifPresent(l -> out.put("line", l.name()).put("line_set", l.set()));
    ctx.json(out);
  }

  private static double coordinate(Context ctx, String name, double limit) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw new HttpResponseException(400, name + ": required (decimal degrees)");
    }
    double d;
    try {
      d = Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new HttpResponseException(400, name + ": \"" + v + "\" is not a number");
    }
    if (!(d >= -limit && d <= limit)) {
      throw new HttpResponseException(400, name + ": " + v + " is outside -" + (int) limit + ".." + (int) limit);
    }
    return d;
  }

  private static long number(Context ctx, String name, long dflt, long min, long max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n < min || n > max) {
        throw new HttpResponseException(400, name + ": " + n + " is outside " + min + ".." + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new HttpResponseException(400, name + ": \"" + v + "\" is not a whole number");
    }
  }
}
