package accord.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.web.I18n;
import accord.web.TestServer;
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

/** The forms over HTTP with a session cookie: a refusal shows the same page again, with the reason and what was typed. */
class EngagementPagesTest {
  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  HttpResponse<String> get(TestServer s, String session, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(s.base + path)).header("Cookie", "accord_session=" + session).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(TestServer s, String session, String path, String csrf, String... pairs) throws Exception {
    StringBuilder b = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    for (int i = 0; i < pairs.length; i += 2) {
      b.append('&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return http.send(HttpRequest.newBuilder(URI.create(s.base + path)).header("Cookie", "accord_session=" + session)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as("a form with a CSRF token").isTrue();
    return m.group(1);
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void refusedFormsComeBackWithTheReasonAndTheirValues(Engines engine) throws Exception {
    try (TestServer s = new TestServer(engine, dir)) {
      String sec = s.users.startSession(s.users.find("secretariat").orElseThrow(), "web");
      var body = get(s, sec, "/accords/kabul-2025/bodies/JCC");
      assertThat(body.statusCode()).isEqualTo(200);
      assertThat(body.body()).contains("id=\"carried-preview\"").contains(I18n.messages("en").t("engagement.cadence.monthly"));
      String token = csrf(body.body());

      var bad = post(s, sec, "/accords/kabul-2025/bodies/JCC/meetings", token, "date", "2025-02-30", "place", "Kabul",
          "agenda", "Hours at Torkham");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("id=\"error-schedule\"").contains(I18n.messages("en").t("engagement.error.400"))
          .contains("date must be a real date").contains("Hours at Torkham").contains("value=\"Kabul\"");

      var ok = post(s, sec, "/accords/kabul-2025/bodies/JCC/meetings", token, "date", "2025-08-14", "place", "Kabul", "level", "committee");
      assertThat(ok.statusCode()).isEqualTo(303);
      String meeting = ok.headers().firstValue("Location").orElseThrow();
      assertThat(meeting).matches("/accords/kabul-2025/meetings/\\d+");

      // No quorum yet: the decision comes back, refused with 409, its text kept.
      var early = post(s, sec, meeting + "/decisions", token, "text", "Open Torkham around the clock.");
      assertThat(early.statusCode()).isEqualTo(409);
      assertThat(early.body()).contains("id=\"error-decision\"").contains("no quorum").contains("Open Torkham around the clock.");

      // A form without its CSRF token is refused before anything is written.
      var forged = post(s, sec, meeting + "/minutes", "not-the-token", "text", "Forged.");
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(get(s, sec, meeting).body()).doesNotContain("Forged.");

      // The meeting page in Dari shows the date in the Solar Hijri calendar, with the Gregorian beside it.
      String dari = get(s, sec, meeting + "?lang=fa-AF").body();
      assertThat(dari).contains("dir=\"rtl\"").contains("۱۴۰۴").contains("۲۰۲۵");
    }
  }
}
