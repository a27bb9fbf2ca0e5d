package accord.web;

import accord.Engines;
import accord.node.Demo;
import accord.node.Node;
import accord.user.Users;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;

/** A demo node served on a free loopback port, with a small HTTP client for tests. */
public final class TestServer implements AutoCloseable {
  public final Node node;
  public final Users users;
  public final Javalin app;
  public final String base;
  private final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  public TestServer(Engines engine, Path dir) {
    this(engine, dir, true);
  }

  /** A server on a new node with the demo accords and accounts, and the demo history if {@code history}. */
  public TestServer(Engines engine, Path dir, boolean history) {
    this(engine, dir, history, Clock.systemUTC());
  }

  /** As above, on a node that tells the time by {@code clock} (a test's hand-moved clock). */
  public TestServer(Engines engine, Path dir, boolean history, Clock clock) {
    node = Node.open(dir, engine.newDatabase(dir), clock);
    users = new Users(node.db().jdbi(), node.clock());
    Demo.loadIfEmpty(node, users, history);
    app = Server.create(node, users).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  public record Res(int status, byte[] body, HttpResponse<byte[]> raw) {
    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + text());
      }
    }
  }

  public Res send(String method, String path, String token, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Res(r.statusCode(), r.body(), r);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Res get(String path, String token) {
    return send("GET", path, token, null, null);
  }

  public Res postJson(String path, String token, String json) {
    return send("POST", path, token, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public String login(String username) {
    Res r = postJson("/api/session", null, "{\"username\":\"" + username + "\",\"password\":\"" + Demo.PASSWORD + "\"}");
    if (r.status() != 201) {
      throw new AssertionError("sign-in of " + username + " answered " + r.status() + " " + r.text());
    }
    return r.json().get("token").asText();
  }

  @Override
  public void close() {
    app.stop();
    node.close();
  }
}
