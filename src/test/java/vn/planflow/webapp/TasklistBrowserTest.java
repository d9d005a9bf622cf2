package vn.planflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import vn.planflow.consultation.ConsultationOpinionRepository;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * An official in the real Tasklist, in headless Debian Chromium whose browser asks for English:
 * logs in, sees Vietnamese, opens "Việc của đơn vị", claims the consultation task, fills its Camunda
 * Form and completes it. Each step leaves a screenshot under {@code target/browser/}. Skipped, with
 * a message, where Chromium or its driver is not installed ({@code .ci/run} installs both).
 */
@PlanflowIntegrationTest
class TasklistBrowserTest {

  private static final Path SHOTS = Path.of("target", "browser");

  @LocalServerPort int port;
  @Autowired PlanApprovalDriver driver;
  @Autowired org.camunda.bpm.engine.FilterService filters;
  @Autowired ConsultationOpinionRepository opinions;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startChromium() throws Exception {
    Files.deleteIfExists(SHOTS.resolve("loi.png"));
    Files.deleteIfExists(SHOTS.resolve("loi.html"));
    browser = HeadlessChromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  private void shot(String name) throws Exception {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static By text(String tag, String text) {
    return By.xpath("//" + tag + "[contains(normalize-space(.), '" + text + "')]");
  }

  private void login(String user, String screenshot) throws Exception {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    visible(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    shot(screenshot);
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
  }

  /** Picks the n-th choice of a radio field of the Camunda Form, by keyboard, checking its label. */
  private void choose(String key, int index, String label) {
    WebElement radio = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("input[type='radio'][id$='-" + key + "-" + index + "']")));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", radio);
    assertThat(browser.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).getText())
        .isEqualTo(label);
    // Tasklist's fixed footer may cover the lowest line of the form: choose as the keyboard would.
    radio.sendKeys(org.openqa.selenium.Keys.SPACE);
  }

  /** Scrolled to the middle of the window: Tasklist's fixed footer covers the lowest line of a long list. */
  private WebElement centred(WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  /** "Hoàn thành", pressed with the keyboard. */
  private void complete() {
    WebElement complete = visible(By.cssSelector("button[ng-click='complete()']"));
    assertThat(complete.getText()).isEqualTo("Hoàn thành");
    complete.sendKeys(org.openqa.selenium.Keys.ENTER);
  }

  @Test
  void aSpecialistGivesHerCommentsInVietnameseTasklist() throws Exception {
    String code = "KH-BROWSER-2026";
    driver.createWardPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        Map.of("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));

    try {
      login("vhxh.chuyenvien", "01-dang-nhap");

      // The filters, in Vietnamese although the browser asked for English.
      centred(visible(text("a", "Việc của đơn vị"))).click();
      visible(text("*", "Cho ý kiến dự thảo"));
      // Newest first (as from the list's header): other tests' consultations stay open beside hers.
      browser.get(HeadlessChromium.tasklistNewestFirst(port,
          filters.createFilterQuery().filterName("Việc của đơn vị").singleResult().getId()));
      // Her unit's list holds other plans' consultations too (soonest due first): this plan's task.
      WebElement task = visible(By.xpath("//li[contains(normalize-space(.), '" + code + "')]"
          + "//a[contains(normalize-space(.), 'Cho ý kiến dự thảo')]"));
      shot("02-viec-cua-don-vi");
      centred(task).click();

      // Claim, then the Camunda Form: the plan, then the opinion.
      visible(By.cssSelector("button.claim, a.claim, [ng-click*='claim()']")).click();
      // No "Lịch sử" tab (the engine's log, which she may not read, was always empty): the form has the history.
      wait.until(d -> d.findElements(By.cssSelector(".tabbed-content .nav-tabs > li.planflow-checked-tab")).size() >= 3);
      assertThat(browser.findElements(By.cssSelector(".tabbed-content .nav-tabs > li")).stream()
          .filter(WebElement::isDisplayed).map(WebElement::getText).toList()).containsExactly("Biểu mẫu", "Sơ đồ", "Mô tả");
      // The second choice of "Ý kiến đối với dự thảo" is "Đồng ý, có góp ý": it opens the comment box.
      choose("opinion", 1, "Đồng ý, có góp ý");
      visible(By.cssSelector("textarea")).sendKeys("Thống nhất với dự thảo; đề nghị bổ sung tuyên truyền tại tổ dân phố.");
      shot("03-bieu-mau-y-kien");
      complete();
      wait.until(driver -> opinions.findAll().stream().anyMatch(o -> code.equals(o.getPlanCode())
          && "yh-pvhxh".equals(o.getUnitCode()) && o.getOpinion() != null));
      shot("04-da-hoan-thanh");
    } catch (RuntimeException e) {
      shot("loi");
      Files.writeString(SHOTS.resolve("loi.html"), browser.getPageSource());
      throw e;
    }
    var opinion = opinions.findAll().stream().filter(o -> code.equals(o.getPlanCode())).findFirst().orElseThrow();
    assertThat(opinion.getOpinion().name()).isEqualTo("AGREE_WITH_COMMENTS");
    assertThat(opinion.getComment()).isEqualTo("Thống nhất với dự thảo; đề nghị bổ sung tuyên truyền tại tổ dân phố.");
  }

  @Test
  void aCommitteeMemberCastsHerVoteSlip() throws Exception {
    String code = "KH-BROWSER-VOTE-2026";
    driver.createWardPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        Map.of("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));
    driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", Map.of("opinion", "AGREE"));
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", Map.of("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", Map.of("approved", true));
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        Map.of("decision", "VOTE_SLIP", "signer", "yh.pct1", "voteDays", 2));
    driver.executeJobs();

    try {
      login("yh.pct2", "11-dang-nhap-uy-vien");
      centred(visible(text("a", "Phiếu biểu quyết"))).click();
      visible(text("*", "Biểu quyết bằng phiếu"));
      // Other tests' slips stay open beside hers (voting does not close early by default): newest first.
      browser.get(HeadlessChromium.tasklistNewestFirst(port,
          filters.createFilterQuery().filterName("Phiếu biểu quyết").singleResult().getId()));
      WebElement slip = visible(By.xpath("//li[contains(normalize-space(.), '" + code + "')]"
          + "//a[contains(normalize-space(.), 'Biểu quyết bằng phiếu')]"));
      shot("12-phieu-bieu-quyet");
      centred(slip).click();
      choose("vote", 0, "Đồng ý");
      shot("13-phieu-da-chon");
      complete();
      wait.until(driver -> taskService.createTaskQuery().processInstanceBusinessKey(code).taskAssignee("yh.pct2")
          .taskDefinitionKey(PlanApproval.CAST_VOTE).count() == 0);
      shot("14-da-bieu-quyet");
    } catch (RuntimeException e) {
      shot("loi");
      Files.writeString(SHOTS.resolve("loi.html"), browser.getPageSource());
      throw e;
    }
    var plan = vn.planflow.OfficialClient.demo(rest, json, "yh.pct2").getJson("/api/plans/" + code);
    String cast = null;
    for (var slip : plan.at("/voteRecord/slips")) {
      if (slip.get("member").asText().equals("yh.pct2")) {
        cast = slip.get("vote").asText();
      }
    }
    assertThat(cast).as("yh.pct2's slip in " + plan.get("voteRecord")).isEqualTo("AGREE");
  }

  @Test
  void aLeaderSeesWhoHasNotReportedOnTheDashboard() throws Exception {
    String code = "KH-BROWSER-DASHBOARD-2026";
    try {
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-05-20 10:00:00"));
      driver.createWardPlan(code);
      driver.putInEffect(code);
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-06-01 08:01:00"));
      driver.executeJobs();
      driver.completeTask(driver.taskOf(code, "submitReport", "unit", "yh-pkthtdt"), "kt.chuyenvien",
          Map.of("summary", "Đã tổ chức 02 hội nghị.", "indicators", List.of(Map.of("targetCode", "4.1", "value", 90))));
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    try {
      // Logged into Tasklist, the leader opens the dashboard in the same session.
      login("kt.truongphong", "21-dang-nhap-lanh-dao");
      visible(text("a", "Việc của tôi"));
      // Tasklist shows the way to the dashboard.
      assertThat(visible(By.cssSelector("a.planflow-dashboard-link")).getText()).isEqualTo("Bảng theo dõi");
      browser.get("http://localhost:" + port + "/dashboard#" + code);
      wait.until(d -> d.findElements(By.cssSelector("#compliance tbody span.cell")).size() >= 2);
      wait.until(d -> !d.findElements(By.cssSelector("#targets canvas")).isEmpty());
      visible(By.cssSelector("#status-chart"));
      String grid = browser.findElement(By.id("compliance")).getText();
      assertThat(grid).contains("Phòng Kinh tế, Hạ tầng và Đô thị").contains("Phòng Văn hóa - Xã hội")
          .contains("Chưa gửi").doesNotContain("yh-");
      assertThat(browser.findElement(By.id("targets")).getText()).contains("4.1");
      ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
          "document.getElementById('compliance').scrollIntoView({block: 'center'});");
      shot("22-bang-theo-doi");
      ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
          "document.getElementById('targets').scrollIntoView({block: 'center'});");
      shot("23-bieu-do-chi-tieu");
    } catch (RuntimeException | AssertionError e) {
      shot("loi");
      Files.writeString(SHOTS.resolve("loi.html"), browser.getPageSource());
      throw e;
    }
  }
}
