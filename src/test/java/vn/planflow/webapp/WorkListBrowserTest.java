package vn.planflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
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

/**
 * What an official finds on logging in to Tasklist: the filter "Việc cần xử lý" opened by itself,
 * listing the task she has taken and her unit's open ones, each with the plan's code, its title
 * and its due date. Screenshots {@code target/browser/work-NN-*.png}; skipped where Chromium is
 * not installed.
 */
@PlanflowIntegrationTest
// Its own application and database: the list it reads must hold only this official's work made
// here, not the tasks every other test of the shared context left open (a page of 15 and their
// due dates would push these two out of sight).
@org.springframework.test.context.TestPropertySource(properties = "planflow.test.context=work-list")
class WorkListBrowserTest {

  private static final Path SHOTS = Path.of("target", "browser");

  @LocalServerPort int port;
  @Autowired PlanApprovalDriver driver;
  @Autowired TaskService taskService;

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
  }

  private void shot(String name) throws Exception {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve("work-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static By text(String tag, String text) {
    return By.xpath("//" + tag + "[contains(normalize-space(.), '" + text + "')]");
  }

  @Test
  void anOfficialLandsOnHerAndHerUnitsWorkWithPlanCodeTitleAndDueDate() throws Exception {
    // One plan waits for the unit's drafting; in another she has taken the synthesis herself.
    String drafting = "KH-WORK-DRAFT-2026";
    String synthesis = "KH-WORK-SYNTH-2026";
    // The drafting task is the newer one: Tasklist's own order (newest first) would list it first.
    driver.createWardPlan(synthesis);
    driver.complete(synthesis, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        Map.of("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5));
    driver.complete(synthesis, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));
    driver.complete(synthesis, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", Map.of("opinion", "AGREE"));
    taskService.claim(driver.task(synthesis, PlanApproval.SYNTHESIZE_OPINIONS).getId(), "kt.chuyenvien");
    driver.createWardPlan(drafting);

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    visible(By.cssSelector("input[ng-model='username']")).sendKeys("kt.chuyenvien");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();

    // No filter clicked: Tasklist opens the first one.
    try {
      visible(text("*", drafting));
      visible(text("*", synthesis));
    } catch (RuntimeException e) {
      shot("loi");
      Files.writeString(SHOTS.resolve("work-loi.html"), browser.getPageSource());
      throw e;
    }
    WebElement list = visible(By.cssSelector("[cam-tasks], .tasks-list, .task-list")) ;
    shot("01-viec-can-xu-ly");

    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("Việc cần xử lý", "Mã kế hoạch", drafting, synthesis, "Soạn dự thảo kế hoạch",
        "Tổng hợp, tiếp thu, giải trình ý kiến", driver.plan(drafting).getTitle().strip().substring(0, 30));
    assertThat(list.getText()).doesNotContain("Cho ý kiến dự thảo");
    assertThat(list.getText()).contains("Hạn ");
    assertThat(browser.getCurrentUrl()).contains("sorting=");
    // The synthesis (due in 3 working days) comes before the newer drafting (7).
    assertThat(page.indexOf("Tổng hợp, tiếp thu, giải trình ý kiến")).isLessThan(page.indexOf("Soạn dự thảo kế hoạch"));
  }
}
