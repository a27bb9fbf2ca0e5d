package accord.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 canonical JSON written from a Jackson tree in one pass, with the JCS library's own
 * number formatting; {@link EntryCodec#canonical(JsonNode)} uses it and tests hold it to the
 * library's output.
 */
final class Canonical {
  private Canonical() {}

  /** Appends {@code n}'s canonical form; false (with {@code b} in an unknown state) for a node it does not know. */
  static boolean write(JsonNode n, StringBuilder b) throws IOException {
    switch (n.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(n.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          fields.add(it.next());
        }
        // String.compareTo orders by UTF-16 code units, which is what RFC 8785 asks.
        fields.sort(Map.Entry.comparingByKey());
        b.append('{');
        for (int i = 0; i < fields.size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          string(fields.get(i).getKey(), b);
          b.append(':');
          if (!write(fields.get(i).getValue(), b)) {
            return false;
          }
        }
        b.append('}');
      }
      case ARRAY -> {
        b.append('[');
        for (int i = 0; i < n.size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          if (!write(n.get(i), b)) {
            return false;
          }
        }
        b.append(']');
      }
      case STRING -> string(n.textValue(), b);
      // JCS reads every number as a double and prints it as ECMAScript does.
      case NUMBER -> b.append(NumberToJSON.serializeNumber(n.doubleValue()));
      case BOOLEAN -> b.append(n.booleanValue());
      case NULL -> b.append("null");
      default -> {
        return false;
      }
    }
    return true;
  }

  /** A string as JCS escapes it: the two-character escapes, other controls as six-character escapes in lower-case hex, the rest as is. */
  static void string(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
