package accord.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import accord.Engines;
import accord.node.Demo;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The incident register in real Chromium, on the demo's incidents: filter the list, open the
 * incident whose two accounts disagree and see them side by side, file an account through the
 * form, and find the incidents on the map and the timeline, in English and in Urdu (right to left).
 * Screenshots go to {@code target/screenshots/incident-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentBrowserTest {
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
    session = Chromium.start(dir, Duration.ofSeconds(15));
    browser = session.browser();
    wait = session.waiter();
    Files.createDirectories(Chromium.SCREENSHOTS);
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

  @BeforeEach
  void freshBrowser() {
    assumeTrue(Chromium.installed(),
        "browser tests skipped: they need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    browser.get(server.base + "/login");
    browser.manage().deleteAllCookies();
  }

  void open(String path) {
    browser.get(server.base + path);
  }

  void signIn(String username) {
    open("/login");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(server.base + "/"));
  }

  /**
   * Console errors, less the gazetteer's boundary files: the map asks for them and draws its
   * points without them when this node has none (a 404 the browser logs).
   */
  List<String> consoleErrors() {
    return Chromium.consoleErrors(browser, "/api/gazetteer/");
  }

  void noUntranslatedKeys(String what) {
    String text = browser.findElement(By.tagName("body")).getText();
    assertThat(Chromium.UNTRANSLATED.matcher(text).results().map(MatchResult::group).toList()).as(what).isEmpty();
  }

  List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#incident-list tbody tr"));
  }

  @Test
  void filterOpenTheDisputedIncidentFileAnAccountAndSeeTheMapAndTimeline() throws IOException {
    signIn("pk.liaison");
    open("/accords/kabul-2025");
    browser.findElement(By.id("incidents-link")).click();
    wait.until(d -> !rows().isEmpty());
    int all = rows().size();
    assertThat(all).isGreaterThanOrEqualTo(5);
    screenshot("incident-list-en.png");

    // Filter by group through the form: only the incidents an account blames on the TTP remain.
    new Select(browser.findElement(By.id("f-group"))).selectByValue("TTP");
    browser.findElement(By.id("f-apply")).click();
    wait.until(ExpectedConditions.urlContains("group=TTP"));
    assertThat(rows()).hasSize(2);
    for (WebElement r : rows()) {
      assertThat(r.getText()).contains("TTP");
    }
    // A text search narrows further, to the market attack in Bajaur.
    browser.findElement(By.id("f-q")).sendKeys("nawagai");
    browser.findElement(By.id("f-apply")).click();
    wait.until(ExpectedConditions.urlContains("q=nawagai"));
    assertThat(rows()).hasSize(1);
    assertThat(browser.findElement(By.id("export-csv")).getAttribute("href")).contains("group=TTP").contains("q=nawagai");

    // The incident: Pakistan's report and Afghanistan's account side by side, each with its toll and perpetrator.
    rows().get(0).findElement(By.tagName("a")).click();
    wait.until(d -> !d.findElements(By.id("accounts")).isEmpty());
    List<WebElement> heads = browser.findElements(By.cssSelector("#accounts thead th.account-party"));
    assertThat(heads).hasSize(2);
    assertThat(heads.get(0).getText()).contains("Pakistan");
    assertThat(heads.get(1).getText()).contains("Afghanistan");
    List<WebElement> tolls = browser.findElements(By.cssSelector("#accounts td.fatalities"));
    assertThat(tolls.get(0).getText()).contains("6");
    assertThat(tolls.get(1).getText()).contains("2").doesNotContain("6");
    List<WebElement> perpetrators = browser.findElements(By.cssSelector("#accounts td.role-perpetrator"));
    assertThat(perpetrators.get(0).getText()).contains("TTP");
    assertThat(perpetrators.get(1).getText()).contains("Pakistani forces");
    WebElement dari = browser.findElement(By.cssSelector("#accounts p[lang='fa-AF']"));
    assertThat(dari.getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.findElements(By.cssSelector("#history li"))).hasSize(2);
    assertThat(consoleErrors()).isEmpty();
    screenshot("incident-disputed-en.png");
    String incidentUrl = browser.getCurrentUrl();
    open(incidentUrl.substring(server.base.length()) + "?lang=ur");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    noUntranslatedKeys("incident page in Urdu");
    screenshot("incident-disputed-ur.png");
    open(incidentUrl.substring(server.base.length()) + "?lang=en");

    // The map of the same filter: the incident is drawn, with the legend of types.
    open("/accords/kabul-2025/incidents?group=TTP");
    browser.findElement(By.id("tab-map")).click();
    WebElement map = wait.until(d -> d.findElement(By.id("incident-map")));
    waitReady(map);
    assertThat(map.getAttribute("data-aggregated")).isEqualTo("false");
    assertThat(map.getAttribute("data-features")).isEqualTo("2");
    assertThat(browser.findElements(By.cssSelector("#incident-map .incident-dot, #incident-map .incident-cluster"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector(".incident-legend")).getText()).contains("Battles");
    assertThat(consoleErrors()).isEmpty();
    screenshot("incident-map-en.png");

    // All incidents on the map in Urdu, then the timeline.
    open("/accords/kabul-2025/incidents/map?lang=ur");
    WebElement map2 = wait.until(d -> d.findElement(By.id("incident-map")));
    waitReady(map2);
    assertThat(Integer.parseInt(map2.getAttribute("data-features"))).isEqualTo(all);
    noUntranslatedKeys("map in Urdu");
    screenshot("incident-map-ur.png");
    open("/accords/kabul-2025/incidents/timeline?lang=ur");
    WebElement tl = wait.until(d -> d.findElement(By.id("incident-timeline")));
    waitReady(tl);
    assertThat(Integer.parseInt(tl.getAttribute("data-months"))).isGreaterThanOrEqualTo(6);
    assertThat(browser.findElements(By.cssSelector("#chart-incidents canvas"))).isNotEmpty();
    assertThat(consoleErrors()).isEmpty();
    screenshot("incident-timeline-ur.png");
    open("/accords/kabul-2025/incidents?lang=ur");
    noUntranslatedKeys("list in Urdu");
    screenshot("incident-list-ur.png");
    open("/accords/kabul-2025/incidents?lang=en");
  }

  @Test
  void aPartyFilesItsOwnAccountThroughTheForm() throws IOException {
    signIn("af.liaison");
    open("/accords/kabul-2025/incidents?q=" + java.net.URLEncoder.encode("Ghulam Khan", java.nio.charset.StandardCharsets.UTF_8));
    wait.until(d -> !rows().isEmpty());
    assertThat(rows()).hasSize(1);
    rows().get(0).findElement(By.tagName("a")).click();
    wait.until(d -> !d.findElements(By.id("account-form")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#accounts th.account-party"))).hasSize(1);
    // A bad range is refused with the field named, and nothing is filed.
    browser.findElement(By.id("r-flow")).sendKeys("9");
    browser.findElement(By.id("r-fbest")).sendKeys("3");
    click(browser.findElement(By.cssSelector("#account-form button[type=submit]")));
    wait.until(d -> !d.findElements(By.id("form-error")).isEmpty());
    assertThat(browser.findElement(By.id("form-error")).getText()).contains("fatalities");
    assertThat(browser.findElements(By.cssSelector("#accounts th.account-party"))).hasSize(1);
    assertThat(consoleErrors()).singleElement().asString().contains("400"); // the refused form's answer, and only that
    browser.findElement(By.id("r-flow")).clear();
    browser.findElement(By.id("r-flow")).sendKeys("1");
    new Select(browser.findElement(By.id("r-group"))).selectByValue("PK_FORCES");
    new Select(browser.findElement(By.id("r-lang"))).selectByValue("ps");
    browser.findElement(By.id("r-text")).sendKeys("پاکستاني ځواکونو پر پوله ډزې وکړې.");
    click(browser.findElement(By.cssSelector("#account-form button[type=submit]")));
    wait.until(d -> d.findElements(By.cssSelector("#accounts th.account-party")).size() == 2);
    assertThat(browser.findElements(By.cssSelector("#accounts td.role-perpetrator")).get(1).getText()).contains("Pakistani forces");
    assertThat(browser.findElement(By.cssSelector("#accounts p[lang='ps']")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(consoleErrors()).isEmpty();
    screenshot("incident-account-filed-en.png");
  }

  /** Brings an element to the middle of the window first, so nothing overlaps the click. */
  void click(WebElement e) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    try {
      e.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
      browser.executeScript("arguments[0].click()", e); // headless layouts sometimes report a phantom overlap
    }
  }

  /** Waits for a script to mark its element ready; a timeout reports what the page's console said. */
  void waitReady(WebElement e) {
    try {
      wait.until(d -> e.getAttribute("data-ready") != null);
    } catch (org.openqa.selenium.TimeoutException t) {
      List<String> all = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
      throw new AssertionError("not ready: " + browser.getCurrentUrl() + " " + all, t);
    }
    assertThat(e.getAttribute("data-ready")).isEqualTo("yes");
  }

  @SuppressWarnings("unchecked")
  void screenshot(String name) throws IOException {
    List<Number> size = (List<Number>) browser.executeScript("return [window.innerWidth, document.documentElement.scrollHeight]");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
        "width", size.get(0).doubleValue(), "height", Math.min(size.get(1).doubleValue(), 6000));
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.write(Chromium.SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
  }
}
