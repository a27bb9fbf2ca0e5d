package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.node.Demo;
import accord.user.SignInThrottle;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session cookie: a browser never keeps a session someone else chose or saw before sign-in,
 * the cookie is out of scripts' reach and not sent on cross-site posts, and password guessing
 * through the form is throttled.
 */
class SessionFixationTest {
  @TempDir Path dir;
  TestServer s;
  Http http;

  @BeforeEach
  void start() {
    s = new TestServer(Engines.SQLITE, dir);
    http = new Http(s);
  }

  @AfterEach
  void stop() {
    s.close();
  }

  String signIn(String username, String plantedSession) {
    Http.Res r = http.signIn(username, Demo.PASSWORD, plantedSession);
    assertThat(r.status()).as(r.toString()).isEqualTo(302);
    return r.cookie(Access.SESSION_COOKIE).orElseThrow(() -> new AssertionError("no session cookie: " + r));
  }

  /** Whose session this cookie value is, as the API sees it; null when it is no session. */
  String who(String session) {
    Http.Res r = http.get("/api/accords").cookie(Access.SESSION_COOKIE, session).send();
    if (r.status() == 401) {
      return null;
    }
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    String page = http.get("/").cookie(Access.SESSION_COOKIE, session).send().text();
    return page.contains("Pakistan liaison officer") ? "pk.liaison" : page.contains("Afghanistan liaison officer") ? "af.liaison" : "?";
  }

  @Test
  void aCookieValueChosenBeforeSignInIsReplaced() {
    String planted = "chosen-by-someone-else-0123456789abcdef";
    String session = signIn("pk.liaison", planted);
    assertThat(session).isNotEqualTo(planted);
    assertThat(who(session)).isEqualTo("pk.liaison");
    assertThat(who(planted)).isNull();
  }

  @Test
  void aLiveSessionPlantedBeforeSignInIsEndedNotAdopted() {
    // An attacker signs in, plants their own live session cookie in the victim's browser, and
    // waits for the victim to sign in on top of it.
    String attackers = signIn("pk.liaison", null);
    assertThat(who(attackers)).isEqualTo("pk.liaison");
    String victims = signIn("af.liaison", attackers);
    assertThat(victims).isNotEqualTo(attackers);
    assertThat(who(victims)).isEqualTo("af.liaison");
    assertThat(who(attackers)).as("the planted session no longer authenticates").isNull();
  }

  @Test
  void signingInAgainRetiresTheOldSession() {
    String first = signIn("pk.liaison", null);
    String second = signIn("pk.liaison", first);
    assertThat(second).isNotEqualTo(first);
    assertThat(who(second)).isEqualTo("pk.liaison");
    assertThat(who(first)).isNull();
    assertThat(http.get("/accords/kabul-2025").cookie(Access.SESSION_COOKIE, first).send().location()).isEqualTo("/login");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() {
    Http.Res r = http.signIn("pk.liaison", Demo.PASSWORD, null);
    String cookie = r.setCookie(Access.SESSION_COOKIE).orElseThrow();
    assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax").contains("; Path=/");
    // The anonymous double-submit cookie is script-proof too, and dropped once signed in.
    assertThat(http.get("/login").send().setCookie(Web.CSRF_COOKIE).orElseThrow())
        .containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
    assertThat(r.cookie(Web.CSRF_COOKIE)).hasValue("");
  }

  @Test
  void theFormThrottlesRepeatedWrongPasswords() {
    for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
      Http.Res wrong = http.signIn("mediator", "wrong-password-" + i, null);
      assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
      assertThat(wrong.cookie(Access.SESSION_COOKIE)).isEmpty();
    }
    Http.Res right = http.signIn("mediator", Demo.PASSWORD, null);
    assertThat(right.status()).as(right.toString()).isEqualTo(429);
    assertThat(right.cookie(Access.SESSION_COOKIE)).isEmpty();
    assertThat(right.text()).contains("name=\"password\""); // the form again, with the reason
    // Only that username is held back.
    assertThat(http.signIn("secretariat", Demo.PASSWORD, null).status()).isEqualTo(302);
  }
}
