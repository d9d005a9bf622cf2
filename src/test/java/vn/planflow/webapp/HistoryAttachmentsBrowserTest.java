package vn.planflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
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

/**
 * Issue #11: the drafter, from her task's form, opens the plan's attachments page, adds a comment
 * to her task and attaches a file, goes back to her task by "Quay lại nhiệm vụ", and the leader
 * who reviews the draft next finds both in his form's history, the file with its download link. Screenshots under {@code target/browser/history-*.png}.
 */
@PlanflowIntegrationTest
class HistoryAttachmentsBrowserTest {

  private static final Path SHOTS = Path.of("target", "browser");
  private static final String CODE = "KH-BROWSER-LS-2026";
  private static final String COMMENT = "Đã trao đổi với Phòng Văn hóa - Xã hội, xin gửi kèm bản chụp ý kiến.";
  private static final String FILE_NAME = "Ý kiến Phòng Văn hóa - Xã hội (bản chụp).pdf";

  @LocalServerPort int port;
  @Autowired PlanApprovalDriver driver;
  @Autowired org.camunda.bpm.engine.FilterService filters;
  @Autowired TaskService taskService;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startChromium() {
    browser = HeadlessChromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(90));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCommentAndAnAttachmentOfOneStepShowInTheNextOfficialsForm() throws Exception {
    driver.createWardPlan(CODE);
    Path pdf = Files.createTempDirectory("planflow-history").resolve(FILE_NAME);
    Files.write(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    try {
      // The drafter opens her task; from its form, the plan's attachments page.
      login("kt.chuyenvien");
      openUnitTask(CODE, "Soạn dự thảo kế hoạch");
      WebElement form = formShowing("Quá trình xử lý");
      assertThat(form.getText()).contains("Tạo kế hoạch, bắt đầu quy trình phê duyệt").contains("Phạm Thị Hạnh")
          .contains("Kế hoạch chưa có tệp đính kèm.");
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});", form);
      shot("history-01-form-before");
      String taskId = driver.task(CODE, PlanApproval.DRAFT_PLAN).getId();
      click(By.xpath("//form[contains(@class,'fjs-form')]//a[contains(., 'Xem tệp đính kèm, tải tệp lên')]"));
      wait.until(d -> d.getCurrentUrl().contains("/dashboard/plans/" + CODE + "/attachments?task=" + taskId));

      // A comment on her task, then a file.
      visible(By.id("comment-message"));
      // Typed until the box holds it: under load a keystroke sent while the page settles can be lost,
      // and an empty (required) box is then refused by the browser without a word.
      wait.ignoring(StaleElementReferenceException.class).until(d -> {
        WebElement box = d.findElement(By.id("comment-message"));
        if (!COMMENT.equals(box.getDomProperty("value"))) {
          box.clear();
          box.sendKeys(COMMENT);
        }
        return COMMENT.equals(box.getDomProperty("value"));
      });
      click(By.id("comment-send"));
      wait.until(d -> d.findElement(By.id("done")).getText().contains("Đã lưu ghi chú"));
      assertThat(taskService.getTaskComments(taskId)).extracting(Comment::getFullMessage).containsExactly(COMMENT);
      assertThat(taskService.getTaskComments(taskId)).extracting(Comment::getUserId).containsExactly("kt.chuyenvien");
      visible(By.id("upload-section"));
      browser.findElement(By.id("file")).sendKeys(pdf.toString());
      browser.findElement(By.id("note")).sendKeys("Bản chụp có chữ ký");
      click(By.id("send"));
      wait.until(d -> d.findElement(By.id("attachments")).getText().contains(FILE_NAME));
      String pageText = browser.findElement(By.tagName("body")).getText();
      assertThat(pageText).contains("Đã tải lên tệp").contains("Phạm Thị Hạnh").contains("Soạn dự thảo kế hoạch")
          .contains("Bản chụp có chữ ký").contains("Mỗi tệp tối đa 10 MB");
      assertThat(browser.findElement(By.id("message")).isDisplayed()).isFalse();
      shot("history-02-attachments-page");
      String back = browser.findElement(By.linkText("Quay lại nhiệm vụ")).getAttribute("href");
      assertThat(back).endsWith("/camunda/app/tasklist/default/#/?task=" + taskId);
      click(By.linkText("Quay lại nhiệm vụ"));
      formShowing("Quá trình xử lý");
      shot("history-03-back-to-task");
    } catch (RuntimeException | AssertionError e) {
      failure("history-loi-drafter");
      throw e;
    }

    driver.complete(CODE, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    try {
      // The leader's review: the drafter's comment and file in the history of his form.
      browser.manage().deleteAllCookies();
      login("kt.truongphong");
      openUnitTask(CODE, "Lãnh đạo đơn vị duyệt dự thảo");
      WebElement form = formShowing(COMMENT);
      String text = form.getText();
      assertThat(text).contains("Soạn dự thảo kế hoạch: Phạm Thị Hạnh (Phòng Kinh tế, Hạ tầng và Đô thị) — Ghi chú. " + COMMENT)
          .contains("Soạn dự thảo kế hoạch: Phạm Thị Hạnh (Phòng Kinh tế, Hạ tầng và Đô thị) — Hoàn thành")
          .contains(FILE_NAME).doesNotContain("Kế hoạch chưa có tệp đính kèm.");
      assertThat(text).containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
      WebElement link = form.findElement(By.xpath(".//a[contains(., '" + FILE_NAME + "')]"));
      assertThat(link.getAttribute("href")).matches("http://localhost:" + port + "/api/plans/" + CODE + "/attachments/\\d+");
      // The link downloads the file in this session (a reader of the plan).
      Object status = ((JavascriptExecutor) browser).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' '"
              + " + r.headers.get('Content-Disposition'))).catch(e => done(String(e)));", link.getAttribute("href"));
      assertThat(status.toString()).startsWith("200 attachment;").contains("filename*=UTF-8''");
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});", form);
      shot("history-04-next-form");
    } catch (RuntimeException | AssertionError e) {
      failure("history-loi-leader");
      throw e;
    }
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

  private WebElement formShowing(String text) {
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      List<WebElement> forms = d.findElements(By.cssSelector("form.fjs-form"));
      return !forms.isEmpty() && forms.get(0).getText().contains(text);
    });
    return browser.findElement(By.cssSelector("form.fjs-form"));
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void failure(String name) throws Exception {
    shot(name);
    Files.writeString(SHOTS.resolve(name + ".html"), browser.getPageSource());
  }

  private void shot(String name) throws Exception {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
