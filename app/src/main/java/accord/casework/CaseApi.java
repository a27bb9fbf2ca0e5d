package accord.casework;

import accord.accord.AccordApi;
import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import accord.user.Role;
import accord.user.User;
import accord.web.Access;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/** The JSON API of casework: file a case, read it with its clocks, make every move, evidence in and out. */
public final class CaseApi {
  private final CaseDesk desk;

  public CaseApi(CaseDesk desk) {
    this.desk = desk;
  }

  /** POST /api/accords/{id}/cases: {notified_party, allegation, request, incidents?, provisions?, evidence?, lang?}. */
  public void create(Context ctx) {
    ObjectNode body = object(ctx);
    String lang = lang(body);
    long id = desk.file(Access.user(ctx), ctx.pathParam("id"), body, lang);
    ctx.status(201).json(EntryCodec.JSON.createObjectNode().put("accord", ctx.pathParam("id")).put("id", id));
  }

  /** POST /api/accords/{id}/cases/{case}/{move}: {text, …}. */
  public void move(Context ctx) {
    String move = ctx.pathParam("move");
    if (!CaseRules.MOVES.containsKey(move)) {
      throw new HttpResponseException(404, "no move " + move + " (want one of " + CaseRules.MOVES.keySet() + ")");
    }
    ObjectNode body = object(ctx);
    String lang = lang(body);
    long index = desk.move(Access.user(ctx), ctx.pathParam("id"), caseId(ctx), move, body, lang);
    ctx.status(201).json(EntryCodec.JSON.createObjectNode().put("accord", ctx.pathParam("id"))
        .put("case", caseId(ctx)).put("index", index));
  }

  /** GET /api/accords/{id}/cases?party&open&overdue&level&limit&offset */
  public void list(Context ctx) {
    String accord = ctx.pathParam("id");
    AccordState a = desk.accord(accord);
    Instant now = desk.node().clock().instant();
    Integer level = null;
    String l = ctx.queryParam("level");
    if (l != null && !l.isBlank()) {
      level = a.ladder().indexOf(l);
      if (level < 0) {
        throw new HttpResponseException(400, "query parameter 'level' must be one of " + a.ladder());
      }
    }
    String party = ctx.queryParam("party");
    CaseQuery.Filter f = new CaseQuery.Filter(party == null || party.isBlank() ? null : party,
        "true".equals(ctx.queryParam("open")), "true".equals(ctx.queryParam("overdue")), level);
    int limit = (int) bounded(ctx, "limit", 50, 1, 1000);
    long offset = bounded(ctx, "offset", 0, 0, Long.MAX_VALUE);
    ObjectNode out = desk.node().db().jdbi().withHandle(h -> {
      ObjectNode o = EntryCodec.JSON.createObjectNode();
      o.put("total", CaseQuery.count(h, accord, f, now)).put("limit", limit).put("offset", offset);
      ArrayNode items = o.putArray("cases");
      for (CaseState c : CaseQuery.list(h, accord, f, now, limit, offset)) {
        items.add(summary(c, CaseClocks.of(c, a, now), now));
      }
      return o;
    });
    ctx.json(out);
  }

  /** GET /api/accords/{id}/cases/{case}: state, level, who owes the next move, every clock, the entries. */
  public void get(Context ctx) {
    String accord = ctx.pathParam("id");
    long id = caseId(ctx);
    AccordState a = desk.accord(accord);
    Instant now = desk.node().clock().instant();
    ObjectNode out = desk.node().db().jdbi().withHandle(h -> {
      CaseState c = CaseQuery.one(h, accord, id).orElseThrow(() -> new HttpResponseException(404, "no case " + id + " in " + accord));
      CaseClocks.View v = CaseClocks.of(c, a, now);
      ObjectNode o = summary(c, v, now);
      o.put("allegation", c.allegationText()).put("request", c.requestText()).put("lang", c.lang());
      c.incidents().forEach(o.putArray("incidents")::add);
      c.provisions().forEach(o.putArray("provisions")::add);
      ArrayNode clocks = o.putArray("clocks");
      for (CaseClocks.Clock k : v.clocks()) {
        ObjectNode co = clocks.addObject().put("name", k.name()).put("owed_by", k.owedBy())
            .put("status", k.status().name().toLowerCase()).put("length", k.length().toString());
        time(co, "started", k.started());
        time(co, "due", k.due());
        time(co, "stopped", k.stopped());
        if (k.status() == CaseClocks.Status.RUNNING) {
          co.put("seconds_left", k.remaining(now).toSeconds());
        }
        if (k.status() == CaseClocks.Status.OVERDUE) {
          co.put("overdue_since", EntryCodec.formatTime(k.due())).put("seconds_overdue", k.overdueBy(now).toSeconds());
        }
      }
      ArrayNode entries = o.putArray("entries");
      for (CaseQuery.Step s : CaseQuery.steps(h, accord, id)) {
        entries.addObject().put("index", s.index()).put("type", s.type()).put("party", s.party())
            .put("user", s.author()).put("lang", s.lang()).put("time", EntryCodec.formatTime(s.at())).set("body", s.body());
      }
      ArrayNode files = o.putArray("evidence");
      for (CaseQuery.File f : CaseQuery.files(h, accord, id)) {
        ObjectNode fo = files.addObject().put("sha256", f.sha256()).put("size", f.size()).put("name", f.name())
            .put("media_type", f.mediaType()).put("description", f.description()).put("provided_by", f.providedBy())
            .put("index", f.index());
        ArrayNode rs = fo.putArray("receipts");
        f.receipts().forEach(r -> rs.addObject().put("party", r.party()).put("index", r.index())
            .put("time", EntryCodec.formatTime(r.at())));
      }
      return o;
    });
    ctx.json(out);
  }

  /** POST /api/accords/{id}/evidence: the file as the raw body, or as a multipart field 'file'; answers sha256 and size. */
  public void upload(Context ctx) {
    desk.accord(ctx.pathParam("id"));
    String ct = ctx.contentType() == null ? "" : ctx.contentType();
    Evidence.Stored s;
    try {
      if (ct.startsWith("multipart/form-data")) {
        UploadedFile f = ctx.uploadedFile("file");
        if (f == null) {
          throw new HttpResponseException(400, "the multipart body has no field 'file'");
        }
        try (InputStream in = f.content()) {
          s = desk.evidence().put(in);
        }
      } else {
        try (InputStream in = ctx.req().getInputStream()) {
          s = desk.evidence().put(in);
        }
      }
    } catch (Evidence.TooLarge e) {
      throw new HttpResponseException(413, e.getMessage());
    } catch (IOException e) {
      throw new HttpResponseException(400, "the upload did not arrive whole: " + e.getMessage());
    }
    ctx.status(201).json(EntryCodec.JSON.createObjectNode().put("sha256", s.sha256()).put("size", s.size()));
  }

  /**
   * GET /api/accords/{id}/cases/{case}/evidence/{hash}: the file, always as a download. The
   * party that receives it signs a receipt the first time it opens it.
   */
  public void download(Context ctx) {
    String accord = ctx.pathParam("id");
    long id = caseId(ctx);
    String sha = ctx.pathParam("hash");
    User u = Access.user(ctx);
    desk.accord(accord);
    CaseState c = desk.kase(accord, id);
    if (u.role().actsForParty() && !c.party(u.party())) {
      throw new HttpResponseException(403, "only the parties of case " + id + ", observers and mediators open its evidence");
    }
    if (!(u.role().actsForParty() || u.role() == Role.OBSERVER || u.role() == Role.MEDIATOR)) {
      throw new HttpResponseException(403, "your role may not open evidence");
    }
    CaseQuery.File f = desk.node().db().jdbi().withHandle(h -> CaseQuery.files(h, accord, id)).stream()
        .filter(x -> x.sha256().equals(sha)).findFirst()
        .orElseThrow(() -> new HttpResponseException(404, "case " + id + " has no evidence file " + sha));
    var path = desk.evidence().find(sha)
        .orElseThrow(() -> new HttpResponseException(404, "evidence file " + sha + " is not held on this node"));
    desk.receipt(u, c, f);
    String safeName = f.name().replaceAll("[^A-Za-z0-9._-]", "_");
    ctx.header("Content-Disposition", "attachment; filename=\"" + safeName + "\"");
    ctx.header("Content-Security-Policy", "sandbox");
    ctx.header("Cache-Control", "private, no-store");
    ctx.contentType("application/octet-stream");
    try {
      ctx.result(Files.newInputStream(path));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read evidence file " + sha, e);
    }
  }

  static ObjectNode summary(CaseState c, CaseClocks.View v, Instant now) {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    o.put("id", c.id()).put("accord", c.accord()).put("notifying_party", c.notifying()).put("notified_party", c.notified())
        .put("state", c.state()).put("level", v.level()).put("level_no", v.levelNo()).put("escalated_to", c.levelNo())
        .put("owes", v.owes().isEmpty() ? null : v.owes()).put("overdue", v.overdue())
        .put("filed_at", EntryCodec.formatTime(c.filedAt())).put("updated_at", EntryCodec.formatTime(c.updatedAt()));
    time(o, "next_due", v.nextDue());
    time(o, "overdue_since", v.overdueSince());
    return o;
  }

  private static void time(ObjectNode o, String field, Instant t) {
    if (t == null) {
      o.putNull(field);
    } else {
      o.put(field, EntryCodec.formatTime(t));
    }
  }

  private static ObjectNode object(Context ctx) {
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length > AccordApi.MAX_ENTRY_REQUEST) {
      throw new HttpResponseException(413, "request is " + raw.length + " bytes, at most " + AccordApi.MAX_ENTRY_REQUEST);
    }
    JsonNode j;
    try {
      j = EntryCodec.JSON.readTree(raw);
    } catch (Exception ex) {
      throw new HttpResponseException(400, "request body is not valid JSON");
    }
    if (!(j instanceof ObjectNode o)) {
      throw new HttpResponseException(400, "want a JSON object");
    }
    return o;
  }

  private static String lang(ObjectNode body) {
    JsonNode l = body.remove("lang");
    return l == null || l.isNull() ? null : l.asText();
  }

  static long caseId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("case"));
    } catch (NumberFormatException e) {
      throw new HttpResponseException(404, "no case " + ctx.pathParam("case"));
    }
  }

  private static long bounded(Context ctx, String name, long dflt, long min, long max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw new HttpResponseException(400, "query parameter '" + name + "' must be a whole number from " + min
        + (max == Long.MAX_VALUE ? " up" : " to " + max));
  }

  /** The moves a user may make on a case now (for the pages). */
  public static List<String> movesFor(User u, AccordState a, CaseState c) {
    String party = u.actingAs();
    if (party == null) {
      return List.of();
    }
    return CaseRules.MOVES.entrySet().stream()
        .filter(m -> CaseRules.roleMay(u.role(), m.getValue()) && CaseRules.may(m.getValue(), a, party, c))
        .map(java.util.Map.Entry::getKey).toList();
  }
}
