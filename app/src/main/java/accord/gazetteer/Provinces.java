package accord.gazetteer;

import java.util.Comparator;

/** Finds the province (admin1) a file names by its name, or adds it to the file's set. */
final class Provinces {
  private Provinces() {}

  /**
   * A loaded province of that name (one with an ISO 3166-2 code first), else one this file already
   * added, else a new one in this file's set. {@code country} narrows the search when known.
   */
  static String resolve(Batch b, Index idx, String name, String country) {
    var loaded = idx.named(name, "admin1", country).stream()
        .min(Comparator.comparing((Place p) -> p.iso() == null).thenComparing(p -> p.pcode() == null));
    if (loaded.isPresent()) {
      return loaded.get().id();
    }
    String id = b.id("admin1-" + Rows.slug(name));
    if (!b.places.containsKey(id)) {
      b.add(new Place(id, b.set.name(), "admin1", country, "admin1-" + Rows.slug(name), null, null, null, null, name,
          null, null, null, null));
    }
    return id;
  }
}
