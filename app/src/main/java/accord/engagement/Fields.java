package accord.engagement;

import accord.ledger.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads an entry body's fields, refusing a wrong one with a message that names it. */
final class Fields {
  static final int MAX_TEXT = 20_000;

  private Fields() {}

  static String text(JsonNode b, String field) {
    return text(b, field, MAX_TEXT);
  }

  static String text(JsonNode b, String field, int max) {
    String s = optText(b, field, max);
    if (s == null) {
      throw Rejection.invalid(field + " must be a non-empty string");
    }
    return s;
  }

  static String optText(JsonNode b, String field) {
    return optText(b, field, MAX_TEXT);
  }

  static String optText(JsonNode b, String field, int max) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.textValue().isBlank()) {
      throw Rejection.invalid(field + " must be a non-empty string");
    }
    if (v.textValue().length() > max) {
      throw Rejection.invalid(field + " holds more than " + max + " characters");
    }
    return v.textValue();
  }

  static LocalDate date(JsonNode b, String field) {
    LocalDate d = optDate(b, field);
    if (d == null) {
      throw Rejection.invalid(field + " must be a date as YYYY-MM-DD");
    }
    return d;
  }

  static LocalDate optDate(JsonNode b, String field) {
    String s = optText(b, field, 10);
    if (s == null) {
      return null;
    }
    try {
      if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("shape", s, 0);
      }
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw Rejection.invalid(field + " must be a real date as YYYY-MM-DD, not " + s);
    }
  }

  /** The id of an earlier entry: a whole number, 0 or more. */
  static long id(JsonNode b, String field) {
    Long v = optId(b, field);
    if (v == null) {
      throw Rejection.invalid(field + " must be the id (a whole number) of " + thing(field));
    }
    return v;
  }

  static Long optId(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || v.asLong() < 0) {
      throw Rejection.invalid(field + " must be the id (a whole number) of " + thing(field));
    }
    return v.asLong();
  }

  private static String thing(String field) {
    return switch (field) {
      case "action" -> "an action item";
      case "proposal" -> "a score proposal";
      default -> "a " + field;
    };
  }

  static int integer(JsonNode b, String field, int min, int max) {
    JsonNode v = b.get(field);
    if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw Rejection.invalid(field + " must be a whole number from " + min + " to " + max);
    }
    return v.asInt();
  }

  static String oneOf(JsonNode b, String field, List<String> allowed) {
    String s = optText(b, field, 100);
    if (s == null || !allowed.contains(s)) {
      throw Rejection.invalid(field + " must be one of " + allowed + (s == null ? "" : ", not " + s));
    }
    return s;
  }

  static boolean flag(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw Rejection.invalid(field + " must be true or false");
    }
    return v.asBoolean();
  }

  static List<JsonNode> array(JsonNode b, String field) {
    JsonNode n = b.get(field);
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw Rejection.invalid(field + " must be an array");
    }
    n.forEach(out::add);
    return out;
  }
}
