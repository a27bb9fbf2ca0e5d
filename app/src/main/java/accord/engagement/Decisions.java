package accord.engagement;

import accord.accord.AccordState;
import accord.accord.AccordState.Member;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import java.util.Optional;
import java.util.Set;

/**
 * Decisions taken at a meeting. One is proposed (by the secretariat or a party) only at a meeting
 * that has its quorum, and is adopted once the representatives of every party have signed it.
 */
public final class Decisions {
  public static final String PROPOSE = "decision.propose";
  public static final String SIGN = "decision.sign";

  /** A decision as the rules need it: where it was taken and who has signed. */
  public record State(long id, long meeting, Bodies.Body body, Set<String> signedBy) {}

  private Decisions() {}

  public static String decidePropose(AccordState a, Entry e, Optional<Meetings.State> meeting) {
    Fields.id(e.body(), "meeting");
    String text = Fields.text(e.body(), "text");
    Who.require(a, e);
    Meetings.State m = meeting.orElseThrow(() -> Meetings.missing(e));
    Quorum.Result q = m.quorum(a);
    if (!q.met()) {
      throw Rejection.conflict("meeting " + m.id() + " has no quorum (" + q.required() + " of each party; present "
          + q.present() + "), so it cannot take decisions");
    }
    return text;
  }

  public static void decideSign(AccordState a, Entry e, Optional<State> decision) {
    long id = Fields.id(e.body(), "decision");
    Member author = Who.require(a, e);
    State d = decision.orElseThrow(() -> Rejection.notFound("decision: there is no decision " + id));
    if (d.signedBy().contains(author.code())) {
      throw Rejection.conflict(author.code() + " has already signed decision " + id);
    }
  }

  /** Adopted: every party of the accord has signed. */
  public static boolean adopted(AccordState a, Set<String> signedBy) {
    return a.parties().stream().map(Member::code).allMatch(signedBy::contains);
  }
}
