package accord.ledger;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the text fields of an entry body, with the refusal naming where the field is. */
public final class BodyText {
  private BodyText() {}

  /** The non-blank string at {@code field}; refused as missing, blank or not a string. */
  public static String text(JsonNode n, String field, String where) {
    String s = optText(n, field, where);
    if (s == null) {
      throw Rejection.invalid(where + " must be a non-empty string");
    }
    return s;
  }

  /** The string at {@code field}, or null when absent or null; refused when blank or not a string. */
  public static String optText(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.textValue().isBlank()) {
      throw Rejection.invalid(where + " must be a non-empty string");
    }
    return v.textValue();
  }
}
