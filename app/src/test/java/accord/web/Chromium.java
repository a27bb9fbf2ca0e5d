package accord.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one way the browser tests start Debian's Chromium: headless, through its own ChromeDriver
 * (both paths given, so Selenium Manager never downloads anything), kept off the network, with
 * the console captured so a test can assert it stayed clean.
 */
public final class Chromium {
  public static final Path BINARY = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  /** What {@code I18n.Messages.t} shows for a key missing from a bundle. */
  public static final Pattern UNTRANSLATED = Pattern.compile("\\[[a-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+\\]");
  public static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

  /** Held here: java.util.logging forgets a logger's level once nothing references it. */
  private static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  private Chromium() {}

  /** A running browser: its driver process, the browser, and a wait of the test's patience. */
  public record Session(ChromeDriverService service, ChromeDriver browser, WebDriverWait waiter) implements AutoCloseable {
    @Override
    public void close() {
      browser.quit();
      service.stop();
    }
  }

  /** Starts a browser whose profile and logs live under {@code dir}; waits last up to {@code patience}. */
  public static Session start(Path dir, Duration patience) throws IOException {
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    // Selenium looks for DevTools bindings matching Chromium's version; none are needed here.
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    ChromeOptions options = options(dir);
    ChromeDriverService service = service(dir);
    ChromeDriver browser = new ChromeDriver(service, options);
    return new Session(service, browser, new WebDriverWait(browser, patience));
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  /** Options for a browser whose profile and downloads live under {@code dir}. */
  public static ChromeOptions options(Path dir) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--window-size=1280,900",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")),
        // Left alone, Chromium still looks up its search engine, autofill, password-leak and
        // update servers; switch those off, and let it resolve no name but this machine's.
        "--disable-extensions", "--disable-default-apps", "--no-default-browser-check", "--no-pings",
        "--disable-features=AutofillServerCommunication,PasswordLeakDetection,OptimizationHints,MediaRouter",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
    options.setExperimentalOption("prefs", Map.of(
        "credentials_enable_service", false,
        "profile.password_manager_enabled", false,
        "profile.password_manager_leak_detection", false,
        "download.default_directory", Files.createDirectories(dir.resolve("downloads")).toString()));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    return options;
  }

  /** The ChromeDriver process, on a free port, logging to {@code dir}. */
  public static ChromeDriverService service(Path dir) {
    return new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
        .withLogFile(dir.resolve("chromedriver.log").toFile()).build();
  }

  /**
   * The console's errors since the last call, leaving out the browser's own request for
   * /favicon.ico (the node has none, and says so with a 404) and any URL containing one of
   * {@code ignored}.
   */
  public static List<String> consoleErrors(ChromeDriver browser, String... ignored) {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      String m = e.getMessage();
      boolean skip = m.contains("/favicon.ico ");
      for (String i : ignored) {
        skip |= m.contains(i);
      }
      if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !skip) {
        errors.add(m);
      }
    }
    return errors;
  }

  /**
   * Runs {@code action} (a click that posts a form) and waits until the browser holds a new,
   * fully loaded document. The old page is marked in script rather than watched as an element:
   * asking the driver about an element of a page being replaced can fail with an inspector error
   * instead of the stale-element answer.
   */
  public static void awaitNewPage(ChromeDriver browser, WebDriverWait wait, Runnable action) {
    browser.executeScript("window.accordOldPage = true");
    action.run();
    wait.until(b -> {
      try {
        return Boolean.TRUE.equals(browser.executeScript("return window.accordOldPage !== true && document.readyState === 'complete'"));
      } catch (org.openqa.selenium.WebDriverException betweenPages) {
        return false;
      }
    });
  }
}
