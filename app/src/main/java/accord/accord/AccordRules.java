package accord.accord;

import accord.ledger.Entry;
import accord.ledger.Rejection;
import accord.tlog.FormatException;
import accord.tlog.NoteKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the accord feature, as pure functions. An accord is created by one
 * {@code accord.define} entry written by its secretariat; it names every member with its key, so
 * from then on each entry can be checked against its author's registered key.
 */
public final class AccordRules {
  public static final String DEFINE = "accord.define";
  public static final String STATEMENT = "accord.statement";
  public static final int MAX_STATEMENT_CHARS = 20_000;

  /** The clocks the accord defaults to, per the April 2025 mechanism: 24 h, 7, 30 and 14 days. */
  public static final Map<String, Duration> DEFAULT_CLOCKS = defaultClocks();

  /** In the order the steps of a notification run. */
  private static Map<String, Duration> defaultClocks() {
    Map<String, Duration> m = new LinkedHashMap<>();
    m.put("acknowledge", Duration.ofHours(24));
    m.put("respond", Duration.ofDays(7));
    m.put("action_report", Duration.ofDays(30));
    m.put("verify", Duration.ofDays(14));
    return java.util.Collections.unmodifiableMap(m);
  }

  private AccordRules() {}

  /** May this entry be appended, given the accord as it stands (empty when not yet defined)? */
  public static void decide(Optional<AccordState> current, Entry e) {
    if (e.type().equals(STATEMENT)) {
      AccordState s = current.orElseThrow(() -> Rejection.notFound("no accord " + e.accord()));
      if (s.member(e.party()).isEmpty()) {
        throw Rejection.forbidden(e.party() + " is not a member of accord " + e.accord());
      }
      String text = e.body().path("text").asText("");
      if (text.isBlank() || text.length() > MAX_STATEMENT_CHARS) {
        throw Rejection.invalid("body.text must hold 1 to " + MAX_STATEMENT_CHARS + " characters");
      }
      return;
    }
    if (!e.type().equals(DEFINE)) {
      throw Rejection.invalid("unknown accord entry type " + e.type());
    }
    if (current.isPresent()) {
      throw Rejection.conflict("accord " + e.accord() + " is already defined");
    }
    AccordState s = definition(e);
    AccordState.Member author =
        s.member(e.party())
            .orElseThrow(() -> Rejection.forbidden("the author " + e.party() + " is not a member"));
    if (author.kind() != AccordState.Kind.SECRETARIAT) {
      throw Rejection.forbidden("only the secretariat defines an accord");
    }
  }

  /** The accord after an entry. */
  public static AccordState evolve(Optional<AccordState> current, Entry e) {
    return e.type().equals(DEFINE) ? definition(e) : current.orElseThrow();
  }

  /** Reads an accord.define body, saying exactly which field is wrong. */
  public static AccordState definition(Entry e) {
    JsonNode b = e.body();
    String id = text(b, "id");
    if (!id.equals(e.accord())) {
      throw Rejection.invalid("body.id '" + id + "' differs from the entry's accord '" + e.accord() + "'");
    }
    List<AccordState.Member> members = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    members.addAll(members(b, "parties", AccordState.Kind.PARTY, codes));
    members.addAll(members(b, "observers", AccordState.Kind.OBSERVER, codes));
    members.addAll(members(b, "secretariat", AccordState.Kind.SECRETARIAT, codes));
    if (members.stream().filter(m -> m.kind() == AccordState.Kind.PARTY).count() < 2) {
      throw Rejection.invalid("body.parties: an accord needs at least two parties");
    }
    if (members.stream().filter(m -> m.kind() == AccordState.Kind.SECRETARIAT).count() != 1) {
      throw Rejection.invalid("body.secretariat: an accord has exactly one secretariat");
    }
    JsonNode log = b.path("log");
    String origin = text(log, "origin", "body.log.origin");
    String logVkey = vkey(text(log, "vkey", "body.log.vkey"), "body.log.vkey", false);

    List<AccordState.Provision> provisions = new ArrayList<>();
    Set<String> pids = new HashSet<>();
    int i = 0;
    for (JsonNode p : array(b, "provisions")) {
      String where = "body.provisions[" + i++ + "]";
      String pid = text(p, "id", where + ".id");
      if (!pids.add(pid)) {
        throw Rejection.invalid(where + ".id: duplicate provision " + pid);
      }
      List<String> binds = new ArrayList<>();
      for (JsonNode c : p.path("binds")) {
        if (!codes.contains(c.asText())) {
          throw Rejection.invalid(where + ".binds: " + c.asText() + " is not a member");
        }
        binds.add(c.asText());
      }
      provisions.add(
          new AccordState.Provision(
              pid, text(p, "title", where + ".title"), p.path("theme").asText("general"),
              binds, p.path("verification").asText("")));
    }

    Map<String, Duration> clocks = new LinkedHashMap<>(DEFAULT_CLOCKS);
    var fields = b.path("clocks").fields();
    while (fields.hasNext()) {
      var f = fields.next();
      try {
        Duration d = Duration.parse(f.getValue().asText());
        if (d.isNegative() || d.isZero()) {
          throw Rejection.invalid("body.clocks." + f.getKey() + " must be a positive duration");
        }
        clocks.put(f.getKey(), d);
      } catch (DateTimeParseException ex) {
        throw Rejection.invalid("body.clocks." + f.getKey() + " is not an ISO-8601 duration such as PT24H");
      }
    }
    List<String> ladder = new ArrayList<>();
    for (JsonNode l : b.path("ladder")) {
      ladder.add(l.asText());
    }
    if (ladder.isEmpty()) {
      throw Rejection.invalid("body.ladder: the escalation ladder needs at least one level");
    }
    List<AccordState.Witness> witnesses = new ArrayList<>();
    i = 0;
    for (JsonNode w : b.path("witnesses")) {
      String where = "body.witnesses[" + i++ + "]";
      String member = text(w, "member", where + ".member");
      if (!codes.contains(member)) {
        throw Rejection.invalid(where + ".member: " + member + " is not a member");
      }
      witnesses.add(
          new AccordState.Witness(
              text(w, "name", where + ".name"), member, vkey(text(w, "vkey", where + ".vkey"), where + ".vkey", true)));
    }
    return new AccordState(
        id, text(b, "title"), origin, logVkey, members, provisions, clocks, ladder, witnesses);
  }

  private static List<AccordState.Member> members(
      JsonNode b, String field, AccordState.Kind kind, Set<String> codes) {
    List<AccordState.Member> out = new ArrayList<>();
    JsonNode node = b.path(field);
    List<JsonNode> list = new ArrayList<>();
    if (node.isObject()) {
      list.add(node);
    } else {
      node.forEach(list::add);
    }
    int i = 0;
    for (JsonNode m : list) {
      String where = "body." + field + (node.isObject() ? "" : "[" + i++ + "]");
      String code = text(m, "code", where + ".code");
      if (!code.matches("[A-Z][A-Z0-9]{1,7}")) {
        throw Rejection.invalid(where + ".code must be 2 to 8 capital letters or digits");
      }
      if (!codes.add(code)) {
        throw Rejection.invalid(where + ".code: duplicate member " + code);
      }
      out.add(
          new AccordState.Member(
              code, kind, text(m, "name", where + ".name"),
              m.path("role").asText(kind == AccordState.Kind.PARTY ? "state" : kind.name().toLowerCase()),
              vkey(text(m, "vkey", where + ".vkey"), where + ".vkey", false)));
    }
    return out;
  }

  private static String vkey(String vkey, String where, boolean cosignature) {
    try {
      NoteKeys.PublicKey k = NoteKeys.parseVkey(vkey);
      byte want = cosignature ? NoteKeys.ALG_COSIGNATURE_V1 : NoteKeys.ALG_ED25519;
      if (k.alg() != want) {
        throw Rejection.invalid(where + ": want a key of type 0x0" + want);
      }
      return vkey;
    } catch (FormatException ex) {
      throw Rejection.invalid(where + ": " + ex.getMessage());
    }
  }

  private static List<JsonNode> array(JsonNode b, String field) {
    List<JsonNode> out = new ArrayList<>();
    b.path(field).forEach(out::add);
    return out;
  }

  private static String text(JsonNode n, String field) {
    return text(n, field, "body." + field);
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      throw Rejection.invalid(where + " must be a non-empty string");
    }
    return v.textValue();
  }
}
