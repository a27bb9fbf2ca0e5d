package accord.health;

import accord.web.Chromium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import accord.Engines;
import accord.node.Demo;
import accord.web.I18n;
import accord.web.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
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
 * The health page in Debian's Chromium (headless, kept off the network): the charts draw, the page
 * reads right to left in Urdu, a party signs the report from the page; screenshots of the page in
 * English and Urdu go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthBrowserTest {

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
    HealthSeed.incidents(server);
    session = Chromium.start(dir, Duration.ofSeconds(15));
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
  void theHealthPageDrawsItsChartsInEnglishAndUrduAndAPartySignsTheReport() throws IOException {
    assumeTrue(Chromium.installed(),
        "browser tests skipped: they need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    Files.createDirectories(Chromium.SCREENSHOTS);
    browser.get(server.base + "/login");
    browser.findElement(By.id("username")).sendKeys("pk.liaison");
    browser.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(server.base + "/"));

    // From the accord's home page, through its link.
    browser.get(server.base + "/accords/kabul-2025?lang=en");
    browser.findElement(By.cssSelector("a[href='/accords/kabul-2025/health']")).click();
    wait.until(d -> d.findElement(By.id("health-chart-incidents")).getAttribute("data-rendered") != null);
    browser.get(server.base + "/accords/kabul-2025/health?" + HealthSeed.PERIOD + "&lang=en");
    for (String lang : List.of("en", "ur")) {
      browser.get(server.base + "/accords/kabul-2025/health?" + HealthSeed.PERIOD + "&lang=" + lang);
      wait.until(d -> "yes".equals(d.findElement(By.id("health-chart-incidents")).getAttribute("data-rendered")));
      assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo(lang.equals("en") ? "ltr" : "rtl");
      // ECharts drew bars and lines as SVG.
      assertThat(browser.findElements(By.cssSelector("#health-chart-incidents svg path"))).as(lang).hasSizeGreaterThan(10);
      wait.until(d -> "yes".equals(d.findElement(By.id("health-chart-deaths")).getAttribute("data-rendered")));
      assertThat(browser.findElement(By.id("health-incident-total")).getText()).isEqualTo("7");
      assertThat(browser.findElement(By.id("health-fatality-total")).getText()).isEqualTo("20");
      String body = browser.findElement(By.tagName("body")).getText();
      assertThat(Chromium.UNTRANSLATED.matcher(body).results().map(MatchResult::group).toList()).as(lang).isEmpty();
      assertThat(browser.findElement(By.id("health-summary")).getText()).startsWith(
          I18n.messages(lang).t("health.summary.incidents", Calendars.date(java.time.LocalDate.parse(HealthSeed.FROM), lang),
              Calendars.date(java.time.LocalDate.parse(HealthSeed.TO), lang), 7, "").substring(0, 20));
      assertThat(consoleErrors()).as(lang).isEmpty();
      screenshot("health-" + lang + ".png");
    }

    // Print: no navigation, no forms; the charts stay.
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    assertThat(browser.findElement(By.tagName("nav")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.cssSelector("form.health-period")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("health-chart-incidents")).isDisplayed()).isTrue();
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    // Pakistan signs the Urdu report from the page; the page then lists the signature.
    var sign = browser.findElement(By.cssSelector("form.health-sign button"));
    sign.sendKeys(org.openqa.selenium.Keys.ENTER); // from the keyboard: the full-page captures leave the pointer's viewport stretched
    wait.until(d -> !d.findElements(By.id("health-signed")).isEmpty());
    assertThat(browser.findElement(By.id("health-signed")).getText()).contains("پاکستان");
    assertThat(consoleErrors()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  void screenshot(String name) throws IOException {
    List<Number> size = (List<Number>) browser.executeScript(
        "return [window.innerWidth, document.documentElement.scrollHeight]");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
        "width", size.get(0).doubleValue(), "height", Math.min(size.get(1).doubleValue(), 6000));
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.write(Chromium.SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
  }
}
