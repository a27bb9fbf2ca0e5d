package accord.gazetteer;

/**
 * Border crossings: {@code crossing_name} (or {@code name}), {@code aliases} separated by ";",
 * names in Urdu, Pashto and Dari ({@code name_ur}, {@code name_ps}, {@code name_fa}), {@code lat},
 * {@code lon} (both empty where no published coordinate is known) and the source of each row.
 */
final class CrossingFiles {
  private CrossingFiles() {}

  static void read(Rows f, Batch b) {
    String nameColumn = f.has("crossing_name") ? "crossing_name" : "name";
    f.require("crossings", nameColumn, "lat", "lon");
    for (Rows.Row r : f.rows) {
      String name = r.req(nameColumn);
      Double lat = r.coord("lat", 90);
      Double lon = r.coord("lon", 180);
      if ((lat == null) != (lon == null)) {
        throw r.error("give both lat and lon, or neither");
      }
      String code = Rows.slug(name);
      if (b.places.containsKey(b.id(code))) {
        throw r.error("crossing " + name + " appears twice");
      }
      String source = String.join(" ; ", java.util.stream.Stream.of(r.opt("coord_source"), r.opt("source"), r.opt("supporting_sources"))
          .filter(java.util.Objects::nonNull).toList());
      Place p = b.add(new Place(b.id(code), b.set.name(), "crossing", null, code, null, null, null, null, name, lat, lon,
          null, source.isEmpty() ? null : source));
      String aliases = r.opt("aliases");
      if (aliases != null) {
        for (String a : aliases.split(";")) {
          b.name(p.id(), "en", a.strip());
        }
      }
      for (String lang : new String[] {"ur", "ps", "fa"}) {
        b.name(p.id(), lang, r.opt("name_" + lang));
      }
    }
  }
}
