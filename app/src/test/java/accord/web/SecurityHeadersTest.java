package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages may not run inline scripts nor be framed by another site, whatever the answer. */
class SecurityHeadersTest {
  @TempDir Path dir;

  /** The directives of a Content-Security-Policy header, by name. */
  static Map<String, String> directives(String csp) {
    Map<String, String> d = new LinkedHashMap<>();
    for (String part : csp.split(";")) {
      String p = part.trim();
      if (!p.isEmpty()) {
        String[] nv = p.split("\\s+", 2);
        d.put(nv[0].toLowerCase(), nv.length > 1 ? nv[1] : "");
      }
    }
    return d;
  }

  static void assertLockedDown(Http.Res r) {
    String csp = r.header("Content-Security-Policy").orElseThrow(() -> new AssertionError("no CSP: " + r));
    Map<String, String> d = directives(csp);
    // Scripts fall back to default-src when script-src is absent.
    String scripts = d.getOrDefault("script-src-elem", d.getOrDefault("script-src", d.get("default-src")));
    assertThat(scripts).as("script sources in " + csp).isNotNull().doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'").doesNotContain("*");
    assertThat(d.getOrDefault("script-src-attr", scripts)).doesNotContain("'unsafe-inline'");
    boolean noFraming = "'none'".equals(d.get("frame-ancestors")) || "DENY".equalsIgnoreCase(r.header("X-Frame-Options").orElse(""));
    assertThat(noFraming).as("framing forbidden: " + r.raw().headers().map()).isTrue();
    assertThat(r.header("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void everyKindOfAnswerCarriesTheHeaders() {
    try (TestServer s = new TestServer(Engines.SQLITE, dir)) {
      Http http = new Http(s);
      String session = s.users.startSession(s.users.find("pk.liaison").orElseThrow(), "web");
      Http.Res home = http.get("/accords/kabul-2025").cookie(Access.SESSION_COOKIE, session).send();
      assertThat(home.status()).isEqualTo(200);
      assertLockedDown(home);
      assertLockedDown(http.get("/login").send());
      assertLockedDown(http.get("/accords/kabul-2025").send()); // redirect to sign in
      assertLockedDown(http.get("/api/accords").send()); // 401
      assertLockedDown(http.post("/logout").cookie(Access.SESSION_COOKIE, session).send()); // 403, no token
      assertLockedDown(http.get("/no/such/page").send()); // 404

      // The policy would break inline scripts, so the pages must have none.
      for (String page : new String[] {home.text(), http.get("/login").send().text()}) {
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(page);
        while (scripts.find()) {
          assertThat(scripts.group(1)).as("script tag without src").contains("src=");
        }
        assertThat(page).as("inline event handlers").doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
      }
    }
  }
}
