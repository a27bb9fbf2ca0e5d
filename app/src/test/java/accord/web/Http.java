package accord.web;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bare HTTP client for the web tests: never follows redirects and keeps no cookies of its own,
 * so every test says exactly which cookies and headers a request carries.
 */
final class Http {
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  Http(TestServer server) {
    this.base = server.base;
  }

  /** A request under construction. */
  final class Req {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private byte[] body;

    Req(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Req header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Req cookie(String name, String value) {
      cookies.put(name, value);
      return this;
    }

    Req bearer(String token) {
      return header("Authorization", "Bearer " + token);
    }

    Req body(String contentType, String text) {
      headers.put("Content-Type", contentType);
      body = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    Req json(String text) {
      return body("application/json", text);
    }

    /** A form body; values must be URL-safe already (the tests use plain ASCII names and tokens). */
    Req form(String... pairs) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < pairs.length; i += 2) {
        b.append(b.length() == 0 ? "" : "&").append(pairs[i]).append('=')
            .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
      }
      return body("application/x-www-form-urlencoded", b.toString());
    }

    Res send() {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
      headers.forEach(b::header);
      if (!cookies.isEmpty()) {
        b.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
      }
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      try {
        return new Res(client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The hidden {@code _csrf} field of the first form in a page. */
  static String csrfField(String html) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no _csrf field in the page");
    }
    return m.group(1);
  }

  /**
   * Signs in through the form as a browser does: fetches /login (carrying {@code session}, the
   * session cookie the browser already has, or null) for the form's CSRF token and cookie, then
   * posts the form with the same cookies. Returns the answer to the post.
   */
  Res signIn(String username, String password, String session) {
    Req page = get("/login");
    if (session != null) {
      page.cookie(Access.SESSION_COOKIE, session);
    }
    Res form = page.send();
    Req post = post("/login").form("_csrf", csrfField(form.text()), "username", username, "password", password);
    if (session != null) {
      post.cookie(Access.SESSION_COOKIE, session);
    }
    form.cookie(Web.CSRF_COOKIE).ifPresent(c -> post.cookie(Web.CSRF_COOKIE, c));
    return post.send();
  }

  Req get(String path) {
    return new Req("GET", path);
  }

  Req post(String path) {
    return new Req("POST", path);
  }

  Req request(String method, String path) {
    return new Req(method, path);
  }

  /** A response, with its Set-Cookie headers at hand. */
  record Res(HttpResponse<String> raw) {
    int status() {
      return raw.statusCode();
    }

    String text() {
      return raw.body();
    }

    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    String location() {
      return header("Location").orElse("");
    }

    /** The raw Set-Cookie header for {@code name}, if the response set it. */
    Optional<String> setCookie(String name) {
      return raw.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith(name + "="))
          .findFirst();
    }

    /** The value the response gave the cookie {@code name} (empty when it was removed). */
    Optional<String> cookie(String name) {
      return setCookie(name).map(c -> HttpCookie.parse("Set-Cookie: " + c).get(0).getValue());
    }

    @Override
    public String toString() {
      return raw.request().method() + " " + raw.uri().getPath() + " -> " + status() + " " + location()
          + " " + (text().length() > 300 ? text().substring(0, 300) + "…" : text());
    }
  }
}
