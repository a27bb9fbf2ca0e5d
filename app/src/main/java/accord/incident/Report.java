package accord.incident;

import java.util.List;

/**
 * What one report or account of an incident says, read from an entry body and checked field by
 * field: when and where, what kind of event, who took part, the toll, the sources, the provisions
 * it bears on, and free text in the entry's language.
 */
public record Report(
    String externalId,
    String date,
    String dateEnd,
    String datePrecision,
    Place place,
    String eventType,
    String subEventType,
    Integer ucdpViolence,
    List<Actor> actors,
    Range fatalities,
    Range injuries,
    List<Source> sources,
    List<String> provisions,
    String text) {

  /** Geographic precision: exact spot, near it, or only the district, province or country. */
  public static final List<String> GEO_PRECISIONS = List.of("exact", "near", "admin2", "admin1", "country");
  public static final List<String> DATE_PRECISIONS = List.of("day", "week", "month", "year");
  public static final List<String> ROLES = List.of("perpetrator", "target", "responder");

  public record Place(String country, String admin1, String admin2, String location, Double lat, Double lon, String precision) {}

  /** {@code group} is the canonical group code, or null for an actor no table knows. */
  public record Actor(String name, String role, String group) {}

  /** A count as UCDP gives it: the best estimate with a low and a high bound; any may be unknown. */
  public record Range(Long low, Long best, Long high) {
    public static final Range UNKNOWN = new Range(null, null, null);
  }

  public record Source(String outlet, String date, String url, String sha256) {}
}
