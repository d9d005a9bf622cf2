package vn.planflow.webapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (nothing is downloaded at test
 * time). The browser tests skip, with a message, on a machine without the two packages.
 */
final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /**
   * Tasklist's address for a filter's list, newest task first. The tests share one application, so
   * a unit's list also holds the tasks other tests left open; soonest due first (planflow's order)
   * would put a test's new task after them, beyond the first page.
   */
  static String tasklistNewestFirst(int port, String filterId) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + filterId + "&sorting="
        + java.net.URLEncoder.encode("[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]",
            java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A new browser; the test is skipped (JUnit assumption) where Chromium is not installed. */
  static WebDriver start() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
