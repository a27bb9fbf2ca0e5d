package accord.casework;

import accord.web.Chromium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import accord.Engines;
import accord.node.Demo;
import java.io.IOException;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole procedure in a real browser (Debian's Chromium, headless, off the network), in the Doha
 * accord, which has mediators: Pakistan files a case about a cross-border attack with an evidence
 * file; Afghanistan acknowledges in Dari and responds with actions; Pakistan disputes and
 * escalates; the mediator records a finding; the accountability table shows it all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseBrowserTest {

  @TempDir static Path dir;
  CaseServer server;
  Chromium.Session session;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeAll
  void start() throws IOException {
    if (!Chromium.installed()) {
      return;
    }
    server = new CaseServer(Engines.SQLITE, dir.resolve("node"));
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
    open("/login");
    browser.manage().deleteAllCookies();
    open("/login?lang=en");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(server.base + "/"));
  }

  List<String> consoleErrors() {
    return Chromium.consoleErrors(browser);
  }

  void assertCleanPage(String what) {
    String text = browser.findElement(By.tagName("body")).getText();
    assertThat(Chromium.UNTRANSLATED.matcher(text).results().map(java.util.regex.MatchResult::group).toList()).as(what + ": untranslated").isEmpty();
    assertThat(consoleErrors()).as(what + ": console").isEmpty();
  }

  /** Opens a move's form on the case page, fills its text (and language) and submits it. */
  void move(String move, String text, String lang) {
    WebElement details = browser.findElement(By.id("move-" + move));
    click(details.findElement(By.tagName("summary")));
    details.findElement(By.id(move + "-text")).sendKeys(text);
    if (lang != null) {
      new Select(details.findElement(By.id(move + "-lang"))).selectByValue(lang);
    }
  }

  void submit(String move) {
    String url = browser.getCurrentUrl();
    click(browser.findElement(By.id(move + "-submit")));
    wait.until(d -> d.findElements(By.id("move-error")).size() > 0 || !d.findElements(By.id("case-state")).isEmpty()
        && d.getCurrentUrl().equals(url.replaceAll("\\?.*", "")));
    assertThat(browser.findElements(By.id("move-error"))).as(move).isEmpty();
  }

  String state() {
    return browser.findElement(By.id("case-state")).getAttribute("data-state");
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(Chromium.SCREENSHOTS);
    Files.write(Chromium.SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void aCaseFromFilingToTheMediatorsFinding() throws IOException {
    assumeTrue(Chromium.installed(), "browser tests skipped: they need /usr/bin/chromium and /usr/bin/chromedriver");
    // Pakistan files, with the post commander's photo as evidence.
    signIn("pk.liaison");
    open("/accords/doha-2025");
    browser.findElement(By.cssSelector("a[href='/accords/doha-2025/cases']")).click();
    browser.findElement(By.cssSelector("a[href='/accords/doha-2025/cases/new']")).click();
    assertCleanPage("new case form");
    new Select(browser.findElement(By.id("notified_party"))).selectByValue("AF");
    browser.findElement(By.id("allegation")).sendKeys("TTP fighters crossed from Kunar and attacked the Bajaur border post at 02:10.");
    browser.findElement(By.id("groups")).sendKeys("TTP");
    browser.findElement(By.id("locations")).sendKeys("Bajaur, Kunar");
    browser.findElement(By.id("request")).sendKeys("Arrest those responsible and close their camp.");
    click(browser.findElement(By.id("prov-C1")));
    Path photo = dir.resolve("post-photo.jpg");
    byte[] bytes = "not really a JPEG, but evidence all the same".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(photo, bytes);
    browser.findElement(By.id("evidence")).sendKeys(photo.toString());
    browser.findElement(By.id("evidence_description")).sendKeys("The post after the attack");
    click(browser.findElement(By.cssSelector("#new-case button[type=submit]")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-state")));
    String caseUrl = browser.getCurrentUrl();
    assertThat(caseUrl).matches(".*/accords/doha-2025/cases/\\d+");
    long id = Long.parseLong(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
    assertThat(state()).isEqualTo("filed");
    assertThat(browser.findElement(By.id("case-owes")).getText()).isEqualTo("AF");
    assertThat(browser.findElement(By.cssSelector("tr[data-clock='acknowledge']")).getAttribute("data-status")).isEqualTo("running");
    assertThat(browser.findElement(By.id("case-evidence")).getText()).contains("post-photo.jpg", "The post after the attack");
    assertCleanPage("case page, filed");

    // Afghanistan acknowledges, in Dari, opens the evidence (a signed receipt), and responds with actions.
    signIn("af.liaison");
    open("/accords/doha-2025/cases/" + id + "?lang=fa-AF");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    move("acknowledge", "اطلاعیه دریافت شد؛ موضوع را بررسی می‌کنیم.", "fa-AF");
    submit("acknowledge");
    assertThat(state()).isEqualTo("acknowledged");
    assertThat(browser.findElement(By.id("case-accounts")).getText()).contains("اطلاعیه دریافت شد");
    assertCleanPage("case page in Dari");
    screenshot("case-fa-AF.png");
    click(browser.findElement(By.cssSelector("#case-evidence a")));
    wait.until(d -> { d.navigate().refresh(); return !d.findElements(By.cssSelector("#case-evidence .receipt")).isEmpty(); });
    open("/accords/doha-2025/cases/" + id + "?lang=en");
    move("respond", "Two suspects arrested in Asadabad; the camp near Dangam will be closed.", "en");
    WebElement respond = browser.findElement(By.id("move-respond"));
    respond.findElement(By.id("respond-findings")).sendKeys("A cell of twelve, based near Dangam.");
    new Select(respond.findElement(By.id("respond-kind-0"))).selectByValue("arrest");
    new Select(respond.findElement(By.id("respond-status-0"))).selectByValue("taken");
    date(respond.findElement(By.id("respond-date-0")), "2025-10-25");
    respond.findElement(By.id("respond-place-0")).sendKeys("Asadabad");
    new Select(respond.findElement(By.id("respond-kind-1"))).selectByValue("camp_closure");
    new Select(respond.findElement(By.id("respond-status-1"))).selectByValue("planned");
    date(respond.findElement(By.id("respond-date-1")), "2025-11-15");
    respond.findElement(By.id("respond-place-1")).sendKeys("Dangam");
    submit("respond");
    assertThat(state()).isEqualTo("responded");
    assertThat(browser.findElement(By.id("case-accounts")).getText()).contains("Arrest", "taken", "Closure of a camp", "planned", "Dangam");
    assertThat(browser.findElement(By.id("case-owes")).getText()).isEqualTo("PK");

    // Pakistan disputes, then escalates.
    signIn("pk.liaison");
    open("/accords/doha-2025/cases/" + id);
    move("dispute", "Two arrests of twelve attackers; the camp is still in use.", null);
    submit("dispute");
    assertThat(state()).isEqualTo("disputed");
    move("escalate", "Pakistan asks the mediators to take up the case.", null);
    submit("escalate");
    assertThat(state()).isEqualTo("escalated");
    assertThat(browser.findElement(By.id("case-level")).getAttribute("data-level")).isEqualTo("working_group_security");
    open("/accords/doha-2025/cases/queues");
    assertThat(browser.findElements(By.cssSelector("section[data-level='working_group_security'] tr[data-case='" + id + "']"))).hasSize(1);
    assertCleanPage("queues");

    // The mediator records a finding of violation; both accounts stay beside it.
    signIn("mediator");
    open("/accords/doha-2025/cases/" + id);
    move("finding", "The camp near Dangam was in use on 20 October; the response is incomplete.", null);
    new Select(browser.findElement(By.id("finding-against"))).selectByValue("AF");
    new Select(browser.findElement(By.id("finding-provision"))).selectByValue("C1");
    click(browser.findElement(By.id("finding-violation")));
    submit("finding");
    assertThat(state()).isEqualTo("decided");
    String accounts = browser.findElement(By.id("case-accounts")).getText();
    assertThat(accounts).contains("Two arrests of twelve", "Two suspects arrested", "The camp near Dangam was in use", "Violation found against AF");
    assertThat(browser.findElements(By.cssSelector("#case-timeline li"))).extracting(e -> e.getAttribute("data-type")).containsExactly(
        "case.file", "case.acknowledge", "case.receipt", "case.respond", "case.dispute", "case.escalate", "case.finding");
    assertCleanPage("decided case");
    screenshot("case-decided-en.png");

    // The accountability table reflects it all; the chart draws.
    open("/accords/doha-2025/accountability");
    WebElement af = browser.findElement(By.cssSelector("#accountability tr[data-party='AF']"));
    assertThat(cell(af, "received")).isEqualTo("1");
    assertThat(cell(af, "ack-on-time")).isEqualTo("1");
    assertThat(cell(af, "responded-on-time")).isEqualTo("1");
    assertThat(cell(af, "actions")).isEqualTo("1");
    assertThat(cell(af, "disputed")).isEqualTo("1");
    assertThat(cell(af, "escalated")).isEqualTo("1");
    assertThat(cell(af, "verified")).isEqualTo("0");
    assertThat(cell(browser.findElement(By.cssSelector("#accountability tr[data-party='PK']")), "received")).isEqualTo("0");
    wait.until(d -> d.findElement(By.id("case-chart")).getAttribute("data-rendered") != null);
    assertThat(browser.findElements(By.cssSelector("#case-chart svg"))).isNotEmpty();
    assertCleanPage("accountability");
    open("/accords/doha-2025/accountability?lang=ps");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    wait.until(d -> d.findElement(By.id("case-chart")).getAttribute("data-rendered") != null);
    assertCleanPage("accountability in Pashto");
    screenshot("accountability-ps.png");
  }

  /** Clicks an element after scrolling it (at once: Bootstrap makes scrolling smooth) to the middle of the window. */
  private void click(WebElement e) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
    e.click();
  }

  private static String cell(WebElement row, String field) {
    return row.findElement(By.cssSelector("td[data-f='" + field + "']")).getText();
  }

  /** A date input takes keys in the browser's locale order; setting the value is locale-proof. */
  private void date(WebElement input, String isoDate) {
    browser.executeScript("arguments[0].value = arguments[1];", input, isoDate);
  }
}
