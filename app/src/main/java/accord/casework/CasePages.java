package accord.casework;

import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import accord.user.User;
import accord.web.Access;
import accord.web.Page;
import accord.web.Web;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The casework pages: the list with clocks, the new-case form, the case page, the ladder's queues, accountability. */
public final class CasePages {
  /** A case and how it stands now, for lists. */
  public record Row(CaseState kase, CaseClocks.View view) {}

  /** Each side's entries, and the mediators' findings, side by side: nothing overwritten. */
  public record Sides(List<CaseQuery.Step> notifying, List<CaseQuery.Step> notified, List<CaseQuery.Step> findings) {}

  public static final int PAGE_SIZE = 50;
  /** Rows shown per level: the list pages page through the rest. */
  public static final int QUEUE_SIZE = 50;

  private final CaseDesk desk;
  private final Web web;

  public CasePages(CaseDesk desk, Web web) {
    this.desk = desk;
    this.web = web;
  }

  /** GET /accords/{id}/cases?party&show=open|overdue|all&offset */
  public void list(Context ctx) {
    String accord = ctx.pathParam("id");
    AccordState a = desk.accord(accord);
    User u = Access.user(ctx);
    String param = ctx.queryParam("party");
    String party = param != null ? param.trim()
        : u.role().actsForParty() && a.member(u.party()).isPresent() ? u.party() : "";
    if (!party.isEmpty() && a.parties().stream().noneMatch(m -> m.code().equals(party))) {
      throw new HttpResponseException(400, "party must be one of the accord's parties");
    }
    String show = ctx.queryParamAsClass("show", String.class).getOrDefault("open");
    if (!List.of("open", "overdue", "all").contains(show)) {
      throw new HttpResponseException(400, "show must be open, overdue or all");
    }
    long offset = Math.max(0, ctx.queryParamAsClass("offset", Long.class).getOrDefault(0L));
    Instant now = desk.node().clock().instant();
    CaseQuery.Filter f = new CaseQuery.Filter(party.isEmpty() ? null : party, show.equals("open"), show.equals("overdue"), null);
    List<Row> rows = new ArrayList<>();
    long[] total = new long[1];
    desk.node().db().jdbi().useHandle(h -> {
      total[0] = CaseQuery.count(h, accord, f, now);
      for (CaseState c : CaseQuery.list(h, accord, f, now, PAGE_SIZE, offset)) {
        rows.add(new Row(c, CaseClocks.of(c, a, now)));
      }
    });
    Map<String, Object> m = new HashMap<>();
    m.put("accord", a);
    m.put("rows", rows);
    m.put("party", party);
    m.put("show", show);
    m.put("total", total[0]);
    m.put("offset", offset);
    m.put("now", now);
    m.put("canFile", u.role().actsForParty() && a.member(u.party()).isPresent());
    Page.render(ctx, web, "casework/list.jte", "case.list.title", m);
  }

  /** GET /accords/{id}/cases/new */
  public void form(Context ctx) {
    renderForm(ctx, desk.accord(ctx.pathParam("id")), "");
  }

  private void renderForm(Context ctx, AccordState a, String error) {
    Page.render(ctx, web, "casework/new.jte", "case.new.title", Map.of("accord", a, "error", error,
        "party", Access.user(ctx).party() == null ? "" : Access.user(ctx).party()));
  }

  /** POST /accords/{id}/cases: the form, with an optional evidence file. */
  public void create(Context ctx) {
    String accord = ctx.pathParam("id");
    AccordState a = desk.accord(accord);
    ObjectNode body = EntryCodec.JSON.createObjectNode();
    put(body, "notified_party", ctx.formParam("notified_party"));
    ObjectNode al = body.putObject("allegation");
    put(al, "text", ctx.formParam("allegation"));
    for (String list : List.of("groups", "locations", "persons", "facilities", "financing")) {
      List<String> items = items(ctx.formParam(list));
      if (!items.isEmpty()) {
        items.forEach(al.putArray(list)::add);
      }
    }
    put(body, "request", ctx.formParam("request"));
    ArrayNode provisions = EntryCodec.JSON.createArrayNode();
    ctx.formParams("provisions").forEach(provisions::add);
    if (!provisions.isEmpty()) {
      body.set("provisions", provisions);
    }
    List<String> incidents = items(ctx.formParam("incidents"));
    if (!incidents.isEmpty()) {
      ArrayNode arr = body.putArray("incidents");
      for (String s : incidents) {
        try {
          arr.add(Long.parseLong(s));
        } catch (NumberFormatException e) {
          renderError(ctx, 400, () -> renderForm(ctx, a, "incidents: " + s + " is not an incident id"));
          return;
        }
      }
    }
    try {
      evidence(ctx, body);
      long id = desk.file(Access.user(ctx), accord, body, ctx.formParam("lang"));
      ctx.redirect("/accords/" + accord + "/cases/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (HttpResponseException e) {
      renderError(ctx, e.getStatus(), () -> renderForm(ctx, a, e.getMessage()));
    }
  }

  /** The uploaded file, if any: stored by hash, and listed in the body. */
  private void evidence(Context ctx, ObjectNode body) {
    UploadedFile f = ctx.isMultipartFormData() ? ctx.uploadedFile("evidence") : null;
    if (f == null || f.filename() == null || f.filename().isBlank()) {
      return;
    }
    Evidence.Stored s;
    try (InputStream in = f.content()) {
      s = desk.evidence().put(in);
    } catch (Evidence.TooLarge e) {
      throw new HttpResponseException(413, e.getMessage());
    } catch (IOException e) {
      throw new HttpResponseException(400, "the file did not arrive whole: " + e.getMessage());
    }
    String name = f.filename().replaceAll(".*[/\\\\]", "");
    String type = f.contentType() == null ? "" : f.contentType().toLowerCase(java.util.Locale.ROOT).split(";")[0].trim();
    ObjectNode e = body.putArray("evidence").addObject().put("sha256", s.sha256()).put("size", s.size())
        .put("name", name.length() > 255 ? name.substring(name.length() - 255) : name)
        .put("media_type", type.matches("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*") ? type : "application/octet-stream");
    put(e, "description", ctx.formParam("evidence_description"));
  }

  /** GET /accords/{id}/cases/{case} */
  public void show(Context ctx) {
    renderCase(ctx, "");
  }

  private void renderCase(Context ctx, String error) {
    String accord = ctx.pathParam("id");
    long id = CaseApi.caseId(ctx);
    AccordState a = desk.accord(accord);
    Instant now = desk.node().clock().instant();
    Map<String, Object> m = new HashMap<>();
    desk.node().db().jdbi().useHandle(h -> {
      CaseState c = CaseQuery.one(h, accord, id).orElseThrow(() -> new HttpResponseException(404, "no case " + id));
      List<CaseQuery.Step> steps = CaseQuery.steps(h, accord, id);
      List<CaseQuery.Step> mine = new ArrayList<>();
      List<CaseQuery.Step> theirs = new ArrayList<>();
      List<CaseQuery.Step> findings = new ArrayList<>();
      for (CaseQuery.Step s : steps) {
        if (s.type().equals(CaseRules.FINDING)) {
          findings.add(s);
        } else if (s.type().equals(CaseRules.RECEIPT) || s.type().equals(CaseRules.ESCALATE)) {
          continue; // on the timeline, not an account
        } else if (s.party().equals(c.notifying())) {
          mine.add(s);
        } else if (s.party().equals(c.notified())) {
          theirs.add(s);
        }
      }
      m.put("kase", c);
      m.put("view", CaseClocks.of(c, a, now));
      m.put("steps", steps);
      m.put("sides", new Sides(mine, theirs, findings));
      m.put("files", CaseQuery.files(h, accord, id));
      m.put("moves", CaseApi.movesFor(Access.user(ctx), a, c));
    });
    m.put("accord", a);
    m.put("now", now);
    m.put("error", error);
    Page.render(ctx, web, "casework/case.jte", "case.title", m);
  }

  /** POST /accords/{id}/cases/{case}/{move}: a move's form. */
  public void move(Context ctx) {
    String accord = ctx.pathParam("id");
    long id = CaseApi.caseId(ctx);
    String move = ctx.pathParam("move");
    ObjectNode body = EntryCodec.JSON.createObjectNode();
    put(body, "text", ctx.formParam("text"));
    put(body, "findings", ctx.formParam("findings"));
    put(body, "requested_by", ctx.formParam("requested_by"));
    put(body, "against", ctx.formParam("against"));
    put(body, "provision", ctx.formParam("provision"));
    if (move.equals("finding")) {
      body.put("violation", "on".equals(ctx.formParam("violation")) || "true".equals(ctx.formParam("violation")));
    }
    List<String> kinds = ctx.formParams("action_kind");
    ArrayNode actions = EntryCodec.JSON.createArrayNode();
    for (int i = 0; i < kinds.size(); i++) {
      if (kinds.get(i).isBlank()) {
        continue;
      }
      ObjectNode x = actions.addObject().put("kind", kinds.get(i));
      put(x, "status", at(ctx.formParams("action_status"), i));
      put(x, "date", at(ctx.formParams("action_date"), i));
      put(x, "place", at(ctx.formParams("action_place"), i));
      put(x, "text", at(ctx.formParams("action_text"), i));
    }
    if (!actions.isEmpty()) {
      body.set("actions", actions);
    }
    try {
      desk.move(Access.user(ctx), accord, id, move, body, ctx.formParam("lang"));
      ctx.redirect("/accords/" + accord + "/cases/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (HttpResponseException e) {
      if (e.getStatus() == 404) {
        throw e;
      }
      renderError(ctx, e.getStatus(), () -> renderCase(ctx, e.getMessage()));
    }
  }

  /** GET /accords/{id}/cases/queues: per rung of the ladder, the open cases standing there now, and how many. */
  public void queues(Context ctx) {
    String accord = ctx.pathParam("id");
    AccordState a = desk.accord(accord);
    // case_rung holds whole milliseconds: reading at one makes the rows and the clocks agree.
    Instant now = desk.node().clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    List<List<Row>> levels = new ArrayList<>();
    long[][] sizes = new long[1][];
    desk.node().db().jdbi().useHandle(h -> {
      for (int i = 0; i < a.ladder().size(); i++) {
        List<Row> rows = new ArrayList<>();
        for (CaseState c : CaseQuery.queue(h, accord, i, now, QUEUE_SIZE)) {
          rows.add(new Row(c, CaseClocks.of(c, a, now)));
        }
        levels.add(rows);
      }
      sizes[0] = CaseQuery.queueSizes(h, accord, a.ladder().size(), now);
    });
    Page.render(ctx, web, "casework/queues.jte", "case.queues.title",
        Map.of("accord", a, "levels", levels, "sizes", sizes[0], "now", now));
  }

  /** GET /accords/{id}/accountability?from&to */
  public void accountability(Context ctx) {
    String accord = ctx.pathParam("id");
    AccordState a = desk.accord(accord);
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    Instant now = desk.node().clock().instant();
    CaseFigures.Figures f = desk.node().db().jdbi().withHandle(h -> CaseFigures.of(h, accord, from, to, now));
    Page.render(ctx, web, "casework/accountability.jte", "case.acc.title", Map.of("accord", a, "figures", f,
        "chart", chart(f, a), "from", from == null ? "" : from.toString(), "to", to == null ? "" : to.toString()));
  }

  /** The chart's data, read by casework.js: months, and per party the cases received and acknowledged on time. */
  private static String chart(CaseFigures.Figures f, AccordState a) {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    List<String> months = f.months().stream().map(CaseFigures.Month::month).distinct().sorted().toList();
    months.forEach(o.putArray("months")::add);
    ArrayNode series = o.putArray("parties");
    for (AccordState.Member p : a.parties()) {
      ObjectNode s = series.addObject().put("party", p.code()).put("name", p.name());
      ArrayNode received = s.putArray("received");
      ArrayNode onTime = s.putArray("on_time");
      for (String month : months) {
        var row = f.months().stream().filter(x -> x.month().equals(month) && x.party().equals(p.code())).findFirst();
        received.add(row.map(CaseFigures.Month::received).orElse(0L));
        onTime.add(row.map(CaseFigures.Month::acknowledgedOnTime).orElse(0L));
      }
    }
    return EntryCodec.canonical(o);
  }

  private static LocalDate date(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new HttpResponseException(400, name + " must be a date as YYYY-MM-DD");
    }
  }

  private static void renderError(Context ctx, int status, Runnable render) {
    render.run();
    ctx.status(status);
  }

  private static String at(List<String> list, int i) {
    return i < list.size() ? list.get(i) : null;
  }

  private static void put(ObjectNode o, String field, String value) {
    if (value != null && !value.isBlank()) {
      o.put(field, value.strip());
    }
  }

  /** Comma- or line-separated items of a text field. */
  private static List<String> items(String s) {
    if (s == null) {
      return List.of();
    }
    return java.util.Arrays.stream(s.split("[,\\n،]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }
}
