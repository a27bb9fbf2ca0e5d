package accord.health;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.web.I18n;
import accord.web.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both parties sign one reproducible report by its digest; the page shows who signed what. */
class ReportSignTest {
  static final String KABUL = "/api/accords/kabul-2025";

  @TempDir Path dir;

  static String body(String lang, String sha) {
    return """
        {"from": "%s", "to": "%s", "lang": "%s", "sha256": "%s"}""".formatted(HealthSeed.FROM, HealthSeed.TO, lang, sha);
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void bothPartiesSignTheSameReport(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      HealthSeed.incidents(s);
      String pk = s.login("pk.liaison");
      String af = s.login("af.liaison");
      String pdf = KABUL + "/report.pdf?" + HealthSeed.PERIOD;
      String en = s.get(pdf + "&lang=en", pk).raw().headers().firstValue("X-Report-SHA256").orElseThrow();
      String ur = s.get(pdf + "&lang=ur", af).raw().headers().firstValue("X-Report-SHA256").orElseThrow();

      var signed = s.postJson(KABUL + "/reports", pk, body("en", en));
      assertThat(signed.status()).as(signed.text()).isEqualTo(201);
      assertThat(signed.json().get("sha256").asText()).isEqualTo(en);
      assertThat(s.postJson(KABUL + "/reports", pk, body("en", en)).status()).as("signed once").isEqualTo(409);
      assertThat(s.postJson(KABUL + "/reports", af, body("en", en)).status()).isEqualTo(201);

      // Refusals: who may sign, and what a signature must say.
      assertThat(s.postJson(KABUL + "/reports", s.login("secretariat"), body("en", en)).status()).isEqualTo(403);
      assertThat(s.postJson(KABUL + "/reports", s.login("mediator"), body("en", en)).status()).isEqualTo(403);
      var observer = s.postJson("/api/accords/doha-2025/entries", s.login("mediator"),
          "{\"type\": \"report.sign\", \"body\": " + body("en", en) + "}");
      assertThat(observer.status()).isEqualTo(403);
      assertThat(observer.json().get("error").asText()).contains("only the parties sign");
      var badLang = s.postJson(KABUL + "/reports", pk, body("xx", en));
      assertThat(badLang.status()).isEqualTo(400);
      assertThat(badLang.json().get("error").asText()).contains("body.lang");
      var badSha = s.postJson(KABUL + "/reports", pk, body("ur", "ABC"));
      assertThat(badSha.status()).isEqualTo(400);
      assertThat(badSha.json().get("error").asText()).contains("body.sha256");
      var badDate = s.postJson(KABUL + "/reports", pk, "{\"from\": \"2026-13-01\", \"to\": \"2026-10-31\", \"lang\": \"en\", \"sha256\": \"" + en + "\"}");
      assertThat(badDate.json().get("error").asText()).contains("body.from");
      assertThat(s.postJson(KABUL + "/reports", pk, "[1]").status()).isEqualTo(400);
      assertThat(s.postJson("/api/accords/nowhere/reports", pk, body("en", en)).status()).isEqualTo(404);

      // A new incident in the period changes the figures: the Urdu report read before is stale.
      HealthSeed.report(s, pk, "2026-09-09", "\"country\": \"Pakistan\", \"location\": \"Tirah\"", 5L);
      var stale = s.postJson(KABUL + "/reports", af, body("ur", ur));
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.json().get("error").asText()).contains("now has SHA-256");

      // The page's form signs the report as it stands and goes back to the page.
      var form = s.send("POST", KABUL + "/reports", af, "application/x-www-form-urlencoded",
          ("from=" + HealthSeed.FROM + "&to=" + HealthSeed.TO + "&lang=ps").getBytes(StandardCharsets.UTF_8));
      assertThat(form.status()).as(form.text()).isEqualTo(303);
      assertThat(form.raw().headers().firstValue("Location").orElse("")).startsWith("/accords/kabul-2025/health?from=2026-05-01");

      String page = s.get("/accords/kabul-2025/health?" + HealthSeed.PERIOD + "&lang=en", pk).text();
      assertThat(page).contains(en.substring(0, 16)).contains(I18n.messages("en").t("health.bothsigned"));
      assertThat(page).contains("Sign this report for Pakistan");
      String other = s.get("/accords/kabul-2025/health?from=2026-05-01&to=2026-09-30", pk).text();
      assertThat(other).contains(I18n.messages("en").t("health.unsigned")).doesNotContain(en.substring(0, 16));

      String digest = s.node.digest();
      assertThat(s.node.rebuild().digest()).isEqualTo(digest);
      long rows = s.node.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM report_signature").mapTo(Long.class).one());
      assertThat(rows).isEqualTo(3);
    }
  }
}
