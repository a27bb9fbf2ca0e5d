package accord.incident;

import accord.accord.AccordApi;
import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.Appended;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.node.Node;
import accord.user.Role;
import accord.user.User;
import accord.web.Access;
import accord.web.Page;
import accord.web.Web;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Review of imported rows held as likely duplicates: the list (page and API), and the two
 * decisions. "Merge" appends the row as an incident.account of the incident it resembles, so both
 * tolls stand side by side; "keep separate" appends it as an incident.report of its own.
 */
public final class DuplicatesApi {
  /** Who imports and reviews: the secretariat and the parties' people. */
  public static final RouteRole[] REVIEWERS = {Role.PARTY_OFFICER, Role.PARTY_LEAD, Role.SECRETARIAT};
  static final int PAGE = 200;

  /** One held row as the page shows it, beside the incident it resembles. */
  public record Held(DuplicatesStore.Flag flag, JsonNode row, JsonNode candidate, String key) {}

  private final Node node;
  private final Web web;

  public DuplicatesApi(Node node, Web web) {
    this.node = node;
    this.web = web;
  }

  /** GET /api/accords/{id}/incidents/duplicates?status=pending|merged|separate */
  public void list(Context ctx) {
    String accord = ctx.pathParam("id");
    String status = status(ctx);
    ObjectNode out = node.db().jdbi().withHandle(h -> {
      requireAccord(h, accord);
      ObjectNode o = EntryCodec.JSON.createObjectNode();
      o.put("status", status).put("total", DuplicatesStore.count(h, accord, status));
      var items = o.putArray("duplicates");
      DuplicatesStore.list(h, accord, status, PAGE).forEach(f -> items.add(DuplicatesStore.json(f)));
      return o;
    });
    ctx.json(out);
  }

  /** GET /accords/{id}/incidents/duplicates */
  public void page(Context ctx) {
    String accord = ctx.pathParam("id");
    Object[] found = node.db().jdbi().withHandle(h -> {
      AccordState s = AccordProjection.load(h, accord).orElseThrow(() -> new HttpResponseException(404, "no accord " + accord));
      List<Held> held = new ArrayList<>();
      for (DuplicatesStore.Flag f : DuplicatesStore.list(h, accord, DuplicatesStore.PENDING, PAGE)) {
        JsonNode candidate = IncidentQuery.one(h, accord, f.candidate()).orElse(null);
        held.add(new Held(f, DuplicatesStore.json(f).get("report"), candidate,
            URLEncoder.encode(f.externalId(), StandardCharsets.UTF_8)));
      }
      return new Object[] {s, held, DuplicatesStore.count(h, accord, DuplicatesStore.PENDING)};
    });
    Page.render(ctx, web, "incident/import-duplicates.jte", "incimport.duplicates.title",
        Map.of("accord", found[0], "held", found[1], "total", found[2], "done", ctx.queryParamMap().getOrDefault("done", List.of("")).get(0)));
  }

  /** POST …/duplicates/{external}/merge: the row becomes an account of the incident it resembles. */
  public void merge(Context ctx) {
    resolve(ctx, true);
  }

  /** POST …/duplicates/{external}/separate: the row becomes an incident of its own. */
  public void separate(Context ctx) {
    resolve(ctx, false);
  }

  private void resolve(Context ctx, boolean merge) {
    String accord = ctx.pathParam("id");
    String external = ctx.pathParam("external");
    User u = Access.user(ctx);
    String party = u.actingAs();
    if (party == null) {
      throw new HttpResponseException(403, "your role does not write entries");
    }
    String at = EntryCodec.formatTime(node.clock().instant());
    DuplicatesStore.Flag f = node.db().jdbi().inTransaction(h -> {
      AccordState s = AccordProjection.load(h, accord).orElseThrow(() -> new HttpResponseException(404, "no accord " + accord));
      if (s.member(party).isEmpty()) {
        throw new HttpResponseException(403, party + " is not a member of accord " + accord);
      }
      DuplicatesStore.Flag held = DuplicatesStore.one(h, accord, external)
          .orElseThrow(() -> new HttpResponseException(404, "no row " + external + " is held for review in " + accord));
      // Claim the row first, so two reviewers deciding at once cannot both append it.
      if (!DuplicatesStore.move(h, accord, external, DuplicatesStore.PENDING, DuplicatesStore.RESOLVING, u.username(), at, null)) {
        throw new HttpResponseException(409, "the row " + external + " is already " + held.status());
      }
      return held;
    });
    ObjectNode body;
    try {
      body = (ObjectNode) EntryCodec.JSON.readTree(f.body());
    } catch (Exception e) {
      throw new IllegalStateException("held row " + external + " is not JSON", e);
    }
    String type = IncidentRules.REPORT;
    if (merge) {
      // An account carries no external id (the report it joins has its own); the row's source id
      // stays visible as one of the account's sources.
      type = IncidentRules.ACCOUNT;
      body.remove("external_id");
      body.put("incident", f.candidate());
      var sources = body.has("sources") ? (com.fasterxml.jackson.databind.node.ArrayNode) body.get("sources") : body.putArray("sources");
      sources.addObject().put("outlet", f.externalId());
    }
    Appended a;
    try {
      a = AccordApi.await(node.append(new Entry(type, accord, party, u.username(), node.clock().instant(), List.of(), "en", body)));
    } catch (RuntimeException e) {
      node.db().jdbi().useHandle(h -> DuplicatesStore.move(h, accord, external, DuplicatesStore.RESOLVING, DuplicatesStore.PENDING, null, null, null));
      throw e;
    }
    String done = merge ? DuplicatesStore.MERGED : DuplicatesStore.SEPARATE;
    node.db().jdbi().useHandle(h -> DuplicatesStore.move(h, accord, external, DuplicatesStore.RESOLVING, done, u.username(), at, a.index()));
    if (ctx.path().startsWith("/api/")) {
      ctx.json(EntryCodec.JSON.createObjectNode().put("external_id", external).put("status", done).put("entry", a.index())
          .put("incident", merge ? f.candidate() : a.index()));
    } else {
      ctx.redirect("/accords/" + URLEncoder.encode(accord, StandardCharsets.UTF_8) + "/incidents/duplicates?done=" + done);
    }
  }

  private static String status(Context ctx) {
    String s = ctx.queryParam("status");
    if (s == null || s.isBlank()) {
      return DuplicatesStore.PENDING;
    }
    if (!List.of(DuplicatesStore.PENDING, DuplicatesStore.MERGED, DuplicatesStore.SEPARATE).contains(s)) {
      throw new HttpResponseException(400, "query parameter 'status' must be pending, merged or separate");
    }
    return s;
  }

  static void requireAccord(org.jdbi.v3.core.Handle h, String accord) {
    if (AccordProjection.load(h, accord).isEmpty()) {
      throw new HttpResponseException(404, "no accord " + accord);
    }
  }

  /** A YYYY-MM-DD date in the reader's calendar (Solar Hijri for Pashto and Dari, with the Gregorian date beside it). */
  public static String day(Page page, String iso) {
    java.time.LocalDate d;
    try {
      d = java.time.LocalDate.parse(iso);
    } catch (RuntimeException e) {
      return iso;
    }
    java.util.Date date = java.util.Date.from(d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    String lang = page.m.lang();
    boolean solarHijri = lang.equals("ps") || lang.equals("fa-AF");
    String primary = format(date, lang, solarHijri ? "persian" : "gregorian");
    return solarHijri ? primary + " (" + format(date, lang, "gregorian") + ")" : primary;
  }

  private static String format(java.util.Date d, String lang, String calendar) {
    var locale = new com.ibm.icu.util.ULocale(com.ibm.icu.util.ULocale.forLocale(java.util.Locale.forLanguageTag(lang)).getBaseName()
        + "@calendar=" + calendar);
    var f = lang.equals("ps") ? new com.ibm.icu.text.SimpleDateFormat("d MMMM y", locale)
        : com.ibm.icu.text.DateFormat.getInstanceForSkeleton("yMMMMd", locale);
    f.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone("UTC"));
    return f.format(d);
  }

  /** Where a report or incident places itself, most precise first, as the source spelled it. */
  public static String place(JsonNode report) {
    JsonNode p = report.path("place");
    List<String> parts = new ArrayList<>();
    for (String k : List.of("location", "admin2", "admin1", "country")) {
      if (p.hasNonNull(k)) {
        parts.add(p.get(k).asText());
      }
    }
    if (p.hasNonNull("lat")) {
      parts.add(String.format(java.util.Locale.ROOT, "%.4f, %.4f", p.get("lat").asDouble(), p.get("lon").asDouble()));
    }
    return String.join(" · ", parts);
  }

  /** The actors of a report, with their roles, as the source named them. */
  public static String actors(JsonNode actors) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : actors) {
      out.add(a.path("name").asText() + " (" + a.path("role").asText() + ")");
    }
    return String.join("; ", out);
  }
}
