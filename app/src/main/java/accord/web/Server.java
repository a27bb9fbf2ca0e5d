package accord.web;

import accord.accord.AccordApi;
import accord.accord.AccordPages;
import accord.ledger.EntryCodec;
import accord.ledger.LogHandlers;
import accord.node.Node;
import accord.user.SessionApi;
import accord.user.SignInThrottle;
import accord.user.Users;
import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's HTTP server: the routes of {@link Routes}, the access check, errors as JSON. */
public final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  /** The route table a server was built from, kept so tests can walk exactly what is served. */
  private static final Key<List<Route>> ROUTES = new Key<>("accord.routes");

  /**
   * Only this origin's files; no inline script. The one inline style allowed, by its hash, is the
   * request-indicator rule htmx 2.0.8 adds to the head on load (it changes with htmx's version).
   * Images may also be data: URIs, which is how Bootstrap draws a select's arrow and a checkbox's tick.
   */
  static final String CSP = "default-src 'self'; img-src 'self' data:; "
      + "style-src 'self' 'sha256-faU7yAF8NxuMTNEwVmBz+VcYeIoBQ2EMHW3WaVxCvnk='; frame-ancestors 'none'";

  private Server() {}

  public static Javalin create(Node node, Users users) {
    OpenApi openApi = new OpenApi();
    Web web = new Web(users, new Assets());
    web.unreadNotices = new accord.notify.Inbox(node.db().jdbi())::unread;
    web.assets.add("casework.js", "static/casework.js");
    SignInThrottle throttle = new SignInThrottle(node.clock());
    var engagement = new accord.engagement.EngagementCommands(node, node.escalatedCases());
    List<Route> routes =
        Routes.all(
            new HealthApi(node.db().jdbi()),
            new SessionApi(users, throttle),
            new AccordApi(node),
            new LogHandlers(node.db().jdbi(), node.registry()),
            openApi,
            web.assets,
            new WebAuth(web, throttle),
            new AccordPages(node, web),
            new accord.ledger.EntryPages(node.db().jdbi(), web),
            new accord.user.UserPages(users, web),
            new accord.incident.IncidentApi(node),
            new accord.notify.InboxPages(new accord.notify.Inbox(node.db().jdbi()), web),
            new accord.notify.NotifyAdmin(node.db().jdbi(), node.clock(), web),
            new accord.incident.DuplicatesApi(node, web),
            new accord.incident.ImportPages(node, web),
            new accord.engagement.EngagementApi(engagement),
            new accord.health.HealthHandlers(node, web),
            new accord.casework.Casework(node, web),
            new accord.gazetteer.GazetteerApi(node.gazetteer()),
            new accord.incident.IncidentPages(node, web),
            new accord.engagement.EngagementPages(engagement, web),
            new accord.gazetteer.GazetteerPages(node.gazetteer(), web));
    openApi.routes(routes);
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(EntryCodec.JSON, false));
          config.http.maxRequestSize = 1_000_000L;
          config.jetty.multipartConfig.maxFileSize(accord.incident.ImportPages.MAX_UPLOAD, io.javalin.config.SizeUnit.BYTES);
          // Pages, styles and tiles travel compressed: officers often work over slow links.
          config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.GZIP;
          config.startup.showJavalinBanner = false;
          config.appData(ROUTES, routes);
          config.routes.beforeMatched(ctx -> {
            Access.check(ctx, users);
            web.checkCsrf(ctx);
          });
          config.routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("Content-Security-Policy", CSP);
          });
          for (Route r : routes) {
            switch (r.method()) {
              case "GET" -> config.routes.get(r.path(), r.handler(), r.roles());
              case "POST" -> config.routes.post(r.path(), r.handler(), r.roles());
              default -> throw new IllegalStateException("method " + r.method());
            }
          }
          config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (isPage(ctx) && e.getStatus() == 401) {
              ctx.redirect("/login");
            } else if (isPage(ctx)) {
              Access.resolveOnly(ctx, users); // an unmatched path skipped the access check
              ctx.status(e.getStatus());
              Page.render(ctx, web, "layout/error.jte", "error.title", java.util.Map.of("status", e.getStatus()));
            } else {
              ctx.status(e.getStatus()).json(error(e.getMessage()));
            }
          });
          config.routes.exception(io.javalin.validation.ValidationException.class, (e, ctx) ->
              ctx.status(400).json(error("invalid parameter: " + e.getErrors().keySet())));
          config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(error("internal error"));
          });
        });
  }

  /** The routes {@code app} serves, as declared in {@link Routes}. */
  public static List<Route> routes(Javalin app) {
    return app.unsafe.appDataManager.get(ROUTES);
  }

  /** Pages answer errors with a page; the API, logs and witnesses with JSON. */
  static boolean isPage(io.javalin.http.Context ctx) {
    String p = ctx.path();
    return !(p.startsWith("/api/") || p.startsWith("/log/") || p.startsWith("/witness/") || p.startsWith("/assets/"));
  }

  static com.fasterxml.jackson.databind.node.ObjectNode error(String message) {
    return EntryCodec.JSON.createObjectNode().put("error", message);
  }
}
