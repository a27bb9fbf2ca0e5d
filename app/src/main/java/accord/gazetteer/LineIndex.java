package accord.gazetteer;

import java.util.ArrayList;
import java.util.List;

/**
 * Polylines prepared for {@link Geo#kmToLines}, which a gazetteer keeps for its border line: cut into runs of {@link #RUN} segments, each with
 * its bounding box. A run's box is at least as far from the point as any of its segments, so a run
 * whose box is farther than the best segment so far (or than the 10% band of the second pass) can
 * hold no answer and is skipped; the answer is the same as measuring every segment.
 */
public final class LineIndex {
  static final int RUN = 16;
  /** Room for rounding between the box's distance and a segment's, both squared planar degrees. */
  private static final double SLACK = 1 + 1e-9;

  private record Run(double[][] line, int from, int to, double minLon, double minLat, double maxLon, double maxLat) {
    /** Squared distance from the point to the box in the plane of {@link Geo#kmToLines}. */
    double bound(double lat, double lon, double k) {
      double dx = Math.max(0, Math.max(minLon - lon, lon - maxLon)) * k;
      double dy = Math.max(0, Math.max(minLat - lat, lat - maxLat));
      return dx * dx + dy * dy;
    }
  }

  private final List<Run> runs = new ArrayList<>();

  public LineIndex(List<double[][]> lines) {
    for (double[][] line : lines) {
      for (int from = 0; from < line.length; from += RUN) {
        int to = Math.min(from + RUN, line.length);
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        // A run's last segment ends at the next run's first point.
        for (int i = from; i <= Math.min(to, line.length - 1); i++) {
          box[0] = Math.min(box[0], line[i][0]);
          box[1] = Math.min(box[1], line[i][1]);
          box[2] = Math.max(box[2], line[i][0]);
          box[3] = Math.max(box[3], line[i][1]);
        }
        runs.add(new Run(line, from, to, box[0], box[1], box[2], box[3]));
      }
    }
  }

  /** The distance in km from a point to the nearest point of the lines, as {@link Geo#kmToLines}. */
  public double km(double lat, double lon) {
    double k = Math.cos(Math.toRadians(lat));
    double bestPlane = Double.POSITIVE_INFINITY;
    for (Run r : runs) {
      if (r.bound(lat, lon, k) > bestPlane * SLACK) {
        continue;
      }
      for (int i = r.from(); i < r.to(); i++) {
        bestPlane = Math.min(bestPlane, Geo.plane(lat, lon, k, r.line()[i], r.line()[Math.min(i + 1, r.line().length - 1)])[0]);
      }
    }
    double limit = Geo.band(bestPlane);
    double best = Double.POSITIVE_INFINITY;
    for (Run r : runs) {
      if (r.bound(lat, lon, k) > limit * SLACK) {
        continue;
      }
      for (int i = r.from(); i < r.to(); i++) {
        double[] d = Geo.plane(lat, lon, k, r.line()[i], r.line()[Math.min(i + 1, r.line().length - 1)]);
        if (d[0] <= limit) {
          best = Math.min(best, Geo.km(lat, lon, d[2], d[1]));
        }
      }
    }
    return best;
  }
}
