package accord.gazetteer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gazetteer in memory, built once from the tables (and again after an import) so that a search
 * or a locate never touches the database: names by key, outlines by level with their boxes, the
 * border line in force.
 */
public final class Index {
  /** A name of a place with its search key. */
  record Key(Place place, String lang, String name, String key) {}

  /** A place's outline; {@code seq} is its set's load order (later sets win where outlines overlap). */
  record Area(Place place, long seq, Shape shape) {}

  /** The border line in force: its name, whose line it is, and its polylines. */
  public record BorderLine(String name, String authority, String set, List<double[][]> lines) {}

  /** A place in a locate result. */
  public record Ref(String id, String name, String code, String iso, String pcode, String geonames, String set) {
    static Ref of(Place p) {
      return p == null ? null : new Ref(p.id(), p.name(), p.bestCode(), p.iso(), p.pcode(), p.geonames(), p.set());
    }
  }

  /**
   * Where a point lies: its country, province and district, how the district was found
   * ({@code boundary}: inside its outline; {@code nearest-centre}: the closest district centre, at
   * {@code centreKm}; {@code none}), and its distance to the border line in force.
   */
  public record Location(double lat, double lon, String country, Ref admin1, Ref admin2, String method,
      Double centreKm, Double borderKm, String line, String lineAuthority) {}

  public record Hit(Place place, String matched, String lang, int match) {}

  private static final List<String> KIND_RANK = List.of("city", "crossing", "admin2", "admin1", "country");

  private final Map<String, Place> places;
  private final List<Key> keys = new ArrayList<>();
  private final Map<String, List<Area>> areas = new HashMap<>();
  private final Map<String, List<Batch.Boundary>> boundaries = new HashMap<>();
  private final BorderLine line;
  /**
   * District centres with a position, the candidates of the nearest-centre rule, by latitude; each
   * keeps its place in load order, which breaks ties as a scan in that order would.
   */
  private final List<Centre> centres = new ArrayList<>();
  private final LineIndex lineIndex;

  private record Centre(Place place, int order, double lat) {}
  /**
   * Points already located. Reports cluster on few places (an export repeats a town's coordinates
   * for every event there), and the index never changes once built, so an answer stays right.
   */
  private final Map<Long, Location> located = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int LOCATED_MAX = 65_536;

  Index(Collection<Place> places, List<Batch.Name> names, List<Batch.Boundary> outlines, Map<String, Long> seq, BorderLine line) {
    this.places = new LinkedHashMap<>();
    places.forEach(p -> this.places.put(p.id(), p));
    for (Place p : this.places.values()) {
      keys.add(new Key(p, "und", p.name(), Names.key(p.name())));
    }
    for (Batch.Name n : names) {
      Place p = this.places.get(n.place());
      if (p != null) {
        keys.add(new Key(p, n.lang(), n.name(), Names.key(n.name())));
      }
    }
    for (Batch.Boundary b : outlines) {
      Place p = this.places.get(b.place());
      if (p != null) {
        areas.computeIfAbsent(b.level(), k -> new ArrayList<>()).add(new Area(p, seq.getOrDefault(p.set(), 0L), b.shape()));
        boundaries.computeIfAbsent(b.level(), k -> new ArrayList<>()).add(b);
      }
    }
    areas.values().forEach(l -> l.sort(Comparator.comparingLong(Area::seq).reversed()));
    for (Place p : this.places.values()) {
      if (p.kind().equals("admin2") && p.hasPoint()) {
        centres.add(new Centre(p, centres.size(), p.lat()));
      }
    }
    centres.sort(Comparator.comparingDouble(Centre::lat).thenComparingInt(Centre::order));
    this.line = line;
    this.lineIndex = line == null ? null : new LineIndex(line.lines());
  }

  static Index empty() {
    return new Index(List.of(), List.of(), List.of(), Map.of(), null);
  }

  public int size() {
    return places.size();
  }

  public Optional<Place> place(String id) {
    return Optional.ofNullable(places.get(id));
  }

  public Collection<Place> places() {
    return places.values();
  }

  public List<Batch.Boundary> boundaries(String level) {
    return boundaries.getOrDefault(level, List.of());
  }

  public Optional<BorderLine> line() {
    return Optional.ofNullable(line);
  }

  /**
   * Places whose names match a query in any script: exact key first, then names starting with it,
   * then names containing it; ties go to towns before districts before provinces, then the larger.
   */
  public List<Hit> search(String query, int limit) {
    String q = Names.key(query);
    if (q.isEmpty()) {
      return List.of();
    }
    Map<String, Hit> best = new LinkedHashMap<>();
    for (Key k : keys) {
      int m = k.key().equals(q) ? 0 : k.key().startsWith(q) ? 1 : k.key().contains(q) ? 2 : -1;
      if (m < 0) {
        continue;
      }
      Hit old = best.get(k.place().id());
      if (old == null || m < old.match()) {
        best.put(k.place().id(), new Hit(k.place(), k.name(), k.lang(), m));
      }
    }
    return best.values().stream()
        .sorted(Comparator.comparingInt(Hit::match)
            .thenComparingInt(h -> KIND_RANK.indexOf(h.place().kind()))
            .thenComparing(h -> -(h.place().population() == null ? 0 : h.place().population()))
            .thenComparing(h -> h.place().name()))
        .limit(limit)
        .toList();
  }

  /** Places of a kind (and country, when given) with a name whose key equals this one. */
  public List<Place> named(String name, String kind, String country) {
    String q = Names.key(name);
    List<Place> out = new ArrayList<>();
    for (Key k : keys) {
      Place p = k.place();
      if (k.key().equals(q) && p.kind().equals(kind) && (country == null || country.equals(p.country())) && !out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** The first place (latest set first) whose code of this scheme is {@code code}. */
  public Optional<Place> byCode(String scheme, String code) {
    Place found = null;
    for (Place p : places.values()) {
      String c = switch (scheme) {
        case "iso" -> p.iso();
        case "geonames" -> p.geonames();
        case "pcode" -> p.pcode();
        default -> p.code();
      };
      if (code.equals(c)) {
        found = p;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The country (ISO 3166-1 alpha-2) whose outline contains the point, if outlines are loaded. */
  public String countryAt(double lat, double lon) {
    Area a = areaAt("country", lat, lon);
    return a == null ? null : a.place().country();
  }

  public Location locate(double lat, double lon) {
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("lat must be within -90..90 and lon within -180..180, got " + lat + ", " + lon);
    }
    long key = Double.doubleToLongBits(lat) * 31 + Double.doubleToLongBits(lon);
    Location known = located.get(key);
    if (known != null && known.lat() == lat && known.lon() == lon) {
      return known;
    }
    Location l = compute(lat, lon);
    if (located.size() >= LOCATED_MAX) {
      located.clear();
    }
    located.put(key, l);
    return l;
  }

  private Location compute(double lat, double lon) {
    Area country = areaAt("country", lat, lon);
    Area district = areaAt("admin2", lat, lon);
    Area province = areaAt("admin1", lat, lon);
    String cc = country == null ? null : country.place().country();
    Place admin2 = district == null ? null : district.place();
    String method = admin2 != null ? "boundary" : "none";
    Double centreKm = null;
    if (admin2 == null) {
      admin2 = nearestCentre(lat, lon, cc);
      if (admin2 != null) {
        method = "nearest-centre";
        centreKm = round(Geo.km(lat, lon, admin2.lat(), admin2.lon()));
      }
    }
    Place admin1 = province != null ? province.place() : parentOfKind(admin2, "admin1");
    if (cc == null) {
      cc = admin2 != null ? admin2.country() : admin1 != null ? admin1.country() : null;
    }
    Double borderKm = line == null ? null : round(lineIndex.km(lat, lon));
    return new Location(lat, lon, cc, Ref.of(admin1), Ref.of(admin2), method, centreKm, borderKm,
        line == null ? null : line.name(), line == null ? null : line.authority());
  }

  /**
   * The district centre (of the point's country, when known) closest on the sphere, the first in
   * load order on a tie. Compared by the haversine term, which grows with the distance, so only the
   * winner's distance is worked out. The term is at least its latitude part, sin²(Δφ/2), so the scan
   * starts at the point's latitude and goes outward each way until that part alone is larger than
   * the best term found.
   */
  private Place nearestCentre(double lat, double lon, String cc) {
    int lo = lowestAtOrAbove(lat) - 1;
    int hi = lo + 1;
    Centre best = null;
    double bestTerm = Double.POSITIVE_INFINITY;
    double p1 = Math.toRadians(lat);
    while (lo >= 0 || hi < centres.size()) {
      boolean up = lo < 0 || (hi < centres.size() && centres.get(hi).lat() - lat <= lat - centres.get(lo).lat());
      Centre c = centres.get(up ? hi++ : lo--);
      double sp = Math.sin((Math.toRadians(c.lat()) - p1) / 2);
      if (sp * sp > bestTerm * (1 + 1e-9)) {
        if (up) {
          hi = centres.size();
        } else {
          lo = -1;
        }
        continue;
      }
      if (cc == null || cc.equals(c.place().country())) {
        double t = Geo.haversineTerm(lat, lon, c.lat(), c.place().lon());
        if (t < bestTerm || (t == bestTerm && c.order() < best.order())) {
          bestTerm = t;
          best = c;
        }
      }
    }
    return best == null ? null : best.place();
  }

  /** The index of the first centre at or north of a latitude (binary search). */
  private int lowestAtOrAbove(double lat) {
    int lo = 0;
    int hi = centres.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (centres.get(mid).lat() < lat) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private Place parentOfKind(Place p, String kind) {
    for (int depth = 0; p != null && depth < 5; depth++) {
      p = p.parent() == null ? null : places.get(p.parent());
      if (p != null && p.kind().equals(kind)) {
        return p;
      }
    }
    return null;
  }

  private Area areaAt(String level, double lat, double lon) {
    for (Area a : areas.getOrDefault(level, List.of())) {
      if (a.shape().contains(lat, lon)) {
        return a;
      }
    }
    return null;
  }

  private static double round(double km) {
    return Math.round(km * 1000) / 1000.0;
  }
}
