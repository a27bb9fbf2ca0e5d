package accord.gazetteer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared gazetteer files (../shared/data/gazetteer), found by walking up; tests skip without them. */
final class GazetteerData {
  private GazetteerData() {}

  static Path require(String file) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path p = dir.resolve("shared").resolve("data").resolve("gazetteer").resolve(file);
      if (Files.exists(p)) {
        return p;
      }
      dir = dir.getParent();
    }
    Assumptions.assumeTrue(false, "skipped: shared/data/gazetteer/" + file + " not found above " + Path.of("").toAbsolutePath());
    return null;
  }

  static byte[] bytes(String file) {
    try {
      return Files.readAllBytes(require(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Gazetteer.Imported load(Gazetteer g, String file) {
    return g.importFile(file, bytes(file), Importer.Options.detect(null));
  }

  /** Every shared file, in an order where codes and provinces a file refers to are loaded before it. */
  static final String[] ALL = {
    "cldr_iso3166_2_subdivisions_AFG_PAK_en.csv",
    "ocha_global_pcodes_adm1_adm2_AFG_PAK.csv",
    "geonames_admin1_AFG_PAK.csv",
    "geonames_admin2_AFG_PAK.csv",
    "geonames_cities_AFG_PAK.csv",
    "naturalearth_admin1_afghanistan_provinces.csv",
    "naturalearth_admin1_afghanistan_provinces.geojson",
    "osm_pakistan_2023_districts_simplified.geojson",
    "osm_pakistan_2023_districts_centroids.csv",
    "openafghanistan_provinces_districts_persian_script.csv",
    "osm_pakistan_provincial_capitals_multilingual.csv",
    "pak_afg_border_crossings.csv",
    "naturalearth_50m_countries_AFG_PAK.geojson",
    "naturalearth_10m_countries_AFG_PAK.geojson",
    "naturalearth_50m_AFG_PAK_border_line.geojson",
    "naturalearth_10m_AFG_PAK_border_line.geojson",
  };
}
