package accord.incident;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * One UCDP GED row as an incident report body. Knows the layouts: the full 49 columns (with or
 * without a header, old releases naming best/high/low as best_est/high_est/low_est) and the
 * trimmed 13-column extract. Throws {@link IllegalArgumentException} naming the column at fault.
 */
final class UcdpRow extends CsvRows.Columns implements CsvImport.Layout {
  static final List<String> GED_COLUMNS = List.of(
      "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
      "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
      "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
      "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
      "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
      "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start",
      "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
      "gwnoa", "gwnob");
  static final List<String> SHORT_COLUMNS = List.of(
      "id", "year", "source_article", "source_date", "side_a", "side_b", "adm_2", "date_start", "date_end",
      "deaths_a", "deaths_b", "longitude", "latitude");
  /** Older and trimmed exports spell some columns differently. */
  private static final Map<String, String> ALIASES = Map.of(
      "best_est", "best", "high_est", "high", "low_est", "low", "source_art", "source_article",
      "source_dat", "source_date");
  static final List<String> REQUIRED = List.of("id", "date_start", "side_a", "side_b");

  private UcdpRow(Map<String, Integer> columns) {
    super(columns);
  }

  /** The layout a file's first record shows: a header, or a known count of columns. */
  static UcdpRow layout(List<String> first, boolean[] isHeader) {
    isHeader[0] = !first.isEmpty() && first.get(0).trim().equalsIgnoreCase("id");
    List<String> names;
    if (isHeader[0]) {
      names = first;
    } else if (first.size() == GED_COLUMNS.size()) {
      names = GED_COLUMNS;
    } else if (first.size() == SHORT_COLUMNS.size()) {
      names = SHORT_COLUMNS;
    } else {
      throw new IllegalArgumentException("the file has no header and " + first.size() + " columns; want the "
          + GED_COLUMNS.size() + "-column UCDP GED layout or the " + SHORT_COLUMNS.size() + "-column extract");
    }
    return new UcdpRow(index(names, ALIASES, REQUIRED));
  }

  /** The report body of one row. */
  @Override
  public ObjectNode body(List<String> f, Groups groups) {
    ObjectNode b = EntryCodec.JSON.createObjectNode();
    String id = need(f, "id");
    if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("id '" + id + "' is not a UCDP event id");
    }
    b.put("external_id", "ucdp:" + id);
    LocalDate start = date(f, "date_start", true);
    LocalDate end = date(f, "date_end", false);
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("date_end " + end + " is before date_start " + start);
    }
    b.put("date", start.toString());
    if (end != null && !end.equals(start)) {
      b.put("date_end", end.toString());
    }
    b.put("date_precision", datePrecision(f, start, end));

    ObjectNode place = b.putObject("place");
    putIf(place, "country", get(f, "country"));
    putIf(place, "admin1", get(f, "adm_1"));
    putIf(place, "admin2", get(f, "adm_2"));
    putIf(place, "location", get(f, "where_coordinates"));
    putCoordinates(place, f, "latitude", "longitude");
    String geo = geoPrecision(get(f, "where_prec"));
    putIf(place, "precision", geo);

    String sideA = need(f, "side_a");
    String sideB = need(f, "side_b");
    int violence = violence(f, sideA, sideB);
    String[] type = EventTypes.fromUcdp(violence);
    b.put("event_type", type[0]).put("sub_event_type", type[1]).put("ucdp_violence", violence);

    // UCDP's sides are not an attribution. In one-sided and non-state violence side A is the one
    // that acted; in state-based conflict side A is the government, coded as responding.
    ArrayNode actors = b.putArray("actors");
    actor(actors, sideA, violence == 1 ? "responder" : "perpetrator", groups);
    actor(actors, sideB, violence == 1 ? "perpetrator" : "target", groups);

    ObjectNode deaths = b.putObject("fatalities");
    if (has("best")) {
      putCount(deaths, "low", f, "low");
      putCount(deaths, "best", f, "best");
      putCount(deaths, "high", f, "high");
    } else {
      // The extract has only the two sides' deaths; their sum is the best estimate it gives.
      long sum = 0;
      for (String c : List.of("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")) {
        Long n = count(f, c);
        sum += n == null ? 0 : n;
      }
      deaths.put("best", sum);
    }

    String article = get(f, "source_article");
    if (article != null) {
      ObjectNode s = b.putArray("sources").addObject();
      String office = get(f, "source_office");
      s.put("outlet", office != null ? office : article.length() > 1000 ? article.substring(0, 1000) : article);
      String sd = get(f, "source_date");
      if (sd != null) {
        String firstDate = sd.split(";")[0].trim();
        if (firstDate.length() >= 10 && isDate(firstDate.substring(0, 10))) {
          s.put("date", firstDate.substring(0, 10));
        }
      }
    }
    String text = get(f, "source_headline");
    putIf(b, "text", text != null ? text : article);
    return b;
  }

  private void actor(ArrayNode actors, String name, String role, Groups groups) {
    ObjectNode a = actors.addObject().put("name", name).put("role", role);
    groups.resolve(name).ifPresent(g -> a.put("group", g));
  }

  private int violence(List<String> f, String sideA, String sideB) {
    String v = get(f, "type_of_violence");
    if (v != null) {
      try {
        int n = Integer.parseInt(v);
        if (n >= 1 && n <= 3) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new IllegalArgumentException("type_of_violence must be 1, 2 or 3, not '" + v + "'");
    }
    // The extract has no type: civilians on side B mean one-sided, a government on side A state-based.
    if (sideB.equalsIgnoreCase("Civilians")) {
      return 3;
    }
    return sideA.startsWith("Government of") ? 1 : 2;
  }

  private String datePrecision(List<String> f, LocalDate start, LocalDate end) {
    String p = get(f, "date_prec");
    if (p != null) {
      return switch (p) {
        case "1" -> "day";
        case "2", "3" -> "week";
        case "4" -> "month";
        case "5" -> "year";
        default -> throw new IllegalArgumentException("date_prec must be 1 to 5, not '" + p + "'");
      };
    }
    long days = end == null ? 0 : ChronoUnit.DAYS.between(start, end);
    return days == 0 ? "day" : days <= 6 ? "week" : days <= 31 ? "month" : "year";
  }

  /** UCDP where_prec: 1 exact, 2 within 25 km, 3 district, 4 province, 5 between provinces, 6 country, 7 waters. */
  private static String geoPrecision(String p) {
    if (p == null) {
      return null;
    }
    return switch (p) {
      case "1" -> "exact";
      case "2" -> "near";
      case "3" -> "admin2";
      case "4", "5" -> "admin1";
      case "6", "7" -> "country";
      default -> throw new IllegalArgumentException("where_prec must be 1 to 7, not '" + p + "'");
    };
  }

  private LocalDate date(List<String> f, String col, boolean required) {
    String s = required ? need(f, col) : get(f, col);
    if (s == null) {
      return null;
    }
    String d = s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s;
    if (!isDate(d)) {
      throw new IllegalArgumentException(col + " '" + s + "' is not a real date (want YYYY-MM-DD)");
    }
    return LocalDate.parse(d);
  }
}
