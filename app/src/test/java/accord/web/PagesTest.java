package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.ledger.LogStore;
import accord.tlog.Hash;
import accord.tlog.ProofVerifier;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages as a browser without JavaScript sees them: sign-in, accord, entries, accounts. */
class PagesTest {
  @TempDir Path dir;

  /** A browser: keeps cookies, follows no redirects, reads the CSRF token from each form. */
  static final class Browser {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    final String base;
    String csrf = "";

    Browser(String base) {
      this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    }

    HttpResponse<String> post(String path, String... fields) throws Exception {
      StringBuilder form = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
      for (int i = 0; i < fields.length; i += 2) {
        form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
      }
      return http.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    void signIn(String user) throws Exception {
      get("/login");
      assertThat(post("/login", "username", user, "password", "accord-demo").statusCode()).isEqualTo(302);
    }
  }

  @Test
  void anEntryPageCarriesAProofThatLeadsToTheCosignedCheckpoint() throws Exception {
    try (TestServer s = new TestServer(Engines.SQLITE, dir)) {
      Browser b = new Browser(s.base);
      assertThat(b.get("/accords/kabul-2025").statusCode()).isEqualTo(302);
      b.signIn("mediator");
      var home = b.get("/accords/kabul-2025?lang=fa-AF");
      assertThat(home.body()).contains("dir=\"rtl\"", "lang=\"fa-AF\"", "Kabul understanding, April 2025");
      assertThat(b.get("/accords/kabul-2025/entries").body()).contains("/accords/kabul-2025/entries/3");

      String page = b.get("/accords/kabul-2025/entries/3?lang=en").body();
      byte[] note = Base64.getDecoder().decode(attr(page, "data-note"));
      long index = Long.parseLong(attr(page, "data-index"));
      long size = Long.parseLong(attr(page, "data-size"));
      byte[] root = Base64.getDecoder().decode(attr(page, "data-root"));
      List<byte[]> proof = Arrays.stream(attr(page, "data-proof").split(" ")).filter(x -> !x.isEmpty()).map(x -> Base64.getDecoder().decode(x)).toList();
      ProofVerifier.verifyInclusion(Hash.leaf(note), index, size, proof, root);
      byte[] stored = s.node.db().jdbi().withHandle(h -> LogStore.entries(h, DefaultInstance.KABUL, 3, 1).get(0).note());
      assertThat(note).isEqualTo(stored);
      assertThat(page).contains("Written in دری"); // the Afghan statement of the demo is in Dari
      assertThat(b.get("/accords/kabul-2025/entries/99").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void onlyTheAdministratorManagesAccounts() throws Exception {
    try (TestServer s = new TestServer(Engines.SQLITE, dir)) {
      Browser officer = new Browser(s.base);
      officer.signIn("pk.liaison");
      assertThat(officer.get("/admin/users").statusCode()).isEqualTo(403);
      assertThat(officer.post("/admin/users", "username", "intruder", "role", "admin").statusCode()).isEqualTo(403);

      Browser admin = new Browser(s.base);
      admin.signIn("admin");
      assertThat(admin.get("/admin/users").body()).contains("pk.liaison", "af.liaison", "mediator");
      var added = admin.post("/admin/users", "username", "af.lead", "name", "Afghan lead", "role", "party_lead", "party", "af");
      assertThat(added.statusCode()).isEqualTo(201);
      Matcher m = Pattern.compile("<code dir=\"ltr\">([^<]+)</code>").matcher(added.body());
      assertThat(m.find()).isTrue();
      assertThat(s.users.authenticate("af.lead", m.group(1))).hasValueSatisfying(u -> assertThat(u.party()).isEqualTo("AF"));
      assertThat(admin.post("/admin/users", "username", "Bad Name", "role", "admin").statusCode()).isEqualTo(400);
      assertThat(admin.post("/admin/users", "username", "no.party", "role", "party_officer").statusCode()).isEqualTo(400);
      assertThat(s.users.find("intruder")).isEmpty();
    }
  }

  @Test
  void aPathThatMatchesNothingIsA404PageThatKnowsWhoIsSignedIn() throws Exception {
    try (TestServer s = new TestServer(Engines.SQLITE, dir)) {
      Browser b = new Browser(s.base);
      b.signIn("secretariat");
      var r = b.get("/no/such/page?lang=ps");
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("Joint secretariat", I18n.messages("ps").t("error.status.404"), "dir=\"rtl\"");
      assertThat(b.get("/favicon.ico").statusCode()).isEqualTo(204);
      assertThat(s.get("/api/no/such/thing", null).status()).isEqualTo(404);
    }
  }

  static String attr(String html, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as(name).isTrue();
    return m.group(1);
  }
}
