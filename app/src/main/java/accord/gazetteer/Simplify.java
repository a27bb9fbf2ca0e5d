package accord.gazetteer;

import java.util.ArrayList;
import java.util.List;

/** Lighter outlines for the browser: Douglas–Peucker on each ring, coordinates rounded to about 10 m. */
final class Simplify {
  private Simplify() {}

  /**
   * Keeps a ring's points that lie farther than {@code tolerance} degrees from the chord between
   * the points kept around them (Douglas–Peucker, iterative); a ring never drops below four points.
   */
  static double[][] ring(double[][] pts, double tolerance) {
    if (pts.length <= 4) {
      return pts;
    }
    boolean[] keep = new boolean[pts.length];
    keep[0] = true;
    keep[pts.length - 1] = true;
    java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
    stack.push(new int[] {0, pts.length - 1});
    while (!stack.isEmpty()) {
      int[] s = stack.pop();
      int far = -1;
      double dmax = tolerance;
      for (int i = s[0] + 1; i < s[1]; i++) {
        double d = distance(pts[i], pts[s[0]], pts[s[1]]);
        if (d > dmax) {
          dmax = d;
          far = i;
        }
      }
      if (far > 0) {
        keep[far] = true;
        stack.push(new int[] {s[0], far});
        stack.push(new int[] {far, s[1]});
      }
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < pts.length; i++) {
      if (keep[i]) {
        out.add(new double[] {round(pts[i][0]), round(pts[i][1])});
      }
    }
    return out.size() < 4 ? pts : out.toArray(new double[0][]);
  }

  private static double distance(double[] p, double[] a, double[] b) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    double x = a[0] + t * dx - p[0];
    double y = a[1] + t * dy - p[1];
    return Math.sqrt(x * x + y * y);
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  /** A shape's areas as a GeoJSON MultiPolygon, simplified. */
  static com.fasterxml.jackson.databind.node.ObjectNode multiPolygon(Shape s, double tolerance) {
    var g = accord.ledger.EntryCodec.JSON.createObjectNode().put("type", "MultiPolygon");
    var polys = g.putArray("coordinates");
    for (double[][][] p : s.polygons()) {
      var rings = polys.addArray();
      for (double[][] r : p) {
        var ring = rings.addArray();
        for (double[] pt : ring(r, tolerance)) {
          ring.addArray().add(pt[0]).add(pt[1]);
        }
      }
    }
    return g;
  }
}
