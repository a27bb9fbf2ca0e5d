package accord.notify;

import accord.web.Chromium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import accord.Engines;
import accord.node.Demo;
import accord.web.I18n;
import accord.web.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The inbox in Debian's Chromium, in Dari: the navbar badge, right-to-left layout, marking a notice read. */
class InboxBrowserTest {
  @TempDir Path dir;

  @Test
  void anAfghanOfficerReadsTheMediatorsFindingInDari() throws Exception {
    assumeTrue(Chromium.installed(),
        "skipped: needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    try (TestServer s = new TestServer(Engines.SQLITE, dir.resolve("node"), false)) {
      long incident = Fixture.report(s, s.login("af.liaison"));
      Fixture.finding(s, s.login("mediator"), incident);
      try (Chromium.Session session = Chromium.start(dir, Duration.ofSeconds(10))) {
        ChromeDriver browser = session.browser();
        WebDriverWait wait = session.waiter();
        browser.get(s.base + "/login?lang=fa-AF");
        browser.findElement(By.id("username")).sendKeys("af.liaison");
        browser.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(s.base + "/"));

        WebElement link = browser.findElement(By.id("nav-inbox"));
        assertThat(link.findElement(By.className("badge")).getText()).isEqualTo(I18n.messages("fa-AF").number(1));
        link.click();
        wait.until(ExpectedConditions.urlToBe(s.base + "/inbox"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        WebElement item = browser.findElement(By.cssSelector("#inbox li"));
        WebElement message = item.findElement(By.cssSelector("a[href='/accords/" + Fixture.DOHA + "/incidents/" + incident + "']"));
        assertThat(message.getText()).isEqualTo(I18n.messages("fa-AF").t("incident.notice.finding", "QA", String.valueOf(incident)));
        WebElement button = item.findElement(By.cssSelector("form[action='/inbox/read'] button"));
        // Right to left: the message starts at the right, its button sits at the left end of the row.
        assertThat(button.getRect().getX() + button.getRect().getWidth()).isLessThan(message.getRect().getX());
        button.click();
        wait.until(ExpectedConditions.urlToBe(s.base + "/inbox"));
        assertThat(browser.findElement(By.cssSelector("#inbox li")).getAttribute("data-read")).isEqualTo("true");
        assertThat(browser.findElement(By.id("nav-inbox")).findElements(By.className("badge"))).isEmpty();
      }
    }
  }
}
