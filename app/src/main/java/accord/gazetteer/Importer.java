package accord.gazetteer;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads one file into a {@link Batch}: finds its layout from its header (or takes the kind given),
 * checks every row or feature, and says what set it makes. Pure: the gazetteer already loaded is
 * only read, to attach names and provinces to places it knows.
 */
public final class Importer {
  private Importer() {}

  public static final List<String> KINDS =
      List.of("geojson", "border", "geonames", "pcodes", "cldr", "admin1", "centres", "names", "crossings");

  /** What the command line or upload form says about a file; nulls mean "find out". */
  public record Options(String kind, String name, String source, String licence, String level,
      String codeProperty, String nameProperty) {
    public static Options detect(String name) {
      return new Options(null, name, null, null, null, null, null);
    }

    public static Options of(String kind) {
      return new Options(kind, null, null, null, null, null, null);
    }
  }

  /** Each layout's usual licence and attribution, used when the command line gives none. */
  private static final Map<String, String[]> DEFAULTS = Map.of(
      "geonames", new String[] {"CC BY 4.0", "GeoNames (geonames.org), CC BY 4.0"},
      "pcodes", new String[] {"OCHA P-codes (HDX)", "UN OCHA common operational datasets, via HDX"},
      "cldr", new String[] {"Unicode-3.0", "Unicode CLDR subdivision names, Unicode License v3"},
      "admin1", new String[] {"public domain", "Natural Earth (naturalearthdata.com), public domain"},
      "centres", new String[] {"ODbL 1.0", "© OpenStreetMap contributors, ODbL"},
      "crossings", new String[] {"facts with sources", "border crossings compiled from the sources cited on each row"});

  public static Batch read(String fileName, byte[] content, Options o, Index idx) {
    String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
    // a set is named after its file, extension included (a CSV and a GeoJSON of one source are two sets)
    String base = fileName.replaceAll(".*[/\\\\]", "");
    String name = o.name() != null && !o.name().isBlank() ? o.name().strip() : base;
    if (!name.matches("[\\p{L}\\p{N}._-]{1,80}")) {
      throw new ImportError("set name \"" + name + "\" must be 1 to 80 letters, digits, dots, hyphens or underscores");
    }
    if (o.kind() != null && !KINDS.contains(o.kind())) {
      throw new ImportError("kind \"" + o.kind() + "\" is not one of " + String.join(", ", KINDS));
    }
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{")) {
      return geojson(trimmed, name, fileName, o, idx);
    }
    if (trimmed.isEmpty()) {
      throw new ImportError("the file is empty");
    }
    Rows rows = new Rows(new StringReader(text));
    String kind = o.kind() != null ? o.kind() : detect(rows);
    if (kind.equals("geojson") || kind.equals("border")) {
      throw new ImportError("the file is CSV, not GeoJSON");
    }
    Batch b = new Batch(set(name, kind, fileName, o, kind.equals("names") && rows.has("osm_node_id") ? "centres" : kind));
    switch (kind) {
      case "geonames" -> PlaceFiles.geonames(rows, b, idx);
      case "pcodes" -> PlaceFiles.pcodes(rows, b, idx);
      case "cldr" -> PlaceFiles.cldr(rows, b);
      case "admin1" -> PlaceFiles.admin1(rows, b);
      case "centres" -> PlaceFiles.centres(rows, b, idx);
      case "crossings" -> CrossingFiles.read(rows, b);
      case "names" -> {
        if (rows.has("osm_node_id")) {
          NameFiles.osm(rows, b, idx);
        } else {
          NameFiles.native_(rows, b, idx, "AF", "fa");
        }
      }
      default -> throw new IllegalStateException(kind);
    }
    if (b.items() == 0) {
      throw new ImportError("the file has no rows");
    }
    return b;
  }

  private static Batch geojson(String text, String name, String fileName, Options o, Index idx) {
    JsonNode root;
    try {
      root = EntryCodec.JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ImportError("not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
    }
    List<JsonNode> features = GeoJsonFiles.features(root);
    List<Shape> shapes = GeoJsonFiles.shapes(features);
    boolean lines = !shapes.get(0).isArea();
    if (o.kind() != null && !o.kind().equals(lines ? "border" : "geojson")) {
      throw new ImportError("the file holds " + (lines ? "lines (kind border)" : "outlines (kind geojson)") + ", not " + o.kind());
    }
    Batch b = new Batch(set(name, lines ? "border" : "geojson", fileName, o, lines ? "border" : "geojson"));
    if (lines) {
      GeoJsonFiles.border(features, shapes, b, o.source());
    } else {
      GeoJsonFiles.outlines(features, shapes, b, idx, new GeoJsonFiles.Options(o.level(), o.codeProperty(), o.nameProperty(), null));
    }
    return b;
  }

  private static Batch.SetInfo set(String name, String kind, String fileName, Options o, String defaults) {
    String[] d = DEFAULTS.getOrDefault(defaults, new String[] {"as stated by the source", "as stated by the source"});
    String source = o.source() != null ? o.source() : fileName.replaceAll(".*[/\\\\]", "");
    String licence = o.licence() != null ? o.licence() : d[0];
    String attribution = o.source() != null ? o.source() + (o.licence() != null ? ", " + o.licence() : "") : d[1];
    return new Batch.SetInfo(name, kind, source, licence, attribution);
  }

  /** The layout a CSV header shows. */
  static String detect(Rows r) {
    if (r.has("P-Code", "Admin Level")) {
      return "pcodes";
    }
    if (r.has("iso3166_2", "name_en") && !r.has("latitude")) {
      return "cldr";
    }
    if (r.has("iso_3166_2", "latitude", "longitude")) {
      return "admin1";
    }
    if (r.has("district", "province", "centroid_lat")) {
      return "centres";
    }
    if (r.has("name_native", "name_en") || r.has("osm_node_id")) {
      return "names";
    }
    if (r.has("crossing_name") || r.has("name", "name_ur", "lat", "lon")) {
      return "crossings";
    }
    if (r.has("name", "lat", "lng", "country") || r.has("code", "name")) {
      return "geonames";
    }
    throw new ImportError("cannot tell the layout of this CSV file from its header (" + String.join(", ", r.header)
        + "); give --kind");
  }
}
