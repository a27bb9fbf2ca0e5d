package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.node.Demo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-site request forgery: whatever a browser can be made to send from another site (forms,
 * text/plain posts, anything riding on the session cookie) needs the token only this site's pages
 * carry; bearer-token calls and anonymous API calls carry no ambient credential and need none.
 */
class CsrfTest {
  static final String ENTRIES = "/api/accords/kabul-2025/entries";
  static final String STATEMENT = "{\"type\":\"accord.statement\",\"body\":{\"text\":\"on the record\"}}";
  static final String REFUSED = "did not come from this site";

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

  /** A browser's sign-in: the session cookie and the token its pages' forms carry. */
  record Browser(String session, String csrf) {}

  Browser signIn(String username) {
    Http.Res r = http.signIn(username, Demo.PASSWORD, null);
    assertThat(r.status()).as(r.toString()).isEqualTo(302);
    String session = r.cookie(Access.SESSION_COOKIE).orElseThrow();
    String page = http.get("/accords/kabul-2025").cookie(Access.SESSION_COOKIE, session).send().text();
    return new Browser(session, Http.csrfField(page));
  }

  boolean signedIn(String session) {
    return http.get("/api/accords").cookie(Access.SESSION_COOKIE, session).send().status() == 200;
  }

  @Test
  void theSignInFormNeedsItsToken() {
    Http.Res page = http.get("/login").send();
    String cookie = page.cookie(Web.CSRF_COOKIE).orElseThrow();
    String field = Http.csrfField(page.text());
    assertThat(field).isEqualTo(cookie);

    Http.Res none = http.post("/login").cookie(Web.CSRF_COOKIE, cookie)
        .form("username", "pk.liaison", "password", Demo.PASSWORD).send();
    assertThat(none.status()).as(none.toString()).isEqualTo(403);
    assertThat(none.cookie(Access.SESSION_COOKIE)).isEmpty();

    Http.Res wrong = http.post("/login").cookie(Web.CSRF_COOKIE, cookie)
        .form("_csrf", "x" + field.substring(1), "username", "pk.liaison", "password", Demo.PASSWORD).send();
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);

    // A token without its cookie is no proof either (another site can copy a token, not a cookie).
    Http.Res noCookie = http.post("/login").form("_csrf", field, "username", "pk.liaison", "password", Demo.PASSWORD).send();
    assertThat(noCookie.status()).as(noCookie.toString()).isEqualTo(403);

    // The same form with the pair the page handed out signs in.
    Http.Res right = http.post("/login").cookie(Web.CSRF_COOKIE, cookie)
        .form("_csrf", field, "username", "pk.liaison", "password", Demo.PASSWORD).send();
    assertThat(right.status()).as(right.toString()).isEqualTo(302);
    assertThat(signedIn(right.cookie(Access.SESSION_COOKIE).orElseThrow())).isTrue();
  }

  @Test
  void aCrossSiteTextPlainPostCannotSignAVictimIn() {
    // <form enctype="text/plain"> or fetch(no-cors) can send this body from any site without asking.
    Http.Res r = http.post("/login").body("text/plain", "username=pk.liaison&password=" + Demo.PASSWORD).send();
    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.cookie(Access.SESSION_COOKIE)).isEmpty();
  }

  @Test
  void signingOutNeedsTheToken() {
    Browser b = signIn("af.liaison");
    Http.Res forged = http.post("/logout").cookie(Access.SESSION_COOKIE, b.session()).form("x", "y").send();
    assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
    assertThat(signedIn(b.session())).as("still signed in after a forged sign-out").isTrue();

    Http.Res wrong = http.post("/logout").cookie(Access.SESSION_COOKIE, b.session())
        .form("_csrf", Web.derive("another session")).send();
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
    assertThat(signedIn(b.session())).isTrue();

    Http.Res out = http.post("/logout").cookie(Access.SESSION_COOKIE, b.session()).form("_csrf", b.csrf()).send();
    assertThat(out.status()).as(out.toString()).isEqualTo(302);
    assertThat(out.location()).isEqualTo("/login");
    assertThat(signedIn(b.session())).as("the session is ended on the server, not only forgotten by the browser").isFalse();
  }

  @Test
  void aCookieAuthenticatedApiPostNeedsTheTokenHeader() {
    Browser b = signIn("pk.liaison");
    Http.Res bare = http.post(ENTRIES).cookie(Access.SESSION_COOKIE, b.session()).json(STATEMENT).send();
    assertThat(bare.status()).as(bare.toString()).isEqualTo(403);
    assertThat(bare.text()).contains(REFUSED);

    Http.Res plain = http.post(ENTRIES).cookie(Access.SESSION_COOKIE, b.session()).body("text/plain", STATEMENT).send();
    assertThat(plain.status()).as(plain.toString()).isEqualTo(403);

    Http.Res wrong = http.post(ENTRIES).cookie(Access.SESSION_COOKIE, b.session())
        .header("X-CSRF-Token", Web.derive("another session")).json(STATEMENT).send();
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);

    Http.Res right = http.post(ENTRIES).cookie(Access.SESSION_COOKIE, b.session())
        .header("X-CSRF-Token", b.csrf()).json(STATEMENT).send();
    assertThat(right.status()).as(right.toString()).isEqualTo(201);
  }

  @Test
  void bearerTokenCallsNeedNoCsrfToken() {
    String token = s.login("pk.liaison");
    Http.Res r = http.post(ENTRIES).bearer(token).json(STATEMENT).send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    // A stray session cookie beside the bearer token does not make the call need one either.
    Browser b = signIn("pk.liaison");
    Http.Res both = http.post(ENTRIES).bearer(token).cookie(Access.SESSION_COOKIE, b.session()).json(STATEMENT).send();
    assertThat(both.status()).as(both.toString()).isEqualTo(201);
  }

  @Test
  void anonymousApiCallsNeedNoCsrfToken() {
    // README's `curl -d '{...}'` sends JSON labelled as a form; it carries no cookie to forge.
    Http.Res curl = http.post("/api/session")
        .body("application/x-www-form-urlencoded", "{\"username\":\"pk.liaison\",\"password\":\"" + Demo.PASSWORD + "\"}").send();
    assertThat(curl.status()).as(curl.toString()).isEqualTo(201);
    Http.Res witness = http.post("/witness/PK/add-checkpoint").body("text/plain", "old 0\n\nnot a checkpoint\n").send();
    assertThat(witness.text()).as(witness.toString()).doesNotContain(REFUSED);
  }
}
