package accord.casework;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.web.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages without a browser: forms answer bad input on the page, naming the field; lists and queues follow the clocks. */
class CasePagesTest {
  @TempDir Path dir;

  static byte[] form(String... pairs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.append(b.length() == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void formsAnswerOnThePageAndListsFollowTheClocks() {
    try (CaseServer s = new CaseServer(Engines.SQLITE, dir)) {
      String pk = s.tokens.get("pk.liaison");
      TestServer.Res missing = s.send("POST", "/accords/kabul-2025/cases", pk, "application/x-www-form-urlencoded",
          form("notified_party", "AF", "allegation", "An attack on the Bajaur post."));
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.text()).contains("body.request must be a non-empty string", "id=\"new-case\"");

      TestServer.Res filed = s.send("POST", "/accords/kabul-2025/cases", pk, "application/x-www-form-urlencoded",
          form("notified_party", "AF", "allegation", "An attack on the Bajaur post.", "request", "Arrest them.",
              "groups", "TTP, ISKP", "provisions", "P1", "lang", "en"));
      assertThat(filed.status()).isEqualTo(303);
      String location = filed.raw().headers().firstValue("Location").orElseThrow();
      long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
      assertThat(s.kase("kabul-2025", id).get("provisions").get(0).asText()).isEqualTo("P1");

      TestServer.Res wrongParty = s.send("POST", location + "/acknowledge", pk, "application/x-www-form-urlencoded",
          form("text", "We acknowledge our own case?"));
      assertThat(wrongParty.status()).isEqualTo(403);
      assertThat(wrongParty.text()).contains("is for the notified party (AF)", "id=\"case-state\"");
      TestServer.Res page = s.get("af.liaison", location);
      assertThat(page.text()).contains("id=\"move-acknowledge\"", "id=\"move-reject\"").doesNotContain("id=\"move-verify\"");
      assertThat(s.get("pk.liaison", location).text()).contains("id=\"move-inform\"", "id=\"move-escalate\"").doesNotContain("id=\"move-acknowledge\"");
      assertThat(s.get("secretariat", location).text()).contains("id=\"move-escalate\"", "name=\"requested_by\"").doesNotContain("id=\"move-inform\"");
      assertThat(s.get("observer", location).text()).doesNotContain("id=\"move-");

      assertThat(s.get("pk.liaison", "/accords/kabul-2025/cases?show=overdue").text()).doesNotContain("data-case=\"" + id + "\"");
      s.advance(Duration.ofHours(25));
      assertThat(s.get("pk.liaison", "/accords/kabul-2025/cases?show=overdue").text()).contains("data-case=\"" + id + "\"");
      String queues = s.get("secretariat", "/accords/kabul-2025/cases/queues").text();
      String wg = queues.substring(queues.indexOf("data-level=\"working_group_security\""), queues.indexOf("data-level=\"joint_coordination_committee\""));
      assertThat(wg).as("raised one rung by the overdue acknowledgement").contains("data-case=\"" + id + "\"");
      assertThat(s.get("pk.liaison", "/accords/kabul-2025/cases?party=QA").status()).isEqualTo(400);
      assertThat(s.get("pk.liaison", "/accords/kabul-2025/accountability?from=yesterday").status()).isEqualTo(400);
      assertThat(s.get("pk.liaison", "/accords/kabul-2025/cases/999999").status()).isEqualTo(404);
    }
  }
}
