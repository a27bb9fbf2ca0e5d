package accord.engagement;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Reads from the engagement read model what the rules need to decide an entry. */
final class EngagementStore {
  private EngagementStore() {}

  private static final String BODY_COLUMNS =
      "id, code, name, kind, level, ladder_level, per_party, emergency, cadence FROM engagement_body";

  static List<Bodies.Body> bodies(Handle h, String accord) {
    return h.createQuery("SELECT " + BODY_COLUMNS + " WHERE accord = :a ORDER BY id")
        .bind("a", accord).map((rs, ctx) -> rs.getLong("id")).list()
        .stream().map(id -> body(h, accord, id).orElseThrow()).toList();
  }

  static Optional<Bodies.Body> body(Handle h, String accord, long id) {
    return h.createQuery("SELECT " + BODY_COLUMNS + " WHERE accord = :a AND id = :i")
        .bind("a", accord).bind("i", id)
        .map((rs, ctx) -> new Bodies.Body(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
            rs.getString("kind"), rs.getString("level"), rs.getString("ladder_level"), rs.getInt("per_party"),
            rs.getInt("emergency"), rs.getString("cadence"), members(h, accord, rs.getLong("id"))))
        .findOne();
  }

  /** A body by its id ("12") or its code ("JCC"). */
  static Optional<Bodies.Body> body(Handle h, String accord, String idOrCode) {
    if (idOrCode.matches("\\d{1,18}")) {
      return body(h, accord, Long.parseLong(idOrCode));
    }
    return h.createQuery("SELECT id FROM engagement_body WHERE accord = :a AND code = :c")
        .bind("a", accord).bind("c", idOrCode).mapTo(Long.class).findOne().flatMap(id -> body(h, accord, id));
  }

  static boolean codeTaken(Handle h, String accord, String code) {
    return h.createQuery("SELECT COUNT(*) FROM engagement_body WHERE accord = :a AND code = :c")
        .bind("a", accord).bind("c", code).mapTo(Long.class).one() > 0;
  }

  private static List<Bodies.Member> members(Handle h, String accord, long body) {
    return h.createQuery("SELECT party, name, title, chair FROM engagement_body_member WHERE accord = :a AND body = :b ORDER BY ordinal")
        .bind("a", accord).bind("b", body)
        .map((rs, ctx) -> new Bodies.Member(rs.getString("party"), rs.getString("name"), rs.getString("title"), rs.getInt("chair") == 1))
        .list();
  }

  static Optional<Meetings.State> meeting(Handle h, String accord, long id) {
    record Row(long body, boolean emergency, boolean minutes) {}
    Optional<Row> row = h.createQuery("SELECT body, emergency, minutes FROM engagement_meeting WHERE accord = :a AND id = :i")
        .bind("a", accord).bind("i", id)
        .map((rs, ctx) -> new Row(rs.getLong("body"), rs.getInt("emergency") == 1, rs.getString("minutes") != null))
        .findOne();
    return row.map(r -> new Meetings.State(id, body(h, accord, r.body()).orElseThrow(), r.emergency(), r.minutes(),
        endorsedBy(h, accord, id), attendance(h, accord, id)));
  }

  static Set<String> endorsedBy(Handle h, String accord, long meeting) {
    return new HashSet<>(h.createQuery("SELECT party FROM engagement_endorsement WHERE accord = :a AND meeting = :m")
        .bind("a", accord).bind("m", meeting).mapTo(String.class).list());
  }

  static List<Meetings.Attendee> attendance(Handle h, String accord, long meeting) {
    return h.createQuery("SELECT party, name FROM engagement_attendance WHERE accord = :a AND meeting = :m ORDER BY idx, ordinal")
        .bind("a", accord).bind("m", meeting)
        .map((rs, ctx) -> new Meetings.Attendee(rs.getString("party"), rs.getString("name"))).list();
  }

  static Optional<Decisions.State> decision(Handle h, String accord, long id) {
    return h.createQuery("SELECT d.meeting, m.body FROM engagement_decision d JOIN engagement_meeting m"
            + " ON m.accord = d.accord AND m.id = d.meeting WHERE d.accord = :a AND d.id = :i")
        .bind("a", accord).bind("i", id)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne()
        .map(r -> new Decisions.State(id, r[0], body(h, accord, r[1]).orElseThrow(), signedBy(h, accord, id)));
  }

  static Set<String> signedBy(Handle h, String accord, long decision) {
    return new HashSet<>(h.createQuery("SELECT party FROM engagement_signature WHERE accord = :a AND decision = :d")
        .bind("a", accord).bind("d", decision).mapTo(String.class).list());
  }

  static Optional<ActionItems.State> action(Handle h, String accord, long id) {
    return h.createQuery("SELECT owner, status FROM engagement_action WHERE accord = :a AND id = :i")
        .bind("a", accord).bind("i", id)
        .map((rs, ctx) -> new ActionItems.State(id, rs.getString("owner"), rs.getString("status"))).findOne();
  }

  /** Every action item not yet done or dropped, oldest first. */
  static List<Agenda.OpenAction> openActions(Handle h, String accord) {
    return h.createQuery("SELECT id, meeting, body, text, owner, due FROM engagement_action"
            + " WHERE accord = :a AND status IN ('open', 'in_progress') ORDER BY id")
        .bind("a", accord)
        .map((rs, ctx) -> new Agenda.OpenAction(rs.getLong("id"), rs.getLong("meeting"), rs.getLong("body"),
            rs.getString("text"), rs.getString("owner"), rs.getString("due")))
        .list();
  }

  static Optional<Scores.ProposalState> proposal(Handle h, String accord, long id) {
    return h.createQuery("SELECT provision, period, score FROM engagement_score WHERE accord = :a AND id = :i")
        .bind("a", accord).bind("i", id)
        .map((rs, ctx) -> new Scores.ProposalState(id, rs.getString("provision"), rs.getString("period"), rs.getInt("score")))
        .findOne();
  }

  static boolean adjudicated(Handle h, String accord, String provision, String period) {
    return h.createQuery("SELECT COUNT(*) FROM engagement_adjudication WHERE accord = :a AND provision = :p AND period = :q")
        .bind("a", accord).bind("p", provision).bind("q", period).mapTo(Long.class).one() > 0;
  }

  /** The evidence links that name nothing in the record; cases belong to another register and are not checked. */
  static Set<Scores.Evidence> missing(Handle h, String accord, List<Scores.Evidence> evidence) {
    Set<Scores.Evidence> out = new HashSet<>();
    for (Scores.Evidence ev : evidence) {
      String table = switch (ev.kind()) {
        case "meeting" -> "engagement_meeting";
        case "decision" -> "engagement_decision";
        case "action" -> "engagement_action";
        case "exchange" -> "engagement_exchange";
        case "incident" -> "incident";
        default -> null;
      };
      if (table != null && h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE accord = :a AND id = :i")
          .bind("a", accord).bind("i", ev.id()).mapTo(Long.class).one() == 0) {
        out.add(ev);
      }
    }
    return out;
  }
}
