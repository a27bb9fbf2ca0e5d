package accord.engagement;

import accord.accord.AccordState;
import accord.accord.AccordState.Member;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Meetings of a body: scheduled by the secretariat with their agenda, attendance recorded by the
 * secretariat or by each party for its own people, minutes written once by the secretariat and
 * endorsed by each party.
 */
public final class Meetings {
  public static final String SCHEDULE = "meeting.schedule";
  public static final String ATTEND = "meeting.attend";
  public static final String MINUTES = "meeting.minutes";
  public static final String ENDORSE = "meeting.endorse";
  public static final List<String> LEVELS = List.of("liaison", "working_group", "committee", "ministerial");

  public record Schedule(long body, String level, LocalDate date, String place, boolean emergency, List<Agenda.Item> agenda) {}

  public record Attendee(String party, String name) {}

  /** A meeting as the rules need it: its body, whether it is an emergency one, minutes, endorsements, attendance. */
  public record State(long id, Bodies.Body body, boolean emergency, boolean hasMinutes, Set<String> endorsedBy,
      List<Attendee> attendees) {
    public Quorum.Result quorum(AccordState a) {
      return Quorum.check(a.parties().stream().map(Member::code).toList(), body, emergency, attendees);
    }
  }

  private Meetings() {}

  public static Schedule readSchedule(JsonNode b) {
    long body = Fields.id(b, "body");
    String level = Fields.oneOf(b, "level", LEVELS);
    LocalDate date = Fields.date(b, "date");
    String place = Fields.text(b, "place", 200);
    boolean emergency = Fields.flag(b, "emergency");
    List<Agenda.Item> agenda = new ArrayList<>();
    int i = 0;
    for (JsonNode n : Fields.array(b, "agenda")) {
      String where = "agenda[" + i++ + "]";
      if (!n.isObject()) {
        throw Rejection.invalid(where + " must be an object with kind and text");
      }
      String kind = Fields.oneOf(n, "kind", Agenda.KINDS);
      Long ref = Fields.optId(n, "ref");
      boolean carried = Fields.flag(n, "carried");
      if (kind.equals("item") ? (ref != null || carried) : (ref == null || !carried)) {
        throw Rejection.invalid(where + ": a carried action or case needs ref and carried true; a new item has neither");
      }
      agenda.add(new Agenda.Item(kind, ref, Fields.text(n, "text"), carried, Fields.optId(n, "from_meeting")));
    }
    return new Schedule(body, level, date, place, emergency, List.copyOf(agenda));
  }

  /**
   * May the meeting be scheduled? {@code openActions}: every action item open now. The agenda must
   * carry exactly the open items in the body's scope (see {@link Agenda}).
   */
  public static Schedule decideSchedule(AccordState a, Entry e, Optional<Bodies.Body> body, List<Agenda.OpenAction> openActions) {
    Schedule s = readSchedule(e.body());
    Who.require(a, e);
    Bodies.Body b = body.orElseThrow(() -> Rejection.notFound("body: there is no committee or working group " + s.body()));
    Set<Long> due = new HashSet<>();
    openActions.stream().filter(x -> Agenda.inScope(b, x)).forEach(x -> due.add(x.id()));
    Set<Long> carried = new HashSet<>();
    for (Agenda.Item item : s.agenda()) {
      if (item.kind().equals("action")) {
        if (!due.contains(item.ref())) {
          throw Rejection.conflict("agenda: action item " + item.ref() + " is not an open item of " + b.code());
        }
        carried.add(item.ref());
      }
    }
    due.removeAll(carried);
    if (!due.isEmpty()) {
      throw Rejection.conflict("agenda: open action items " + due.stream().sorted().toList()
          + " must be carried forward onto the next meeting of " + b.code());
    }
    return s;
  }

  public static List<Attendee> readAttend(JsonNode b) {
    Fields.id(b, "meeting");
    List<Attendee> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : Fields.array(b, "attendees")) {
      String where = "attendees[" + i++ + "]";
      if (!n.isObject()) {
        throw Rejection.invalid(where + " must be an object with party and name");
      }
      out.add(new Attendee(Fields.text(n, "party", 8), Fields.text(n, "name", 200)));
    }
    if (out.isEmpty() || out.size() > 200) {
      throw Rejection.invalid("attendees must list 1 to 200 people");
    }
    return out;
  }

  /** Attendance: anyone a member of the accord, and a party lists only its own people. */
  public static List<Attendee> decideAttend(AccordState a, Entry e, Optional<State> meeting) {
    List<Attendee> list = readAttend(e.body());
    Member author = Who.require(a, e);
    for (int i = 0; i < list.size(); i++) {
      String party = list.get(i).party();
      if (a.member(party).filter(m -> m.kind() != AccordState.Kind.SECRETARIAT).isEmpty()) {
        throw Rejection.invalid("attendees[" + i + "].party: " + party + " is not a party or observer of " + a.id());
      }
      if (author.kind() == AccordState.Kind.PARTY && !party.equals(author.code())) {
        throw Rejection.forbidden("attendees[" + i + "].party: " + author.code() + " records only its own people, not " + party + "'s");
      }
    }
    meeting.orElseThrow(() -> missing(e));
    return list;
  }

  public static String decideMinutes(AccordState a, Entry e, Optional<State> meeting) {
    Fields.id(e.body(), "meeting");
    String text = Fields.text(e.body(), "text");
    Who.require(a, e);
    if (meeting.orElseThrow(() -> missing(e)).hasMinutes()) {
      throw Rejection.conflict("meeting " + e.body().get("meeting").asLong() + " already has its minutes");
    }
    return text;
  }

  public static void decideEndorse(AccordState a, Entry e, Optional<State> meeting) {
    Fields.id(e.body(), "meeting");
    Member author = Who.require(a, e);
    State m = meeting.orElseThrow(() -> missing(e));
    if (!m.hasMinutes()) {
      throw Rejection.conflict("meeting " + m.id() + " has no minutes to endorse yet");
    }
    if (m.endorsedBy().contains(author.code())) {
      throw Rejection.conflict(author.code() + " has already endorsed the minutes of meeting " + m.id());
    }
  }

  static Rejection missing(Entry e) {
    return Rejection.notFound("meeting: there is no meeting " + e.body().path("meeting").asLong());
  }
}
