package accord.engagement;

import accord.accord.AccordState;
import accord.accord.AccordState.Member;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provision scores on the Peace Accords Matrix scale (0 not started, 1 minimal, 2 intermediate,
 * 3 full). Each party proposes a score for a provision and a period, with evidence; a mediator,
 * or the secretariat on the authority of an adopted decision of a committee (the joint committee
 * deciding), adjudicates once per provision and period, picking a proposal's score or setting
 * its own with reasons. Every proposal stays on the record beside the adjudication.
 */
public final class Scores {
  public static final String PROPOSE = "score.propose";
  public static final String ADJUDICATE = "score.adjudicate";
  public static final int MAX = 3;
  public static final List<String> EVIDENCE_KINDS = List.of("meeting", "decision", "action", "exchange", "incident", "case");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

  /** A scoring period, a quarter (2026-Q3) or a month (2026-10), with its first and last day. */
  public record Period(String code, LocalDate start, LocalDate end) {}

  public record Evidence(String kind, long id) {}

  public record Proposal(String provision, Period period, int score, List<Evidence> evidence, String text) {}

  public record Adjudication(long proposal, Integer score, String reasons, Long decision) {}

  /** A proposal as adjudication needs it. */
  public record ProposalState(long id, String provision, String period, int score) {}

  private Scores() {}

  public static Period period(String code, String field) {
    Matcher q = QUARTER.matcher(code);
    if (q.matches()) {
      YearMonth first = YearMonth.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1);
      return new Period(code, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }
    Matcher m = MONTH.matcher(code);
    if (m.matches()) {
      YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return new Period(code, ym.atDay(1), ym.atEndOfMonth());
    }
    throw Rejection.invalid(field + " must be a quarter such as 2026-Q3 or a month such as 2026-10, not " + code);
  }

  public static Proposal readProposal(JsonNode b) {
    String provision = Fields.text(b, "provision", 50);
    Period period = period(Fields.text(b, "period", 10), "period");
    int score = Fields.integer(b, "score", 0, MAX);
    List<Evidence> evidence = new ArrayList<>();
    int i = 0;
    for (JsonNode n : Fields.array(b, "evidence")) {
      String where = "evidence[" + i++ + "]";
      if (!n.isObject()) {
        throw Rejection.invalid(where + " must be an object with kind and id");
      }
      evidence.add(new Evidence(Fields.oneOf(n, "kind", EVIDENCE_KINDS), Fields.id(n, "id")));
    }
    String text = Fields.optText(b, "text");
    if (evidence.isEmpty()) {
      throw Rejection.invalid("evidence must link at least one meeting, decision, action item, exchange, incident or case");
    }
    return new Proposal(provision, period, score, List.copyOf(evidence), text);
  }

  /** {@code missing}: the evidence links that name nothing in the record (cases are not checked here). */
  public static Proposal decidePropose(AccordState a, Entry e, Set<Evidence> missing) {
    Proposal p = readProposal(e.body());
    Who.require(a, e);
    if (a.provisions().stream().noneMatch(x -> x.id().equals(p.provision()))) {
      throw Rejection.invalid("provision: accord " + a.id() + " has no provision " + p.provision());
    }
    for (int i = 0; i < p.evidence().size(); i++) {
      Evidence ev = p.evidence().get(i);
      if (missing.contains(ev)) {
        throw Rejection.notFound("evidence[" + i + "]: there is no " + ev.kind() + " " + ev.id());
      }
    }
    return p;
  }

  public static Adjudication readAdjudication(JsonNode b) {
    long proposal = Fields.id(b, "proposal");
    Integer score = b.hasNonNull("score") ? Fields.integer(b, "score", 0, MAX) : null;
    return new Adjudication(proposal, score, Fields.text(b, "reasons"), Fields.optId(b, "decision"));
  }

  /**
   * May this adjudication be recorded? {@code adjudicated}: the proposal's provision already has an
   * adjudicated score for its period; {@code decision}: the decision the entry cites, if any.
   */
  public static int decideAdjudicate(AccordState a, Entry e, Optional<ProposalState> proposal, boolean adjudicated,
      Optional<Decisions.State> decision) {
    Adjudication j = readAdjudication(e.body());
    Member author = Who.require(a, e);
    ProposalState p = proposal.orElseThrow(() -> Rejection.notFound("proposal: there is no score proposal " + j.proposal()));
    if (author.kind() == AccordState.Kind.SECRETARIAT) {
      if (j.decision() == null) {
        throw Rejection.forbidden("the secretariat adjudicates for the joint committee only: give decision, the committee's adopted decision");
      }
      Decisions.State d = decision.orElseThrow(() -> Rejection.notFound("decision: there is no decision " + j.decision()));
      if (!d.body().kind().equals("committee")) {
        throw Rejection.forbidden("decision " + d.id() + " was taken by " + d.body().code() + ", not by a committee");
      }
      if (!Decisions.adopted(a, d.signedBy())) {
        throw Rejection.conflict("decision " + d.id() + " is not adopted yet: it needs every party's signature");
      }
    } else if (j.decision() != null && decision.isEmpty()) {
      throw Rejection.notFound("decision: there is no decision " + j.decision());
    }
    if (adjudicated) {
      throw Rejection.conflict("provision " + p.provision() + " already has an adjudicated score for " + p.period());
    }
    return j.score() == null ? p.score() : j.score();
  }
}
