package accord.engagement;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The cases escalated to a rung of the ladder, which a body on that rung takes up at its next
 * meeting. The case register answers this; until one is plugged in, there are none.
 */
@FunctionalInterface
public interface EscalatedCases {
  EscalatedCases NONE = (h, accord, level) -> List.of();

  /** Open cases of {@code accord} standing at ladder level {@code level}. */
  List<Agenda.CarriedCase> open(Handle h, String accord, String level);
}
