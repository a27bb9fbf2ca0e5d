package accord.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.ledger.LogStore;
import accord.node.Demo;
import accord.user.Role;
import accord.user.User;
import io.javalin.Javalin;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every route the server registers, as every kind of caller (anonymous, and a user of each
 * role, with a bearer token and with a session cookie), and checks the outcome against the roles
 * the route declares in {@link Routes}: allowed callers get through, anonymous callers are sent to
 * sign in (401, or a redirect to /login for pages), others are refused with 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {
  private static final Pattern PARAM = Pattern.compile("[{<]([a-z]+)[}>]");
  private static final String CSRF = "anonymous-double-submit-token-0123";

  @TempDir static Path dir;
  TestServer s;
  Http http;
  /** Bearer tokens of every signed-in caller, by username. */
  final Map<String, String> tokens = new LinkedHashMap<>();
  final Map<String, String> samples = new LinkedHashMap<>();

  @BeforeAll
  void start() throws InterruptedException {
    s = new TestServer(Engines.SQLITE, dir);
    http = new Http(s);
    for (Demo.Login l : Demo.LOGINS) {
      tokens.put(l.username(), s.login(l.username()));
    }
    // The demo has no party lead and no observer; two more accounts make every role a caller.
    s.users.add("pk.lead", "Pakistan party lead", Role.PARTY_LEAD, "PK", Demo.PASSWORD);
    s.users.add("observer", "Observer, Türkiye", Role.OBSERVER, "TR", Demo.PASSWORD);
    tokens.put("pk.lead", s.login("pk.lead"));
    tokens.put("observer", s.login("observer"));
    long size = s.node.db().jdbi().withHandle(h -> LogStore.size(h, DefaultInstance.KABUL));
    assertThat(size).as("the demo's log fits one partial tile").isBetween(1L, 255L);
    // Real values for every path parameter, so a 404 cannot stand in for an access decision.
    samples.put("id", DefaultInstance.KABUL);
    samples.put("accord", DefaultInstance.KABUL);
    samples.put("index", "0");
    samples.put("member", "PK");
    samples.put("path", "0/000.p/" + size);
    samples.put("file", new Assets().url("app.css").substring("/assets/".length()));
    // The demo holds no incident: report one, so the incident route is called with a real id.
    var reported = s.postJson("/api/accords/kabul-2025/incidents", tokens.get("pk.liaison"), """
        {"date": "2025-10-12", "place": {"country": "Pakistan", "location": "Angoor Adda"},
         "event_type": "battles", "sub_event_type": "armed_clash",
         "actors": [{"name": "TTP", "role": "perpetrator"}], "text": "A clash at the crossing."}
        """);
    assertThat(reported.status()).as(reported.text()).isEqualTo(201);
    samples.put("incident", reported.json().get("id").asText());
    samples.put("external", "acled:NOT-HELD-1");
    samples.putAll(accord.engagement.EngagementSamples.pathValues(s.node, DefaultInstance.KABUL));
    // The demo's escalated case, its evidence file, and a move every writer can at least try.
    var kase = s.get("/api/accords/kabul-2025/cases?limit=1000", tokens.get("pk.liaison")).json().get("cases");
    long first = kase.get(kase.size() - 1).get("id").asLong();
    samples.put("case", Long.toString(first));
    samples.put("hash", s.get("/api/accords/kabul-2025/cases/" + first, tokens.get("pk.liaison")).json()
        .get("evidence").get(0).get("sha256").asText());
    samples.put("move", "inform");
    samples.put("job", finishedImport(tokens.get("pk.liaison")));
  }

  /** An import job run to its end (a dry run of two rows), so its pages have something to show. */
  private String finishedImport(String token) throws InterruptedException {
    String csv = "id,year,source_article,source_date,side_a,side_b,adm_2,date_start,date_end,deaths_a,deaths_b,longitude,latitude\n"
        + "990001,2015,AFP,2015-03-01,Government of Afghanistan,Taleban,,2015-03-01,2015-03-01,1,1,63.1,29.9\n"
        + "990002,2015,AFP,2015-03-01,Government of Afghanistan,Taleban,,2015-02-30,2015-02-30,1,1,63.1,29.9\n";
    var started = s.send("POST", "/api/accords/kabul-2025/imports?source=ucdp&dry_run=true", token, "text/csv",
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    String job = started.json().get("job").asText();
    for (int i = 0; i < 100 && s.get("/api/accords/kabul-2025/imports/" + job, token).json().get("state").asText().equals("running"); i++) {
      Thread.sleep(50);
    }
    return job;
  }

  @AfterAll
  void stop() {
    if (s != null) {
      s.close();
    }
  }

  @Test
  void theServerRegistersExactlyTheDeclaredRoutesWithTheirRoles() {
    List<Route> routes = Server.routes(s.app);
    assertThat(routes).isNotEmpty();
    Map<String, Set<RouteRole>> declared = new LinkedHashMap<>();
    for (Route r : routes) {
      declared.put(r.method() + " " + r.path(), Set.of(r.roles()));
    }
    Map<String, Set<RouteRole>> registered = new LinkedHashMap<>();
    for (var e : s.app.unsafe.internalRouter.allHttpHandlers()) {
      if (!e.endpoint.method.isHttpMethod()) {
        continue; // the before-handlers: the access check itself and the security headers
      }
      Roles roles = e.endpoint.metadata(Roles.class);
      registered.put(e.endpoint.method.name() + " " + e.endpoint.path, roles == null ? Set.of() : roles.getRoles());
    }
    assertThat(registered).isEqualTo(declared);
  }

  /** The callers cover every role there is, so "every caller" means every role. */
  private boolean everyRoleHeld() {
    Set<Role> held = new HashSet<>(Set.of(Role.PUBLIC));
    tokens.keySet().forEach(u -> held.add(s.users.find(u).orElseThrow().role()));
    return held.containsAll(Arrays.asList(Role.values()));
  }

  @Test
  void everyRouteAnswersEveryCallerAsItsRolesSay() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Route r : Server.routes(s.app)) {
      Set<RouteRole> allowed = Set.of(r.roles());
      String path = fill(r);
      check(problems, r, path, null, null, allowed.contains(Role.PUBLIC));
      checked++;
      for (String username : tokens.keySet()) {
        User u = s.users.find(username).orElseThrow();
        for (String via : List.of("bearer", "cookie")) {
          check(problems, r, path, u, via, allowed.contains(u.role()));
          checked++;
        }
      }
    }
    assertThat(everyRoleHeld()).isTrue();
    assertThat(problems).as("of " + checked + " requests").isEmpty();
  }

  /** One request to {@code route} as {@code user} (null: anonymous), judged against the route's roles. */
  private void check(List<String> problems, Route route, String path, User user, String via, boolean allowed) {
    Http.Req req = http.request(route.method(), path);
    if (user == null) {
      // A valid double-submit pair, so CSRF cannot be what refuses an anonymous form.
      req.cookie(Web.CSRF_COOKIE, CSRF).header("X-CSRF-Token", CSRF);
    } else if (via.equals("bearer")) {
      req.bearer(tokens.get(user.username()));
    } else {
      String session = s.users.startSession(user, "web"); // fresh: POST /logout and /login end it
      req.cookie(Access.SESSION_COOKIE, session).header("X-CSRF-Token", Web.derive(session));
    }
    body(req, route, user);
    Http.Res res = req.send();
    String who = (user == null ? "anonymous" : user.username() + " (" + user.role() + ", " + via + ")");
    String what = route.method() + " " + route.path() + " as " + who + ": " + res;
    boolean page = isPage(path);
    if (allowed) {
      // A GET must succeed outright (the sample values are real); a POST may refuse its body, or
      // send to /login once it has signed the caller out.
      boolean get = route.method().equals("GET");
      boolean ok = res.status() != 401 && res.status() != 403
          && (!get || (res.status() < 400 && !res.location().startsWith("/login")));
      if (!ok) {
        problems.add("should be allowed, " + what);
      }
    } else if (user == null) {
      boolean ok = page ? res.status() == 302 && res.location().equals("/login") : res.status() == 401;
      if (!ok) {
        problems.add("should ask to sign in, " + what);
      }
    } else if (res.status() != 403) {
      problems.add("should be forbidden, " + what);
    }
  }

  /** A plausible body: good enough to reach the handler; a 400 still shows access was granted. */
  private static void body(Http.Req req, Route route, User user) {
    if (!route.method().equals("POST")) {
      return;
    }
    String username = user == null ? "pk.liaison" : user.username();
    switch (route.path()) {
      case "/login" -> req.form("username", username, "password", Demo.PASSWORD);
      case "/logout" -> req.form("x", "y");
      case "/api/session" -> req.json("{\"username\":\"" + username + "\",\"password\":\"" + Demo.PASSWORD + "\"}");
      case "/api/accords/{id}/entries" -> req.json("{\"type\":\"accord.statement\"}");
      case "/witness/{member}/add-checkpoint" -> req.body("text/plain", "old 0\n\nnot a checkpoint\n");
      default -> req.json("{}");
    }
  }

  /** Query strings for routes that answer 400 without them (the gazetteer's search and locate). */
  private static final Map<String, String> QUERIES = Map.of(
      "/api/gazetteer/places", "?q=Torkham", "/api/gazetteer/locate", "?lat=34.1147&lon=71.0847");

  private String fill(Route r) {
    Matcher m = PARAM.matcher(r.path());
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = samples.get(m.group(1));
      if (v == null) {
        fail("no sample value for the path parameter '" + m.group(1) + "' of " + r.path() + "; add one in start()");
      }
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    return m.appendTail(b).toString() + QUERIES.getOrDefault(r.path(), "");
  }

  private static boolean isPage(String path) {
    return !(path.startsWith("/api/") || path.startsWith("/log/") || path.startsWith("/witness/") || path.startsWith("/assets/"));
  }

  @Test
  void aRouteThatNamesNoRoleIsRefusedToEveryone() {
    // The same access check as the server, on a throwaway app with one route declared without roles.
    Route bare = new Route("GET", "/forgotten", "a route whose roles were forgotten", ctx -> ctx.result("leaked"));
    assertThat(bare.roles()).isEmpty();
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.beforeMatched(ctx -> Access.check(ctx, s.users));
      config.routes.get(bare.path(), bare.handler(), bare.roles());
    }).start("127.0.0.1", 0);
    try {
      var client = java.net.http.HttpClient.newHttpClient();
      List<Integer> statuses = new ArrayList<>();
      List<String> callers = new ArrayList<>();
      callers.add(null);
      callers.addAll(tokens.values());
      for (String token : callers) {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + "/forgotten"));
        if (token != null) {
          b.header("Authorization", "Bearer " + token);
        }
        var res = client.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(res.body()).doesNotContain("leaked");
        statuses.add(res.statusCode());
      }
      assertThat(statuses.get(0)).as("anonymous").isEqualTo(401);
      assertThat(statuses.subList(1, statuses.size())).as("every demo user").containsOnly(403);
      assertThat(everyRoleHeld()).isTrue();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      app.stop();
    }
  }
}
