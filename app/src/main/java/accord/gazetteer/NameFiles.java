package accord.gazetteer;

import java.util.ArrayList;
import java.util.List;

/**
 * Names in other scripts: a list of provinces and districts with their Perso-Arabic names (which
 * names the loaded places of the same English name, or adds them), and OpenStreetMap places with
 * their {@code name:xx} tags (which adds the places with every name).
 */
final class NameFiles {
  private NameFiles() {}

  /** {@code level,province_en,name_native,name_en[,is_provincial_center]}: Dari names of Afghan units. */
  static void native_(Rows f, Batch b, Index idx, String country, String lang) {
    f.require("names", "level", "province_en", "name_native", "name_en");
    for (Rows.Row r : f.rows) {
      String level = r.req("level");
      String en = r.req("name_en");
      String nativeName = r.opt("name_native"); // the source leaves a few empty; the row still names the place in English
      String province = r.req("province_en");
      List<String> targets = new ArrayList<>();
      switch (level) {
        case "province" -> {
          idx.named(en, "admin1", country).forEach(p -> targets.add(p.id()));
          if (targets.isEmpty()) {
            targets.add(Provinces.resolve(b, idx, en, country));
          }
        }
        case "district" -> {
          List<Place> found = idx.named(en, "admin2", country);
          List<Place> inProvince = found.stream().filter(p -> inProvince(idx, p, province)).toList();
          (inProvince.isEmpty() ? found : inProvince).forEach(p -> targets.add(p.id()));
          if (targets.isEmpty()) {
            String parent = Provinces.resolve(b, idx, province, country);
            String code = "admin2-" + Rows.slug(province + " " + en);
            if (b.places.containsKey(b.id(code))) {
              throw r.error("district " + en + " of " + province + " appears twice");
            }
            targets.add(b.add(new Place(b.id(code), b.set.name(), "admin2", country, code, null, null, null, parent, en,
                null, null, null, null)).id());
          }
          if ("yes".equalsIgnoreCase(r.opt("is_provincial_center"))) {
            idx.named(en, "city", country).forEach(p -> targets.add(p.id()));
          }
        }
        default -> throw r.error("level \"" + level + "\" is not province or district");
      }
      for (String t : targets) {
        b.name(t, lang, nativeName);
        b.name(t, "en", en);
      }
    }
  }

  private static boolean inProvince(Index idx, Place p, String province) {
    return p.parent() != null && idx.place(p.parent()).map(a -> Names.key(a.name()).equals(Names.key(province))).orElse(false);
  }

  /** {@code osm_node_id,lat,lon,name,name:xx...[,population]}: OpenStreetMap places with their names. */
  static void osm(Rows f, Batch b, Index idx) {
    f.require("OpenStreetMap places", "osm_node_id", "lat", "lon", "name");
    for (Rows.Row r : f.rows) {
      Double lat = r.coord("lat", 90);
      Double lon = r.coord("lon", 180);
      if (lat == null || lon == null) {
        throw r.error("a place needs lat and lon");
      }
      String code = "osm-node-" + r.req("osm_node_id");
      String display = r.opt("name:en") != null ? r.opt("name:en") : r.req("name");
      Place p = b.add(new Place(b.id(code), b.set.name(), "city", idx.countryAt(lat, lon), code, null, null, null, null,
          display, lat, lon, r.number("population"), null));
      b.name(p.id(), "und", r.req("name"));
      for (String column : f.header) {
        if (column.matches("(alt_)?name:[a-z]{2,3}")) {
          b.name(p.id(), column.substring(column.indexOf(':') + 1), r.opt(column));
        }
      }
    }
  }
}
