package accord.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import accord.Engines;
import accord.node.Demo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Importing from the browser, in a real Chromium: the form uploads a file, the job's page polls
 * its progress with htmx until the summary and the bad rows by line appear; a row resembling an
 * incident already reported waits on the review page, and merging it there takes one click.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportBrowserTest {
  @TempDir static Path dir;
  TestServer server;
  Chromium.Session session;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeAll
  void start() throws IOException {
    if (!Chromium.installed()) {
      return;
    }
    server = new TestServer(Engines.SQLITE, dir.resolve("node"));
    session = Chromium.start(dir, Duration.ofSeconds(30));
    browser = session.browser();
    wait = session.waiter();
  }

  @AfterAll
  void stop() {
    if (session != null) {
      session.close();
    }
    if (server != null) {
      server.close();
    }
  }

  List<String> consoleErrors() {
    return Chromium.consoleErrors(browser);
  }

  @Test
  void uploadWatchTheProgressThenReviewALookAlike() throws Exception {
    assumeTrue(Chromium.installed(), "browser tests skipped: they need /usr/bin/chromium and /usr/bin/chromedriver");
    String pk = server.login("pk.liaison");
    var reported = server.postJson("/api/accords/kabul-2025/incidents", pk, """
        {"date": "2015-03-01", "place": {"country": "Afghanistan", "lat": 29.9, "lon": 63.1},
         "event_type": "battles", "sub_event_type": "armed_clash",
         "actors": [{"name": "Taliban", "role": "perpetrator"}], "text": "A clash in Nimroz."}
        """);
    assertThat(reported.status()).as(reported.text()).isEqualTo(201);
    // UCDP's extract: 400 good rows, one bad date, and a row like the incident above.
    StringBuilder csv = new StringBuilder("id,year,source_article,source_date,side_a,side_b,adm_2,date_start,date_end,deaths_a,deaths_b,longitude,latitude\n");
    csv.append("990000,2015,AFP,2015-03-01,Government of Afghanistan,Taleban,,2015-03-01,2015-03-01,1,1,63.1,29.9\n");
    csv.append("990001,2015,AFP,2015-03-01,Government of Afghanistan,Taleban,,2015-02-30,2015-02-30,1,1,63.1,29.9\n");
    for (int i = 2; i < 402; i++) {
      csv.append(9900000 + i).append(",2016,AFP,2016-01-01,Government of Afghanistan,Taleban,,2016-01-")
          .append(String.format("%02d", 1 + i % 28)).append(",,1,1,").append(62 + i % 7 * 0.3).append(",").append(31 + i % 5 * 0.3).append('\n');
    }
    Path file = Files.writeString(dir.resolve("ucdp-extract.csv"), csv, StandardCharsets.UTF_8);

    browser.get(server.base + "/login");
    browser.findElement(By.id("username")).sendKeys("secretariat");
    browser.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(server.base + "/"));

    browser.get(server.base + "/accords/kabul-2025/incidents/import?lang=fa-AF");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    browser.findElement(By.id("import-file")).sendKeys(file.toString());
    browser.findElement(By.id("source-ucdp")).click();
    browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/incidents/import/"));
    // The page polls until the job is done; the finished fragment replaces the polling one.
    wait.until(d -> !d.findElements(By.cssSelector("#import-status[data-state]")).isEmpty());
    assertThat(browser.findElement(By.id("import-status")).getAttribute("data-state")).isEqualTo("done");
    assertThat(browser.findElements(By.cssSelector("#import-status[hx-get]"))).isEmpty();
    String summary = browser.findElement(By.cssSelector("#import-status .alert")).getText();
    assertThat(summary).contains("۴۰۰").contains("۱"); // 400 added, 1 held, 1 bad, in Dari's digits
    List<String> badLines = browser.findElements(By.cssSelector("#bad-rows tbody tr td:first-child")).stream().map(e -> e.getText()).toList();
    assertThat(badLines).containsExactly("۳");
    assertThat(browser.findElement(By.cssSelector("#bad-rows tbody tr td:last-child")).getText()).contains("2015-02-30");
    String csvLink = browser.findElement(By.cssSelector("#import-status a[href$='bad.csv']")).getAttribute("href");
    var bad = server.get(csvLink.substring(server.base.length()), server.login("secretariat"));
    assertThat(bad.text()).startsWith("line,reason").contains("3,date_start '2015-02-30' is not a real date");
    assertThat(consoleErrors()).isEmpty();

    browser.get(server.base + "/accords/kabul-2025/incidents/duplicates?lang=en");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("ucdp:990000", "same perpetrator TALIBAN");
    browser.findElement(By.cssSelector("form[action$='/ucdp%3A990000/merge'] button")).click();
    wait.until(ExpectedConditions.urlContains("done=merged"));
    assertThat(browser.findElements(By.cssSelector("form[action$='/merge']"))).isEmpty();
    var incident = server.get("/api/accords/kabul-2025/incidents/" + reported.json().get("id").asText(), pk).json();
    assertThat(incident.get("accounts")).hasSize(2);
    assertThat(consoleErrors()).isEmpty();
  }
}
