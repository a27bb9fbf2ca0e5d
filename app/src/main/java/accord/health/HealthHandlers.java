package accord.health;

import accord.node.Node;
import accord.web.I18n;
import accord.web.Page;
import accord.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.StringWriter;
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
    Page.render(ctx, web, "health/health.jte", "health.title", Map.of(
        "figures", f,
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
    return node.db().jdbi().withHandle(h -> HealthFigures.load(h, accord, p, node.clock().instant()))
        .orElseThrow(() -> new HttpResponseException(404, "no accord " + accord));
  }
}
