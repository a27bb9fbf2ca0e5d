package accord.gazetteer;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.util.Region;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GeoJSON files: outlines of countries, provinces or districts (with their codes and names as
 * feature properties), or border lines. Every feature is checked; the first bad one stops the file.
 */
final class GeoJsonFiles {
  private GeoJsonFiles() {}

  /** How to read the features' properties; nulls mean "find them". */
  record Options(String level, String codeProperty, String nameProperty, String parentProperty) {}

  /** Where a feature's own key may be; Natural Earth's adm1_code first, as its ISO codes repeat (two AF-PAR). */
  private static final List<String> CODE_PROPERTIES = List.of("adm1_code", "ADM2_PCODE", "ADM1_PCODE", "pcode", "code", "iso_3166_2");

  static List<JsonNode> features(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new ImportError("not a GeoJSON object");
    }
    String type = root.path("type").asText("");
    List<JsonNode> out = new ArrayList<>();
    switch (type) {
      case "FeatureCollection" -> {
        if (!root.path("features").isArray()) {
          throw new ImportError("the FeatureCollection has no features array");
        }
        root.get("features").forEach(out::add);
      }
      case "Feature" -> out.add(root);
      default -> throw new ImportError("GeoJSON type \"" + type + "\" is not a FeatureCollection or Feature");
    }
    if (out.isEmpty()) {
      throw new ImportError("the file has no features");
    }
    return out;
  }

  /** Reads every feature's geometry; true when they are all lines (a border file). */
  static List<Shape> shapes(List<JsonNode> features) {
    List<Shape> shapes = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      try {
        shapes.add(Shape.read(features.get(i).get("geometry")));
      } catch (IllegalArgumentException e) {
        throw new ImportError("feature " + (i + 1) + ": " + e.getMessage());
      }
      if (shapes.get(i).isArea() != shapes.get(0).isArea()) {
        throw new ImportError("feature " + (i + 1) + " is " + (shapes.get(i).isArea() ? "an area" : "a line")
            + " but feature 1 is " + (shapes.get(0).isArea() ? "an area" : "a line") + ": a file holds outlines or lines, not both");
      }
    }
    return shapes;
  }

  static void border(List<JsonNode> features, List<Shape> shapes, Batch b, String authority) {
    for (int i = 0; i < features.size(); i++) {
      JsonNode props = features.get(i).path("properties");
      String name = props.path("name").asText(b.set.name());
      String by = authority != null ? authority : props.path("source").asText(b.set.source());
      b.lines.add(new Batch.Line(name, by, features.get(i).get("geometry").toString(), shapes.get(i)));
    }
  }

  static void outlines(List<JsonNode> features, List<Shape> shapes, Batch b, Index idx, Options o) {
    String level = o.level() != null ? o.level() : level(features);
    if (!List.of("country", "admin1", "admin2").contains(level)) {
      throw new ImportError("level \"" + level + "\" is not country, admin1 or admin2");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < features.size(); i++) {
      int n = i + 1;
      JsonNode f = features.get(i);
      JsonNode props = f.path("properties");
      Shape s = shapes.get(i);
      String name = text(props, o.nameProperty() != null ? o.nameProperty() : "name");
      if (name == null) {
        throw new ImportError("feature " + n + ": no name in property \"" + (o.nameProperty() != null ? o.nameProperty() : "name") + "\"");
      }
      String code = code(f, o.codeProperty());
      if (code == null && o.codeProperty() != null) {
        throw new ImportError("feature " + n + ": no code in property \"" + o.codeProperty() + "\"");
      }
      if (code == null) {
        code = level.equals("admin2") ? Rows.slug(name) + "-" + n : Rows.slug(name);
      }
      if (seen.putIfAbsent(code, n) != null) {
        throw new ImportError("feature " + n + ": code " + code + " repeats feature " + seen.get(code));
      }
      String iso = text(props, "iso_3166_2");
      String pcode = text(props, level.equals("admin1") ? "ADM1_PCODE" : "ADM2_PCODE");
      double[] centre = s.centre();
      Double lat = props.path("latitude").isNumber() ? props.get("latitude").asDouble() : centre[1];
      Double lon = props.path("longitude").isNumber() ? props.get("longitude").asDouble() : centre[0];
      String country;
      String parent = null;
      if (level.equals("country")) {
        country = countryCode(f, name);
        if (country == null) {
          throw new ImportError("feature " + n + ": cannot tell which country \"" + name + "\" is (give an ISO numeric id or an English name)");
        }
      } else {
        country = iso != null ? iso.substring(0, 2) : idx.countryAt(centre[1], centre[0]);
        String province = text(props, o.parentProperty() != null ? o.parentProperty() : "province");
        if (level.equals("admin2") && province != null) {
          parent = Provinces.resolve(b, idx, province, country);
          if (country == null) {
            country = b.places.containsKey(parent) ? b.places.get(parent).country() : idx.place(parent).map(Place::country).orElse(null);
          }
        }
      }
      Place p = b.add(new Place(b.id(code), b.set.name(), level, country, code, iso, null, pcode, parent, name, lat, lon, null, null));
      props.fieldNames().forEachRemaining(k -> {
        if (k.matches("name_[a-z]{2}")) {
          b.name(p.id(), k.substring(5), text(props, k));
        }
      });
      b.boundaries.add(new Batch.Boundary(p.id(), level, f.get("geometry").toString(), s));
    }
  }

  /** Countries when every feature names one; provinces when they carry ISO 3166-2 codes; else districts. */
  private static String level(List<JsonNode> features) {
    boolean countries = features.stream().allMatch(f -> countryCode(f, text(f.path("properties"), "name")) != null);
    if (countries) {
      return "country";
    }
    return features.get(0).path("properties").has("iso_3166_2") ? "admin1" : "admin2";
  }

  private static String code(JsonNode f, String property) {
    JsonNode props = f.path("properties");
    if (property != null) {
      return text(props, property);
    }
    for (String c : CODE_PROPERTIES) {
      if (text(props, c) != null) {
        return text(props, c);
      }
    }
    JsonNode rel = props.path("osmRelations");
    if (rel.isArray() && !rel.isEmpty()) {
      return "osm-" + rel.get(0).asText();
    }
    return null;
  }

  /** ISO alpha-2 from a feature's ISO numeric id (Natural Earth, world-atlas) or its English name. */
  static String countryCode(JsonNode f, String name) {
    JsonNode id = f.path("id");
    if (id.isTextual() && id.asText().matches("\\d{1,3}") || id.isInt()) {
      try {
        Region r = Region.getInstance(Integer.parseInt(id.asText()));
        if (r.getType() == Region.RegionType.TERRITORY) {
          return r.toString();
        }
      } catch (IllegalArgumentException ignored) {
        // not a known numeric code: fall back to the name
      }
    }
    if (name == null) {
      return null;
    }
    for (String cc : Locale.getISOCountries()) {
      if (new Locale("", cc).getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(name)) {
        return cc;
      }
    }
    return null;
  }

  private static String text(JsonNode props, String key) {
    JsonNode v = props.get(key);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }
}
