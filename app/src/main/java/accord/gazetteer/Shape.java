package accord.gazetteer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A GeoJSON geometry read and checked: areas (Polygon, MultiPolygon) as polygons of rings, lines
 * (LineString, MultiLineString) as polylines, with the bounding box used to prefilter lookups.
 */
public record Shape(List<double[][][]> polygons, List<double[][]> lines, double minLon, double minLat, double maxLon, double maxLat) {

  /** Reads a GeoJSON geometry; throws IllegalArgumentException saying what is wrong with it. */
  public static Shape read(JsonNode g) {
    if (g == null || !g.isObject()) {
      throw new IllegalArgumentException("no geometry");
    }
    String type = g.path("type").asText("");
    JsonNode c = g.get("coordinates");
    if (c == null || !c.isArray()) {
      throw new IllegalArgumentException(type + " has no coordinates array");
    }
    List<double[][][]> polygons = new ArrayList<>();
    List<double[][]> lines = new ArrayList<>();
    switch (type) {
      case "Polygon" -> polygons.add(polygon(c));
      case "MultiPolygon" -> c.forEach(p -> polygons.add(polygon(p)));
      case "LineString" -> lines.add(positions(c, 2, "line"));
      case "MultiLineString" -> c.forEach(l -> lines.add(positions(l, 2, "line")));
      default -> throw new IllegalArgumentException("geometry type " + (type.isEmpty() ? "(none)" : type)
          + " is not a Polygon, MultiPolygon, LineString or MultiLineString");
    }
    if (polygons.isEmpty() && lines.isEmpty()) {
      throw new IllegalArgumentException(type + " is empty");
    }
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    polygons.forEach(p -> extend(box, p[0]));
    lines.forEach(l -> extend(box, l));
    return new Shape(List.copyOf(polygons), List.copyOf(lines), box[0], box[1], box[2], box[3]);
  }

  public boolean isArea() {
    return !polygons.isEmpty();
  }

  public boolean contains(double lat, double lon) {
    if (lat < minLat || lat > maxLat || lon < minLon || lon > maxLon) {
      return false;
    }
    for (double[][][] p : polygons) {
      if (Geo.contains(p, lat, lon)) {
        return true;
      }
    }
    return false;
  }

  /** The centre of the largest part's outer ring. */
  public double[] centre() {
    double[][] best = null;
    double area = -1;
    for (double[][][] p : polygons) {
      double a = Geo.area(p[0]);
      if (a > area) {
        area = a;
        best = p[0];
      }
    }
    return best == null ? lines.get(0)[0] : Geo.centroid(best);
  }

  private static double[][][] polygon(JsonNode p) {
    if (!p.isArray() || p.isEmpty()) {
      throw new IllegalArgumentException("a polygon has no rings");
    }
    double[][][] rings = new double[p.size()][][];
    for (int i = 0; i < p.size(); i++) {
      rings[i] = positions(p.get(i), 4, "ring");
    }
    return rings;
  }

  private static double[][] positions(JsonNode a, int min, String what) {
    if (!a.isArray() || a.size() < min) {
      throw new IllegalArgumentException("a " + what + " needs at least " + min + " positions, has " + (a.isArray() ? a.size() : 0));
    }
    double[][] out = new double[a.size()][];
    for (int i = 0; i < a.size(); i++) {
      JsonNode pos = a.get(i);
      if (!pos.isArray() || pos.size() < 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
        throw new IllegalArgumentException("position " + pos + " is not [longitude, latitude]");
      }
      double lon = pos.get(0).asDouble();
      double lat = pos.get(1).asDouble();
      if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
        throw new IllegalArgumentException("position [" + lon + ", " + lat + "] is outside longitude -180..180, latitude -90..90");
      }
      out[i] = new double[] {lon, lat};
    }
    return out;
  }

  private static void extend(double[] box, double[][] points) {
    for (double[] p : points) {
      box[0] = Math.min(box[0], p[0]);
      box[1] = Math.min(box[1], p[1]);
      box[2] = Math.max(box[2], p[0]);
      box[3] = Math.max(box[3], p[1]);
    }
  }
}
