package accord.engagement;

import accord.accord.AccordState;
import accord.accord.AccordState.Kind;
import accord.accord.AccordState.Member;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import java.util.Map;
import java.util.Set;

/**
 * Which member may write which engagement entry — the one place this is stated. The secretariat
 * runs the bodies and their meetings; each party attends, signs, endorses, owns action items and
 * proposes scores; a mediator adjudicates scores, as does the secretariat on the authority of an
 * adopted decision of a committee (checked in {@link Scores}). Observers who are not mediators
 * read but write nothing here. A party records only its own attendance and updates only the
 * action items it owns (checked where those entries are decided).
 */
final class Who {
  enum Writer {
    SECRETARIAT,
    PARTY,
    MEDIATOR
  }

  static final Map<String, Set<Writer>> MAY_WRITE = Map.ofEntries(
      Map.entry(Bodies.DEFINE, Set.of(Writer.SECRETARIAT)),
      Map.entry(Meetings.SCHEDULE, Set.of(Writer.SECRETARIAT)),
      Map.entry(Meetings.ATTEND, Set.of(Writer.SECRETARIAT, Writer.PARTY)),
      Map.entry(Meetings.MINUTES, Set.of(Writer.SECRETARIAT)),
      Map.entry(Meetings.ENDORSE, Set.of(Writer.PARTY)),
      Map.entry(Decisions.PROPOSE, Set.of(Writer.SECRETARIAT, Writer.PARTY)),
      Map.entry(Decisions.SIGN, Set.of(Writer.PARTY)),
      Map.entry(ActionItems.CREATE, Set.of(Writer.SECRETARIAT, Writer.PARTY)),
      Map.entry(ActionItems.UPDATE, Set.of(Writer.SECRETARIAT, Writer.PARTY)),
      Map.entry(Exchanges.RECORD, Set.of(Writer.SECRETARIAT, Writer.PARTY)),
      Map.entry(Scores.PROPOSE, Set.of(Writer.PARTY)),
      Map.entry(Scores.ADJUDICATE, Set.of(Writer.SECRETARIAT, Writer.MEDIATOR)));

  private Who() {}

  static Writer writer(Member m) {
    if (m.kind() == Kind.SECRETARIAT) {
      return Writer.SECRETARIAT;
    }
    if (m.kind() == Kind.PARTY) {
      return Writer.PARTY;
    }
    return m.role().equals("mediator") ? Writer.MEDIATOR : null;
  }

  /** The entry's author, if it is a member that may write entries of this type; else 403. */
  static Member require(AccordState a, Entry e) {
    Member author = a.member(e.party())
        .orElseThrow(() -> Rejection.forbidden(e.party() + " is not a member of accord " + e.accord()));
    Set<Writer> allowed = MAY_WRITE.get(e.type());
    Writer w = writer(author);
    if (allowed == null || w == null || !allowed.contains(w)) {
      throw Rejection.forbidden(e.party() + " (" + author.role() + ") may not write " + e.type()
          + "; that is for " + (allowed == null ? "no one" : allowed.stream().map(x -> x.name().toLowerCase()).sorted().toList()));
    }
    return author;
  }
}
