package accord.health;

import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import accord.web.I18n;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of joint-report signatures, as pure functions. A party signs the health report of a
 * period in one language by the SHA-256 of its PDF; the report is reproducible, so the other party
 * can render the same bytes and sign the same digest. Only parties sign, and each signs a given
 * report once.
 */
public final class ReportRules {
  public static final String SIGN = "report.sign";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** What one signature says. */
  public record Signature(LocalDate from, LocalDate to, String lang, String sha256) {}

  private ReportRules() {}

  /** May this entry be appended? {@code alreadySigned}: this party has signed this very report. */
  public static void decide(Optional<AccordState> accord, boolean alreadySigned, Entry e) {
    AccordState a = accord.orElseThrow(() -> Rejection.notFound("no accord " + e.accord()));
    AccordState.Member author = a.member(e.party())
        .orElseThrow(() -> Rejection.forbidden(e.party() + " is not a member of accord " + e.accord()));
    if (!e.type().equals(SIGN)) {
      throw Rejection.invalid("unknown report entry type " + e.type());
    }
    if (author.kind() != AccordState.Kind.PARTY) {
      throw Rejection.forbidden("only the parties sign a joint report; " + e.party() + " is not a party");
    }
    Signature s = read(e.body());
    if (alreadySigned) {
      throw Rejection.conflict(e.party() + " has already signed the report " + s.sha256() + " of " + s.from() + " to " + s.to());
    }
  }

  /** The signature an entry records. */
  public static Signature evolve(Entry e) {
    return read(e.body());
  }

  /** Reads a signature body, naming the field that is wrong. */
  public static Signature read(JsonNode b) {
    LocalDate from = date(b, "from");
    LocalDate to = date(b, "to");
    try {
      new Period(from, to);
    } catch (IllegalArgumentException ex) {
      throw Rejection.invalid("body: " + ex.getMessage());
    }
    String lang = b.path("lang").asText("");
    if (!I18n.LANGUAGES.contains(lang)) {
      throw Rejection.invalid("body.lang must be one of " + I18n.LANGUAGES);
    }
    String sha = b.path("sha256").asText("");
    if (!SHA256.matcher(sha).matches()) {
      throw Rejection.invalid("body.sha256 must be the report's SHA-256, 64 lower-case hex digits");
    }
    return new Signature(from, to, lang, sha);
  }

  private static LocalDate date(JsonNode b, String field) {
    String s = b.path(field).asText("");
    if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw Rejection.invalid("body." + field + " must be a date as YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(s);
    } catch (java.time.format.DateTimeParseException ex) {
      throw Rejection.invalid("body." + field + " must be a real date, not " + s);
    }
  }
}
