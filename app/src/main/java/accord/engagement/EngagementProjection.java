package accord.engagement;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Projection;
import accord.ledger.Rejection;
import accord.notify.Notice;
import accord.notify.Notices;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The engagement read model: loads what an entry refers to, asks the pure rules of its concept,
 * stores the rows the entry adds, and tells the parties what waits on them (a decision to sign,
 * minutes to endorse, an action item they own).
 */
public final class EngagementProjection implements Projection {
  private static final List<String> PREFIXES = List.of("body.", "meeting.", "decision.", "action.", "exchange.", "score.");

  @Override
  public boolean handles(String type) {
    return PREFIXES.stream().anyMatch(type::startsWith);
  }

  @Override
  public void decide(Handle h, Entry e) {
    AccordState a = AccordProjection.load(h, e.accord()).orElseThrow(() -> Rejection.notFound("no accord " + e.accord()));
    String acc = e.accord();
    var b = e.body();
    switch (e.type()) {
      case Bodies.DEFINE -> Bodies.decide(a, EngagementStore.codeTaken(h, acc, b.path("code").asText()), e);
      case Meetings.SCHEDULE -> Meetings.decideSchedule(a, e,
          b.path("body").canConvertToLong() ? EngagementStore.body(h, acc, b.get("body").asLong()) : java.util.Optional.empty(),
          EngagementStore.openActions(h, acc));
      case Meetings.ATTEND -> Meetings.decideAttend(a, e, meeting(h, e));
      case Meetings.MINUTES -> Meetings.decideMinutes(a, e, meeting(h, e));
      case Meetings.ENDORSE -> Meetings.decideEndorse(a, e, meeting(h, e));
      case Decisions.PROPOSE -> Decisions.decidePropose(a, e, meeting(h, e));
      case Decisions.SIGN -> Decisions.decideSign(a, e, EngagementStore.decision(h, acc, b.path("decision").asLong(-1)));
      case ActionItems.CREATE -> ActionItems.decideCreate(a, e, meeting(h, e));
      case ActionItems.UPDATE -> ActionItems.decideUpdate(a, e, EngagementStore.action(h, acc, b.path("action").asLong(-1)));
      case Exchanges.RECORD -> Exchanges.decide(a, e);
      case Scores.PROPOSE -> {
        Scores.Proposal p = Scores.readProposal(b);
        Scores.decidePropose(a, e, EngagementStore.missing(h, acc, p.evidence()));
      }
      case Scores.ADJUDICATE -> {
        var proposal = EngagementStore.proposal(h, acc, b.path("proposal").asLong(-1));
        boolean done = proposal.isPresent() && EngagementStore.adjudicated(h, acc, proposal.get().provision(), proposal.get().period());
        var decision = b.path("decision").canConvertToLong()
            ? EngagementStore.decision(h, acc, b.get("decision").asLong()) : java.util.Optional.<Decisions.State>empty();
        Scores.decideAdjudicate(a, e, proposal, done, decision);
      }
      default -> throw Rejection.invalid("unknown engagement entry type " + e.type());
    }
  }

  private static java.util.Optional<Meetings.State> meeting(Handle h, Entry e) {
    return EngagementStore.meeting(h, e.accord(), e.body().path("meeting").asLong(-1));
  }

  @Override
  public void evolve(Handle h, Entry e, long index) {
    String acc = e.accord();
    String at = EntryCodec.formatTime(e.time());
    var b = e.body();
    switch (e.type()) {
      case Bodies.DEFINE -> {
        Bodies.Body body = Bodies.read(b);
        h.createUpdate("INSERT INTO engagement_body (accord, id, code, name, kind, level, ladder_level, per_party, emergency, cadence, at)"
                + " VALUES (:a, :i, :code, :name, :kind, :level, :ladder, :pp, :em, :cadence, :at)")
            .bind("a", acc).bind("i", index).bind("code", body.code()).bind("name", body.name()).bind("kind", body.kind())
            .bind("level", body.level()).bind("ladder", body.ladderLevel()).bind("pp", body.perParty())
            .bind("em", body.emergency()).bind("cadence", body.cadence()).bind("at", at).execute();
        int ordinal = 0;
        for (Bodies.Member m : body.members()) {
          h.createUpdate("INSERT INTO engagement_body_member (accord, body, ordinal, party, name, title, chair)"
                  + " VALUES (:a, :b, :o, :p, :n, :t, :c)")
              .bind("a", acc).bind("b", index).bind("o", ordinal++).bind("p", m.party()).bind("n", m.name())
              .bind("t", m.title()).bind("c", m.chair() ? 1 : 0).execute();
        }
      }
      case Meetings.SCHEDULE -> {
        Meetings.Schedule s = Meetings.readSchedule(b);
        h.createUpdate("INSERT INTO engagement_meeting (accord, id, body, level, date, place, emergency, at)"
                + " VALUES (:a, :i, :b, :l, :d, :p, :e, :at)")
            .bind("a", acc).bind("i", index).bind("b", s.body()).bind("l", s.level()).bind("d", s.date().toString())
            .bind("p", s.place()).bind("e", s.emergency() ? 1 : 0).bind("at", at).execute();
        int ordinal = 0;
        for (Agenda.Item item : s.agenda()) {
          h.createUpdate("INSERT INTO engagement_agenda (accord, meeting, ordinal, kind, ref, text, carried, from_meeting)"
                  + " VALUES (:a, :m, :o, :k, :r, :t, :c, :f)")
              .bind("a", acc).bind("m", index).bind("o", ordinal++).bind("k", item.kind()).bind("r", item.ref())
              .bind("t", item.text()).bind("c", item.carried() ? 1 : 0).bind("f", item.fromMeeting()).execute();
        }
        String code = EngagementStore.body(h, acc, s.body()).map(Bodies.Body::code).orElse("?");
        notifyParties(h, e, index, at, "engagement.notice.meeting", List.of(code, s.date().toString()), meetingLink(acc, index));
      }
      case Meetings.ATTEND -> {
        int ordinal = 0;
        for (Meetings.Attendee p : Meetings.readAttend(b)) {
          h.createUpdate("INSERT INTO engagement_attendance (accord, idx, ordinal, meeting, party, name) VALUES (:a, :i, :o, :m, :p, :n)")
              .bind("a", acc).bind("i", index).bind("o", ordinal++).bind("m", b.get("meeting").asLong())
              .bind("p", p.party()).bind("n", p.name()).execute();
        }
      }
      case Meetings.MINUTES -> {
        long meeting = b.get("meeting").asLong();
        h.createUpdate("UPDATE engagement_meeting SET minutes = :t, minutes_idx = :i WHERE accord = :a AND id = :m")
            .bind("t", b.get("text").asText()).bind("i", index).bind("a", acc).bind("m", meeting).execute();
        notifyParties(h, e, index, at, "engagement.notice.minutes", List.of(String.valueOf(meeting)), meetingLink(acc, meeting));
      }
      case Meetings.ENDORSE -> h.createUpdate("INSERT INTO engagement_endorsement (accord, meeting, party, idx, at) VALUES (:a, :m, :p, :i, :at)")
          .bind("a", acc).bind("m", b.get("meeting").asLong()).bind("p", e.party()).bind("i", index).bind("at", at).execute();
      case Decisions.PROPOSE -> {
        long meeting = b.get("meeting").asLong();
        h.createUpdate("INSERT INTO engagement_decision (accord, id, meeting, text, proposed_by, at) VALUES (:a, :i, :m, :t, :p, :at)")
            .bind("a", acc).bind("i", index).bind("m", meeting).bind("t", b.get("text").asText()).bind("p", e.party())
            .bind("at", at).execute();
        notifyParties(h, e, index, at, "engagement.notice.decision", List.of(String.valueOf(index), excerpt(b.get("text").asText())),
            meetingLink(acc, meeting));
      }
      case Decisions.SIGN -> {
        long decision = b.get("decision").asLong();
        h.createUpdate("INSERT INTO engagement_signature (accord, decision, party, idx, author, at) VALUES (:a, :d, :p, :i, :u, :at)")
            .bind("a", acc).bind("d", decision).bind("p", e.party()).bind("i", index).bind("u", e.user()).bind("at", at).execute();
        AccordState a = AccordProjection.load(h, acc).orElseThrow();
        if (Decisions.adopted(a, EngagementStore.signedBy(h, acc, decision))) {
          h.createUpdate("UPDATE engagement_decision SET adopted_at = :at WHERE accord = :a AND id = :d")
              .bind("at", at).bind("a", acc).bind("d", decision).execute();
        }
      }
      case ActionItems.CREATE -> {
        ActionItems.Create c = ActionItems.readCreate(b);
        long body = EngagementStore.meeting(h, acc, c.meeting()).orElseThrow().body().id();
        h.createUpdate("INSERT INTO engagement_action (accord, id, meeting, body, text, owner, due, status, at)"
                + " VALUES (:a, :i, :m, :b, :t, :o, :d, 'open', :at)")
            .bind("a", acc).bind("i", index).bind("m", c.meeting()).bind("b", body).bind("t", c.text())
            .bind("o", c.owner()).bind("d", c.due().toString()).bind("at", at).execute();
        Notices.post(h, new Notice(acc, index, at, c.owner(), "engagement.notice.action",
            List.of(excerpt(c.text()), c.due().toString()), meetingLink(acc, c.meeting())));
      }
      case ActionItems.UPDATE -> {
        String status = b.get("status").asText();
        long action = b.get("action").asLong();
        h.createUpdate("INSERT INTO engagement_action_update (accord, idx, action, status, party, note, at) VALUES (:a, :i, :x, :s, :p, :n, :at)")
            .bind("a", acc).bind("i", index).bind("x", action).bind("s", status).bind("p", e.party())
            .bind("n", b.path("note").isTextual() ? b.get("note").asText() : null).bind("at", at).execute();
        h.createUpdate("UPDATE engagement_action SET status = :s, closed_at = :c WHERE accord = :a AND id = :x")
            .bind("s", status).bind("c", ActionItems.CLOSED.contains(status) ? at : null).bind("a", acc).bind("x", action).execute();
      }
      case Exchanges.RECORD -> {
        Exchanges.Exchange x = Exchanges.read(b);
        h.createUpdate("INSERT INTO engagement_exchange (accord, id, kind, title, date, date_end, place, provisions, text, party, at)"
                + " VALUES (:a, :i, :k, :t, :d, :de, :pl, :pr, :tx, :p, :at)")
            .bind("a", acc).bind("i", index).bind("k", x.kind()).bind("t", x.title()).bind("d", x.date().toString())
            .bind("de", x.dateEnd() == null ? null : x.dateEnd().toString()).bind("pl", x.place())
            .bind("pr", "," + String.join(",", x.provisions()) + ",").bind("tx", x.text()).bind("p", e.party()).bind("at", at).execute();
      }
      case Scores.PROPOSE -> {
        Scores.Proposal p = Scores.readProposal(b);
        h.createUpdate("INSERT INTO engagement_score (accord, id, provision, period, period_start, period_end, score, party, evidence, text, at)"
                + " VALUES (:a, :i, :pv, :pe, :ps, :pn, :s, :p, :ev, :t, :at)")
            .bind("a", acc).bind("i", index).bind("pv", p.provision()).bind("pe", p.period().code())
            .bind("ps", p.period().start().toString()).bind("pn", p.period().end().toString()).bind("s", p.score())
            .bind("p", e.party()).bind("ev", EntryCodec.canonical(b.get("evidence"))).bind("t", p.text()).bind("at", at).execute();
      }
      case Scores.ADJUDICATE -> {
        Scores.Adjudication j = Scores.readAdjudication(b);
        Scores.ProposalState p = EngagementStore.proposal(h, acc, j.proposal()).orElseThrow();
        Scores.Period period = Scores.period(p.period(), "period");
        h.createUpdate("INSERT INTO engagement_adjudication (accord, id, proposal, provision, period, period_start, period_end,"
                + " score, party, decision, reasons, at) VALUES (:a, :i, :pr, :pv, :pe, :ps, :pn, :s, :p, :d, :r, :at)")
            .bind("a", acc).bind("i", index).bind("pr", j.proposal()).bind("pv", p.provision()).bind("pe", p.period())
            .bind("ps", period.start().toString()).bind("pn", period.end().toString())
            .bind("s", j.score() == null ? p.score() : j.score()).bind("p", e.party()).bind("d", j.decision())
            .bind("r", j.reasons()).bind("at", at).execute();
      }
      default -> throw new IllegalStateException("unknown engagement entry type " + e.type());
    }
  }

  @Override
  public List<String> tables() {
    return List.of("engagement_body", "engagement_body_member", "engagement_meeting", "engagement_agenda",
        "engagement_attendance", "engagement_endorsement", "engagement_decision", "engagement_signature",
        "engagement_action", "engagement_action_update", "engagement_exchange", "engagement_score",
        "engagement_adjudication");
  }

  public static String meetingLink(String accord, long meeting) {
    return "/accords/" + accord + "/meetings/" + meeting;
  }

  private static void notifyParties(Handle h, Entry e, long index, String at, String msg, List<String> args, String link) {
    AccordState a = AccordProjection.load(h, e.accord()).orElseThrow();
    for (AccordState.Member p : a.parties()) {
      Notices.post(h, new Notice(e.accord(), index, at, p.code(), msg, args, link));
    }
  }

  private static String excerpt(String s) {
    return s.length() <= 120 ? s : s.substring(0, 119) + "…";
  }
}
