package accord.engagement;

import java.util.ArrayList;
import java.util.List;

/**
 * A meeting's agenda. When the secretariat schedules a meeting the node writes into the signed
 * schedule entry, ahead of the items the secretariat adds, everything the body must take up
 * again: the open action items (every open item for a committee, the items of its own earlier
 * meetings for a working group) and the cases escalated to the body's rung of the ladder. So the
 * agenda is part of the record, and {@link Meetings#decideSchedule} refuses one that leaves an
 * open item behind.
 */
public final class Agenda {
  /** One agenda line; {@code ref} is the carried action item's or case's id. */
  public record Item(String kind, Long ref, String text, boolean carried, Long fromMeeting) {}

  /** An action item still open when the meeting is scheduled. */
  public record OpenAction(long id, long meeting, long body, String text, String owner, String due) {}

  /** A case at the body's level of the ladder, as the case register describes it. */
  public record CarriedCase(long id, String level, String text) {}

  public static final List<String> KINDS = List.of("action", "case", "item");

  private Agenda() {}

  public static boolean inScope(Bodies.Body body, OpenAction a) {
    return body.carriesEverything() || a.body() == body.id();
  }

  /** The agenda of a body's next meeting: carried action items, then escalated cases, then the new items. */
  public static List<Item> build(Bodies.Body body, List<OpenAction> open, List<CarriedCase> cases, List<String> items) {
    List<Item> out = new ArrayList<>();
    for (OpenAction a : open) {
      if (inScope(body, a)) {
        out.add(new Item("action", a.id(), a.text(), true, a.meeting()));
      }
    }
    for (CarriedCase c : cases) {
      out.add(new Item("case", c.id(), c.text(), true, null));
    }
    for (String s : items) {
      if (s != null && !s.isBlank()) {
        out.add(new Item("item", null, s.strip(), false, null));
      }
    }
    return out;
  }
}
