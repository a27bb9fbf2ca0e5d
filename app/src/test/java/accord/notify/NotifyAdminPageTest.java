package accord.notify;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.web.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The administrator's page: add and remove subscriptions, see the outbox, retry a failed delivery. */
class NotifyAdminPageTest {
  @TempDir Path dir;
  final InboxTest pages = new InboxTest();
  final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @ParameterizedTest
  @EnumSource(Engines.class)
  void subscriptionsAndTheOutboxAreManagedFromThePage(Engines engine) throws Exception {
    try (TestServer s = new TestServer(engine, dir)) {
      String admin = s.users.startSession(s.users.find("admin").orElseThrow(), "web");
      String pkSession = s.users.startSession(s.users.find("pk.liaison").orElseThrow(), "web");
      String page = pages.page(s, admin, "/admin/notify?lang=ps");
      assertThat(page).contains("dir=\"rtl\"").contains("<h1 class=\"h3 mb-3\">خبرتیاوې</h1>")
          .contains("تر اوسه هېڅ ګډون نشته.").contains("href=\"/admin/notify\"");
      assertThat(get(s, pkSession, "/admin/notify").statusCode()).as("a party officer").isEqualTo(403);
      assertThat(get(s, null, "/admin/notify").headers().firstValue("Location")).contains("/login");

      String csrf = InboxTest.csrf(page);
      var bad = pages.form(s, admin, "/admin/notify/subscriptions", csrf, "accord", Fixture.DOHA, "party", "AF",
          "kind", "webhook", "target", "not a url");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("alert-danger").contains("http:// or https://");
      // Port 9 (discard) on loopback: nothing listens there, so every attempt is refused.
      var added = pages.form(s, admin, "/admin/notify/subscriptions", csrf, "accord", Fixture.DOHA, "party", "AF",
          "kind", "webhook", "target", "http://127.0.0.1:9/hook");
      assertThat(added.statusCode()).isEqualTo(201);
      Matcher secret = Pattern.compile("id=\"webhook-secret\">([0-9a-f]{64})<").matcher(added.body());
      assertThat(secret.find()).as("the secret is shown once").isTrue();
      String listed = pages.page(s, admin, "/admin/notify?lang=en");
      assertThat(listed).contains("http://127.0.0.1:9/hook").doesNotContain(secret.group(1));

      // A notice for Afghanistan, a delivery that cannot succeed, given up after one attempt.
      long incident = Fixture.report(s, s.login("af.liaison"));
      Fixture.account(s, s.login("pk.liaison"), incident);
      var settings = new Deliverer.Settings(null, null, Duration.ofSeconds(2),
          new OutboxRules.Policy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)), Duration.ofSeconds(1), true);
      new Deliverer(s.node.db().jdbi(), s.node.clock(), settings).deliverDue();
      String failed = pages.page(s, admin, "/admin/notify?status=failed&lang=en");
      assertThat(failed).contains("data-status=\"failed\"").contains("PK filed its account of incident " + incident)
          .contains("ConnectException").contains("action=\"/admin/notify/retry\"");
      Matcher row = Pattern.compile("name=\"id\" value=\"(d[0-9a-f]+)\"").matcher(failed);
      assertThat(row.find()).isTrue();
      var retry = pages.form(s, admin, "/admin/notify/retry", csrf, "id", row.group(1));
      assertThat(retry.statusCode()).isEqualTo(303);
      assertThat(pages.page(s, admin, "/admin/notify?status=pending&lang=en")).contains("data-status=\"pending\"");
      assertThat(pages.page(s, admin, "/admin/notify?status=failed&lang=en")).doesNotContain("data-status=");

      Matcher sub = Pattern.compile("action=\"/admin/notify/remove\">\\s*<input[^>]*>\\s*<input type=\"hidden\" name=\"id\" value=\"([^\"]+)\"")
          .matcher(listed);
      assertThat(sub.find()).isTrue();
      assertThat(pages.form(s, admin, "/admin/notify/remove", csrf, "id", sub.group(1)).statusCode()).isEqualTo(303);
      assertThat(pages.page(s, admin, "/admin/notify?lang=en")).contains("No subscriptions yet.")
          .as("deliveries waiting for a removed subscription go with it").doesNotContain("data-status=\"pending\"");
      assertThat(pages.form(s, pkSession, "/admin/notify/remove", InboxTest.csrf(pages.page(s, pkSession, "/inbox")), "id", "x")
          .statusCode()).isEqualTo(403);
    }
  }

  HttpResponse<String> get(TestServer s, String session, String path) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(s.base + path));
    if (session != null) {
      b.header("Cookie", Fixture.SESSION_COOKIE + "=" + session);
    }
    return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
