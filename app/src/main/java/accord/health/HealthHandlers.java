package accord.health;

import accord.node.Node;
import accord.web.I18n;
import accord.web.Page;
import accord.web.Web;
import accord.accord.AccordApi;
import accord.ledger.Appended;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Rejection;
import accord.user.User;
import accord.web.Access;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** The health page, its JSON and CSV, and the PDF report. */
public final class HealthHandlers {
  private final Node node;
  private final Web web;

  public HealthHandlers(Node node, Web web) {
    this.node = node;
    this.web = web;
  }

  /** GET /accords/{id}/health?from&to */
  public void page(Context ctx) {
    HealthFigures f = figures(ctx);
    I18n.Messages m = I18n.messages(web.lang(ctx));
    List<ReportProjection.Signed> signed = node.db().jdbi().withHandle(h -> ReportProjection.of(h, f.accord(), f.period()));
    // the day the accord was defined, for the "whole life of the accord" period
    String since = node.db().jdbi().withHandle(h -> h.createQuery("SELECT defined_at FROM accord WHERE id = :a")
        .bind("a", f.accord()).mapTo(String.class).one()).substring(0, 10);
    Page.render(ctx, web, "health/health.jte", "health.title", Map.of(
        "figures", f,
        "since", since,
        "today", java.time.LocalDate.now(node.clock()).toString(),
        "signed", signed,
        "signer", Access.user(ctx).role().actsForParty() ? Access.user(ctx).party() : "",
        "summary", HealthSummary.of(f, m),
        "chartData", HealthCharts.json(f, m).toString()));
  }

  /** GET /api/accords/{id}/health?from&to&lang */
  public void json(Context ctx) {
    HealthFigures f = figures(ctx);
    ctx.json(HealthExport.json(f, HealthSummary.of(f, I18n.messages(lang(ctx)))));
  }

  /** GET /api/accords/{id}/health.csv?from&to */
  public void csv(Context ctx) {
    HealthFigures f = figures(ctx);
    StringWriter out = new StringWriter();
    HealthExport.csv(f, out);
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(f, "csv") + "\"")
        .contentType("text/csv; charset=utf-8")
        .result(out.toString());
  }

  /** GET /api/accords/{id}/report.pdf?from&to&lang */
  public void pdf(Context ctx) {
    HealthFigures f = figures(ctx);
    String lang = lang(ctx);
    byte[] pdf = HealthReport.render(f, lang);
    ctx.header("Content-Disposition", "inline; filename=\"" + fileName(f, lang + ".pdf") + "\"")
        .header("X-Report-SHA256", HealthReport.sha256(pdf))
        .contentType("application/pdf")
        .result(pdf);
  }

  /**
   * POST /api/accords/{id}/reports: a party signs the report of a period in a language. The report
   * is rendered again here and must have the digest the caller names, so a signature always
   * refers to figures the record really gives. A form from the health page may leave the digest
   * out (it signs the report as it stands) and is sent back to the page.
   */
  public void sign(Context ctx) {
    String accord = ctx.pathParam("id");
    User u = Access.user(ctx);
    String party = u.actingAs();
    if (party == null) {
      throw new HttpResponseException(403, "your role does not sign reports");
    }
    boolean form = ctx.contentType() != null && ctx.contentType().startsWith("application/x-www-form-urlencoded");
    ObjectNode body;
    if (form) {
      body = EntryCodec.JSON.createObjectNode();
      for (String f : new String[] {"from", "to", "lang", "sha256"}) {
        String v = ctx.formParam(f);
        if (v != null && !v.isBlank()) {
          body.put(f, v.trim());
        }
      }
    } else {
      try {
        if (!(EntryCodec.JSON.readTree(ctx.bodyAsBytes()) instanceof ObjectNode o)) {
          throw new HttpResponseException(400, "want a JSON object: from, to, lang, sha256");
        }
        body = o;
      } catch (java.io.IOException e) {
        throw new HttpResponseException(400, "request body is not valid JSON");
      }
    }
    if (form && !body.has("sha256")) {
      body.put("sha256", "0".repeat(64)); // read() below checks the rest; the digest is filled in after
    }
    ReportRules.Signature asked;
    try {
      asked = ReportRules.read(body);
    } catch (Rejection r) {
      throw new HttpResponseException(400, r.getMessage());
    }
    Period p = new Period(asked.from(), asked.to());
    HealthFigures f = node.db().jdbi().withHandle(h -> HealthFigures.load(h, accord, p, p.asOf(node.clock())))
        .orElseThrow(() -> new HttpResponseException(404, "no accord " + accord));
    String sha = HealthReport.sha256(HealthReport.render(f, asked.lang()));
    if (form && ctx.formParam("sha256") == null) {
      body.put("sha256", sha);
    } else if (!sha.equals(asked.sha256())) {
      throw new HttpResponseException(409, "body.sha256: the report of " + p.from() + " to " + p.to() + " in "
          + asked.lang() + " now has SHA-256 " + sha + "; the figures changed since it was read");
    }
    ObjectNode entryBody = EntryCodec.JSON.createObjectNode().put("from", p.from().toString())
        .put("to", p.to().toString()).put("lang", asked.lang()).put("sha256", body.get("sha256").asText());
    Entry e = new Entry(ReportRules.SIGN, accord, party, u.username(), node.clock().instant(), List.of(), "en", entryBody);
    Appended a = AccordApi.await(node.append(e));
    if (form) {
      ctx.redirect("/accords/" + accord + "/health?from=" + p.from() + "&to=" + p.to() + "#health-signatures",
          io.javalin.http.HttpStatus.SEE_OTHER);
    } else {
      ctx.status(201).json(EntryCodec.JSON.createObjectNode().put("accord", accord).put("index", a.index())
          .put("sha256", entryBody.get("sha256").asText()));
    }
  }

  static String fileName(HealthFigures f, String ext) {
    return "health-" + f.accord() + "-" + f.period().from() + "-" + f.period().to() + "." + ext;
  }

  /** The language an API call asks for with ?lang= (English when absent); an unknown one is refused. */
  static String lang(Context ctx) {
    String l = ctx.queryParam("lang");
    if (l == null || l.isBlank()) {
      return I18n.DEFAULT;
    }
    String m = I18n.messages(l).lang();
    if (m.equals(I18n.DEFAULT) && !l.trim().toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
      throw new HttpResponseException(400, "query parameter 'lang' must be one of " + I18n.LANGUAGES + ", not " + l);
    }
    return m;
  }

  HealthFigures figures(Context ctx) {
    String accord = ctx.pathParam("id");
    Period p;
    try {
      p = Period.of(ctx.queryParam("from"), ctx.queryParam("to"), node.clock());
    } catch (IllegalArgumentException e) {
      throw new HttpResponseException(400, e.getMessage());
    }
    return node.db().jdbi().withHandle(h -> HealthFigures.load(h, accord, p, p.asOf(node.clock())))
        .orElseThrow(() -> new HttpResponseException(404, "no accord " + accord));
  }
}
