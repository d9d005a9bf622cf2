package vn.planflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.SubstitutionRepository;
import vn.planflow.org.SubstitutionService;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * Issue #11 item 5 in the browser: the ward's vice chair names her substitute on {@code
 * /dashboard/substitutes}; the plan's signing task then reaches the substitute, who finds it in
 * Tasklist, takes it over and signs; the audit screen shows who acted for whom. Screenshots {@code
 * target/browser/subst-NN-*.png}. Skipped, with a message, without Debian's Chromium.
 */
@PlanflowIntegrationTest
class SubstituteBrowserTest {

  private static final Path SHOTS = Path.of("target", "browser");
  private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired PlanApprovalDriver driver;
  @Autowired TaskService taskService;
  @Autowired OfficialRepository officials;
  @Autowired SubstitutionService substitutions;
  @Autowired SubstitutionRepository substitutionRepository;
  @Autowired TransactionTemplate transactions;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startChromium() {
    browser = HeadlessChromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
    // No other test's task should go to this substitute.
    transactions.executeWithoutResult(status -> substitutionRepository.findAll().stream()
        .filter(s -> !s.isEnded()).forEach(s -> substitutions.end("admin", s.getId())));
  }

  @Test
  void anOfficialNamesASubstituteWhoSignsInTasklistAndTheAuditSaysForWhom() throws Exception {
    String code = "KH-SUBST-BROWSER-2026";
    String official = name("yh.pct1");
    String substitute = name("yh.pct2");
    driver.createWardPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));
    driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", Map.of("opinion", "AGREE"));
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", Map.of("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", Map.of("approved", true));
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        Map.of("decision", "VOTE_SLIP", "signer", "yh.pct1"));

    run(() -> {
      // 1. The vice chair names her substitute on the page.
      login("yh.pct1", "demo");
      browser.get(url("/dashboard/substitutes"));
      WebElement select = visible(By.id("substitute"));
      wait.until(d -> new Select(select).getOptions().size() > 1);
      shot("subst-01-trang-uy-quyen");
      assertThat(visible(By.id("fromDate")).getAttribute("value")).isEqualTo(VN.format(substitutions.today()));
      new Select(select).selectByVisibleText(substitute);
      // Without the end date first: the page names the field.
      click(By.id("save"));
      WebElement error = visible(By.id("toDate-error"));
      assertThat(error.getText()).contains("thiếu ngày kết thúc");
      assertThat(visible(By.id("message")).getText()).startsWith("Đến ngày: ");
      shot("subst-02-thieu-ngay-ket-thuc");
      visible(By.id("toDate")).sendKeys(VN.format(substitutions.today().plusDays(3)));
      visible(By.id("reason")).sendKeys("Đi công tác tại Thành phố Hồ Chí Minh");
      click(By.id("save"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Đã ủy quyền cho " + substitute));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#list tbody"), "Đang hiệu lực"));
      shot("subst-03-da-uy-quyen");
      assertPageReadable();
    });

    // The vote passes: the signing task is created for yh.pct1.
    // Every slip returned: the ward keeps its slips open until the last one (closeVotingEarly off).
    for (Task slip : driver.openTasks(code, PlanApproval.CAST_VOTE)) {
      driver.completeTask(slip, slip.getAssignee(), Map.of("vote", "AGREE"));
    }
    Task sign = driver.task(code, PlanApproval.SIGN_PLAN);
    assertThat(sign.getAssignee()).isEqualTo("yh.pct1");

    run(() -> {
      // 2. The substitute finds it in Tasklist under "Việc được ủy quyền".
      login("yh.pct2", "demo");
      click(By.xpath("//a[contains(normalize-space(.), 'Việc được ủy quyền')]"));
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains(sign.getName()));
      shot("subst-04-tasklist-viec-duoc-uy-quyen");
      // 3. Takes it over on the page and signs in Tasklist.
      browser.get(url("/dashboard/substitutes"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offered"), "Thay mặt ông/bà " + official));
      shot("subst-05-viec-duoc-uy-quyen");
      click(By.cssSelector("#offered button.take"));
      wait.until(d -> d.getCurrentUrl().contains("task=" + sign.getId()));
      visible(By.cssSelector("form.fjs-form"));
      WebElement radio = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("form.fjs-form input[id$='-decision-0']")));
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", radio);
      radio.sendKeys(Keys.SPACE);
      shot("subst-06-ky-thay");
      WebElement complete = visible(By.cssSelector("button[ng-click='complete()']"));
      assertThat(complete.getText()).isEqualTo("Hoàn thành");
      wait.until(d -> complete.isEnabled());
      complete.sendKeys(Keys.ENTER);
      wait.until(d -> taskService.createTaskQuery().taskId(sign.getId()).count() == 0);
      driver.executeJobs();

      // 4. The audit screen names who acted for whom.
      login("admin", "admin");
      browser.get(url("/dashboard/audit?plan=" + code));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#audit tbody"),
          substitute + " (thay mặt " + official + ")"));
      WebElement row = browser.findElement(By.xpath("//table[@id='audit']//tr[td[contains(., 'thay mặt')]"
          + " and td[normalize-space(.)='Hoàn thành']]"));
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
      shot("subst-07-nhat-ky-thay-mat");

      // 5. The page on a phone.
      login("yh.pct1", "demo");
      browser.manage().window().setSize(new Dimension(390, 844));
      browser.get(url("/dashboard/substitutes"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#list tbody"), substitute));
      shot("subst-08-dien-thoai");
      assertPageReadable();
    });
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("ISSUING");
  }

  /** No raw field name or English left on the page. */
  private void assertPageReadable() {
    String text = browser.findElement(By.tagName("body")).getText();
    assertThat(text).doesNotContain("fromDate", "toDate", "substitute:", "null", "undefined", "RUNNING", "ENDED");
  }

  private String name(String id) {
    return officials.findById(id).map(Official::getName).orElseThrow();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void run(Step step) throws Exception {
    try {
      step.run();
    } catch (RuntimeException | AssertionError e) {
      shot("subst-loi");
      Files.writeString(SHOTS.resolve("subst-loi.html"), browser.getPageSource());
      throw e;
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  /** A fresh Tasklist session. */
  private void login(String user, String password) {
    browser.manage().deleteAllCookies();
    browser.get(url("/camunda/app/tasklist/default/"));
    visible(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty()
        || !d.findElement(By.cssSelector("input[ng-model='username']")).isDisplayed());
    visible(By.xpath("//a[contains(normalize-space(.), 'Việc của tôi')]"));
  }

  private void click(By by) {
    wait.ignoring(StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
      WebElement element = d.findElement(by);
      if (!element.isDisplayed()) {
        return false;
      }
      ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      element.click();
      return true;
    });
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void shot(String name) throws Exception {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
