package accord.health;

import accord.Engines;
import accord.node.Demo;
import accord.node.Node;
import accord.user.Users;
import accord.web.Server;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A demo node whose clock the test sets, so notifications are filed and answered at known times. */
final class ClockedServer implements AutoCloseable {
  static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant start) {
      now = start;
    }

    void set(String instant) {
      now = Instant.parse(instant);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  final HandClock clock = new HandClock(Instant.parse("2026-05-01T00:00:00Z"));
  final Node node;
  final Javalin app;
  final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  ClockedServer(Engines engine, Path dir) {
    node = Node.open(dir, engine.newDatabase(dir), clock);
    Users users = new Users(node.db().jdbi(), clock);
    Demo.loadIfEmpty(node, users);
    app = Server.create(node, users).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  record Res(int status, String text) {
    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + text);
      }
    }
  }

  Res send(String method, String path, String token, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET whose answer is bytes (the PDF report). */
  byte[] sendBytes(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new AssertionError("GET " + path + " answered " + r.statusCode());
      }
      return r.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts and insists on success; returns the answer's id or index. */
  long post(String path, String token, String json) {
    Res r = send("POST", path, token, json);
    if (r.status() != 201 && r.status() != 200) {
      throw new AssertionError("POST " + path + " answered " + r.status() + " " + r.text());
    }
    JsonNode j = r.json();
    return j.has("id") ? j.get("id").asLong() : j.path("index").asLong(-1);
  }

  String login(String username) {
    return send("POST", "/api/session", null, "{\"username\":\"" + username + "\",\"password\":\"" + Demo.PASSWORD + "\"}")
        .json().get("token").asText();
  }

  @Override
  public void close() {
    app.stop();
    node.close();
  }
}
