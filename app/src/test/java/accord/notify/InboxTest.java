package accord.notify;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The inbox: who is told what, in which language, read marks, and that a rebuild keeps them. */
class InboxTest {
  @TempDir Path dir;
  final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theReportingPartyIsToldOfAnotherAccountInItsOwnLanguage(Engines engine) throws Exception {
    try (TestServer s = new TestServer(engine, dir, false)) {
      String pk = s.login("pk.liaison");
      String af = s.login("af.liaison");
      String mediator = s.login("mediator");
      long incident = Fixture.report(s, pk);
      assertThat(inbox(s, pk).get("notices")).as("a party is not told of its own report").isEmpty();
      long account = Fixture.account(s, af, incident);

      JsonNode mine = inbox(s, pk);
      assertThat(mine.get("unread").asLong()).isEqualTo(1);
      JsonNode n = mine.get("notices").get(0);
      assertThat(n.get("key").asText()).isEqualTo("incident.notice.account");
      assertThat(n.get("index").asLong()).isEqualTo(account);
      assertThat(n.get("party").asText()).isEqualTo("PK");
      assertThat(n.get("read").asBoolean()).isFalse();
      assertThat(n.get("link").asText()).isEqualTo("/accords/" + Fixture.DOHA + "/incidents/" + incident);
      assertThat(n.get("message").asText()).isEqualTo("AF filed its account of incident " + incident + ", which you reported.");
      assertThat(inbox(s, af).get("notices")).as("Afghanistan never sees Pakistan's notices").isEmpty();

      // The page, signed in as Pakistan's officer: in Urdu, right to left, then in English.
      String session = s.users.startSession(s.users.find("pk.liaison").orElseThrow(), "web");
      String urdu = page(s, session, "/inbox?lang=ur");
      assertThat(urdu).contains("dir=\"rtl\"")
          .contains("AF نے واقعہ " + incident + " کے بارے میں اپنا بیان درج کیا، جس کی اطلاع آپ نے دی تھی۔")
          .contains("href=\"/accords/" + Fixture.DOHA + "/incidents/" + incident + "\"")
          .contains("id=\"nav-inbox\"");
      assertThat(badge(urdu)).as("the unread badge").isNotNull();
      String english = page(s, session, "/inbox?lang=en");
      assertThat(english).contains("dir=\"ltr\"").contains("AF filed its account of incident " + incident + ", which you reported.")
          .contains("data-read=\"false\"");
      assertThat(badge(english)).isEqualTo("1");
      String afSession = s.users.startSession(s.users.find("af.liaison").orElseThrow(), "web");
      String afPage = page(s, afSession, "/inbox?lang=en");
      assertThat(afPage).doesNotContain("filed its account").contains("No notices yet.");
      assertThat(badge(afPage)).isNull();

      // Mark it read with the page's own form.
      var marked = form(s, session, "/inbox/read", csrf(english), "accord", Fixture.DOHA, "index", String.valueOf(account),
          "party", "PK");
      assertThat(marked.statusCode()).isEqualTo(303);
      assertThat(marked.headers().firstValue("Location")).contains("/inbox");
      String after = page(s, session, "/inbox?lang=en");
      assertThat(after).contains("data-read=\"true\"").doesNotContain("data-read=\"false\"");
      assertThat(badge(after)).isNull();
      assertThat(form(s, session, "/inbox/read", "not-the-token", "accord", Fixture.DOHA, "index", "0", "party", "PK")
          .statusCode()).as("a form without the session's CSRF token").isEqualTo(403);

      // The mediator's finding reaches both parties; the mediator sees every party's notices.
      long finding = Fixture.finding(s, mediator, incident);
      assertThat(inbox(s, af).get("notices").findValuesAsText("key")).containsExactly("incident.notice.finding");
      assertThat(inbox(s, pk).get("notices").findValuesAsText("key"))
          .containsExactly("incident.notice.finding", "incident.notice.account");
      assertThat(inbox(s, pk).get("unread").asLong()).isEqualTo(1);
      JsonNode all = inbox(s, mediator);
      assertThat(all.get("notices").findValuesAsText("party")).containsExactlyInAnyOrder("PK", "AF", "PK");
      assertThat(s.get("/api/inbox?lang=fa-AF", af).json().get("notices").get(0).get("message").asText())
          .isEqualTo("میانجی (QA) یافته‌ای دربارهٔ رویداد " + incident + " ثبت کرد.");

      // Marking through the API: another party's notice is refused, a missing one is not found.
      String afNotice = "{\"notices\": [{\"accord\": \"%s\", \"index\": %d, \"party\": \"%s\"}]}";
      assertThat(s.postJson("/api/inbox/read", af, afNotice.formatted(Fixture.DOHA, account, "PK")).status()).isEqualTo(403);
      assertThat(s.postJson("/api/inbox/read", af, afNotice.formatted(Fixture.DOHA, 999, "AF")).status()).isEqualTo(404);
      var bad = s.postJson("/api/inbox/read", af, "{\"notices\": [{\"accord\": \"x\"}]}");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().get("error").asText()).contains("notices[0]");
      assertThat(s.get("/api/inbox?limit=0", af).status()).isEqualTo(400);
      assertThat(s.get("/api/inbox?after=yesterday", af).json().get("error").asText()).contains("after");
      var read = s.postJson("/api/inbox/read", af, afNotice.formatted(Fixture.DOHA, finding, "AF"));
      assertThat(read.json().get("marked").asInt()).isEqualTo(1);
      assertThat(read.json().get("unread").asLong()).isZero();
      assertThat(s.postJson("/api/inbox/read", mediator, "{\"all\": true}").json().get("marked").asInt()).isEqualTo(3);
      assertThat(inbox(s, mediator).get("unread").asLong()).isZero();
      assertThat(inbox(s, pk).get("unread").asLong()).as("read marks are per user").isEqualTo(1);

      // Read marks are node-local: a rebuild recreates the notices, keeps the marks, and gives the same digest.
      String digest = s.node.digest();
      assertThat(s.node.rebuild().digest()).isEqualTo(digest);
      assertThat(inbox(s, pk).get("notices")).hasSize(2);
      assertThat(inbox(s, pk).get("unread").asLong()).isEqualTo(1);
      assertThat(inbox(s, af).get("unread").asLong()).isZero();
      assertThat(s.get("/api/inbox?after=2100-01-01T00:00:00Z", pk).json().get("notices")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void thePageShowsFiftyNoticesAtATimeNewestFirst(Engines engine) throws Exception {
    try (TestServer s = new TestServer(engine, dir, false)) {
      String pk = s.login("pk.liaison");
      String mediator = s.login("mediator");
      long incident = Fixture.report(s, pk);
      long last = 0;
      for (int i = 0; i < InboxPages.PAGE + 1; i++) {
        last = Fixture.finding(s, mediator, incident);
      }
      String session = s.users.startSession(s.users.find("pk.liaison").orElseThrow(), "web");
      String first = page(s, session, "/inbox?lang=en");
      assertThat(count(first, "data-read=")).isEqualTo(InboxPages.PAGE);
      assertThat(first).contains("id=\"inbox-older\"").doesNotContain("id=\"inbox-newer\"")
          .contains("name=\"index\" value=\"" + last + "\"");
      String second = page(s, session, "/inbox?lang=en&offset=" + InboxPages.PAGE);
      assertThat(count(second, "data-read=")).as("the oldest notice alone on the second page").isEqualTo(1);
      assertThat(second).contains("id=\"inbox-newer\"").doesNotContain("id=\"inbox-older\"")
          .doesNotContain("name=\"index\" value=\"" + last + "\"");
      var bad = browser.send(HttpRequest.newBuilder(URI.create(s.base + "/inbox?offset=-3"))
          .header("Cookie", Fixture.SESSION_COOKIE + "=" + session).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(400);
    }
  }

  private static int count(String text, String what) {
    return text.split(Pattern.quote(what), -1).length - 1;
  }

  static JsonNode inbox(TestServer s, String token) {
    var r = s.get("/api/inbox?lang=en", token);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json();
  }

  String page(TestServer s, String session, String path) throws Exception {
    var r = browser.send(HttpRequest.newBuilder(URI.create(s.base + path))
        .header("Cookie", Fixture.SESSION_COOKIE + "=" + session).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  HttpResponse<String> form(TestServer s, String session, String path, String csrf, String... pairs) throws Exception {
    StringBuilder b = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    for (int i = 0; i < pairs.length; i += 2) {
      b.append('&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return browser.send(HttpRequest.newBuilder(URI.create(s.base + path))
        .header("Cookie", Fixture.SESSION_COOKIE + "=" + session)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as("a form in the page").isTrue();
    return m.group(1);
  }

  /** The unread count in the navbar's inbox link, or null when it shows none. */
  static String badge(String html) {
    Matcher m = Pattern.compile("id=\"nav-inbox\">[^<]*<span class=\"badge[^>]*>([^<]+)</span>").matcher(html);
    return m.find() ? m.group(1) : null;
  }
}
