package accord.engagement;

import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** What the pages and the API show of engagement, read from its read model. */
public final class EngagementQuery {
  public record MeetingSummary(long id, long body, String bodyCode, String bodyName, String level, String date,
      String place, boolean emergency, boolean held) {}

  public record AgendaLine(int ordinal, String kind, Long ref, String text, boolean carried, Long fromMeeting,
      String owner, String due, String status) {}

  public record DecisionView(long id, long meeting, String text, String proposedBy, String at, List<String> signedBy,
      List<String> awaiting, boolean adopted, String adoptedAt) {}

  public record ActionView(long id, long meeting, String bodyCode, String text, String owner, String due, String status,
      boolean overdue) {}

  public record MeetingView(MeetingSummary meeting, List<AgendaLine> agenda, List<Meetings.Attendee> attendance,
      Quorum.Result quorum, String minutes, List<String> endorsedBy, List<DecisionView> decisions, List<ActionView> actions) {}

  public record ExchangeView(long id, String kind, String title, String date, String dateEnd, String place,
      List<String> provisions, String text, String party) {}

  public record ProposalView(long id, String provision, String period, int score, String party,
      List<Scores.Evidence> evidence, String text, String at) {}

  public record AdjudicationView(long id, long proposal, String provision, String period, int score, String party,
      Long decision, String reasons, String at) {}

  /** Every proposal and adjudication, the latest adjudicated score of each provision, and the roll-up. */
  public record ScoreBoard(List<ProposalView> proposals, List<AdjudicationView> adjudications,
      Map<String, AdjudicationView> latest, RollUp.Result rollUp) {}

  private EngagementQuery() {}

  public static List<Bodies.Body> bodies(Handle h, String accord) {
    return EngagementStore.bodies(h, accord);
  }

  public static Optional<Bodies.Body> body(Handle h, String accord, String idOrCode) {
    return EngagementStore.body(h, accord, idOrCode);
  }

  private static final String MEETING_SELECT = "SELECT m.id, m.body, b.code, b.name, m.level, m.date, m.place, m.emergency,"
      + " (m.minutes IS NOT NULL OR EXISTS (SELECT 1 FROM engagement_attendance t WHERE t.accord = m.accord AND t.meeting = m.id)) AS held"
      + " FROM engagement_meeting m JOIN engagement_body b ON b.accord = m.accord AND b.id = m.body WHERE m.accord = :a";

  /** Meetings, latest date first; {@code body} null for every body. */
  public static List<MeetingSummary> meetings(Handle h, String accord, Long body) {
    return h.createQuery(MEETING_SELECT + (body == null ? " AND :b = -1" : " AND m.body = :b") + " ORDER BY m.date DESC, m.id DESC")
        .bind("a", accord).bind("b", body == null ? -1L : body)
        .map((rs, ctx) -> new MeetingSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getInt(8) == 1, rs.getBoolean(9)))
        .list();
  }

  public static Optional<MeetingView> meeting(Handle h, AccordState a, long id, LocalDate today) {
    Optional<MeetingSummary> summary = h.createQuery(MEETING_SELECT + " AND m.id = :i").bind("a", a.id()).bind("i", id)
        .map((rs, ctx) -> new MeetingSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getInt(8) == 1, rs.getBoolean(9)))
        .findOne();
    if (summary.isEmpty()) {
      return Optional.empty();
    }
    Meetings.State state = EngagementStore.meeting(h, a.id(), id).orElseThrow();
    List<AgendaLine> agenda = h.createQuery("SELECT g.ordinal, g.kind, g.ref, g.text, g.carried, g.from_meeting, x.owner, x.due, x.status"
            + " FROM engagement_agenda g LEFT JOIN engagement_action x ON g.kind = 'action' AND x.accord = g.accord AND x.id = g.ref"
            + " WHERE g.accord = :a AND g.meeting = :m ORDER BY g.ordinal")
        .bind("a", a.id()).bind("m", id)
        .map((rs, ctx) -> new AgendaLine(rs.getInt(1), rs.getString(2), optLong(rs, 3), rs.getString(4),
            rs.getInt(5) == 1, optLong(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9)))
        .list();
    String minutes = h.createQuery("SELECT minutes FROM engagement_meeting WHERE accord = :a AND id = :i")
        .bind("a", a.id()).bind("i", id).mapTo(String.class).findOne().orElse(null);
    List<String> endorsed = state.endorsedBy().stream().sorted().toList();
    List<DecisionView> decisions = decisions(h, a, id);
    List<ActionView> actions = actions(h, a.id(), id, today);
    return Optional.of(new MeetingView(summary.get(), agenda, state.attendees(), state.quorum(a), minutes, endorsed, decisions, actions));
  }

  public static List<DecisionView> decisions(Handle h, AccordState a, Long meeting) {
    List<String> parties = a.parties().stream().map(AccordState.Member::code).toList();
    return h.createQuery("SELECT id, meeting, text, proposed_by, at, adopted_at FROM engagement_decision WHERE accord = :a"
            + (meeting == null ? " AND :m = -1" : " AND meeting = :m") + " ORDER BY id")
        .bind("a", a.id()).bind("m", meeting == null ? -1L : meeting)
        .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)})
        .list().stream().map(r -> {
          long id = (Long) r[0];
          Set<String> signed = EngagementStore.signedBy(h, a.id(), id);
          return new DecisionView(id, (Long) r[1], (String) r[2], (String) r[3], (String) r[4],
              parties.stream().filter(signed::contains).toList(), parties.stream().filter(p -> !signed.contains(p)).toList(),
              r[5] != null, (String) r[5]);
        }).toList();
  }

  /** Action items, oldest first; {@code meeting} null for all of them. */
  public static List<ActionView> actions(Handle h, String accord, Long meeting, LocalDate today) {
    return h.createQuery("SELECT x.id, x.meeting, b.code, x.text, x.owner, x.due, x.status FROM engagement_action x"
            + " JOIN engagement_body b ON b.accord = x.accord AND b.id = x.body WHERE x.accord = :a"
            + (meeting == null ? " AND :m = -1" : " AND x.meeting = :m") + " ORDER BY x.id")
        .bind("a", accord).bind("m", meeting == null ? -1L : meeting)
        .map((rs, ctx) -> new ActionView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), ActionItems.overdue(rs.getString(7), LocalDate.parse(rs.getString(6)), today)))
        .list();
  }

  public static List<ExchangeView> exchanges(Handle h, String accord) {
    return h.createQuery("SELECT id, kind, title, date, date_end, place, provisions, text, party FROM engagement_exchange"
            + " WHERE accord = :a ORDER BY date DESC, id DESC")
        .bind("a", accord)
        .map((rs, ctx) -> new ExchangeView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), Arrays.stream(rs.getString(7).split(",")).filter(s -> !s.isEmpty()).toList(), rs.getString(8),
            rs.getString(9)))
        .list();
  }

  /** The scores as of {@code asOf}: proposals and adjudications of periods that had begun by then. */
  public static ScoreBoard scores(Handle h, AccordState a, LocalDate asOf) {
    List<ProposalView> proposals = h.createQuery("SELECT id, provision, period, score, party, evidence, text, at FROM engagement_score"
            + " WHERE accord = :a AND period_start <= :d ORDER BY provision, period_start, id")
        .bind("a", a.id()).bind("d", asOf.toString())
        .map((rs, ctx) -> new ProposalView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
            evidence(rs.getString(6)), rs.getString(7), rs.getString(8)))
        .list();
    // Ordered so that, per provision, the adjudication of the latest period comes last and wins.
    List<AdjudicationView> adjudications = h.createQuery("SELECT id, proposal, provision, period, score, party, decision, reasons, at"
            + " FROM engagement_adjudication WHERE accord = :a AND period_start <= :d ORDER BY provision, period_end, id")
        .bind("a", a.id()).bind("d", asOf.toString())
        .map((rs, ctx) -> new AdjudicationView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getString(6), optLong(rs, 7), rs.getString(8), rs.getString(9)))
        .list();
    Map<String, AdjudicationView> latest = new LinkedHashMap<>();
    adjudications.forEach(j -> latest.put(j.provision(), j));
    Map<String, Integer> scores = new LinkedHashMap<>();
    latest.forEach((p, j) -> scores.put(p, j.score()));
    return new ScoreBoard(proposals, adjudications, latest, RollUp.of(a.provisions(), scores));
  }

  private static Long optLong(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static List<Scores.Evidence> evidence(String json) {
    List<Scores.Evidence> out = new ArrayList<>();
    try {
      for (JsonNode n : EntryCodec.JSON.readTree(json)) {
        out.add(new Scores.Evidence(n.path("kind").asText(), n.path("id").asLong()));
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored evidence is not JSON", e);
    }
    return out;
  }
}
