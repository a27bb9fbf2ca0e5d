package accord.incident;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One ACLED export row as an incident report body. Columns are found by their header names, so
 * the 31-column layout and the older trimmed ones (no admin3, no tags) read alike; event_date is
 * either {@code 2024-12-31} or {@code 31 December 2024}.
 */
final class AcledRow extends CsvRows.Columns implements CsvImport.Layout {
  static final List<String> COLUMNS = List.of(
      "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
      "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
      "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
      "source", "source_scale", "notes", "fatalities", "tags", "timestamp");
  static final List<String> REQUIRED = List.of(
      "event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country", "latitude", "longitude",
      "fatalities");
  /** ACLED's long date style; STRICT so that 30 February is refused, not moved to 28 February. */
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);

  private AcledRow(Map<String, Integer> columns) {
    super(columns);
  }

  /**
   * ACLED exports always start with a header (older ones put other columns such as data_id
   * before event_id_cnty); a file without one is refused whole.
   */
  static AcledRow layout(List<String> first, boolean[] isHeader) {
    if (first.stream().noneMatch(c -> c.trim().equalsIgnoreCase("event_id_cnty"))) {
      throw new IllegalArgumentException("the first row is not an ACLED header (want " + String.join(",", COLUMNS) + ")");
    }
    isHeader[0] = true;
    return new AcledRow(index(first, Map.of(), REQUIRED));
  }

  @Override
  public ObjectNode body(List<String> f, Groups groups) {
    ObjectNode b = EntryCodec.JSON.createObjectNode();
    String id = need(f, "event_id_cnty");
    if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("event_id_cnty '" + id + "' is not an ACLED event id");
    }
    b.put("external_id", "acled:" + id);
    LocalDate date = date(need(f, "event_date"));
    String year = get(f, "year");
    if (year != null && !year.equals(String.valueOf(date.getYear()))) {
      throw new IllegalArgumentException("year " + year + " does not match event_date " + date);
    }
    b.put("date", date.toString());
    putIf(b, "date_precision", precision(f, "time_precision", "day", "week", "month"));

    ObjectNode place = b.putObject("place");
    putIf(place, "country", get(f, "country"));
    putIf(place, "admin1", get(f, "admin1"));
    putIf(place, "admin2", get(f, "admin2"));
    putIf(place, "location", get(f, "location"));
    putCoordinates(place, f, "latitude", "longitude");
    // ACLED geo_precision: 1 the named place, 2 near it or part of a region, 3 only a larger region.
    putIf(place, "precision", precision(f, "geo_precision", "exact", "near", "admin1"));

    String[] type = eventType(need(f, "event_type"), need(f, "sub_event_type"));
    b.put("event_type", type[0]).put("sub_event_type", type[1]);

    // By ACLED's convention actor1 is the side that acted and actor2 the side acted upon; each
    // associated actor (a ';' list) stands with its main actor.
    ArrayNode actors = b.putArray("actors");
    actors(actors, need(f, "actor1"), "perpetrator", groups);
    actors(actors, get(f, "assoc_actor_1"), "perpetrator", groups);
    actors(actors, get(f, "actor2"), "target", groups);
    actors(actors, get(f, "assoc_actor_2"), "target", groups);

    // ACLED gives one fatality figure, its conservative estimate; it has no range.
    putCount(b.putObject("fatalities"), "best", f, "fatalities");

    String source = get(f, "source");
    if (source != null) {
      ArrayNode sources = b.putArray("sources");
      for (String outlet : source.split(";")) {
        if (!outlet.isBlank()) {
          sources.addObject().put("outlet", outlet.trim());
        }
      }
    }
    putIf(b, "text", get(f, "notes"));
    return b;
  }

  /** ACLED's type names, normalised, to their EventTypes: looked up once per row, so built once. */
  private static final Map<String, EventTypes.Type> TYPES = new HashMap<>();

  static {
    EventTypes.ALL.forEach(t -> TYPES.put(norm(t.acledName()), t));
  }

  /** The EventTypes codes of ACLED's type and sub-type names (matched ignoring case and spacing). */
  static String[] eventType(String type, String sub) {
    EventTypes.Type t = TYPES.get(norm(type));
    if (t == null) {
      throw new IllegalArgumentException("event_type '" + type + "' is not an ACLED event type (want one of "
          + EventTypes.ALL.stream().map(EventTypes.Type::acledName).toList() + ")");
    }
    String s = norm(sub);
    for (Map.Entry<String, String> e : t.subTypes().entrySet()) {
      if (norm(e.getValue()).equals(s)) {
        return new String[] {t.code(), e.getKey()};
      }
    }
    throw new IllegalArgumentException("sub_event_type '" + sub + "' is not a sub-type of " + t.acledName()
        + " (want one of " + t.subTypes().values() + ")");
  }

  private static String norm(String s) {
    return s.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
  }

  private static void actors(ArrayNode actors, String names, String role, Groups groups) {
    if (names == null) {
      return;
    }
    for (String name : names.split(";")) {
      if (!name.isBlank()) {
        ObjectNode a = actors.addObject().put("name", name.trim()).put("role", role);
        groups.resolve(name).ifPresent(g -> a.put("group", g));
      }
    }
  }

  /** ACLED's 1–3 precision codes as this register's words; an absent column or value says nothing. */
  private String precision(List<String> f, String col, String one, String two, String three) {
    String p = get(f, col);
    if (p == null) {
      return null;
    }
    return switch (p) {
      case "1" -> one;
      case "2" -> two;
      case "3" -> three;
      default -> throw new IllegalArgumentException(col + " must be 1, 2 or 3, not '" + p + "'");
    };
  }

  static LocalDate date(String s) {
    if (isDate(s)) {
      return LocalDate.parse(s);
    }
    try {
      return LocalDate.parse(s, LONG_DATE);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("event_date '" + s + "' is not a real date (want 2024-12-31 or 31 December 2024)");
    }
  }
}
