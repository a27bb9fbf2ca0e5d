package accord.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import accord.node.Node;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pruned searches of {@link Index#locate} (centres by latitude, border runs by box) give what
 * measuring every centre and every segment gives, over the bundled gazetteer.
 */
class LocateScanTest {
  @TempDir Path dir;

  @Test
  void nearestCentreAndBorderDistanceMatchTheFullScan() {
    try (Node node = Node.open(dir, null, Clock.systemUTC())) {
      Index index = node.gazetteer().index();
      Index.BorderLine line = index.line().orElseThrow();
      Random random = new Random(7);
      int nearest = 0;
      for (int i = 0; i < 3000; i++) {
        double lat = 22 + random.nextDouble() * 18;
        double lon = 58 + random.nextDouble() * 20;
        if (i % 10 == 0) { // on a centre's own latitude, where the scan starts
          Place p = index.places().stream().filter(x -> x.kind().equals("admin2") && x.hasPoint()).skip(i % 50).findFirst().orElseThrow();
          lat = p.lat();
        }
        Index.Location at = index.locate(lat, lon);
        assertThat(at.borderKm()).as("border at %s, %s", lat, lon)
            .isEqualTo(Math.round(everySegment(lat, lon, line.lines()) * 1000) / 1000.0);
        if (at.method().equals("nearest-centre")) {
          nearest++;
          assertThat(at.admin2().id()).as("centre for %s, %s", lat, lon).isEqualTo(fullScan(index, lat, lon, index.countryAt(lat, lon)).id());
        }
      }
      assertThat(nearest).isGreaterThan(2500);
    }
  }

  /** Geo.kmToLines without the runs' boxes: every segment measured in the plane, then the 10% band on the sphere. */
  private static double everySegment(double lat, double lon, java.util.List<double[][]> lines) {
    double k = Math.cos(Math.toRadians(lat));
    double bestPlane = Double.POSITIVE_INFINITY;
    for (double[][] l : lines) {
      for (int i = 0; i < l.length; i++) {
        bestPlane = Math.min(bestPlane, Geo.plane(lat, lon, k, l[i], l[Math.min(i + 1, l.length - 1)])[0]);
      }
    }
    double limit = Geo.band(bestPlane);
    double best = Double.POSITIVE_INFINITY;
    for (double[][] l : lines) {
      for (int i = 0; i < l.length; i++) {
        double[] d = Geo.plane(lat, lon, k, l[i], l[Math.min(i + 1, l.length - 1)]);
        if (d[0] <= limit) {
          best = Math.min(best, Geo.km(lat, lon, d[2], d[1]));
        }
      }
    }
    return best;
  }

  /** Every district centre of the country (any when unknown) in load order; the first smallest wins. */
  private static Place fullScan(Index index, double lat, double lon, String cc) {
    Place best = null;
    double bestTerm = Double.POSITIVE_INFINITY;
    for (Place p : index.places()) {
      if (p.kind().equals("admin2") && p.hasPoint() && (cc == null || cc.equals(p.country()))) {
        double t = Geo.haversineTerm(lat, lon, p.lat(), p.lon());
        if (t < bestTerm) {
          bestTerm = t;
          best = p;
        }
      }
    }
    return best;
  }
}
