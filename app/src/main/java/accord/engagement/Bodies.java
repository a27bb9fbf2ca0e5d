package accord.engagement;

import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The accord's committees and working groups. A body is defined once ({@code body.define}, by the
 * secretariat) with its members per party, its chairs, its quorum rule and the cadence at which the
 * accord expects it to meet. Its id is the log index of that entry; its code (JCC, WG-SEC…) is the
 * short name people use.
 */
public final class Bodies {
  public static final String DEFINE = "body.define";
  public static final List<String> KINDS = List.of("committee", "working_group");

  public record Member(String party, String name, String title, boolean chair) {}

  /**
   * A body. {@code perParty} people of every party make a quorum, {@code emergency} of each for an
   * emergency meeting. {@code ladderLevel} is the rung of the accord's escalation ladder the body
   * sits on (cases escalated to it come onto its agendas), or null.
   */
  public record Body(long id, String code, String name, String kind, String level, String ladderLevel,
      int perParty, int emergency, String cadence, List<Member> members) {
    /** The joint committee takes up every open action item; a working group those of its own meetings. */
    public boolean carriesEverything() {
      return kind.equals("committee");
    }

    public List<Member> chairs() {
      return members.stream().filter(Member::chair).toList();
    }
  }

  private Bodies() {}

  /** Reads a body.define body (id -1), naming the field that is wrong. */
  public static Body read(JsonNode b) {
    String code = Fields.text(b, "code", 16);
    if (!code.matches("[A-Z][A-Z0-9-]{1,15}")) {
      throw Rejection.invalid("code must be 2 to 16 capital letters, digits or dashes, such as JCC");
    }
    String name = Fields.text(b, "name", 200);
    String kind = Fields.oneOf(b, "kind", KINDS);
    String level = Fields.oneOf(b, "level", Meetings.LEVELS);
    String ladder = Fields.optText(b, "ladder_level", 100);
    JsonNode q = b.path("quorum");
    if (!q.isObject()) {
      throw Rejection.invalid("quorum must be an object with per_party and emergency");
    }
    int perParty = Fields.integer(q, "per_party", 1, 100);
    int emergency = Fields.integer(q, "emergency", 1, 100);
    if (emergency > perParty) {
      throw Rejection.invalid("quorum.emergency (" + emergency + ") may not exceed quorum.per_party (" + perParty + ")");
    }
    String cadence = Fields.text(b, "cadence", 20);
    try {
      Period p = Period.parse(cadence);
      if (p.isNegative() || p.isZero()) {
        throw new DateTimeParseException("not positive", cadence, 0);
      }
    } catch (DateTimeParseException e) {
      throw Rejection.invalid("cadence must be an ISO-8601 period such as P1M (monthly), not " + cadence);
    }
    List<Member> members = new ArrayList<>();
    int i = 0;
    for (JsonNode m : Fields.array(b, "members")) {
      String where = "members[" + i++ + "]";
      if (!m.isObject()) {
        throw Rejection.invalid(where + " must be an object with party, name, title and chair");
      }
      members.add(new Member(Fields.text(m, "party", 8), Fields.text(m, "name", 200),
          Fields.optText(m, "title", 200), Fields.flag(m, "chair")));
    }
    if (members.stream().noneMatch(Member::chair)) {
      throw Rejection.invalid("members: a body needs at least one chair");
    }
    return new Body(-1, code, name, kind, level, ladder, perParty, emergency, cadence, List.copyOf(members));
  }

  /** May this body be defined? {@code codeTaken}: the accord already has a body with its code. */
  public static Body decide(AccordState a, boolean codeTaken, Entry e) {
    Body body = read(e.body());
    Who.require(a, e);
    if (body.ladderLevel() != null && !a.ladder().contains(body.ladderLevel())) {
      throw Rejection.invalid("ladder_level must be one of the accord's ladder " + a.ladder() + ", not " + body.ladderLevel());
    }
    for (int i = 0; i < body.members().size(); i++) {
      String party = body.members().get(i).party();
      if (a.member(party).filter(m -> m.kind() == AccordState.Kind.PARTY).isEmpty()) {
        throw Rejection.invalid("members[" + i + "].party: " + party + " is not a party to " + a.id());
      }
    }
    for (AccordState.Member p : a.parties()) {
      long seats = body.members().stream().filter(m -> m.party().equals(p.code())).count();
      if (seats < body.perParty()) {
        throw Rejection.invalid("members: " + p.code() + " has " + seats + " members but the quorum needs "
            + body.perParty() + " of each party");
      }
    }
    if (codeTaken) {
      throw Rejection.conflict("code: accord " + a.id() + " already has a body " + body.code());
    }
    return body;
  }
}
