package accord.casework;

import static accord.ledger.BodyText.optText;
import static accord.ledger.BodyText.text;

import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import accord.user.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of casework, as pure functions. A party files a case against another party; the
 * notified party acknowledges, investigates, responds (or rejects the case as outside the accord);
 * the notifying party verifies or disputes; either party may add information at any time or
 * escalate the case up the accord's ladder; a mediator records a finding on a disputed case.
 * Each check answers in a fixed order: a malformed body first, then who may not make the move
 * (forbidden), then the case's state that does not allow it (conflict).
 */
public final class CaseRules {
  public static final String FILE = "case.file";
  public static final String ACKNOWLEDGE = "case.acknowledge";
  public static final String INVESTIGATE = "case.investigate";
  public static final String RESPOND = "case.respond";
  public static final String VERIFY = "case.verify";
  public static final String DISPUTE = "case.dispute";
  public static final String ESCALATE = "case.escalate";
  public static final String INFORM = "case.inform";
  public static final String REJECT = "case.reject";
  public static final String FINDING = "case.finding";
  public static final String RECEIPT = "case.receipt";
  public static final int MAX_TEXT = 20_000;
  public static final int MAX_EVIDENCE = 50;

  /** The moves of the API and the pages, by their path name, in the order a case runs. */
  public static final Map<String, String> MOVES = moves();

  public static final List<String> ACTION_KINDS =
      List.of("arrest", "raid", "relocation", "camp_closure", "finance_closure", "other");
  public static final List<String> ACTION_STATUSES = List.of("taken", "planned");
  private static final List<String> ALLEGATION_LISTS = List.of("groups", "locations", "persons", "facilities", "financing");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");

  private static Map<String, String> moves() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String t : List.of(ACKNOWLEDGE, INVESTIGATE, RESPOND, REJECT, VERIFY, DISPUTE, INFORM, ESCALATE, FINDING)) {
      m.put(t.substring("case.".length()), t);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** What the read model holds that an entry refers to. */
  public record Known(Optional<CaseState> kase, Set<Long> incidents, Map<String, String> evidenceProvider, Set<String> receipts) {
    public static Known none(Set<Long> incidents) {
      return new Known(Optional.empty(), incidents, Map.of(), Set.of());
    }

    /** Whether {@code party} already signed a receipt for file {@code sha256}. */
    public boolean receipted(String party, String sha256) {
      return receipts.contains(party + " " + sha256);
    }
  }

  private CaseRules() {}

  /** Which kinds of user may make a move at all, whatever the case: the role half of the rule. */
  public static boolean roleMay(Role role, String type) {
    return switch (type) {
      case FINDING -> role == Role.MEDIATOR;
      case ESCALATE -> role.actsForParty() || role == Role.SECRETARIAT;
      default -> role.actsForParty();
    };
  }

  /** May this entry be appended, given the accord and what the read model already holds? */
  public static void decide(Optional<AccordState> accord, Known known, Entry e) {
    AccordState a = accord.orElseThrow(() -> Rejection.notFound("no accord " + e.accord()));
    AccordState.Member author = a.member(e.party())
        .orElseThrow(() -> Rejection.forbidden(e.party() + " is not a member of accord " + e.accord()));
    JsonNode b = e.body();
    if (e.type().equals(FILE)) {
      readFile(b, a);
      if (author.kind() != AccordState.Kind.PARTY) {
        throw Rejection.forbidden("only a party files a case; " + e.party() + " is not one");
      }
      String notified = b.get("notified_party").asText();
      if (notified.equals(e.party())) {
        throw Rejection.invalid("body.notified_party: a party cannot notify itself");
      }
      int i = 0;
      for (JsonNode n : b.path("incidents")) {
        if (!known.incidents().contains(n.asLong())) {
          throw Rejection.invalid("body.incidents[" + i + "]: there is no incident " + n.asLong() + " in the register");
        }
        i++;
      }
      return;
    }
    if (!MOVES.containsValue(e.type()) && !e.type().equals(RECEIPT)) {
      throw Rejection.invalid("unknown case entry type " + e.type());
    }
    long id = caseRef(b);
    readMove(e.type(), b, a);
    CaseState c = known.kase().orElseThrow(() -> Rejection.notFound("body.case: there is no case " + id));
    if (e.type().equals(RECEIPT)) {
      String sha = b.get("sha256").asText();
      String provider = known.evidenceProvider().get(sha);
      if (provider == null) {
        throw Rejection.invalid("body.sha256: case " + id + " has no evidence file " + sha);
      }
      if (!c.party(e.party()) || provider.equals(e.party())) {
        throw Rejection.forbidden("only the party that received evidence file " + sha + " signs a receipt for it");
      }
      if (known.receipted(e.party(), sha)) {
        throw Rejection.conflict(e.party() + " already signed a receipt for " + sha);
      }
      return;
    }
    if (e.type().equals(ESCALATE) && author.kind() == AccordState.Kind.SECRETARIAT) {
      String by = b.path("requested_by").asText("");
      if (!c.party(by)) {
        throw Rejection.invalid("body.requested_by: the secretariat escalates on the request of a party of the case ("
            + c.notifying() + " or " + c.notified() + ")");
      }
    }
    if (e.type().equals(FINDING) && b.hasNonNull("against") && !c.party(b.get("against").asText())) {
      throw Rejection.invalid("body.against must be a party of case " + id);
    }
    actor(e.type(), author, c);
    state(e.type(), c, a);
  }

  /** Whether {@code author} may make {@code type} on case {@code c} now (both halves of the rule). */
  public static boolean may(String type, AccordState a, String author, CaseState c) {
    Optional<AccordState.Member> m = a.member(author);
    if (m.isEmpty()) {
      return false;
    }
    try {
      actor(type, m.get(), c);
      state(type, c, a);
      return true;
    } catch (Rejection r) {
      return false;
    }
  }

  /** Who may make a move: the forbidden half. */
  private static void actor(String type, AccordState.Member author, CaseState c) {
    String who = author.code();
    boolean ok = switch (type) {
      case ACKNOWLEDGE, INVESTIGATE, RESPOND, REJECT -> who.equals(c.notified());
      case VERIFY, DISPUTE -> who.equals(c.notifying());
      case INFORM -> c.party(who);
      case ESCALATE -> c.party(who) || author.kind() == AccordState.Kind.SECRETARIAT;
      case FINDING -> author.kind() == AccordState.Kind.OBSERVER && author.role().equals("mediator");
      default -> false;
    };
    if (!ok) {
      String must = switch (type) {
        case ACKNOWLEDGE, INVESTIGATE, RESPOND, REJECT -> "the notified party (" + c.notified() + ")";
        case VERIFY, DISPUTE -> "the notifying party (" + c.notifying() + ")";
        case INFORM -> "a party of the case";
        case ESCALATE -> "a party of the case, or the secretariat on a party's request";
        default -> "a mediator of the accord";
      };
      throw Rejection.forbidden(type + " on case " + c.id() + " is for " + must + ", not " + who);
    }
  }

  /** Which states allow a move: the conflict half. */
  private static void state(String type, CaseState c, AccordState a) {
    List<String> from = switch (type) {
      case ACKNOWLEDGE -> List.of(CaseState.FILED);
      case INVESTIGATE -> List.of(CaseState.ACKNOWLEDGED);
      case RESPOND -> List.of(CaseState.ACKNOWLEDGED, CaseState.INVESTIGATING, CaseState.RESPONDED,
          CaseState.DISPUTED, CaseState.ESCALATED);
      case REJECT -> List.of(CaseState.FILED, CaseState.ACKNOWLEDGED, CaseState.INVESTIGATING);
      case VERIFY, DISPUTE -> List.of(CaseState.RESPONDED, CaseState.REJECTED);
      case FINDING -> List.of(CaseState.DISPUTED, CaseState.ESCALATED, CaseState.DECIDED);
      case ESCALATE -> c.open() ? CaseState.STATES : List.of();
      default -> CaseState.STATES; // inform: at any time
    };
    if (!from.contains(c.state())) {
      throw Rejection.conflict(type + " is not possible on case " + c.id() + ": it is " + c.state());
    }
    if (type.equals(ESCALATE) && c.levelNo() >= a.ladder().size() - 1) {
      throw Rejection.conflict("case " + c.id() + " is already at the top of the ladder (" + a.ladder().get(a.ladder().size() - 1) + ")");
    }
  }

  /** The case after an entry ({@code before} is empty for case.file). */
  public static CaseState evolve(Optional<CaseState> before, AccordState a, Entry e, long index) {
    Instant t = e.time();
    JsonNode b = e.body();
    if (e.type().equals(FILE)) {
      List<Long> incidents = new ArrayList<>();
      b.path("incidents").forEach(n -> incidents.add(n.asLong()));
      List<String> provisions = new ArrayList<>();
      b.path("provisions").forEach(n -> provisions.add(n.asText()));
      return new CaseState(e.accord(), index, e.party(), b.get("notified_party").asText(), CaseState.FILED, 0, t, t,
          b.get("allegation").get("text").asText(), b.get("request").asText(), e.lang(), incidents, provisions,
          null, null, null, null, null, null, null, 0, 0, 0);
    }
    CaseState c = before.orElseThrow();
    if (e.type().equals(RECEIPT)) {
      return c;
    }
    String state = c.state();
    int level = c.levelNo();
    Instant ack = c.ackAt();
    Instant responded = c.respondedAt();
    Instant planned = c.plannedAt();
    Instant action = c.actionAt();
    Instant lastResponse = c.lastResponseAt();
    Instant answered = c.answeredAt();
    Instant closed = c.closedAt();
    int taken = c.actionsTaken();
    int disputes = c.disputes();
    int escalations = c.escalations();
    int takenNow = count(b, "taken");
    int plannedNow = count(b, "planned");
    switch (e.type()) {
      case ACKNOWLEDGE -> {
        state = CaseState.ACKNOWLEDGED;
        ack = t;
      }
      case INVESTIGATE -> state = CaseState.INVESTIGATING;
      case RESPOND, REJECT -> {
        state = e.type().equals(RESPOND) ? CaseState.RESPONDED : CaseState.REJECTED;
        ack = ack == null ? t : ack;
        responded = responded == null ? t : responded;
        lastResponse = t;
        answered = null;
      }
      case VERIFY -> {
        state = CaseState.VERIFIED;
        answered = t;
        closed = t;
      }
      case DISPUTE -> {
        state = CaseState.DISPUTED;
        answered = t;
        disputes++;
      }
      case ESCALATE -> {
        level++;
        escalations++;
        if (state.equals(CaseState.DISPUTED)) {
          state = CaseState.ESCALATED;
        }
      }
      case FINDING -> {
        state = CaseState.DECIDED;
        closed = closed == null ? t : closed;
      }
      default -> {
        // inform: the state stays; information (and any action report) is added below
      }
    }
    // The action report clock starts with the first planned action and stops with the first
    // action the notified party reports as taken.
    if (e.party().equals(c.notified()) && (e.type().equals(RESPOND) || e.type().equals(INFORM))) {
      if (takenNow > 0) {
        action = action == null ? t : action;
        taken += takenNow;
      } else if (plannedNow > 0 && planned == null && action == null) {
        planned = t;
      }
    }
    return new CaseState(c.accord(), c.id(), c.notifying(), c.notified(), state, level, c.filedAt(), t,
        c.allegationText(), c.requestText(), c.lang(), c.incidents(), c.provisions(), ack, responded, planned,
        action, lastResponse, answered, closed, taken, disputes, escalations);
  }

  private static int count(JsonNode b, String status) {
    int n = 0;
    for (JsonNode x : b.path("actions")) {
      if (status.equals(x.path("status").asText())) {
        n++;
      }
    }
    return n;
  }

  /** Reads a case.file body, naming the field that is wrong; {@code a} null skips accord checks. */
  public static void readFile(JsonNode b, AccordState a) {
    String notified = text(b, "notified_party", "body.notified_party");
    if (a != null) {
      Optional<AccordState.Member> m = a.member(notified);
      if (m.isEmpty() || m.get().kind() != AccordState.Kind.PARTY) {
        throw Rejection.invalid("body.notified_party: " + notified + " is not a party of accord " + a.id()
            + " (want one of " + a.parties().stream().map(AccordState.Member::code).toList() + ")");
      }
    }
    JsonNode al = b.get("allegation");
    if (al == null || !al.isObject()) {
      throw Rejection.invalid("body.allegation must be an object with a text (and optional groups, locations, persons, facilities, financing)");
    }
    limited(al, "text", "body.allegation.text", true);
    for (String list : ALLEGATION_LISTS) {
      JsonNode n = al.get(list);
      if (n == null || n.isNull()) {
        continue;
      }
      if (!n.isArray() || n.size() > 100) {
        throw Rejection.invalid("body.allegation." + list + " must be an array of at most 100 strings");
      }
      int i = 0;
      for (JsonNode s : n) {
        if (!s.isTextual() || s.asText().isBlank() || s.asText().length() > 500) {
          throw Rejection.invalid("body.allegation." + list + "[" + i + "] must be a non-empty string of at most 500 characters");
        }
        i++;
      }
    }
    limited(b, "request", "body.request", true);
    int i = 0;
    for (JsonNode n : array(b, "incidents")) {
      if (!n.isIntegralNumber() || n.asLong() < 0) {
        throw Rejection.invalid("body.incidents[" + i + "] must be an incident id (a whole number)");
      }
      i++;
    }
    provisions(array(b, "provisions"), "body.provisions", a);
    evidence(b);
  }

  /** Reads the body of a move, naming the field that is wrong. */
  public static void readMove(String type, JsonNode b, AccordState a) {
    caseRef(b);
    if (type.equals(RECEIPT)) {
      String sha = text(b, "sha256", "body.sha256");
      if (!SHA256.matcher(sha).matches()) {
        throw Rejection.invalid("body.sha256 must be 64 lower-case hex digits");
      }
      return;
    }
    limited(b, "text", "body.text", true);
    switch (type) {
      case RESPOND, INFORM -> {
        limited(b, "findings", "body.findings", false);
        actions(b);
        if (type.equals(INFORM)) {
          evidence(b);
        }
      }
      case ESCALATE -> optText(b, "requested_by", "body.requested_by");
      case FINDING -> {
        String against = optText(b, "against", "body.against");
        String provision = optText(b, "provision", "body.provision");
        JsonNode v = b.get("violation");
        if (v != null && !v.isNull() && !v.isBoolean()) {
          throw Rejection.invalid("body.violation must be true or false");
        }
        if (provision != null) {
          provisions(List.of(b.get("provision")), "body.provision", a);
        }
        if (v != null && v.asBoolean() && (against == null || provision == null)) {
          throw Rejection.invalid("body.against and body.provision are required for a finding of violation");
        }
      }
      default -> {
        // acknowledge, investigate, reject, verify, dispute: the text says it all
      }
    }
  }

  private static long caseRef(JsonNode b) {
    JsonNode n = b.get("case");
    if (n == null || !n.isIntegralNumber() || n.asLong() < 0) {
      throw Rejection.invalid("body.case must be the id (a whole number) of a case");
    }
    return n.asLong();
  }

  private static void actions(JsonNode b) {
    int i = 0;
    for (JsonNode x : array(b, "actions")) {
      String where = "body.actions[" + i++ + "]";
      if (!x.isObject()) {
        throw Rejection.invalid(where + " must be an object (kind, status, date, place, text)");
      }
      String kind = text(x, "kind", where + ".kind");
      if (!ACTION_KINDS.contains(kind)) {
        throw Rejection.invalid(where + ".kind must be one of " + ACTION_KINDS + ", not " + kind);
      }
      String status = text(x, "status", where + ".status");
      if (!ACTION_STATUSES.contains(status)) {
        throw Rejection.invalid(where + ".status must be taken or planned, not " + status);
      }
      String date = text(x, "date", where + ".date");
      try {
        if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
          throw new DateTimeParseException("shape", date, 0);
        }
        LocalDate.parse(date);
      } catch (DateTimeParseException ex) {
        throw Rejection.invalid(where + ".date must be a real date as YYYY-MM-DD, not " + date);
      }
      limited(x, "place", where + ".place", false);
      limited(x, "text", where + ".text", false);
    }
  }

  private static void evidence(JsonNode b) {
    List<JsonNode> files = array(b, "evidence");
    if (files.size() > MAX_EVIDENCE) {
      throw Rejection.invalid("body.evidence holds more than " + MAX_EVIDENCE + " files");
    }
    Set<String> seen = new java.util.HashSet<>();
    int i = 0;
    for (JsonNode f : files) {
      String where = "body.evidence[" + i++ + "]";
      if (!f.isObject()) {
        throw Rejection.invalid(where + " must be an object (sha256, size, name, media_type, description)");
      }
      String sha = text(f, "sha256", where + ".sha256");
      if (!SHA256.matcher(sha).matches()) {
        throw Rejection.invalid(where + ".sha256 must be 64 lower-case hex digits");
      }
      if (!seen.add(sha)) {
        throw Rejection.invalid(where + ".sha256: the same file is listed twice");
      }
      JsonNode size = f.get("size");
      if (size == null || !size.isIntegralNumber() || size.asLong() < 0) {
        throw Rejection.invalid(where + ".size must be the file's size in bytes");
      }
      String name = text(f, "name", where + ".name");
      if (name.length() > 255 || name.contains("/") || name.contains("\\")) {
        throw Rejection.invalid(where + ".name must be a file name of at most 255 characters, without folders");
      }
      String media = text(f, "media_type", where + ".media_type");
      if (!MEDIA_TYPE.matcher(media).matches()) {
        throw Rejection.invalid(where + ".media_type must be a media type such as image/jpeg, not " + media);
      }
      limited(f, "description", where + ".description", false);
    }
  }

  private static void provisions(List<JsonNode> list, String where, AccordState a) {
    int i = 0;
    for (JsonNode p : list) {
      String w = list.size() == 1 && where.equals("body.provision") ? where : where + "[" + i + "]";
      if (!p.isTextual()) {
        throw Rejection.invalid(w + " must be a provision id");
      }
      if (a != null && a.provisions().stream().noneMatch(x -> x.id().equals(p.asText()))) {
        throw Rejection.invalid(w + ": accord " + a.id() + " has no provision " + p.asText());
      }
      i++;
    }
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

  private static String limited(JsonNode n, String field, String where, boolean required) {
    String s = required ? text(n, field, where) : optText(n, field, where);
    if (s != null && s.length() > MAX_TEXT) {
      throw Rejection.invalid(where + " holds more than " + MAX_TEXT + " characters");
    }
    return s;
  }


}
