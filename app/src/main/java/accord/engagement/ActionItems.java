package accord.engagement;

import accord.accord.AccordState;
import accord.accord.AccordState.Member;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Action items agreed at a meeting: owned by one party, due on a date, open until the owner or the
 * secretariat marks them done or dropped. Open items are carried onto the next agenda.
 */
public final class ActionItems {
  public static final String CREATE = "action.create";
  public static final String UPDATE = "action.update";
  public static final List<String> STATUSES = List.of("open", "in_progress", "done", "dropped");
  public static final List<String> CLOSED = List.of("done", "dropped");

  public record Create(long meeting, String text, String owner, LocalDate due) {}

  public record State(long id, String owner, String status) {}

  private ActionItems() {}

  public static Create readCreate(com.fasterxml.jackson.databind.JsonNode b) {
    return new Create(Fields.id(b, "meeting"), Fields.text(b, "text"), Fields.text(b, "owner", 8), Fields.date(b, "due"));
  }

  public static Create decideCreate(AccordState a, Entry e, Optional<Meetings.State> meeting) {
    Create c = readCreate(e.body());
    Who.require(a, e);
    if (a.member(c.owner()).filter(m -> m.kind() == AccordState.Kind.PARTY).isEmpty()) {
      throw Rejection.invalid("owner: " + c.owner() + " is not a party to " + a.id());
    }
    meeting.orElseThrow(() -> Meetings.missing(e));
    return c;
  }

  public static String decideUpdate(AccordState a, Entry e, Optional<State> action) {
    long id = Fields.id(e.body(), "action");
    String status = Fields.oneOf(e.body(), "status", STATUSES);
    Fields.optText(e.body(), "note");
    Member author = Who.require(a, e);
    State s = action.orElseThrow(() -> Rejection.notFound("action: there is no action item " + id));
    if (author.kind() == AccordState.Kind.PARTY && !author.code().equals(s.owner())) {
      throw Rejection.forbidden("action item " + id + " is owned by " + s.owner() + "; only its owner or the secretariat updates it");
    }
    if (CLOSED.contains(s.status())) {
      throw Rejection.conflict("action item " + id + " is already " + s.status());
    }
    if (s.status().equals(status)) {
      throw Rejection.conflict("action item " + id + " is already " + status);
    }
    return status;
  }

  /** Overdue: not closed and its due date has passed. */
  public static boolean overdue(String status, LocalDate due, LocalDate today) {
    return !CLOSED.contains(status) && due.isBefore(today);
  }
}
