package accord.engagement;

import accord.accord.AccordApi;
import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import accord.user.User;
import accord.web.Access;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON API of engagement: bodies, meetings, decisions, action items, exchanges and scores. */
public final class EngagementApi {
  /** Views are records; the API speaks snake_case like the rest of the node's. */
  static final ObjectMapper OUT = EntryCodec.JSON.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private final EngagementCommands commands;

  public EngagementApi(EngagementCommands commands) {
    this.commands = commands;
  }

  /** GET /api/accords/{id}/bodies */
  public void bodies(Context ctx) {
    String accord = accord(ctx);
    send(ctx, 200, read(h -> EngagementQuery.bodies(h, accord)));
  }

  /** GET /api/accords/{id}/meetings?body=JCC */
  public void meetings(Context ctx) {
    String accord = accord(ctx);
    String bodyRef = ctx.queryParam("body");
    send(ctx, 200, read(h -> {
      Long body = null;
      if (bodyRef != null && !bodyRef.isBlank()) {
        body = EngagementQuery.body(h, accord, bodyRef.strip())
            .orElseThrow(() -> new HttpResponseException(404, "no committee or working group " + bodyRef)).id();
      }
      return EngagementQuery.meetings(h, accord, body);
    }));
  }

  /** POST /api/accords/{id}/meetings: {body, level?, date, place, emergency?, agenda?: [text]}; 201 with id and the agenda. */
  public void schedule(Context ctx) {
    String accord = accord(ctx);
    ObjectNode req = json(ctx);
    ObjectNode body = pick(req, "level", "date", "place", "emergency");
    List<String> items = new ArrayList<>();
    JsonNode agenda = req.path("agenda");
    if (!agenda.isMissingNode() && !agenda.isArray()) {
      throw new HttpResponseException(400, "agenda must be an array of texts");
    }
    for (JsonNode n : agenda) {
      if (!n.isTextual()) {
        throw new HttpResponseException(400, "agenda must be an array of texts");
      }
      items.add(n.asText());
    }
    long id = commands.schedule(user(ctx), accord, req.path("body").isValueNode() ? req.path("body").asText() : null, body, items);
    AccordState a = commands.accord(accord);
    var view = read(h -> EngagementQuery.meeting(h, a, id, today()).orElseThrow());
    ObjectNode out = OUT.valueToTree(Map.of("id", id, "agenda", view.agenda()));
    send(ctx, 201, out);
  }

  /** GET /api/accords/{id}/meetings/{meeting}: agenda with carried items, attendance, quorum, minutes, decisions, action items. */
  public void meeting(Context ctx) {
    String accord = accord(ctx);
    long id = pathId(ctx, "meeting");
    AccordState a = commands.accord(accord);
    send(ctx, 200, read(h -> EngagementQuery.meeting(h, a, id, today())
        .orElseThrow(() -> new HttpResponseException(404, "no meeting " + id + " in " + accord))));
  }

  /** POST /api/accords/{id}/meetings/{meeting}/attendance: {attendees: [{party, name}]} */
  public void attend(Context ctx) {
    created(ctx, Meetings.ATTEND, withId(pick(json(ctx), "attendees"), "meeting", pathId(ctx, "meeting")));
  }

  /** POST /api/accords/{id}/meetings/{meeting}/minutes: {text} */
  public void minutes(Context ctx) {
    created(ctx, Meetings.MINUTES, withId(pick(json(ctx), "text"), "meeting", pathId(ctx, "meeting")));
  }

  /** POST /api/accords/{id}/meetings/{meeting}/endorse */
  public void endorse(Context ctx) {
    created(ctx, Meetings.ENDORSE, withId(EntryCodec.JSON.createObjectNode(), "meeting", pathId(ctx, "meeting")));
  }

  /** POST /api/accords/{id}/meetings/{meeting}/decisions: {text}; 201 with id */
  public void propose(Context ctx) {
    created(ctx, Decisions.PROPOSE, withId(pick(json(ctx), "text"), "meeting", pathId(ctx, "meeting")));
  }

  /** POST /api/accords/{id}/decisions/{decision}/sign: adopted once every party has signed */
  public void sign(Context ctx) {
    String accord = accord(ctx);
    long decision = pathId(ctx, "decision");
    long id = commands.append(user(ctx), accord, Decisions.SIGN,
        withId(EntryCodec.JSON.createObjectNode(), "decision", decision), "en");
    AccordState a = commands.accord(accord);
    var view = read(h -> EngagementQuery.decisions(h, a, null)).stream().filter(d -> d.id() == decision).findFirst().orElseThrow();
    send(ctx, 201, OUT.valueToTree(Map.of("id", id, "decision", view)));
  }

  /** GET /api/accords/{id}/actions */
  public void actions(Context ctx) {
    String accord = accord(ctx);
    send(ctx, 200, read(h -> EngagementQuery.actions(h, accord, null, today())));
  }

  /** POST /api/accords/{id}/meetings/{meeting}/actions: {text, owner, due} */
  public void createAction(Context ctx) {
    created(ctx, ActionItems.CREATE, withId(pick(json(ctx), "text", "owner", "due"), "meeting", pathId(ctx, "meeting")));
  }

  /** POST /api/accords/{id}/actions/{action}/update: {status, note?} */
  public void updateAction(Context ctx) {
    created(ctx, ActionItems.UPDATE, withId(pick(json(ctx), "status", "note"), "action", pathId(ctx, "action")));
  }

  /** GET /api/accords/{id}/exchanges */
  public void exchanges(Context ctx) {
    String accord = accord(ctx);
    send(ctx, 200, read(h -> EngagementQuery.exchanges(h, accord)));
  }

  /** POST /api/accords/{id}/exchanges: {kind, title, date, date_end?, place?, provisions, text?} */
  public void recordExchange(Context ctx) {
    created(ctx, Exchanges.RECORD, pick(json(ctx), "kind", "title", "date", "date_end", "place", "provisions", "text"));
  }

  /** GET /api/accords/{id}/scores?as_of=YYYY-MM-DD: proposals, adjudications, latest score per provision, roll-up */
  public void scores(Context ctx) {
    String accord = accord(ctx);
    AccordState a = commands.accord(accord);
    LocalDate asOf = today();
    String p = ctx.queryParam("as_of");
    if (p != null && !p.isBlank()) {
      try {
        asOf = LocalDate.parse(p);
      } catch (java.time.format.DateTimeParseException e) {
        throw new HttpResponseException(400, "query parameter 'as_of' must be a date as YYYY-MM-DD");
      }
    }
    LocalDate at = asOf;
    send(ctx, 200, read(h -> EngagementQuery.scores(h, a, at)));
  }

  /** POST /api/accords/{id}/scores: {provision, period, score, evidence: [{kind, id}], text?}; 201 with id */
  public void proposeScore(Context ctx) {
    created(ctx, Scores.PROPOSE, pick(json(ctx), "provision", "period", "score", "evidence", "text"));
  }

  /** POST /api/accords/{id}/scores/{score}/adjudicate: {score?, reasons, decision?}; 201 with id */
  public void adjudicate(Context ctx) {
    created(ctx, Scores.ADJUDICATE, withId(pick(json(ctx), "score", "reasons", "decision"), "proposal", pathId(ctx, "score")));
  }

  /**
   * GET /api/accords/{id}/engagement?from&to: engagement in figures over a window of dates (both
   * included; by default the 90 days up to today), as {@link EngagementFigures} defines them.
   */
  public void figures(Context ctx) {
    String accord = accord(ctx);
    LocalDate to = date(ctx, "to", today());
    LocalDate from = date(ctx, "from", to.minusDays(89));
    if (to.isBefore(from)) {
      throw new HttpResponseException(400, "query parameter 'to' (" + to + ") is before 'from' (" + from + ")");
    }
    EngagementFigures.Figures f = read(h -> EngagementFigures.of(h, accord, from, to));
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("from", f.from().toString());
    out.put("to", f.to().toString());
    out.put("meetings_by_level", f.meetingsByLevel());
    out.put("meetings_by_body", f.meetingsByBody());
    out.put("meetings_expected_by_body", f.meetingsExpectedByBody());
    out.put("actions", Map.of("due", f.actionsDue(), "done", f.actionsDone(), "overdue", f.actionsOverdue()));
    out.put("decisions_adopted", f.decisionsAdopted());
    out.put("exchanges_by_kind", f.exchangesByKind());
    out.put("scores", f.scores());
    out.put("roll_up", f.rollUp());
    send(ctx, 200, out);
  }

  private static LocalDate date(Context ctx, String name, LocalDate dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new HttpResponseException(400, "query parameter '" + name + "' must be a date as YYYY-MM-DD");
    }
  }

  private void created(Context ctx, String type, ObjectNode body) {
    String accord = accord(ctx);
    String lang = ctx.attribute(LANG);
    long id = commands.append(user(ctx), accord, type, body, lang == null ? "en" : lang);
    send(ctx, 201, EntryCodec.JSON.createObjectNode().put("accord", accord).put("id", id));
  }

  /** The language of a request's free text ({@code lang}, default English), kept while the request is read. */
  private static final String LANG = "engagement.lang";

  private <T> T read(org.jdbi.v3.core.HandleCallback<T, RuntimeException> f) {
    return commands.node().db().jdbi().withHandle(f);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(commands.node().clock().instant(), ZoneOffset.UTC);
  }

  private String accord(Context ctx) {
    String accord = ctx.pathParam("id");
    commands.accord(accord);
    return accord;
  }

  private static User user(Context ctx) {
    return Access.user(ctx);
  }

  static long pathId(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw new HttpResponseException(404, "no " + name + " " + ctx.pathParam(name));
    }
  }

  static ObjectNode json(Context ctx) {
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length > AccordApi.MAX_ENTRY_REQUEST) {
      throw new HttpResponseException(413, "request is " + raw.length + " bytes, at most " + AccordApi.MAX_ENTRY_REQUEST);
    }
    if (raw.length == 0) {
      return EntryCodec.JSON.createObjectNode();
    }
    try {
      if (EntryCodec.JSON.readTree(raw) instanceof ObjectNode o) {
        if (o.path("lang").isTextual()) {
          ctx.attribute(LANG, o.get("lang").asText());
        }
        return o;
      }
    } catch (java.io.IOException e) {
      // answered below
    }
    throw new HttpResponseException(400, "request body must be a JSON object");
  }

  /** Only the fields an entry type defines go into the signed entry. */
  private static ObjectNode pick(ObjectNode req, String... fields) {
    ObjectNode out = EntryCodec.JSON.createObjectNode();
    for (String f : fields) {
      if (req.has(f) && !req.get(f).isNull()) {
        out.set(f, req.get(f));
      }
    }
    return out;
  }

  private static ObjectNode withId(ObjectNode body, String field, long id) {
    return body.put(field, id);
  }

  private static void send(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType("application/json").result(OUT.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
