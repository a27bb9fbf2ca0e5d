package accord.engagement;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Engagement in a real browser (Debian's Chromium, headless, kept off the network): the
 * secretariat schedules a committee meeting and finds its agenda already carrying the open
 * action items, records attendance until the quorum is met and proposes a decision; each party
 * signs it in its own session; a party proposes a score and the secretariat adjudicates it on the
 * committee's adopted decision. Screenshots in English and Urdu go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementBrowserTest {

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
    session = Chromium.start(dir, Duration.ofSeconds(10));
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

  void open(String path) {
    browser.get(server.base + path);
  }

  void signIn(String username) {
    open("/login?lang=en");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(server.base + "/"));
  }

  void signOut() {
    // The page may still be scrolling to a #fragment; the form is what matters here.
    browser.executeScript("document.querySelector(\"nav form[action='/logout']\").requestSubmit()");
    wait.until(ExpectedConditions.urlToBe(server.base + "/login"));
  }

  /** The page as read: no key left untranslated, nothing refused by the browser. */
  void checkPage(String what) {
    String text = browser.findElement(By.tagName("body")).getText();
    assertThat(Chromium.UNTRANSLATED.matcher(text).results().map(MatchResult::group).toList()).as(what + ": untranslated keys").isEmpty();
    assertThat(Chromium.consoleErrors(browser)).as(what + ": console errors").isEmpty();
  }

  void click(By by) {
    WebElement e = browser.findElement(by);
    browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", e);
    e.click();
  }

  /** Submits a form and waits until the page it posted from is gone (the URL may not change). */
  void submit(String formSelector) {
    Chromium.awaitNewPage(browser, wait, () -> click(By.cssSelector(formSelector + " button[type=submit]")));
  }

  @Test
  void aCommitteeMeetingFromScheduleToSignedDecisionAndAdjudicatedScore() throws IOException {
    assumeTrue(Chromium.installed(), "browser tests skipped: they need /usr/bin/chromium and /usr/bin/chromedriver");
    Files.createDirectories(Chromium.SCREENSHOTS);

    // The secretariat schedules the JCC's next meeting from the accord's page.
    signIn("secretariat");
    open("/accords/kabul-2025");
    click(By.cssSelector("#engagement-links a[href$='/bodies']"));
    click(By.linkText("JCC"));
    assertThat(browser.findElements(By.cssSelector("#carried-preview li"))).hasSize(2);
    checkPage("body");
    browser.findElement(By.id("date")).sendKeys("08142025"); // typed into the date control as month, day, year
    browser.findElement(By.id("place")).sendKeys("Kabul");
    browser.findElement(By.id("agenda")).sendKeys("Hours at Torkham");
    submit("#schedule-form");
    wait.until(ExpectedConditions.urlMatches("/accords/kabul-2025/meetings/\\d+$"));
    String meeting = browser.getCurrentUrl().substring(server.base.length());

    // The agenda filled itself: the two open action items of July, then the new item.
    List<WebElement> agenda = browser.findElements(By.cssSelector("#agenda ~ ol li"));
    assertThat(agenda).hasSize(3);
    assertThat(browser.findElements(By.cssSelector("#agenda ~ ol li.carried"))).hasSize(2);
    assertThat(agenda.get(0).getText()).contains("Name a focal person at each crossing");
    assertThat(agenda.get(2).getText()).contains("Hours at Torkham");
    assertThat(browser.findElement(By.id("quorum")).getAttribute("data-met")).isEqualTo("no");

    // Attendance until the quorum is met, then a decision.
    for (String party : List.of("PK", "AF")) {
      new Select(browser.findElement(By.id("party"))).selectByValue(party);
      browser.findElement(By.id("names")).sendKeys(party + " co-chair\n" + party + " deputy");
      submit("#attend-form");
      wait.until(ExpectedConditions.urlContains("#attend"));
    }
    assertThat(browser.findElement(By.id("quorum")).getAttribute("data-met")).isEqualTo("yes");
    browser.findElement(By.id("decision-text")).sendKeys("P3 is scored 2, intermediate, for 2025-Q3.");
    submit("#decision-form");
    wait.until(ExpectedConditions.urlContains("#decision"));
    WebElement decision = browser.findElement(By.cssSelector(".decision:last-of-type"));
    String decisionId = decision.getAttribute("id");
    assertThat(decision.getAttribute("data-adopted")).isEqualTo("no");
    checkPage("meeting");
    screenshot("engagement-meeting-scheduled-en.png");
    signOut();

    // Each party signs in its own session.
    for (String user : List.of("pk.liaison", "af.liaison")) {
      signIn(user);
      open(meeting);
      click(By.cssSelector("#" + decisionId + " button.sign"));
      wait.until(ExpectedConditions.urlContains("#" + decisionId));
      assertThat(browser.findElements(By.cssSelector("#" + decisionId + " button.sign"))).isEmpty();
      if (user.equals("pk.liaison")) {
        assertThat(browser.findElement(By.id(decisionId)).getAttribute("data-adopted")).isEqualTo("no");
        signOut();
      }
    }
    assertThat(browser.findElement(By.id(decisionId)).getAttribute("data-adopted")).isEqualTo("yes");
    open(meeting + "?lang=ur");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.findElement(By.id(decisionId)).getText()).contains(I18n.messages("ur").t("engagement.decision.adopted"));
    checkPage("meeting in Urdu");
    screenshot("engagement-meeting-adopted-ur.png");

    // Afghanistan proposes a score for P3 with the meeting as evidence.
    open("/accords/kabul-2025/scores/P3?lang=en");
    browser.findElement(By.id("period")).sendKeys("2025-Q3");
    new Select(browser.findElement(By.id("score"))).selectByValue("2");
    new Select(browser.findElement(By.id("evidence"))).selectByValue("meeting:" + meeting.substring(meeting.lastIndexOf('/') + 1));
    browser.findElement(By.id("text")).sendKeys("The committee met and decided.");
    submit("#propose-form");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".period[data-period='2025-Q3'] .proposal")));
    signOut();

    // The secretariat adjudicates it on the committee's adopted decision.
    signIn("secretariat");
    open("/accords/kabul-2025/scores/P3");
    WebElement form = browser.findElement(By.cssSelector(".period[data-period='2025-Q3'] .adjudicate-form"));
    new Select(form.findElement(By.name("decision"))).selectByValue(decisionId.substring("decision-".length()));
    form.findElement(By.name("reasons")).sendKeys("As the committee decided at its August meeting.");
    click(By.cssSelector(".period[data-period='2025-Q3'] .adjudicate-form button[type=submit]"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".period[data-period='2025-Q3'] .adjudication")));
    assertThat(browser.findElements(By.cssSelector(".adjudicate-form"))).isEmpty();
    checkPage("provision");
    screenshot("engagement-provision-en.png");

    // The roll-up counts it: P3 = 2 and the demo's P4 = 1, out of 3 x 7 provisions.
    open("/accords/kabul-2025/scores");
    assertThat(Double.parseDouble(browser.findElement(By.id("accord-percent")).getAttribute("data-percent")))
        .isCloseTo(100.0 * 3 / 21, org.assertj.core.data.Offset.offset(1e-9));
    checkPage("scores");
    screenshot("engagement-scores-en.png");
    open("/accords/kabul-2025/scores?lang=ur");
    checkPage("scores in Urdu");
    screenshot("engagement-scores-ur.png");
    open("/accords/kabul-2025/bodies/JCC?lang=ur");
    assertThat(browser.findElements(By.cssSelector("#carried-preview li"))).as("still open after the August meeting").hasSize(2);
    checkPage("body in Urdu");
    screenshot("engagement-body-ur.png");
    open("/accords/kabul-2025/exchanges?lang=fa-AF");
    checkPage("exchanges in Dari");
    screenshot("engagement-exchanges-fa-AF.png");
    signOut();
  }

  /** A picture of the whole page (through the DevTools protocol). */
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
