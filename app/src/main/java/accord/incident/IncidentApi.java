package accord.incident;

import accord.accord.AccordApi;
import accord.accord.AccordProjection;
import accord.ledger.Appended;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.node.Node;
import accord.user.User;
import accord.web.Access;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The JSON API of the incident register: the filtered list, one incident with every account, a new report. */
public final class IncidentApi {
  private final Node node;

  public IncidentApi(Node node) {
    this.node = node;
  }

  /** GET /api/accords/{id}/incidents?from&to&admin1&admin2&group&type&q&provision&limit&offset */
  public void list(Context ctx) {
    String accord = ctx.pathParam("id");
    IncidentQuery.Filter f = new IncidentQuery.Filter(
        date(ctx, "from"), date(ctx, "to"), param(ctx, "admin1"), param(ctx, "admin2"), param(ctx, "group"),
        param(ctx, "type"), param(ctx, "q"), param(ctx, "provision"));
    int limit = (int) number(ctx, "limit", 50, 1, 1000);
    long offset = number(ctx, "offset", 0, 0, Long.MAX_VALUE);
    ObjectNode out = node.db().jdbi().withHandle(h -> {
      requireAccord(h, accord);
      ObjectNode o = EntryCodec.JSON.createObjectNode();
      o.put("total", IncidentQuery.count(h, accord, f)).put("limit", limit).put("offset", offset);
      ArrayNode items = o.putArray("incidents");
      IncidentQuery.page(h, accord, f, limit, offset).forEach(items::add);
      return o;
    });
    ctx.json(out);
  }

  /** GET /api/accords/{id}/incidents/{incident}: the incident, its accounts side by side, findings. */
  public void get(Context ctx) {
    String accord = ctx.pathParam("id");
    long id = pathId(ctx);
    ObjectNode out = node.db().jdbi().withHandle(h -> {
      requireAccord(h, accord);
      return IncidentQuery.one(h, accord, id)
          .orElseThrow(() -> new HttpResponseException(404, "no incident " + id + " in " + accord));
    });
    ctx.json(out);
  }

  /**
   * POST /api/accords/{id}/incidents: a report body (see {@link Report}), written as the caller's
   * party. Actors given by name alone are resolved to known groups here, once.
   */
  public void create(Context ctx) {
    String accord = ctx.pathParam("id");
    User u = Access.user(ctx);
    String party = u.actingAs();
    if (party == null) {
      throw new HttpResponseException(403, "your role does not write entries");
    }
    var state = node.db().jdbi().withHandle(h -> {
      requireAccord(h, accord);
      return AccordProjection.load(h, accord).orElseThrow();
    });
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length > AccordApi.MAX_ENTRY_REQUEST) {
      throw new HttpResponseException(413, "report is " + raw.length + " bytes, at most " + AccordApi.MAX_ENTRY_REQUEST);
    }
    JsonNode j;
    try {
      j = EntryCodec.JSON.readTree(raw);
    } catch (Exception ex) {
      throw new HttpResponseException(400, "request body is not valid JSON");
    }
    if (!(j instanceof ObjectNode body)) {
      throw new HttpResponseException(400, "want a JSON object: the report");
    }
    String lang = body.path("lang").asText("en");
    body.remove("lang");
    for (JsonNode a : body.path("actors")) {
      if (a instanceof ObjectNode o && !o.has("group") && o.path("name").isTextual()) {
        Groups.standard().resolve(o.get("name").asText()).ifPresent(g -> o.put("group", g));
      }
    }
    try {
      IncidentRules.read(body, state, Groups.standard()); // a malformed report is answered before anything is signed
    } catch (accord.ledger.Rejection r) {
      throw new HttpResponseException(400, r.getMessage());
    }
    Entry e = new Entry(IncidentRules.REPORT, accord, party, u.username(), node.clock().instant(), List.of(), lang, body);
    Appended a = AccordApi.await(node.append(e));
    ctx.status(201).json(EntryCodec.JSON.createObjectNode().put("accord", accord).put("id", a.index()));
  }

  private static void requireAccord(Handle h, String accord) {
    if (AccordProjection.load(h, accord).isEmpty()) {
      throw new HttpResponseException(404, "no accord " + accord);
    }
  }

  private static long pathId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("incident"));
    } catch (NumberFormatException e) {
      throw new HttpResponseException(404, "no incident " + ctx.pathParam("incident"));
    }
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static String date(Context ctx, String name) {
    String v = param(ctx, name);
    if (v != null) {
      try {
        java.time.LocalDate.parse(v);
      } catch (java.time.format.DateTimeParseException e) {
        throw new HttpResponseException(400, "query parameter '" + name + "' must be a date as YYYY-MM-DD");
      }
    }
    return v;
  }

  private static long number(Context ctx, String name, long dflt, long min, long max) {
    String v = param(ctx, name);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw new HttpResponseException(400, "query parameter '" + name + "' must be a whole number from " + min
        + (max == Long.MAX_VALUE ? " up" : " to " + max));
  }
}
