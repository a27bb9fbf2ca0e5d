package accord.engagement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a meeting has its quorum: at least the body's minimum of people from every party (its
 * emergency minimum for an emergency meeting). Someone listed twice for a party counts once;
 * observers' people are recorded but count for no party.
 */
public final class Quorum {
  /** {@code present}: people counted per party; {@code short_}: the parties below the minimum. */
  public record Result(boolean met, int required, Map<String, Integer> present, List<String> shortParties) {}

  private Quorum() {}

  public static Result check(List<String> parties, Bodies.Body body, boolean emergency, Collection<Meetings.Attendee> attendees) {
    int required = emergency ? body.emergency() : body.perParty();
    Map<String, Set<String>> people = new LinkedHashMap<>();
    parties.forEach(p -> people.put(p, new HashSet<>()));
    for (Meetings.Attendee a : attendees) {
      Set<String> names = people.get(a.party());
      if (names != null) {
        names.add(a.name().strip().toLowerCase(java.util.Locale.ROOT));
      }
    }
    Map<String, Integer> present = new LinkedHashMap<>();
    List<String> shortParties = new ArrayList<>();
    people.forEach((p, names) -> {
      present.put(p, names.size());
      if (names.size() < required) {
        shortParties.add(p);
      }
    });
    return new Result(shortParties.isEmpty(), required, present, shortParties);
  }
}
