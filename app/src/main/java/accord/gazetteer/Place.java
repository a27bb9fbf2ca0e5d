package accord.gazetteer;

/**
 * One place of a gazetteer set. {@code id} is unique across sets ("set/code"); {@code code} is the
 * set's own key for it; {@code iso}, {@code geonames} and {@code pcode} are the standard codes
 * where the source gives them; {@code parent} is the id of the place it lies in.
 */
public record Place(
    String id, String set, String kind, String country, String code, String iso, String geonames, String pcode,
    String parent, String name, Double lat, Double lon, Long population, String source) {

  public static final java.util.List<String> KINDS = java.util.List.of("country", "admin1", "admin2", "city", "crossing");

  /** The code to show: ISO 3166-2, else the P-code, else the GeoNames code, else the set's own. */
  public String bestCode() {
    return iso != null ? iso : pcode != null ? pcode : geonames != null ? geonames : code;
  }

  public boolean hasPoint() {
    return lat != null && lon != null;
  }

  Place withPoint(Double lat, Double lon) {
    return new Place(id, set, kind, country, code, iso, geonames, pcode, parent, name, lat, lon, population, source);
  }

  Place withParent(String parent) {
    return new Place(id, set, kind, country, code, iso, geonames, pcode, parent, name, lat, lon, population, source);
  }
}
