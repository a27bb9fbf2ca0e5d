package accord.casework;

import accord.Engines;
import accord.HandClock;
import accord.node.Demo;
import accord.node.Node;
import accord.user.Role;
import accord.user.Users;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A demo node whose clock the test moves by hand, served on a loopback port, with a token for
 * every role (the demo's users plus a party lead and an observer).
 */
final class CaseServer implements AutoCloseable {
  static final Instant START = Instant.parse("2026-01-10T08:00:00Z");

  final HandClock clock = new HandClock(START);
  final TestServer server;
  final Node node;
  final Users users;
  final Javalin app;
  final String base;
  final Map<String, String> tokens = new LinkedHashMap<>();

  CaseServer(Engines engine, Path dir) {
    server = new TestServer(engine, dir, true, clock);
    node = server.node;
    users = server.users;
    app = server.app;
    base = server.base;
    users.add("pk.lead", "Pakistan party lead", Role.PARTY_LEAD, "PK", Demo.PASSWORD);
    users.add("observer", "Observer, Türkiye", Role.OBSERVER, "TR", Demo.PASSWORD);
    users.add("tr.mediator", "Mediator, Türkiye", Role.MEDIATOR, "TR", Demo.PASSWORD);
    for (String u : new String[] {"pk.liaison", "af.liaison", "secretariat", "mediator", "admin", "pk.lead", "observer", "tr.mediator"}) {
      tokens.put(u, login(u));
    }
  }

  /** Moves the clock on, and signs everyone in again (sessions last hours, the clocks days). */
  void advance(Duration d) {
    clock.advance(d);
    tokens.replaceAll((u, t) -> login(u));
  }

  String login(String username) {
    TestServer.Res r = send("POST", "/api/session", null, "application/json",
        ("{\"username\":\"" + username + "\",\"password\":\"" + Demo.PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8));
    if (r.status() != 201) {
      throw new AssertionError("sign-in of " + username + " answered " + r.status() + " " + r.text());
    }
    return r.json().get("token").asText();
  }

  TestServer.Res send(String method, String path, String token, String contentType, byte[] body) {
    return server.send(method, path, token, contentType, body);
  }

  TestServer.Res post(String user, String path, String json) {
    return send("POST", path, tokens.get(user), "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  TestServer.Res get(String user, String path) {
    return send("GET", path, tokens.get(user), null, null);
  }

  JsonNode kase(String accord, long id) {
    TestServer.Res r = get("pk.liaison", "/api/accords/" + accord + "/cases/" + id);
    if (r.status() != 200) {
      throw new AssertionError(r.status() + " " + r.text());
    }
    return r.json();
  }

  /** Files a case from PK against AF; answers its id. */
  long file(String accord, String extra) {
    TestServer.Res r = post("pk.liaison", "/api/accords/" + accord + "/cases", """
        {"notified_party": "AF", "allegation": {"text": "TTP fighters crossed from Kunar and attacked a border post.",
          "groups": ["TTP"], "locations": ["Kunar"]}, "request": "Arrest those responsible and close the camp."
        """ + extra + "}");
    if (r.status() != 201) {
      throw new AssertionError(r.status() + " " + r.text());
    }
    return r.json().get("id").asLong();
  }

  @Override
  public void close() {
    server.close();
  }
}
