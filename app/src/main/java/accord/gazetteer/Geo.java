package accord.gazetteer;

import java.util.List;

/** Distances on the Earth and point-in-polygon tests; coordinates are {lon, lat} in degrees. */
public final class Geo {
  /** The mean Earth radius (IUGG), in km. */
  public static final double EARTH_KM = 6371.0088;

  private Geo() {}

  /** Great-circle distance by the haversine formula. */
  public static double km(double lat1, double lon1, double lat2, double lon2) {
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(haversineTerm(lat1, lon1, lat2, lon2))));
  }

  /** The haversine of the central angle between two points: rises with their distance, from 0 to 1. */
  static double haversineTerm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double sp = Math.sin((p2 - p1) / 2);
    double sl = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    return sp * sp + Math.cos(p1) * Math.cos(p2) * sl * sl;
  }

  /**
   * Distance from a point to the nearest point of a set of polylines. Each segment is looked at in
   * a plane centred on the point (x = Δlon·cos lat, y = Δlat), where the nearest point of the
   * segment is found by projection. The plane stretches with distance, so its nearest segment is
   * only a candidate: every segment within 10% of the plane's best is measured again on the sphere
   * (haversine to its nearest point) and the smallest of those is the answer.
   */
  public static double kmToLines(double lat, double lon, List<double[][]> lines) {
    return new LineIndex(lines).km(lat, lon);
  }

  /** The squared planar distances measured again on the sphere: within 10% of the best (1.1²). */
  static double band(double bestPlane) {
    return bestPlane * 1.21 + 1e-12;
  }

  /** {squared planar distance, lon, lat} of the point of segment a–b nearest to (lat, lon). */
  static double[] plane(double lat, double lon, double k, double[] a, double[] b) {
    double ax = (a[0] - lon) * k;
    double ay = a[1] - lat;
    double dx = (b[0] - a[0]) * k;
    double dy = b[1] - a[1];
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    double x = ax + t * dx;
    double y = ay + t * dy;
    return new double[] {x * x + y * y, a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])};
  }

  /**
   * Whether a polygon (outer ring then holes) contains a point, by even-odd ray casting over all
   * its rings: a point in a hole crosses the hole's ring as well, so it counts as outside.
   */
  public static boolean contains(double[][][] polygon, double lat, double lon) {
    boolean inside = false;
    for (double[][] ring : polygon) {
      for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        double xi = ring[i][0];
        double yi = ring[i][1];
        double xj = ring[j][0];
        double yj = ring[j][1];
        if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
          inside = !inside;
        }
      }
    }
    return inside;
  }

  /** The area-weighted centre of a ring (shoelace formula), or its first point if it has no area. */
  public static double[] centroid(double[][] ring) {
    double a = 0;
    double cx = 0;
    double cy = 0;
    for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      double f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += f;
      cx += (ring[j][0] + ring[i][0]) * f;
      cy += (ring[j][1] + ring[i][1]) * f;
    }
    if (Math.abs(a) < 1e-12) {
      return ring[0].clone();
    }
    return new double[] {cx / (3 * a), cy / (3 * a)};
  }

  /** The absolute planar area of a ring in square degrees, to pick a multipolygon's main part. */
  public static double area(double[][] ring) {
    double a = 0;
    for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    }
    return Math.abs(a / 2);
  }
}
