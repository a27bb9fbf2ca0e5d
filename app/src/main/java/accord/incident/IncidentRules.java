package accord.incident;

import static accord.ledger.BodyText.optText;
import static accord.ledger.BodyText.text;

import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the incident register, as pure functions. An incident is opened by a report from
 * any member; other members add their own accounts beside it (nothing is overwritten) and a
 * mediator may record a finding saying which account the evidence supports.
 */
public final class IncidentRules {
  public static final String REPORT = "incident.report";
  public static final String ACCOUNT = "incident.account";
  public static final String FINDING = "incident.finding";
  public static final int MAX_TEXT = 20_000;

  private static final Pattern EXTERNAL_ID = Pattern.compile("[a-z]+:[A-Za-z0-9._-]{1,64}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** What the read model knows that an entry refers to: its incident, that incident's accounts, its external id. */
  public record Known(boolean incidentExists, Set<Long> accountsOfIncident, boolean externalIdTaken) {
    public static final Known NOTHING = new Known(false, Set.of(), false);
  }

  private IncidentRules() {}

  /** May this entry be appended, given the accord and what the register already holds? */
  public static void decide(Optional<AccordState> accord, Known known, Entry e) {
    AccordState a = accord.orElseThrow(() -> Rejection.notFound("no accord " + e.accord()));
    AccordState.Member author = a.member(e.party())
        .orElseThrow(() -> Rejection.forbidden(e.party() + " is not a member of accord " + e.accord()));
    switch (e.type()) {
      case REPORT -> {
        Report r = read(e.body(), a, Groups.standard());
        if (r.externalId() != null && known.externalIdTaken()) {
          throw Rejection.conflict("body.external_id: " + r.externalId() + " is already in the register");
        }
      }
      case ACCOUNT -> {
        long incident = incidentRef(e.body(), known);
        read(e.body(), a, Groups.standard());
        if (e.body().has("external_id")) {
          throw Rejection.invalid("body.external_id belongs on the report of incident " + incident + ", not on an account");
        }
      }
      case FINDING -> {
        if (author.kind() != AccordState.Kind.OBSERVER || !author.role().equals("mediator")) {
          throw Rejection.forbidden("only a mediator records a finding; " + e.party() + " is not one");
        }
        long incident = incidentRef(e.body(), known);
        String text = e.body().path("text").asText("");
        if (text.isBlank() || text.length() > MAX_TEXT) {
          throw Rejection.invalid("body.text must hold 1 to " + MAX_TEXT + " characters");
        }
        JsonNode s = e.body().get("supports");
        if (s != null && !s.isNull()) {
          if (!s.isIntegralNumber() || !known.accountsOfIncident().contains(s.asLong())) {
            throw Rejection.invalid("body.supports: " + s + " is not a report or account of incident " + incident);
          }
        }
      }
      default -> throw Rejection.invalid("unknown incident entry type " + e.type());
    }
  }

  /** The report or account an entry adds (empty for a finding). */
  public static Optional<Report> evolve(Entry e) {
    return e.type().equals(FINDING) ? Optional.empty() : Optional.of(read(e.body(), null, Groups.standard()));
  }

  private static long incidentRef(JsonNode b, Known known) {
    JsonNode n = b.get("incident");
    if (n == null || !n.isIntegralNumber() || n.asLong() < 0) {
      throw Rejection.invalid("body.incident must be the id (a whole number) of an incident");
    }
    if (!known.incidentExists()) {
      throw Rejection.notFound("body.incident: there is no incident " + n.asLong());
    }
    return n.asLong();
  }

  /**
   * Reads a report or account body, naming the field that is wrong. With {@code accord} null the
   * provisions are not checked against it (replaying an entry already decided).
   */
  public static Report read(JsonNode b, AccordState accord, Groups groups) {
    String externalId = optText(b, "external_id", "body.external_id");
    if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
      throw Rejection.invalid("body.external_id must look like ucdp:123456, not " + externalId);
    }
    String date = date(b, "date", true);
    String dateEnd = date(b, "date_end", false);
    if (dateEnd != null && dateEnd.compareTo(date) < 0) {
      throw Rejection.invalid("body.date_end " + dateEnd + " is before body.date " + date);
    }
    String precision = oneOf(b, "date_precision", Report.DATE_PRECISIONS, "day");
    Report.Place place = place(b.path("place"));
    String type = text(b, "event_type", "body.event_type");
    var t = EventTypes.type(type).orElseThrow(() -> Rejection.invalid("body.event_type: unknown type " + type
        + " (want one of " + EventTypes.ALL.stream().map(EventTypes.Type::code).toList() + ")"));
    String sub = text(b, "sub_event_type", "body.sub_event_type");
    if (!t.subTypes().containsKey(sub)) {
      throw Rejection.invalid("body.sub_event_type: " + sub + " is not a sub-type of " + type
          + " (want one of " + t.subTypes().keySet() + ")");
    }
    Integer violence = null;
    if (b.hasNonNull("ucdp_violence")) {
      JsonNode v = b.get("ucdp_violence");
      if (!v.isIntegralNumber() || !EventTypes.UCDP_VIOLENCE.containsKey(v.asInt())) {
        throw Rejection.invalid("body.ucdp_violence must be 1, 2 or 3");
      }
      violence = v.asInt();
    }
    List<Report.Actor> actors = new ArrayList<>();
    int i = 0;
    for (JsonNode a : array(b, "actors")) {
      String where = "body.actors[" + i++ + "]";
      String name = text(a, "name", where + ".name");
      String role = a.path("role").asText("");
      if (!Report.ROLES.contains(role)) {
        throw Rejection.invalid(where + ".role must be one of " + Report.ROLES);
      }
      String group = optText(a, "group", where + ".group");
      if (group != null && !groups.known(group)) {
        throw Rejection.invalid(where + ".group: unknown group " + group + " (want one of " + groups.names().keySet() + ")");
      }
      actors.add(new Report.Actor(name, role, group));
    }
    Report.Range fatalities = range(b, "fatalities");
    Report.Range injuries = range(b, "injuries");
    List<Report.Source> sources = new ArrayList<>();
    i = 0;
    for (JsonNode s : array(b, "sources")) {
      String where = "body.sources[" + i++ + "]";
      String url = optText(s, "url", where + ".url");
      if (url != null && !url.matches("https?://\\S+")) {
        throw Rejection.invalid(where + ".url must be an http or https link");
      }
      String sha = optText(s, "sha256", where + ".sha256");
      if (sha != null && !SHA256.matcher(sha).matches()) {
        throw Rejection.invalid(where + ".sha256 must be 64 lower-case hex digits");
      }
      sources.add(new Report.Source(text(s, "outlet", where + ".outlet"), date(s, "date", false, where + ".date"), url, sha));
    }
    List<String> provisions = new ArrayList<>();
    i = 0;
    for (JsonNode p : array(b, "provisions")) {
      String where = "body.provisions[" + i++ + "]";
      if (!p.isTextual()) {
        throw Rejection.invalid(where + " must be a provision id");
      }
      if (accord != null && accord.provisions().stream().noneMatch(x -> x.id().equals(p.asText()))) {
        throw Rejection.invalid(where + ": accord " + accord.id() + " has no provision " + p.asText());
      }
      provisions.add(p.asText());
    }
    String text = optText(b, "text", "body.text");
    if (text != null && text.length() > MAX_TEXT) {
      throw Rejection.invalid("body.text holds more than " + MAX_TEXT + " characters");
    }
    return new Report(externalId, date, dateEnd, precision, place, type, sub, violence, actors,
        fatalities, injuries, sources, provisions, text);
  }

  private static Report.Place place(JsonNode p) {
    if (!p.isObject()) {
      throw Rejection.invalid("body.place must be an object (country, admin1, admin2, location, lat, lon, precision)");
    }
    Double lat = coordinate(p, "lat", 90);
    Double lon = coordinate(p, "lon", 180);
    if ((lat == null) != (lon == null)) {
      throw Rejection.invalid("body.place needs both lat and lon, or neither");
    }
    Report.Place place = new Report.Place(
        optText(p, "country", "body.place.country"), optText(p, "admin1", "body.place.admin1"),
        optText(p, "admin2", "body.place.admin2"), optText(p, "location", "body.place.location"),
        lat, lon, oneOf(p, "precision", Report.GEO_PRECISIONS, null, "body.place.precision"));
    if (place.country() == null && place.admin1() == null && place.admin2() == null
        && place.location() == null && lat == null) {
      throw Rejection.invalid("body.place must name a country, an admin area, a location or coordinates");
    }
    return place;
  }

  private static Double coordinate(JsonNode p, String field, double max) {
    JsonNode n = p.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isNumber() || Math.abs(n.asDouble()) > max || !Double.isFinite(n.asDouble())) {
      throw Rejection.invalid("body.place." + field + " must be a number from -" + (int) max + " to " + (int) max + ", not " + n);
    }
    return n.asDouble();
  }

  private static Report.Range range(JsonNode b, String field) {
    JsonNode r = b.get(field);
    if (r == null || r.isNull()) {
      return Report.Range.UNKNOWN;
    }
    if (!r.isObject()) {
      throw Rejection.invalid("body." + field + " must be an object with low, best and high");
    }
    Long low = count(r, "low", field);
    Long best = count(r, "best", field);
    Long high = count(r, "high", field);
    if ((low != null && best != null && low > best) || (best != null && high != null && best > high)
        || (low != null && high != null && low > high)) {
      throw Rejection.invalid("body." + field + " must have low <= best <= high");
    }
    return new Report.Range(low, best, high);
  }

  private static Long count(JsonNode r, String f, String field) {
    JsonNode n = r.get(f);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber() || n.asLong() < 0) {
      throw Rejection.invalid("body." + field + "." + f + " must be a whole number, 0 or more");
    }
    return n.asLong();
  }

  private static String date(JsonNode b, String field, boolean required) {
    return date(b, field, required, "body." + field);
  }

  private static String date(JsonNode b, String field, boolean required, String where) {
    String s = required ? text(b, field, where) : optText(b, field, where);
    if (s == null) {
      return null;
    }
    try {
      if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("shape", s, 0);
      }
      return LocalDate.parse(s).toString();
    } catch (DateTimeParseException ex) {
      throw Rejection.invalid(where + " must be a real date as YYYY-MM-DD, not " + s);
    }
  }

  private static String oneOf(JsonNode b, String field, List<String> allowed, String dflt) {
    return oneOf(b, field, allowed, dflt, "body." + field);
  }

  private static String oneOf(JsonNode b, String field, List<String> allowed, String dflt, String where) {
    String s = optText(b, field, where);
    if (s == null) {
      return dflt;
    }
    if (!allowed.contains(s)) {
      throw Rejection.invalid(where + " must be one of " + allowed + ", not " + s);
    }
    return s;
  }

  private static List<JsonNode> array(JsonNode b, String field) {
    JsonNode n = b.get(field);
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw Rejection.invalid("body." + field + " must be an array");
    }
    n.forEach(out::add);
    return out;
  }


}
