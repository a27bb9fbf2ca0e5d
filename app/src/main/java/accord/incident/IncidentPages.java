package accord.incident;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Rejection;
import accord.node.Node;
import accord.user.User;
import accord.web.Access;
import accord.web.Page;
import accord.web.Web;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The incident register's pages: the filtered list, one incident with every account side by side,
 * the forms that report an incident, add an account or record a finding (each written through the
 * node as the user's party, then a redirect), the map and the timeline. Reading needs no script;
 * the map and chart are drawn by static scripts from the JSON API with the same filters.
 */
public final class IncidentPages {
  static final int PAGE = 50;
  /** Languages whose text runs right to left, for the {@code dir} of text written in them. */
  private static final java.util.Set<String> RTL = java.util.Set.of("ur", "ps", "fa-AF", "fa", "prs", "ar");

  private final Node node;
  private final Web web;

  public IncidentPages(Node node, Web web) {
    this.node = node;
    this.web = web;
  }

  /** A list row. */
  public record Row(long id, String date, String type, String subType, String place, Long fatalities,
      String reportedBy, List<String> groups) {}

  /** The list page's model. */
  public record Listing(AccordState accord, IncidentQuery.Filter filter, String query, IncidentQuery.Count total,
      List<Row> rows, long offset, int limit) {
    public String pageLink(long at) {
      return "/accords/" + accord.id() + "/incidents?" + (query.isEmpty() ? "" : query + "&") + "offset=" + at;
    }
  }

  /** What the filter form offers: types with sub-types, groups, parties (members), provisions. */
  public record Choices(List<EventTypes.Type> types, Map<String, String> groups, List<AccordState.Member> members,
      List<AccordState.Provision> provisions) {}

  /** GET /accords/{id}/incidents */
  public void list(Context ctx) {
    String id = ctx.pathParam("id");
    IncidentQuery.Filter f = IncidentApi.filter(ctx);
    long offset = IncidentApi.number(ctx, "offset", 0, 0, Long.MAX_VALUE);
    Listing l = node.db().jdbi().withHandle(h -> {
      AccordState a = accord(h, id);
      List<Row> rows = new ArrayList<>();
      for (ObjectNode o : IncidentQuery.page(h, id, f, PAGE, offset)) {
        List<String> groups = new ArrayList<>();
        o.path("actors").forEach(x -> {
          String g = x.path("group").asText(null);
          if (g != null && x.path("role").asText().equals("perpetrator") && !groups.contains(g)) {
            groups.add(g);
          }
        });
        JsonNode p = o.get("place");
        rows.add(new Row(o.get("id").asLong(), o.get("date").asText(), o.get("event_type").asText(),
            o.get("sub_event_type").asText(), place(p), o.get("fatalities_best").isNull() ? null : o.get("fatalities_best").asLong(),
            o.get("reported_by").asText(), groups));
      }
      return new Listing(a, f, query(f), IncidentQuery.count(h, id, f, IncidentQuery.COUNT_CAP), rows, offset, PAGE);
    });
    Page.render(ctx, web, "incident/list.jte", "incident.title", Map.of("l", l, "choices", choices(l.accord())));
  }

  /** GET /accords/{id}/incidents/map */
  public void map(Context ctx) {
    view(ctx, "incident/map.jte", "incident.map.title");
  }

  /** GET /accords/{id}/incidents/timeline */
  public void timeline(Context ctx) {
    view(ctx, "incident/timeline.jte", "incident.timeline.title");
  }

  private void view(Context ctx, String template, String title) {
    String id = ctx.pathParam("id");
    IncidentQuery.Filter f = IncidentApi.filter(ctx);
    AccordState a = node.db().jdbi().withHandle(h -> accord(h, id));
    Page.render(ctx, web, template, title, Map.of("accord", a, "query", query(f), "choices", choices(a), "filter", f));
  }

  /** One account as its column shows it. */
  public record Account(long id, String kind, String party, String partyName, String author, String lang, String at,
      Report report) {
    public String dir() {
      return RTL.contains(lang) ? "rtl" : "ltr";
    }
  }

  public record Finding(long id, String party, String author, String lang, String at, Long supports, String text) {
    public String dir() {
      return RTL.contains(lang) ? "rtl" : "ltr";
    }
  }

  /** One entry of the incident's history, in log order. */
  public record Step(long index, String type, String party, String at) {}

  /** The incident page's model. */
  /** Where the gazetteer in force places the incident (null parts are unknown). */
  public record Located(String admin1, String admin2, String method, Double borderKm, String line) {
    static Located of(JsonNode l) {
      if (l == null) {
        return null;
      }
      return new Located(l.path("admin1_name").asText(null), l.path("admin2_name").asText(null),
          l.path("method").asText(""), l.hasNonNull("border_km") ? l.get("border_km").asDouble() : null,
          l.path("line").asText(null));
    }
  }

  public record Shown(AccordState accord, long id, List<Account> accounts, List<Finding> findings, List<Step> history,
      Located located) {
    public String partyOf(long account) {
      return accounts.stream().filter(a -> a.id() == account).map(Account::partyName).findFirst().orElse("?");
    }
  }

  /** GET /accords/{id}/incidents/{incident} */
  public void show(Context ctx) {
    show(ctx, null, Map.of());
  }

  private void show(Context ctx, String error, Map<String, String> form) {
    String id = ctx.pathParam("id");
    long incident = incidentId(ctx);
    Shown s = node.db().jdbi().withHandle(h -> {
      AccordState a = accord(h, id);
      ObjectNode o = IncidentQuery.one(h, id, incident)
          .orElseThrow(() -> new HttpResponseException(404, "no incident " + incident + " in " + id));
      List<Account> accounts = new ArrayList<>();
      List<Step> history = new ArrayList<>();
      for (JsonNode x : o.get("accounts")) {
        String party = x.get("party").asText();
        accounts.add(new Account(x.get("id").asLong(), x.get("kind").asText(), party,
            a.member(party).map(AccordState.Member::name).orElse(party), x.get("author").asText(), x.get("lang").asText(),
            x.get("at").asText(), IncidentRules.read(x.get("report"), null, Groups.standard())));
        history.add(new Step(x.get("id").asLong(), x.get("kind").asText().equals("report") ? IncidentRules.REPORT
            : IncidentRules.ACCOUNT, party, x.get("at").asText()));
      }
      List<Finding> findings = new ArrayList<>();
      for (JsonNode x : o.get("findings")) {
        findings.add(new Finding(x.get("id").asLong(), x.get("party").asText(), x.get("author").asText(),
            x.get("lang").asText(), x.get("at").asText(), x.get("supports").isNull() ? null : x.get("supports").asLong(),
            x.get("text").asText()));
        history.add(new Step(x.get("id").asLong(), IncidentRules.FINDING, x.get("party").asText(), x.get("at").asText()));
      }
      history.sort(java.util.Comparator.comparingLong(Step::index));
      return new Shown(a, incident, accounts, findings, history, Located.of(o.get("located")));
    });
    User u = Access.user(ctx);
    String acting = u.actingAs();
    boolean member = acting != null && s.accord().member(acting).isPresent();
    Map<String, Object> model = new HashMap<>();
    model.put("s", s);
    model.put("choices", choices(s.accord()));
    model.put("canAccount", member && u.role() != accord.user.Role.MEDIATOR);
    model.put("canFind", member && u.role() == accord.user.Role.MEDIATOR);
    model.put("error", error == null ? "" : error);
    model.put("form", form);
    if (error != null) {
      ctx.status(400);
    }
    Page.render(ctx, web, "incident/show.jte", "incident.title", model);
  }

  /** GET /accords/{id}/incidents/new */
  public void newForm(Context ctx) {
    newForm(ctx, null, Map.of());
  }

  private void newForm(Context ctx, String error, Map<String, String> form) {
    AccordState a = node.db().jdbi().withHandle(h -> accord(h, ctx.pathParam("id")));
    if (error != null) {
      ctx.status(400);
    }
    Page.render(ctx, web, "incident/new.jte", "incident.new", Map.of("accord", a, "choices", choices(a),
        "error", error == null ? "" : error, "form", form));
  }

  /** POST /accords/{id}/incidents (form): a report as the user's party, then its page. */
  public void create(Context ctx) {
    String id = ctx.pathParam("id");
    Map<String, String> form = form(ctx);
    AccordState a = node.db().jdbi().withHandle(h -> accord(h, id));
    try {
      ObjectNode body = report(form, ctx.formParams("provision"));
      long index = append(ctx, a, IncidentRules.REPORT, body, form.get("lang"));
      ctx.redirect("/accords/" + id + "/incidents/" + index, io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (Rejection r) {
      newForm(ctx, r.getMessage(), form);
    }
  }

  /** POST /accords/{id}/incidents/{incident}/accounts (form): the user's party's own account. */
  public void account(Context ctx) {
    String id = ctx.pathParam("id");
    long incident = incidentId(ctx);
    Map<String, String> form = form(ctx);
    AccordState a = node.db().jdbi().withHandle(h -> accord(h, id));
    try {
      ObjectNode body = report(form, List.of());
      ObjectNode withRef = EntryCodec.JSON.createObjectNode().put("incident", incident);
      withRef.setAll(body);
      append(ctx, a, IncidentRules.ACCOUNT, withRef, form.get("lang"));
      ctx.redirect("/accords/" + id + "/incidents/" + incident, io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (Rejection r) {
      show(ctx, r.getMessage(), form);
    }
  }

  /** POST /accords/{id}/incidents/{incident}/findings (form): a mediator's finding. */
  public void finding(Context ctx) {
    String id = ctx.pathParam("id");
    long incident = incidentId(ctx);
    Map<String, String> form = form(ctx);
    AccordState a = node.db().jdbi().withHandle(h -> accord(h, id));
    try {
      ObjectNode body = EntryCodec.JSON.createObjectNode().put("incident", incident);
      String supports = form.get("supports");
      if (supports != null && !supports.isBlank()) {
        try {
          body.put("supports", Long.parseLong(supports));
        } catch (NumberFormatException e) {
          throw Rejection.invalid("supports must be the number of a report or account");
        }
      }
      body.put("text", form.getOrDefault("text", ""));
      append(ctx, a, IncidentRules.FINDING, body, form.get("lang"));
      ctx.redirect("/accords/" + id + "/incidents/" + incident, io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (Rejection r) {
      show(ctx, r.getMessage(), form);
    }
  }

  /** Signs and appends as the user's party; a refusal comes back as a Rejection for the form. */
  private long append(Context ctx, AccordState a, String type, ObjectNode body, String lang) {
    // A malformed form is answered first, before anything is signed.
    if (!type.equals(IncidentRules.FINDING)) {
      IncidentRules.read(body, a, Groups.standard());
    } else if (body.path("text").asText("").isBlank()) {
      throw Rejection.invalid("body.text: write what the finding says");
    }
    User u = Access.user(ctx);
    String party = u.actingAs();
    if (party == null || a.member(party).isEmpty()) {
      throw new HttpResponseException(403, "your role does not write entries in " + a.id());
    }
    String l = lang == null || !accord.web.I18n.LANGUAGES.contains(lang) ? "en" : lang;
    Entry e = new Entry(type, a.id(), party, u.username(), node.clock().instant(), List.of(), l, body);
    try {
      return node.append(e).join().index();
    } catch (CompletionException ex) {
      if (ex.getCause() instanceof Rejection r) {
        if (r.kind() == Rejection.Kind.FORBIDDEN) {
          throw new HttpResponseException(403, r.getMessage());
        }
        throw r;
      }
      throw ex;
    }
  }

  /** A report or account body from the compact form's fields. */
  static ObjectNode report(Map<String, String> f, List<String> provisions) {
    ObjectNode b = EntryCodec.JSON.createObjectNode();
    putIf(b, "date", f.get("date"));
    String kind = f.getOrDefault("kind", "");
    int slash = kind.indexOf('/');
    if (slash > 0) {
      b.put("event_type", kind.substring(0, slash)).put("sub_event_type", kind.substring(slash + 1));
    }
    ObjectNode place = b.putObject("place");
    for (String k : List.of("country", "admin1", "admin2", "location")) {
      putIf(place, k, f.get(k));
    }
    for (String k : List.of("lat", "lon")) {
      String v = f.get(k);
      if (v != null && !v.isBlank()) {
        try {
          place.put(k, Double.parseDouble(v.trim()));
        } catch (NumberFormatException e) {
          throw Rejection.invalid("body.place." + k + " must be a number, not " + v);
        }
      }
    }
    if (place.has("lat") || place.has("lon")) {
      place.put("precision", "near");
    }
    ObjectNode fat = EntryCodec.JSON.createObjectNode();
    for (String k : List.of("low", "best", "high")) {
      String v = f.get("fatalities_" + k);
      if (v != null && !v.isBlank()) {
        try {
          fat.put(k, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
          throw Rejection.invalid("body.fatalities." + k + " must be a whole number, not " + v);
        }
      }
    }
    if (!fat.isEmpty()) {
      b.set("fatalities", fat);
    }
    String group = f.get("group");
    if (group != null && !group.isBlank()) {
      b.putArray("actors").addObject().put("name", Groups.standard().names().getOrDefault(group, group))
          .put("role", "perpetrator").put("group", group);
    }
    if (!provisions.isEmpty()) {
      provisions.forEach(b.putArray("provisions")::add);
    }
    putIf(b, "text", f.get("text"));
    return b;
  }

  private static void putIf(ObjectNode o, String k, String v) {
    if (v != null && !v.isBlank()) {
      o.put(k, v.trim());
    }
  }

  private static Map<String, String> form(Context ctx) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : List.of("date", "kind", "country", "admin1", "admin2", "location", "lat", "lon", "fatalities_low",
        "fatalities_best", "fatalities_high", "group", "text", "lang", "supports")) {
      String v = ctx.formParam(k);
      if (v != null) {
        m.put(k, v);
      }
    }
    return m;
  }

  static Choices choices(AccordState a) {
    return new Choices(EventTypes.ALL, Groups.standard().names(), a.members(), a.provisions());
  }

  /** The filter as a query string, for page links, exports, the map and the timeline. */
  static String query(IncidentQuery.Filter f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", f.from());
    m.put("to", f.to());
    m.put("admin1", f.admin1());
    m.put("admin2", f.admin2());
    m.put("group", f.group());
    m.put("type", f.type());
    m.put("fatalities_min", f.fatalitiesMin());
    m.put("fatalities_max", f.fatalitiesMax());
    m.put("provision", f.provision());
    m.put("party", f.party());
    m.put("q", f.q());
    StringBuilder b = new StringBuilder();
    m.forEach((k, v) -> {
      if (v != null) {
        b.append(b.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
      }
    });
    return b.toString();
  }

  static String place(JsonNode p) {
    List<String> parts = new ArrayList<>();
    for (String k : List.of("location", "admin2", "admin1", "country")) {
      String v = p.path(k).asText(null);
      if (v != null && !parts.contains(v)) {
        parts.add(v);
      }
    }
    return String.join(", ", parts);
  }

  private static AccordState accord(org.jdbi.v3.core.Handle h, String id) {
    return AccordProjection.load(h, id).orElseThrow(() -> new HttpResponseException(404, "no accord " + id));
  }

  private static long incidentId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("incident"));
    } catch (NumberFormatException e) {
      throw new HttpResponseException(404, "no incident " + ctx.pathParam("incident"));
    }
  }

  /**
   * A day (YYYY-MM-DD) in the reader's calendar: Solar Hijri with the Gregorian date beside it
   * for Pashto and Dari, as {@link accord.web.I18n} shows times; the Gregorian date otherwise.
   */
  public static String date(Page page, String iso) {
    if (iso == null) {
      return "";
    }
    String lang = page.m.lang();
    java.util.Date d = java.util.Date.from(java.time.LocalDate.parse(iso).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    String greg = format(d, lang, "gregorian");
    if (lang.equals("ps") || lang.equals("fa-AF")) {
      return format(d, lang, "persian") + " (" + greg + ")";
    }
    return greg;
  }

  private static String format(java.util.Date d, String lang, String calendar) {
    com.ibm.icu.util.ULocale l = new com.ibm.icu.util.ULocale(
        com.ibm.icu.util.ULocale.forLanguageTag(lang).getBaseName() + "@calendar=" + calendar);
    com.ibm.icu.text.DateFormat f = lang.equals("ps")
        ? new com.ibm.icu.text.SimpleDateFormat("d MMMM y", l) // day, month, year, as Afghan print writes it
        : com.ibm.icu.text.DateFormat.getInstanceForSkeleton("yMMMMd", l);
    f.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone("UTC"));
    return f.format(d);
  }

  /** The map's and chart's words in the reader's language, as JSON for a data attribute. */
  public static String labels(Page page) {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    ObjectNode types = o.putObject("types");
    EventTypes.ALL.forEach(t -> types.put(t.code(), page.t("incident.type." + t.code())));
    ObjectNode groups = o.putObject("groups");
    Groups.standard().names().keySet().forEach(g -> groups.put(g, page.t("incident.group." + g)));
    groups.put("", page.t("incident.group.none"));
    for (String k : List.of("incidents", "fatalities", "open", "legend", "border", "noborder", "failed", "nodata")) {
      o.put(k, page.t("incident.map." + k));
    }
    // Counts the script fills in: the message is formatted here with a marker in the number's place.
    o.put("shown", page.t("incident.map.shown", "%N%"));
    o.put("aggregated", page.t("incident.map.aggregated", "%N%"));
    return o.toString();
  }

  /** An entry's time (as stored, ISO 8601) in the reader's calendar. */
  public static String time(Page page, String at) {
    return page.m.dateTime(java.time.Instant.parse(at));
  }

  /** A count, or a dash when it is not known. */
  public static String count(Page page, Long n) {
    return n == null ? "–" : page.m.number(n);
  }
}
