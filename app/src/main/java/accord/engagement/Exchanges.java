package accord.engagement;

import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Exchanges between the parties — trade delegations, exhibitions, people-to-people programmes,
 * and openings and closures of crossings — each dated and linked to the provisions it serves.
 */
public final class Exchanges {
  public static final String RECORD = "exchange.record";
  public static final List<String> KINDS =
      List.of("trade_delegation", "exhibition", "people_to_people", "crossing_opening", "crossing_closure");

  public record Exchange(String kind, String title, LocalDate date, LocalDate dateEnd, String place,
      List<String> provisions, String text) {}

  private Exchanges() {}

  public static Exchange read(JsonNode b) {
    String kind = Fields.oneOf(b, "kind", KINDS);
    String title = Fields.text(b, "title", 300);
    LocalDate date = Fields.date(b, "date");
    LocalDate end = Fields.optDate(b, "date_end");
    if (end != null && end.isBefore(date)) {
      throw Rejection.invalid("date_end " + end + " is before date " + date);
    }
    List<String> provisions = new ArrayList<>();
    int i = 0;
    for (JsonNode p : Fields.array(b, "provisions")) {
      if (!p.isTextual() || p.asText().isBlank()) {
        throw Rejection.invalid("provisions[" + i + "] must be a provision id");
      }
      provisions.add(p.asText());
      i++;
    }
    if (provisions.isEmpty()) {
      throw Rejection.invalid("provisions must name at least one provision the exchange serves");
    }
    return new Exchange(kind, title, date, end, Fields.optText(b, "place", 200), List.copyOf(provisions), Fields.optText(b, "text"));
  }

  public static Exchange decide(AccordState a, Entry e) {
    Exchange x = read(e.body());
    Who.require(a, e);
    for (int i = 0; i < x.provisions().size(); i++) {
      String p = x.provisions().get(i);
      if (a.provisions().stream().noneMatch(v -> v.id().equals(p))) {
        throw Rejection.invalid("provisions[" + i + "]: accord " + a.id() + " has no provision " + p);
      }
    }
    return x;
  }
}
