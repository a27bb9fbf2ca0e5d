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

  /** GET /api/accords/{id}/incidents?from&to&admin1&admin2&group&type&q&provision&party&fatalities_min&fatalities_max&limit&offset */
  public void list(Context ctx) {
    String accord = ctx.pathParam("id");
    IncidentQuery.Filter f = filter(ctx);
    int limit = (int) number(ctx, "limit", 50, 1, 1000);
    long offset = number(ctx, "offset", 0, 0, Long.MAX_VALUE);
    ObjectNode out = node.db().jdbi().withHandle(h -> {
      requireAccord(h, accord);
      ObjectNode o = EntryCodec.JSON.createObjectNode();
      IncidentQuery.Count total = IncidentQuery.count(h, accord, f, IncidentQuery.COUNT_CAP);
      o.put("total", total.value()).put("total_exact", total.exact()).put("limit", limit).put("offset", offset);
      ArrayNode items = o.putArray("incidents");
      IncidentQuery.page(h, accord, f, limit, offset).forEach(items::add);
      return o;
    });
    ctx.json(out);
  }

  /** GET /api/accords/{id}/incidents/timeline: incidents and fatalities per month and group. */
  public void timeline(Context ctx) {
    String accord = ctx.pathParam("id");
    IncidentQuery.Filter f = filter(ctx);
    ObjectNode out = node.db().jdbi().withHandle(h -> {
      requireAccord(h, accord);
      return IncidentExport.timeline(IncidentQuery.timeline(h, accord, f));
    });
    ctx.json(out);
  }

  /**
   * GET /api/accords/{id}/incidents.geojson: the matching incidents as GeoJSON points. With
   * {@code zoom} (the map's), a view holding more than {@link IncidentExport#MAP_POINTS} points
   * comes back as grid cells instead; without it, the newest {@code limit} points (default 2000).
   */
  public void geojson(Context ctx) throws java.io.IOException {
    String accord = ctx.pathParam("id");
    IncidentQuery.Filter f = filter(ctx);
    IncidentQuery.Bbox box = bbox(ctx);
    Integer zoom = ctx.queryParam("zoom") == null ? null : (int) number(ctx, "zoom", 0, 0, 20);
    int limit = (int) number(ctx, "limit", IncidentExport.MAP_POINTS, 1, 50_000);
    ObjectNode out = node.db().jdbi().withHandle(h -> {
      requireAccord(h, accord);
      return IncidentExport.geojson(h, accord, f, box, zoom, limit);
    });
    ctx.contentType("application/geo+json").result(EntryCodec.JSON.writeValueAsBytes(out));
  }

  /** GET /api/accords/{id}/incidents.csv: every matching incident in ACLED's column layout, streamed. */
  public void csv(Context ctx) throws java.io.IOException {
    String accord = ctx.pathParam("id");
    IncidentQuery.Filter f = filter(ctx);
    node.db().jdbi().useHandle(h -> requireAccord(h, accord));
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"" + accord + "-incidents.csv\"");
    try (var out = new java.io.OutputStreamWriter(ctx.outputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
      // In a transaction, so PostgreSQL reads through a cursor (fetch size) instead of all rows at once.
      node.db().jdbi().useTransaction(h -> IncidentExport.csv(h, accord, f, out));
    }
  }

  /** The list's filters from the query string; a malformed value is a 400 naming the parameter. */
  public static IncidentQuery.Filter filter(Context ctx) {
    Long min = ctx.queryParam("fatalities_min") == null || param(ctx, "fatalities_min") == null ? null
        : number(ctx, "fatalities_min", 0, 0, Long.MAX_VALUE);
    Long max = ctx.queryParam("fatalities_max") == null || param(ctx, "fatalities_max") == null ? null
        : number(ctx, "fatalities_max", 0, 0, Long.MAX_VALUE);
    if (min != null && max != null && min > max) {
      throw new HttpResponseException(400, "query parameter 'fatalities_min' (" + min + ") is above 'fatalities_max' (" + max + ")");
    }
    String from = date(ctx, "from");
    String to = date(ctx, "to");
    if (from != null && to != null && from.compareTo(to) > 0) {
      throw new HttpResponseException(400, "query parameter 'from' (" + from + ") is after 'to' (" + to + ")");
    }
    String q = param(ctx, "q");
    if (q != null && q.length() > 200) {
      throw new HttpResponseException(400, "query parameter 'q' holds more than 200 characters");
    }
    String group = param(ctx, "group");
    if (group != null && !Groups.standard().known(group)) {
      throw new HttpResponseException(400, "query parameter 'group' must be one of " + Groups.standard().names().keySet());
    }
    String type = param(ctx, "type");
    if (type != null && EventTypes.type(type).isEmpty() && EventTypes.ALL.stream().noneMatch(t -> t.subTypes().containsKey(type))) {
      throw new HttpResponseException(400, "query parameter 'type' must be an event type or sub-type code, not " + type);
    }
    return new IncidentQuery.Filter(from, to, param(ctx, "admin1"), param(ctx, "admin2"), group, type, q,
        param(ctx, "provision"), param(ctx, "party"), min, max);
  }

  private static IncidentQuery.Bbox bbox(Context ctx) {
    String v = param(ctx, "bbox");
    if (v == null) {
      return IncidentQuery.Bbox.WORLD;
    }
    String[] p = v.split(",");
    try {
      if (p.length == 4) {
        double w = Double.parseDouble(p[0]);
        double s = Double.parseDouble(p[1]);
        double e = Double.parseDouble(p[2]);
        double n = Double.parseDouble(p[3]);
        if (s <= n && w <= e && s >= -90 && n <= 90 && Double.isFinite(w) && Double.isFinite(e)) {
          return new IncidentQuery.Bbox(s, Math.max(w, -180), n, Math.min(e, 180));
        }
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw new HttpResponseException(400, "query parameter 'bbox' must be west,south,east,north in degrees (south <= north, west <= east)");
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

  static void requireAccord(Handle h, String accord) {
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

  static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  static String date(Context ctx, String name) {
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

  static long number(Context ctx, String name, long dflt, long min, long max) {
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
