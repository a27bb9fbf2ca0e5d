package accord.ledger;

import accord.tlog.FormatException;
import accord.tlog.Note;
import accord.tlog.NoteSigner;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Entries as signed notes. The note text is one line of RFC 8785 canonical JSON and a newline,
 * so every party that re-serialises an entry gets the same bytes and the same signature check.
 * Times are UTC with millisecond precision in one fixed form, so they too have one spelling.
 */
public final class EntryCodec {
  /** Entry bundles carry entries with a 16-bit length, so a signed entry must fit in 64 KiB. */
  public static final int MAX_NOTE_BYTES = 65_535;

  public static final ObjectMapper JSON = new ObjectMapper();

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  private EntryCodec() {}

  public static String formatTime(Instant t) {
    return TIME.format(t.truncatedTo(ChronoUnit.MILLIS));
  }

  /** The canonical JSON text of an entry, without the trailing newline. */
  public static String canonical(Entry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("v", 1);
    o.put("type", e.type());
    o.put("accord", e.accord());
    o.put("party", e.party());
    o.put("user", e.user());
    o.put("time", formatTime(e.time()));
    ArrayNode refs = o.putArray("refs");
    e.refs().forEach(refs::add);
    o.put("lang", e.lang());
    o.set("body", e.body() == null ? JSON.createObjectNode() : e.body());
    return canonical(o);
  }

  /**
   * Any JSON value in RFC 8785 canonical form. Written straight from the tree (members sorted by
   * their UTF-16 code units, strings escaped and numbers spelled as the JCS library does), which
   * costs a third of printing the tree and having the library parse and print it again; a value
   * this writer does not know falls back to the library.
   */
  public static String canonical(JsonNode n) {
    StringBuilder b = new StringBuilder(256);
    try {
      if (Canonical.write(n, b)) {
        return b.toString();
      }
    } catch (IOException ex) {
      throw new FormatException("JSON cannot be put in canonical form: " + ex.getMessage());
    }
    return libraryCanonical(n);
  }

  /** The JCS library's canonical form, by printing the tree and canonicalising the text. */
  static String libraryCanonical(JsonNode n) {
    try {
      return new JsonCanonicalizer(JSON.writeValueAsString(n)).getEncodedString();
    } catch (IOException ex) {
      throw new FormatException("JSON cannot be put in canonical form: " + ex.getMessage());
    }
  }

  /** Signs an entry: the note text is its canonical JSON line. */
  public static Note sign(Entry e, NoteSigner signer) {
    Note n = Note.of(canonical(e) + "\n").sign(signer);
    if (n.bytes().length > MAX_NOTE_BYTES) {
      throw new FormatException(
          "entry is too large: " + n.bytes().length + " bytes signed, at most " + MAX_NOTE_BYTES);
    }
    return n;
  }

  /**
   * Reads an entry back from a note text, checking it is exactly the canonical form: a text that
   * parses but is spelled differently is refused, so one entry has one leaf hash.
   */
  public static Entry parse(String noteText) {
    if (!noteText.endsWith("\n") || noteText.indexOf('\n') != noteText.length() - 1) {
      throw new FormatException("entry text must be one line of JSON ending in a newline");
    }
    String line = noteText.substring(0, noteText.length() - 1);
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException ex) {
      throw new FormatException("entry is not valid JSON: " + ex.getOriginalMessage());
    }
    if (!(n instanceof ObjectNode o)) {
      throw new FormatException("entry must be a JSON object");
    }
    Entry e = fromJson(o);
    if (!canonical(e).equals(line)) {
      throw new FormatException("entry is not in RFC 8785 canonical form");
    }
    return e;
  }

  /** Builds an entry from its JSON object form, checking every field. */
  public static Entry fromJson(ObjectNode o) {
    if (!o.path("v").isInt() || o.get("v").intValue() != 1) {
      throw new FormatException("entry field 'v' must be 1");
    }
    String type = text(o, "type", TYPE);
    String accord = text(o, "accord", CODE);
    String party = text(o, "party", CODE);
    String user = text(o, "user", CODE);
    String time = text(o, "time", null);
    Instant at;
    try {
      at = Instant.from(TIME.parse(time));
    } catch (DateTimeParseException ex) {
      throw new FormatException("entry field 'time' must look like 2025-04-20T09:30:00.000Z");
    }
    List<Long> refs = new ArrayList<>();
    JsonNode r = o.path("refs");
    if (!r.isArray()) {
      throw new FormatException("entry field 'refs' must be an array of entry indexes");
    }
    for (JsonNode x : r) {
      if (!x.canConvertToLong() || !x.isIntegralNumber() || x.longValue() < 0) {
        throw new FormatException("entry field 'refs' must hold non-negative integers");
      }
      refs.add(x.longValue());
    }
    String lang = text(o, "lang", LANG);
    JsonNode body = o.path("body");
    if (!(body instanceof ObjectNode b)) {
      throw new FormatException("entry field 'body' must be a JSON object");
    }
    for (var it = o.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!List.of("v", "type", "accord", "party", "user", "time", "refs", "lang", "body").contains(f)) {
        throw new FormatException("entry has an unknown field '" + f + "'");
      }
    }
    return new Entry(type, accord, party, user, at, refs, lang, b);
  }

  private static String text(ObjectNode o, String field, Pattern pattern) {
    JsonNode n = o.get(field);
    if (n == null || !n.isTextual()) {
      throw new FormatException("entry field '" + field + "' must be a string");
    }
    String s = n.textValue();
    if (pattern != null && !pattern.matcher(s).matches()) {
      throw new FormatException("entry field '" + field + "' is not valid: " + s);
    }
    return s;
  }
}
