package vn.planflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;
import vn.planflow.plan.PlanRequest;
import vn.planflow.plan.PlanRequest.SectionData;
import vn.planflow.plan.PlanRequest.TargetData;
import vn.planflow.plan.PlanRequest.TaskData;
import vn.planflow.plan.PlanService;

/**
 * Issue #10: a plan whose title, objectives, section, legal basis, budget, appendix task and a
 * consultation comment carry HTML and Markdown is shown in Tasklist's Camunda Forms, on the
 * dashboard, on the audit screen and in Cockpit as the text that was written: no element, link or script comes out of it. Screenshots
 * under {@code target/browser/xss-*.png}. Skipped, with a message, without Debian's Chromium.
 */
@PlanflowIntegrationTest
class MarkupInFormsBrowserTest {

  private static final Path SHOTS = Path.of("target", "browser");
  /** The demo administrator's password in tests (application.yml's default). */
  private static final String ADMIN_PASSWORD = System.getenv().getOrDefault("PLANFLOW_ADMIN_PASSWORD", "admin");
  private static final String PAYLOAD =
      "<img src=x onerror=alert(1)> <script>alert(2)</script> [link](javascript:alert(3)) **bold**";

  @LocalServerPort int port;
  @Autowired PlanApprovalDriver driver;
  @Autowired org.camunda.bpm.engine.FilterService filters;
  @Autowired PlanService plans;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startChromium() {
    browser = HeadlessChromium.start();
    // Generous: on a busy build machine Tasklist may take long to start in the browser.
    wait = new WebDriverWait(browser, Duration.ofSeconds(90));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void markupWrittenIntoAPlanShowsAsTextInFormsAndOnTheDashboard() throws Exception {
    String code = "KH-BROWSER-XSS-2026";
    createPlanWithMarkup(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        Map.of("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5));
    try {
      // The leader reviews the draft: title, legal basis, objectives, section, budget, appendix.
      login("kt.truongphong");
      openUnitTask(code, "Lãnh đạo đơn vị duyệt dự thảo");
      WebElement form = formShowing("Mục tiêu, yêu cầu");
      assertShownAsText(form, "xss-tasklist-form");
      assertThat(form.getText()).as("the appendix table").contains("Nhiệm vụ " + PAYLOAD);

      // A department comments with markup; the drafter sees the comment in her dynamic list.
      driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));
      driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien",
          Map.of("opinion", "AGREE_WITH_COMMENTS", "comment", "Góp ý " + PAYLOAD));
      browser.manage().deleteAllCookies();
      login("kt.chuyenvien");
      openUnitTask(code, "Tổng hợp, tiếp thu, giải trình ý kiến");
      form = formShowing("Góp ý ");
      assertThat(form.getText()).contains("Nội dung góp ý: Góp ý " + PAYLOAD);
      assertShownAsText(form, "xss-tasklist-opinions");

      // The dashboard of the plan, in the same session.
      browser.get("http://localhost:" + port + "/dashboard#" + code);
      wait.until(d -> d.findElement(By.id("plan-title")).getText().contains("<img src=x"));
      WebElement dashboard = browser.findElement(By.tagName("main"));
      assertThat(browser.findElement(By.id("plan-title")).getText()).startsWith(PAYLOAD);
      assertThat(browser.findElement(By.id("plans")).getText()).contains(PAYLOAD);
      assertNoMarkupElements(dashboard);
      noAlert();
      shot("xss-dashboard");

      // The audit screen (a leader's): the department's comment in the step's details, the title in the filter.
      browser.manage().deleteAllCookies();
      login("kt.truongphong");
      visible(By.xpath("//a[contains(normalize-space(.), 'Việc của tôi')]"));
      browser.get("http://localhost:" + port + "/dashboard/audit?plan=" + code);
      wait.until(d -> d.findElement(By.id("audit")).getText().contains("Góp ý <img src=x"));
      assertThat(browser.findElement(By.id("audit")).getText()).contains("Góp ý " + PAYLOAD);
      assertThat(browser.findElement(By.cssSelector("#plan option:checked")).getText()).contains(PAYLOAD);
      assertNoMarkupElements(browser.findElement(By.tagName("main")));
      noAlert();
      shot("xss-audit");

      // Cockpit (the administrator's view of the running plan): the variables tab lists the
      // open task's plan title as a value, as text.
      browser.manage().deleteAllCookies();
      String instance = driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS).getProcessInstanceId();
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
      visible(By.cssSelector("input[ng-model='username']")).sendKeys("admin");
      browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(ADMIN_PASSWORD);
      browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
      visible(By.cssSelector("a[href*='#/processes'], a[href*='#/dashboard'], .dashboard"));
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + instance
          + "/runtime?tab=variables-tab");
      wait.ignoring(StaleElementReferenceException.class).until(d -> {
        String page = d.findElement(By.tagName("body")).getText();
        return page.contains("<img src=x onerror=alert(1)>");
      });
      assertThat(browser.findElements(By.cssSelector("img[src='x']"))).as("img elements made of the text").isEmpty();
      assertThat(browser.findElements(By.xpath("//script[contains(., 'alert(2)')]"))).as("scripts made of the text")
          .isEmpty();
      assertThat(browser.findElements(By.cssSelector("a[href^='javascript'], a[href^='JAVASCRIPT']")))
          .as("javascript: links").isEmpty();
      noAlert();
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
          browser.findElement(By.xpath("//td[contains(., '<img src=x onerror=alert(1)>')]")));
      shot("xss-cockpit");
    } catch (RuntimeException | AssertionError e) {
      shot("xss-loi");
      Files.writeString(SHOTS.resolve("xss-loi.html"), browser.getPageSource());
      // What the page loaded, and how long each took: a stuck request shows here.
      Files.writeString(SHOTS.resolve("xss-loi-resources.txt"), String.valueOf(((JavascriptExecutor) browser).executeScript(
          "return performance.getEntriesByType('resource').map(r => r.name + ' ' + Math.round(r.duration) + 'ms '"
              + "+ r.responseStatus).join('\\n') + '\\nreadyState ' + document.readyState;")));
      throw e;
    }
  }

  private void createPlanWithMarkup(String code) {
    PlanRequest request = new PlanRequest(code, PAYLOAD, "yh-ubnd", "yh-pkthtdt",
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
        List.of("Căn cứ " + PAYLOAD),
        "Mục tiêu " + PAYLOAD + "\n    thụt lề bốn dấu cách\n- không phải danh sách",
        List.of(new TargetData("4.1", "Chỉ tiêu " + PAYLOAD, "%", java.math.BigDecimal.valueOf(100))),
        List.of(new SectionData("Mục " + PAYLOAD, "Nội dung " + PAYLOAD)),
        "Kinh phí " + PAYLOAD,
        List.of(new TaskData("1", "Truyền thông", "Nhiệm vụ " + PAYLOAD, null, null, null, "yh-pkthtdt",
            List.of("yh-pvhxh"), "Ngân sách phường", "Năm 2026")),
        List.of("Sở Công Thương", "Lưu: VT"),
        new PlanRequest.ReportingData("yh-pkthtdt", List.of("06-15", "12-15")), null);
    driver.as("kt.chuyenvien", () -> plans.create(request, "kt.chuyenvien"));
  }

  private void login(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    visible(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
  }

  /** The plan's task in the unit's list, which holds other plans' tasks too (soonest due first). */
  private void openUnitTask(String planCode, String name) {
    browser.get(HeadlessChromium.tasklistNewestFirst(port,
        filters.createFilterQuery().filterName("Việc của đơn vị").singleResult().getId()));
    click(By.xpath("//li[contains(normalize-space(.), '" + planCode + "')]//a[contains(normalize-space(.), '" + name + "')]"));
    click(By.cssSelector("button.claim, a.claim, [ng-click*='claim()']"));
  }

  /**
   * Clicks once it is shown; Tasklist redraws its lists as they load, so a found link may be
   * replaced, and its fixed footer covers the lowest line of a long list: scrolled to the middle first.
   */
  private void click(By by) {
    wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class).until(d -> {
      WebElement element = d.findElement(by);
      if (!element.isDisplayed()) {
        return false;
      }
      ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      element.click();
      return true;
    });
  }

  /** The Camunda Form, once its text shows the plan (and what is looked for). */
  private WebElement formShowing(String text) {
    wait.until(d -> {
      List<WebElement> forms = d.findElements(By.cssSelector("form.fjs-form"));
      return !forms.isEmpty() && forms.get(0).getText().contains("<img src=x") && forms.get(0).getText().contains(
          text.strip());
    });
    return browser.findElement(By.cssSelector("form.fjs-form"));
  }

  private void assertShownAsText(WebElement form, String screenshot) throws Exception {
    String text = form.getText();
    assertThat(text).contains(PAYLOAD);
    assertNoMarkupElements(form);
    // No heading, emphasis or list came out of what was written either.
    assertThat(form.findElements(By.xpath(".//strong[contains(., 'bold')] | .//em[contains(., 'bold')]"))).isEmpty();
    noAlert();
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});", form);
    shot(screenshot);
  }

  private void assertNoMarkupElements(WebElement root) {
    assertThat(root.findElements(By.cssSelector("img"))).as("img elements").isEmpty();
    assertThat(root.findElements(By.cssSelector("script"))).as("script elements").isEmpty();
    assertThat(root.findElements(By.cssSelector("pre, code"))).as("code blocks").isEmpty();
    assertThat(browser.findElements(By.cssSelector("a[href^='javascript'], a[href^='JAVASCRIPT']")))
        .as("javascript: links").isEmpty();
    for (WebElement link : root.findElements(By.cssSelector("a"))) {
      assertThat(link.getText()).as("a link made of the text").doesNotContain("link");
    }
  }

  private void noAlert() {
    try {
      browser.switchTo().alert();
      fail("an alert opened: " + browser.switchTo().alert().getText());
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void shot(String name) throws Exception {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
