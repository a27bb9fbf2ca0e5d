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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's Chromium, headless, driven through its own ChromeDriver.
 * Nothing is downloaded: both paths are given, so Selenium Manager is never consulted, and the
 * browser is kept off the network. Screenshots of the accord's home page in each language go to
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {


  @TempDir static Path dir;
  TestServer server;
  Chromium.Session session;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeAll
  void start() throws IOException {
    if (!Chromium.installed()) {
      return; // each test then reports itself skipped, with the reason
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

  void signOut() {
    browser.findElement(By.cssSelector("nav form[action='/logout'] button")).click();
    wait.until(ExpectedConditions.urlToBe(server.base + "/login"));
    assertThat(browser.findElements(By.cssSelector("nav form[action='/logout']"))).isEmpty();
    open("/accords/kabul-2025");
    assertThat(browser.getCurrentUrl()).as("signed out for good").isEqualTo(server.base + "/login");
  }

  String nav() {
    return browser.findElement(By.tagName("nav")).getText();
  }

  /** Errors the page's console reported (CSP violations, missing assets, script errors). */
  List<String> consoleErrors() {
    return Chromium.consoleErrors(browser);
  }

  @Test
  void everyDemoUserSignsInSeesTheirNameAndTheAccordsThenSignsOut() {
    for (Demo.Login login : Demo.LOGINS) {
      String name = server.users.find(login.username()).orElseThrow().displayName();
      signIn(login.username());
      assertThat(nav()).as(login.username()).contains(name);
      List<String> links = browser.findElements(By.cssSelector("main a[href^='/accords/']")).stream()
          .map(a -> a.getAttribute("href").substring(server.base.length())).toList();
      assertThat(links).as(login.username()).contains("/accords/kabul-2025", "/accords/doha-2025");
      open("/accords/kabul-2025");
      assertThat(browser.findElement(By.tagName("h1")).getText()).as(login.username()).isNotBlank();
      assertThat(consoleErrors()).as(login.username()).isEmpty();
      signOut();
      assertThat(nav()).doesNotContain(name);
    }
  }

  @Test
  void theAccordHomeInEveryLanguage() throws IOException {
    assertThat(Chromium.UNTRANSLATED.matcher(I18n.messages("en").t("no.such.key")).matches()).as("the marker looked for").isTrue();
    Files.createDirectories(Chromium.SCREENSHOTS);
    signIn("pk.liaison");
    open("/accords/kabul-2025");
    for (String lang : I18n.LANGUAGES) {
      // Through the nav's own link, as a reader would.
      browser.findElement(By.cssSelector("nav a[hreflang='" + lang + "']")).click();
      wait.until(d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
      WebElement html = browser.findElement(By.tagName("html"));
      String dir = lang.equals("en") ? "ltr" : "rtl";
      assertThat(html.getAttribute("dir")).as(lang).isEqualTo(dir);
      assertThat(browser.findElement(By.tagName("body")).getCssValue("direction")).as(lang).isEqualTo(dir);
      assertThat(browser.findElements(By.cssSelector("link[rel=stylesheet][href*='bootstrap.rtl']"))).as(lang)
          .hasSize(dir.equals("rtl") ? 1 : 0);
      String text = browser.findElement(By.tagName("body")).getText();
      assertThat(Chromium.UNTRANSLATED.matcher(text).results().map(MatchResult::group).toList()).as(lang + ": untranslated keys").isEmpty();
      assertThat(browser.findElement(By.tagName("h1")).getText()).as(lang).isNotBlank();
      assertThat(consoleErrors()).as(lang).isEmpty();
      screenshot("accord-home-" + lang + ".png");
      // The choice is remembered: the next page without ?lang= keeps the language.
      open("/accords/kabul-2025");
      assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(lang).isEqualTo(lang);
    }
    signOut();
  }

  @Test
  void theBrowserChecksAnEntrysInclusionProofItself() throws IOException {
    signIn("af.liaison");
    open("/accords/kabul-2025/entries/3?lang=fa-AF");
    WebElement box = browser.findElement(By.id("proof-check"));
    wait.until(d -> box.getAttribute("data-verified") != null);
    assertThat(box.getAttribute("data-verified")).isEqualTo("yes");
    assertThat(browser.findElement(By.id("proof-result")).getText())
        .isEqualTo(I18n.messages("fa-AF").t("entry.proofok"));
    Files.createDirectories(Chromium.SCREENSHOTS);
    screenshot("entry-proof-fa-AF.png");

    // The same script refuses a proof that does not lead to the checkpoint's root.
    browser.executeScript("const b = document.getElementById('proof-check');"
        + "b.dataset.root = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';"
        + "delete b.dataset.verified; document.getElementById('proof-button').click();");
    wait.until(d -> box.getAttribute("data-verified") != null);
    assertThat(box.getAttribute("data-verified")).isEqualTo("no");
    assertThat(consoleErrors()).isEmpty();
    signOut();
  }

  /** A picture of the whole page, not only the window (through the DevTools protocol). */
  @SuppressWarnings("unchecked")
  void screenshot(String name) throws IOException {
    // The window's full width (the capture drops the scrollbar, so the page widens to fill it).
    List<Number> size = (List<Number>) browser.executeScript(
        "return [window.innerWidth, document.documentElement.scrollHeight]");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
        "width", size.get(0).doubleValue(), "height", Math.min(size.get(1).doubleValue(), 6000));
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.write(Chromium.SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
  }
}
