package accord.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one file brings into the gazetteer, read and checked before anything is written. */
public final class Batch {
  /** A gazetteer set: one loaded file (or bundled source), with whose data it is and under what licence. */
  public record SetInfo(String name, String kind, String source, String licence, String attribution) {}

  public record Name(String place, String lang, String name) {}

  /** A place's outline at an administrative level, as GeoJSON geometry text. */
  public record Boundary(String place, String level, String geometry, Shape shape) {}

  /** A border line and the authority whose line it is. */
  public record Line(String name, String authority, String geometry, Shape shape) {}

  public final SetInfo set;
  public final Map<String, Place> places = new LinkedHashMap<>();
  public final List<Name> names = new ArrayList<>();
  public final List<Boundary> boundaries = new ArrayList<>();
  public final List<Line> lines = new ArrayList<>();

  public Batch(SetInfo set) {
    this.set = set;
  }

  /** The id a place with this set-local code gets. */
  public String id(String code) {
    return set.name() + "/" + code;
  }

  public Place add(Place p) {
    places.put(p.id(), p);
    return p;
  }

  public void name(String place, String lang, String name) {
    if (name != null && !name.isBlank() && !Names.key(name).isEmpty()) {
      Name n = new Name(place, lang, name.strip());
      if (!names.contains(n)) {
        names.add(n);
      }
    }
  }

  public int items() {
    return places.size() + names.size() + boundaries.size() + lines.size();
  }
}
