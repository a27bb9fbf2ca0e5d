package accord.gazetteer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decodes the countries of a TopoJSON topology (world-atlas): quantized, delta-encoded arcs shared
 * between neighbours. Two countries' common border is exactly the arcs both geometries use.
 */
final class TopoJson {
  private final double[][][] arcs;
  private final JsonNode raw;
  private final double sx;
  private final double sy;
  private final double tx;
  private final double ty;
  private final JsonNode countries;

  TopoJson(JsonNode topology) {
    JsonNode t = topology.get("transform");
    sx = t.get("scale").get(0).asDouble();
    sy = t.get("scale").get(1).asDouble();
    tx = t.get("translate").get(0).asDouble();
    ty = t.get("translate").get(1).asDouble();
    raw = topology.get("arcs");
    arcs = new double[raw.size()][][];
    countries = topology.get("objects").get("countries").get("geometries");
  }

  /** Arc i decoded on first use: positions are deltas of quantized integers. */
  private double[][] decoded(int i) {
    if (arcs[i] == null) {
      JsonNode arc = raw.get(i);
      double[][] pts = new double[arc.size()][];
      long x = 0;
      long y = 0;
      for (int j = 0; j < arc.size(); j++) {
        x += arc.get(j).get(0).asLong();
        y += arc.get(j).get(1).asLong();
        pts[j] = new double[] {x * sx + tx, y * sy + ty};
      }
      arcs[i] = pts;
    }
    return arcs[i];
  }

  JsonNode country(String numericId) {
    for (JsonNode g : countries) {
      if (numericId.equals(g.path("id").asText())) {
        return g;
      }
    }
    throw new IllegalStateException("no country " + numericId + " in the topology");
  }

  /** A country's outline as a GeoJSON geometry object. */
  com.fasterxml.jackson.databind.node.ObjectNode geometry(JsonNode g) {
    var json = accord.ledger.EntryCodec.JSON;
    var out = json.createObjectNode().put("type", g.get("type").asText());
    var coords = out.putArray("coordinates");
    if (g.get("type").asText().equals("Polygon")) {
      polygon(g.get("arcs"), coords.addArray());
      // a Polygon's coordinates are its rings, not a list of polygons
      out.set("coordinates", coords.get(0));
    } else {
      g.get("arcs").forEach(p -> polygon(p, coords.addArray()));
    }
    return out;
  }

  private void polygon(JsonNode rings, com.fasterxml.jackson.databind.node.ArrayNode out) {
    for (JsonNode ring : rings) {
      var r = out.addArray();
      boolean first = true;
      for (JsonNode a : ring) {
        double[][] pts = arc(a.asInt());
        for (int i = first ? 0 : 1; i < pts.length; i++) {
          r.addArray().add(pts[i][0]).add(pts[i][1]);
        }
        first = false;
      }
    }
  }

  /** Arc i, or arc ~i reversed for a negative index (TopoJSON's convention). */
  private double[][] arc(int i) {
    if (i >= 0) {
      return decoded(i);
    }
    double[][] a = decoded(~i);
    double[][] r = new double[a.length][];
    for (int j = 0; j < a.length; j++) {
      r[j] = a[a.length - 1 - j];
    }
    return r;
  }

  /** The arcs two countries both use: their common border, one polyline per arc. */
  List<double[][]> shared(JsonNode a, JsonNode b) {
    Set<Integer> inA = arcIds(a.get("arcs"), new LinkedHashSet<>());
    Set<Integer> inB = arcIds(b.get("arcs"), new LinkedHashSet<>());
    inA.retainAll(inB);
    List<double[][]> out = new ArrayList<>();
    inA.forEach(i -> out.add(decoded(i)));
    return out;
  }

  private static Set<Integer> arcIds(JsonNode n, Set<Integer> into) {
    if (n.isInt()) {
      into.add(n.asInt() < 0 ? ~n.asInt() : n.asInt());
    } else {
      n.forEach(c -> arcIds(c, into));
    }
    return into;
  }
}
