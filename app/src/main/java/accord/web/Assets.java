package accord.web;

import accord.tlog.Hash;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Static files served from the jar under names that carry their content hash
 * ({@code /assets/app.3f2a9c1e.css}), so browsers may cache them for good and a new release is
 * fetched at once. Nothing comes from a CDN.
 */
public final class Assets {
  /** Logical name to classpath resource. */
  private static final Map<String, String> SOURCES = new LinkedHashMap<>();

  static {
    SOURCES.put("bootstrap.css", "META-INF/resources/webjars/bootstrap/5.3.8/css/bootstrap.min.css");
    SOURCES.put("bootstrap.rtl.css", "META-INF/resources/webjars/bootstrap/5.3.8/css/bootstrap.rtl.min.css");
    SOURCES.put("htmx.js", "META-INF/resources/webjars/htmx.org/2.0.8/dist/htmx.min.js");
    SOURCES.put("app.css", "static/app.css");
    SOURCES.put("app.js", "static/app.js");
    // npm's leaflet, leaflet.markercluster and echarts, copied by the build (absent from an IDE build)
    SOURCES.put("leaflet.js", "static/vendor/leaflet.js");
    SOURCES.put("leaflet.css", "static/vendor/leaflet.css");
    SOURCES.put("leaflet.markercluster.js", "static/vendor/leaflet.markercluster.js");
    SOURCES.put("MarkerCluster.css", "static/vendor/MarkerCluster.css");
    SOURCES.put("MarkerCluster.Default.css", "static/vendor/MarkerCluster.Default.css");
    SOURCES.put("echarts.js", "static/vendor/echarts.min.js");
    SOURCES.put("health.js", "static/health.js");
    SOURCES.put("health.css", "static/health.css");
    // the incident register's map and timeline
    SOURCES.put("incident.css", "static/incident.css");
    SOURCES.put("incident-map.js", "static/incident-map.js");
    SOURCES.put("incident-timeline.js", "static/incident-timeline.js");
  }

  /**
   * The bundled fonts (family, weight, file under static/fonts/), copied there by the build from
   * npm's @fontsource packages: the Arabic-script subset only, so Latin text keeps the system font.
   */
  private static final String[][] FONTS = {
    {"Noto Nastaliq Urdu", "400", "noto-nastaliq-urdu-arabic-400-normal.woff2"},
    {"Noto Nastaliq Urdu", "700", "noto-nastaliq-urdu-arabic-700-normal.woff2"},
    {"Noto Naskh Arabic", "400", "noto-naskh-arabic-arabic-400-normal.woff2"},
    {"Noto Naskh Arabic", "700", "noto-naskh-arabic-arabic-700-normal.woff2"},
  };

  /** The characters the arabic subsets cover (from @fontsource's CSS). */
  private static final String ARABIC_RANGE = "U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,"
      + "U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,"
      + "U+FE76-FEFC,U+102E0-102FB,U+10E60-10E7E,U+10EC2-10EC4,U+10EFC-10EFF,U+1EE00-1EEFF";

  private record Asset(String url, byte[] bytes, String contentType) {}

  private final Map<String, Asset> byName = new HashMap<>();
  private final Map<String, Asset> byUrl = new HashMap<>();

  public Assets() {
    SOURCES.forEach(this::add);
    StringBuilder css = new StringBuilder("/* Fonts served from this node, no CDN. SIL Open Font License 1.1. */\n");
    for (String[] f : FONTS) {
      add(f[2], "static/fonts/" + f[2]);
      if (has(f[2])) {
        css.append("@font-face{font-family:\"").append(f[0]).append("\";font-style:normal;font-weight:")
            .append(f[1]).append(";font-display:swap;src:url(").append(url(f[2]))
            .append(") format(\"woff2\");unicode-range:").append(ARABIC_RANGE).append("}\n");
      }
    }
    // a build without the fonts (an IDE's, say) still serves fonts.css, and browsers fall back
    put("fonts.css", css.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Adds an asset from the classpath (fonts and others that are present only in some builds). */
  public void add(String name, String resource) {
    byte[] bytes = read(resource);
    if (bytes != null) {
      put(name, bytes);
    }
  }

  private void put(String name, byte[] bytes) {
    String hash = Hash.toHex(Hash.sha256(bytes)).substring(0, 10);
    int dot = name.lastIndexOf('.');
    String url = "/assets/" + name.substring(0, dot) + "." + hash + name.substring(dot);
    Asset a = new Asset(url, bytes, contentType(name));
    byName.put(name, a);
    byUrl.put(url, a);
  }

  /** The hashed URL of a logical asset name, for templates. */
  public String url(String name) {
    Asset a = byName.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no asset " + name);
    }
    return a.url();
  }

  public boolean has(String name) {
    return byName.containsKey(name);
  }

  /** GET /assets/{file} */
  public void serve(Context ctx) {
    Asset a = byUrl.get("/assets/" + ctx.pathParam("file"));
    if (a == null) {
      throw new HttpResponseException(404, "no such asset");
    }
    ctx.header("Cache-Control", "public, max-age=31536000, immutable")
        .contentType(a.contentType())
        .result(a.bytes());
  }

  /** The content of a named asset. */
  byte[] bytes(String name) {
    return byName.get(name).bytes().clone();
  }

  /** Total bytes of the named assets, for page-weight reports. */
  public long size(String name) {
    return byName.get(name).bytes().length;
  }

  private static byte[] read(String resource) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read asset " + resource, e);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".woff2")) {
      return "font/woff2";
    }
    return "application/octet-stream";
  }
}
