package accord.engagement;

import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import accord.user.Role;
import accord.user.User;
import accord.web.Access;
import accord.web.I18n;
import accord.web.Page;
import accord.web.Web;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engagement pages: bodies, a body with its meetings and the schedule form, a meeting with
 * its agenda, attendance, minutes, decisions and action items, the exchanges, and the scores.
 * Every form posts here; a refusal shows the same page again with the form as it was sent.
 */
public final class EngagementPages {
  /** A form sent back with what was wrong: which form, the HTTP status, the message, its values. */
  public record Form(String name, int status, String error, Map<String, String> values) {
    public static final Form NONE = new Form("", 0, "", Map.of());

    public String value(String field) {
      return values.getOrDefault(field, "");
    }

    public boolean failed(String form) {
      return name.equals(form);
    }
  }

  /** What every engagement page knows: the accord, the reader, and how to show dates and numbers. */
  public record Scope(AccordState accord, User user, Shown shown) {
    public boolean secretariat() {
      return user.role() == Role.SECRETARIAT;
    }

    public boolean party() {
      return user.role().actsForParty() && accord.member(user.party()).isPresent();
    }

    public boolean adjudicator() {
      return secretariat() || (user.role() == Role.MEDIATOR && accord.member(user.party()).isPresent());
    }

    public List<String> parties() {
      return accord.parties().stream().map(AccordState.Member::code).toList();
    }
  }

  /** One period of a provision's scores: every proposal side by side, and the adjudication if there is one. */
  public record PeriodView(String period, List<EngagementQuery.ProposalView> proposals, EngagementQuery.AdjudicationView adjudication) {}

  /** An option of a select: a value and what the reader sees. */
  public record Option(String value, String label) {}

  private final EngagementCommands commands;
  private final Web web;

  public EngagementPages(EngagementCommands commands, Web web) {
    this.commands = commands;
    this.web = web;
  }

  /** GET /accords/{id}/bodies */
  public void bodies(Context ctx) {
    Scope c = context(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("c", c);
    read(h -> {
      model.put("bodies", EngagementQuery.bodies(h, c.accord().id()));
      model.put("meetings", EngagementQuery.meetings(h, c.accord().id(), null));
      return null;
    });
    Page.render(ctx, web, "engagement/bodies.jte", "engagement.bodies.title", model);
  }

  /** GET /accords/{id}/bodies/{body} */
  public void body(Context ctx) {
    renderBody(ctx, Form.NONE);
  }

  private void renderBody(Context ctx, Form form) {
    Scope c = context(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("c", c);
    model.put("form", form);
    read(h -> {
      Bodies.Body b = EngagementQuery.body(h, c.accord().id(), ctx.pathParam("body"))
          .orElseThrow(() -> new HttpResponseException(404, "no committee or working group " + ctx.pathParam("body")));
      model.put("body", b);
      model.put("meetings", EngagementQuery.meetings(h, c.accord().id(), b.id()));
      model.put("carried", EngagementStore.openActions(h, c.accord().id()).stream().filter(a -> Agenda.inScope(b, a)).toList());
      return null;
    });
    Page.render(ctx, web, "engagement/body.jte", "engagement.body.title", model);
  }

  /** POST /accords/{id}/bodies/{body}/meetings: schedule a meeting; the agenda fills itself. */
  public void schedule(Context ctx) {
    String accord = ctx.pathParam("id");
    act(ctx, "schedule", () -> {
      ObjectNode b = fields(ctx, "level", "date", "place");
      if ("on".equals(ctx.formParam("emergency"))) {
        b.put("emergency", true);
      }
      return commands.schedule(Access.user(ctx), accord, ctx.pathParam("body"), b, lines(ctx.formParam("agenda")));
    }, id -> "/accords/" + accord + "/meetings/" + id, form -> renderBody(ctx, form));
  }

  /** GET /accords/{id}/meetings/{meeting} */
  public void meeting(Context ctx) {
    renderMeeting(ctx, Form.NONE);
  }

  private void renderMeeting(Context ctx, Form form) {
    Scope c = context(ctx);
    long id = EngagementApi.pathId(ctx, "meeting");
    Map<String, Object> model = new HashMap<>();
    model.put("c", c);
    model.put("form", form);
    model.put("statuses", ActionItems.STATUSES);
    model.put("m", read(h -> EngagementQuery.meeting(h, c.accord(), id, today())
        .orElseThrow(() -> new HttpResponseException(404, "no meeting " + id))));
    Page.render(ctx, web, "engagement/meeting.jte", "engagement.meeting.title", model);
  }

  /** POST /accords/{id}/meetings/{meeting}/attendance: party and one name per line. */
  public void attend(Context ctx) {
    onMeeting(ctx, "attend", Meetings.ATTEND, () -> {
      ObjectNode b = EntryCodec.JSON.createObjectNode();
      ArrayNode people = b.putArray("attendees");
      String party = ctx.formParam("party");
      for (String name : lines(ctx.formParam("names"))) {
        people.addObject().put("party", party == null ? "" : party).put("name", name);
      }
      return b;
    });
  }

  /** POST /accords/{id}/meetings/{meeting}/minutes */
  public void minutes(Context ctx) {
    onMeeting(ctx, "minutes", Meetings.MINUTES, () -> fields(ctx, "text"));
  }

  /** POST /accords/{id}/meetings/{meeting}/endorse */
  public void endorse(Context ctx) {
    onMeeting(ctx, "endorse", Meetings.ENDORSE, () -> EntryCodec.JSON.createObjectNode());
  }

  /** POST /accords/{id}/meetings/{meeting}/decisions */
  public void propose(Context ctx) {
    onMeeting(ctx, "decision", Decisions.PROPOSE, () -> fields(ctx, "text"));
  }

  /** POST /accords/{id}/meetings/{meeting}/actions */
  public void createAction(Context ctx) {
    onMeeting(ctx, "action", ActionItems.CREATE, () -> fields(ctx, "text", "owner", "due"));
  }

  private void onMeeting(Context ctx, String form, String type, Supplier<ObjectNode> body) {
    String accord = ctx.pathParam("id");
    long meeting = EngagementApi.pathId(ctx, "meeting");
    act(ctx, form, () -> commands.append(Access.user(ctx), accord, type, body.get().put("meeting", meeting), lang(ctx)),
        id -> "/accords/" + accord + "/meetings/" + meeting + "#" + form, f -> renderMeeting(ctx, f));
  }

  /** POST /accords/{id}/decisions/{decision}/sign: back to the decision's meeting. */
  public void sign(Context ctx) {
    String accord = ctx.pathParam("id");
    long decision = EngagementApi.pathId(ctx, "decision");
    long meeting = read(h -> EngagementStore.decision(h, accord, decision))
        .orElseThrow(() -> new HttpResponseException(404, "no decision " + decision)).meeting();
    act(ctx, "sign-" + decision, () -> commands.append(Access.user(ctx), accord, Decisions.SIGN,
            EntryCodec.JSON.createObjectNode().put("decision", decision), "en"),
        id -> "/accords/" + accord + "/meetings/" + meeting + "#decision-" + decision,
        f -> meetingAgain(ctx, meeting, f));
  }

  /** POST /accords/{id}/actions/{action}/update: back to the item's meeting. */
  public void updateAction(Context ctx) {
    String accord = ctx.pathParam("id");
    long action = EngagementApi.pathId(ctx, "action");
    long meeting = read(h -> h.createQuery("SELECT meeting FROM engagement_action WHERE accord = :a AND id = :i")
        .bind("a", accord).bind("i", action).mapTo(Long.class).findOne())
        .orElseThrow(() -> new HttpResponseException(404, "no action item " + action));
    act(ctx, "update-" + action, () -> commands.append(Access.user(ctx), accord, ActionItems.UPDATE,
            fields(ctx, "status", "note").put("action", action), lang(ctx)),
        id -> "/accords/" + accord + "/meetings/" + meeting + "#action-" + action,
        f -> meetingAgain(ctx, meeting, f));
  }

  /** Forms that live on a meeting page but post elsewhere show that meeting's page again. */
  private void meetingAgain(Context ctx, long meeting, Form f) {
    Scope c = context(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("c", c);
    model.put("form", f);
    model.put("statuses", ActionItems.STATUSES);
    model.put("m", read(h -> EngagementQuery.meeting(h, c.accord(), meeting, today()).orElseThrow()));
    Page.render(ctx, web, "engagement/meeting.jte", "engagement.meeting.title", model);
  }

  /** GET /accords/{id}/exchanges */
  public void exchanges(Context ctx) {
    renderExchanges(ctx, Form.NONE);
  }

  private void renderExchanges(Context ctx, Form form) {
    Scope c = context(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("c", c);
    model.put("form", form);
    model.put("kinds", Exchanges.KINDS);
    model.put("exchanges", read(h -> EngagementQuery.exchanges(h, c.accord().id())));
    Page.render(ctx, web, "engagement/exchanges.jte", "engagement.exchanges.title", model);
  }

  /** POST /accords/{id}/exchanges */
  public void recordExchange(Context ctx) {
    String accord = ctx.pathParam("id");
    act(ctx, "exchange", () -> {
      ObjectNode b = fields(ctx, "kind", "title", "date", "date_end", "place", "text");
      ArrayNode provisions = b.putArray("provisions");
      ctx.formParams("provisions").forEach(provisions::add);
      return commands.append(Access.user(ctx), accord, Exchanges.RECORD, b, lang(ctx));
    }, id -> "/accords/" + accord + "/exchanges", f -> renderExchanges(ctx, f));
  }

  /** GET /accords/{id}/scores: the roll-up per theme and each provision's latest score. */
  public void scores(Context ctx) {
    Scope c = context(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("c", c);
    model.put("board", read(h -> EngagementQuery.scores(h, c.accord(), today())));
    Page.render(ctx, web, "engagement/scores.jte", "engagement.scores.title", model);
  }

  /** GET /accords/{id}/scores/{provision}: proposals side by side, adjudications, the forms. */
  public void provision(Context ctx) {
    renderProvision(ctx, ctx.pathParam("provision"), Form.NONE);
  }

  private void renderProvision(Context ctx, String provision, Form form) {
    Scope c = context(ctx);
    AccordState.Provision p = c.accord().provisions().stream().filter(x -> x.id().equals(provision)).findFirst()
        .orElseThrow(() -> new HttpResponseException(404, "no provision " + provision));
    Map<String, Object> model = new HashMap<>();
    model.put("c", c);
    model.put("form", form);
    model.put("provision", p);
    read(h -> {
      EngagementQuery.ScoreBoard board = EngagementQuery.scores(h, c.accord(), LocalDate.of(9999, 12, 31));
      Map<String, List<EngagementQuery.ProposalView>> byPeriod = new java.util.LinkedHashMap<>();
      board.proposals().stream().filter(x -> x.provision().equals(provision))
          .forEach(x -> byPeriod.computeIfAbsent(x.period(), k -> new ArrayList<>()).add(x));
      List<PeriodView> periods = new ArrayList<>();
      byPeriod.forEach((period, list) -> periods.add(new PeriodView(period, list, board.adjudications().stream()
          .filter(j -> j.provision().equals(provision) && j.period().equals(period)).findFirst().orElse(null))));
      java.util.Collections.reverse(periods); // the latest period first
      model.put("periods", periods);
      model.put("evidence", evidenceOptions(h, c));
      model.put("decisions", committeeDecisions(h, c));
      return null;
    });
    Page.render(ctx, web, "engagement/provision.jte", "engagement.provision.title", model);
  }

  /** POST /accords/{id}/scores: a party's proposal, from the provision's page. */
  public void proposeScore(Context ctx) {
    String accord = ctx.pathParam("id");
    String provision = ctx.formParam("provision") == null ? "" : ctx.formParam("provision");
    act(ctx, "propose", () -> {
      ObjectNode b = fields(ctx, "provision", "period", "text");
      b.put("score", integer(ctx.formParam("score"), "score"));
      ArrayNode evidence = b.putArray("evidence");
      for (String ref : ctx.formParams("evidence")) {
        String[] kv = ref.split(":", 2);
        if (kv.length != 2 || !kv[1].matches("\\d{1,18}")) {
          throw new HttpResponseException(400, "evidence must be chosen from the list");
        }
        evidence.addObject().put("kind", kv[0]).put("id", Long.parseLong(kv[1]));
      }
      return commands.append(Access.user(ctx), accord, Scores.PROPOSE, b, lang(ctx));
    }, id -> "/accords/" + accord + "/scores/" + provision, f -> renderProvision(ctx, provision, f));
  }

  /** POST /accords/{id}/scores/{score}/adjudicate */
  public void adjudicate(Context ctx) {
    String accord = ctx.pathParam("id");
    long proposal = EngagementApi.pathId(ctx, "score");
    String provision = read(h -> EngagementStore.proposal(h, accord, proposal))
        .orElseThrow(() -> new HttpResponseException(404, "no score proposal " + proposal)).provision();
    act(ctx, "adjudicate-" + proposal, () -> {
      ObjectNode b = fields(ctx, "reasons").put("proposal", proposal);
      String score = ctx.formParam("score");
      if (score != null && !score.isBlank()) {
        b.put("score", integer(score, "score"));
      }
      String decision = ctx.formParam("decision");
      if (decision != null && !decision.isBlank()) {
        b.put("decision", integer(decision, "decision"));
      }
      return commands.append(Access.user(ctx), accord, Scores.ADJUDICATE, b, lang(ctx));
    }, id -> "/accords/" + accord + "/scores/" + provision, f -> renderProvision(ctx, provision, f));
  }

  private List<Option> evidenceOptions(org.jdbi.v3.core.Handle h, Scope c) {
    List<Option> out = new ArrayList<>();
    for (EngagementQuery.MeetingSummary s : EngagementQuery.meetings(h, c.accord().id(), null)) {
      out.add(new Option("meeting:" + s.id(), s.bodyCode() + " · " + c.shown().date(s.date()) + " · " + s.place()));
    }
    for (EngagementQuery.ExchangeView x : EngagementQuery.exchanges(h, c.accord().id())) {
      out.add(new Option("exchange:" + x.id(), x.title() + " · " + c.shown().date(x.date())));
    }
    for (EngagementQuery.DecisionView d : EngagementQuery.decisions(h, c.accord(), null)) {
      out.add(new Option("decision:" + d.id(), "#" + d.id() + " · " + excerpt(d.text())));
    }
    return out;
  }

  /** The adopted decisions of committees, on whose authority the secretariat adjudicates. */
  private List<Option> committeeDecisions(org.jdbi.v3.core.Handle h, Scope c) {
    List<Option> out = new ArrayList<>();
    for (EngagementQuery.DecisionView d : EngagementQuery.decisions(h, c.accord(), null)) {
      var state = EngagementStore.decision(h, c.accord().id(), d.id()).orElseThrow();
      if (d.adopted() && state.body().kind().equals("committee")) {
        out.add(new Option(String.valueOf(d.id()), state.body().code() + " #" + d.id() + " · " + excerpt(d.text())));
      }
    }
    return out;
  }

  private static String excerpt(String s) {
    return s.length() <= 80 ? s : s.substring(0, 79) + "…";
  }

  /**
   * Runs a form's write: on success sends the browser on (303), on a refusal shows the page again
   * with the form's values and what was wrong, under the refusal's status.
   */
  private void act(Context ctx, String form, Supplier<Long> write, java.util.function.LongFunction<String> next,
      java.util.function.Consumer<Form> again) {
    try {
      long id = write.get();
      ctx.redirect(next.apply(id), io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (HttpResponseException e) {
      Map<String, String> values = new HashMap<>();
      ctx.formParamMap().forEach((k, v) -> {
        if (!k.equals("_csrf") && !v.isEmpty()) {
          values.put(k, String.join("\n", v));
        }
      });
      ctx.status(e.getStatus());
      again.accept(new Form(form, e.getStatus(), e.getMessage(), values));
    }
  }

  private Scope context(Context ctx) {
    AccordState a = commands.accord(ctx.pathParam("id"));
    return new Scope(a, Access.user(ctx), new Shown(I18n.messages(web.lang(ctx))));
  }

  private String lang(Context ctx) {
    return web.lang(ctx);
  }

  private <T> T read(org.jdbi.v3.core.HandleCallback<T, RuntimeException> f) {
    return commands.node().db().jdbi().withHandle(f);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(commands.node().clock().instant(), ZoneOffset.UTC);
  }

  private static ObjectNode fields(Context ctx, String... names) {
    ObjectNode b = EntryCodec.JSON.createObjectNode();
    for (String n : names) {
      String v = ctx.formParam(n);
      if (v != null && !v.isBlank()) {
        b.put(n, v.strip());
      }
    }
    return b;
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String l : text.split("\\R")) {
        if (!l.isBlank()) {
          out.add(l.strip());
        }
      }
    }
    return out;
  }

  private static int integer(String v, String field) {
    try {
      return Integer.parseInt(v == null ? "" : v.strip());
    } catch (NumberFormatException e) {
      throw new HttpResponseException(400, field + " must be a whole number");
    }
  }
}
