package vn.planflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;
import vn.planflow.plan.PlanRequest;
import vn.planflow.plan.PlanService;

/**
 * Issue #11, part 1: the demo ward plan (the Yên Hòa seed, under other codes) taken through every
 * form of {@code plan-approval} and {@code reporting-cycle} in the real Tasklist, each step by the
 * right demo official, each step leaving a screenshot {@code target/browser/flow-NN-<task>.png} of
 * the filled form. Tasks are opened by the address their e-mail links to; the steps before a test's
 * first browser step, and the waiting periods (engine clock), are done by {@link PlanApprovalDriver}.
 * A "Hoàn thành" that stays disabled, or a submit that Tasklist or planflow refuses, fails the test
 * with the messages the page shows. Skipped, with a message, without Debian's Chromium.
 */
@PlanflowIntegrationTest
class EveryFormBrowserTest {

  private static final Path SHOTS = Path.of("target", "browser");

  @LocalServerPort int port;
  @Autowired PlanApprovalDriver driver;
  @Autowired vn.planflow.org.CommitteeRules committeeRules;
  @Autowired PlanService plans;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;
  @Autowired vn.planflow.consultation.ConsultationOpinionRepository opinions;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

  private WebDriver browser;
  private WebDriverWait wait;
  /** Mouse clicks since the last screenshot: each step's count goes to flow-clicks.tsv. */
  private int clicks;

  @BeforeEach
  void startChromium() {
    // The walks vote only until four of seven decide the outcome: the ward closes voting early here.
    committeeRules.closeVotingEarly("yh-ubnd", true);
    browser = new org.openqa.selenium.support.events.EventFiringDecorator<>(
        new org.openqa.selenium.support.events.WebDriverListener() {
          @Override
          public void afterClick(WebElement element) {
            clicks++;
          }

          @Override
          public void afterPerform(WebDriver driver, java.util.Collection<org.openqa.selenium.interactions.Sequence> actions) {
            clicks++; // the pickers' Actions click
          }
        }).decorate(HeadlessChromium.start());
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void stopChromium() {
    committeeRules.restoreDefaults();
    if (browser != null) {
      browser.quit();
    }
  }

  /**
   * A specialist starts a plan with "Khởi động quy trình" (issuer and lead unit picked by name),
   * opens the plan editor from her draft task, adds a target, uploads an appendix file with a bad
   * row (the page names it, nothing changes) and then a good one, corrects a row, saves and goes
   * back to the task; her leader returns the draft with a reason, which she reads on the task and
   * in the editor, corrects the draft there and sends it again; the leader approves it.
   */
  @Test
  void aPlanIsStartedInTasklistEditedInTheEditorAndTheLeaderReturnsTheDraftOnce() throws Exception {
    String code = "KH-FLOW-START-2026";
    run(() -> {
      login("kt.chuyenvien");
      click(By.xpath("//a[@ng-click='open()' and contains(normalize-space(.), 'Khởi động quy trình')]"));
      click(By.xpath("//*[contains(@class, 'modal')]//a[contains(normalize-space(.), 'Phê duyệt kế hoạch')]"));
      visible(By.cssSelector(".modal form.fjs-form"));
      type("code", code);
      type("title", "Kế hoạch thực hiện Chương trình hành động quốc gia về sản xuất và tiêu dùng bền vững năm 2026 trên địa bàn phường Yên Hòa");
      // Her own committee and unit, by name; no codes to know.
      pickOption("issuer", "Ủy ban nhân dân phường Yên Hòa");
      pickOption("leadUnit", "Phòng Kinh tế, Hạ tầng và Đô thị");
      assertThat(form().getText()).doesNotContain("yh-ubnd", "yh-pkthtdt");
      date("periodStart", "2026-01-01");
      date("periodEnd", "2026-12-31");
      type("objectives", "Thúc đẩy sản xuất và tiêu dùng bền vững trên địa bàn phường.");
      shot("flow-01-startPlan");
      WebElement start = visible(By.cssSelector(".modal button[ng-click='startProcessInstance()']"));
      assertEnabled(start, "startPlan");
      start.click();
      wait.until(d -> !driver.openTasks(code, PlanApproval.DRAFT_PLAN).isEmpty() || !formProblems().isEmpty());
      assertThat(driver.openTasks(code, PlanApproval.DRAFT_PLAN)).as("draftPlan of the started plan; page says "
          + formProblems()).hasSize(1);
      assertThat(driver.plan(code).getIssuer()).isEqualTo("yh-ubnd");
      assertThat(driver.plan(code).getLeadUnit()).isEqualTo("yh-pkthtdt");
      assertThat(driver.plan(code).getPeriodStart()).hasToString("2026-01-01");
      assertThat(driver.plan(code).getPeriodEnd()).hasToString("2026-12-31");

      // Drafting: the content in the editor, opened from the task's form.
      Task draft = driver.task(code, PlanApproval.DRAFT_PLAN);
      openTask(draft, "Soạn dự thảo");
      shot("flow-02a-draftPlan-truoc-soan-thao");
      openEditor(code, draft.getId());
      editorClick("button[data-add='targets']");
      editorInput("#targets [data-row]:last-child [data-name='code']", "1");
      editorInput("#targets [data-row]:last-child [data-name='text']", "Tuyên truyền về tiêu dùng bền vững đến 100% tổ dân phố");
      editorInput("#targets [data-row]:last-child [data-name='value']", "100");
      editorInput("#targets [data-row]:last-child [data-name='unit']", "%");
      upload(appendix("phu-luc-co-loi.xlsx", List.of(
          List.of("1", "Tuyên truyền", "Tuyên truyền trên hệ thống loa truyền thanh của phường", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội", "Quý II/2026"),
          List.of("2", "Tập huấn", "Tập huấn cho các hộ kinh doanh", "Phòng Không Có Thật", "", "Năm 2026"))));
      WebElement errors = visible(By.id("appendixErrors"));
      assertThat(errors.getText()).contains("Dòng 3 của tệp", "Phòng Không Có Thật", "không tồn tại");
      assertThat(browser.findElements(By.cssSelector("#tasks [data-row]"))).isEmpty();
      shot("flow-02b-editor-phu-luc-co-loi");
      upload(appendix("phu-luc.xlsx", List.of(
          List.of("1", "Tuyên truyền", "Tuyên truyền trên hệ thống loa truyền thanh của phường", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội", "Quý II/2026"),
          List.of("2", "Tập huấn", "Tập huấn cho các hộ kinh doanh", "Phòng Văn hóa - Xã hội", "", "Năm 2026"))));
      wait.until(d -> d.findElements(By.cssSelector("#tasks [data-row]")).size() == 2);
      assertThat(browser.findElement(By.id("appendixErrors")).isDisplayed()).isFalse();
      // A row corrected by hand after the import.
      editorInput("#tasks [data-row]:nth-child(2) [data-name='name']", "Tập huấn cho các hộ kinh doanh tại chợ Nghĩa Tân");
      saveEditor("flow-02c-editor-da-luu");
      assertThat(taskService.getVariableLocal(draft.getId(), PlanApproval.PLAN_VIEW).toString())
          .contains("chợ Nghĩa Tân", "100% tổ dân phố");
      backToTask("Tập huấn cho các hộ kinh doanh tại chợ Nghĩa Tân");
      pickTag("consultedUnits", "Văn hóa");
      setNumber("consultationDays", "5");
      completeAndShoot("flow-02-draftPlan");

      // The leader returns the draft, with the reason.
      login("kt.truongphong");
      openTask(driver.task(code, PlanApproval.REVIEW_DRAFT), "duyệt dự thảo");
      choose("approved", 1, "Trả lại để chỉnh sửa");
      type("comment", "Bổ sung chỉ tiêu về túi ni lông tại các chợ.");
      completeAndShoot("flow-03-reviewDraft-tra-lai");

      // Back to the specialist: the reason on the task and in the editor, the draft corrected there.
      login("kt.chuyenvien");
      Task returned = driver.task(code, PlanApproval.DRAFT_PLAN);
      openTask(returned, "Soạn dự thảo");
      assertThat(form().getText()).contains("Dự thảo bị trả lại để chỉnh sửa", "Bổ sung chỉ tiêu về túi ni lông tại các chợ.");
      shot("flow-04a-draftPlan-bi-tra-lai");
      openEditor(code, returned.getId());
      assertThat(visible(By.id("returnBox")).getText()).contains("Bổ sung chỉ tiêu về túi ni lông tại các chợ.");
      editorClick("button[data-add='targets']");
      editorInput("#targets [data-row]:last-child [data-name='code']", "2");
      editorInput("#targets [data-row]:last-child [data-name='text']", "Giảm sử dụng túi ni lông khó phân hủy tại các chợ");
      editorInput("#targets [data-row]:last-child [data-name='value']", "50");
      editorInput("#targets [data-row]:last-child [data-name='unit']", "%");
      saveEditor("flow-04b-editor-sua-sau-tra-lai");
      backToTask("túi ni lông khó phân hủy");
      completeAndShoot("flow-04-draftPlan-sau-tra-lai");

      login("kt.truongphong");
      openTask(driver.task(code, PlanApproval.REVIEW_DRAFT), "duyệt dự thảo");
      choose("approved", 0, "Đồng ý dự thảo");
      completeAndShoot("flow-05-reviewDraft");
      assertThat(driver.openTasks(code, PlanApproval.GIVE_OPINION)).hasSize(1);
    });
  }

  /**
   * Consultation with a second round, the Tờ trình, the Office's review, a passing vote, and the
   * signer returning the plan to the drafter.
   */
  @Test
  void consultationIsRepeatedTheVotePassesAndTheSignerReturnsThePlan() throws Exception {
    String code = "KH-FLOW-VOTE-2026";
    createSeedPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        Map.of("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));
    run(() -> {
      giveOpinion(code, "flow-06-giveOpinion", 1, "Đồng ý, có góp ý",
          "Đề nghị bổ sung tuyên truyền tại các tổ dân phố.");

      // The drafter answers the comment (not accepted, with the reason) and consults again.
      login("kt.chuyenvien");
      openTask(driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS), "Tổng hợp");
      assertThat(form().getText()).contains("Đề nghị bổ sung tuyên truyền tại các tổ dân phố.");
      toggle("accepted_0");
      type("explanation_0", "Đã có tại nhiệm vụ 1; giải trình: giữ nguyên.");
      choose("reconsult", 0, "Có, lấy ý kiến lại các đơn vị");
      pickTag("consultedUnits", "Văn hóa");
      setNumber("consultationDays", "3");
      completeAndShoot("flow-07-synthesizeOpinions-lay-y-kien-lai");

      giveOpinion(code, "flow-08-giveOpinion-lan-2", 0, "Đồng ý", null);

      login("kt.chuyenvien");
      openTask(driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS), "Tổng hợp");
      choose("reconsult", 1, "Không, trình lãnh đạo đơn vị ký Tờ trình");
      completeAndShoot("flow-09-synthesizeOpinions");

      login("kt.truongphong");
      openTask(driver.task(code, PlanApproval.APPROVE_SUBMISSION), "Tờ trình");
      choose("approved", 0, null);
      completeAndShoot("flow-10-approveSubmission");

      reviewSubmission(code, "flow-11-reviewSubmission");

      int shot = 12;
      for (String member : List.of("yh.chutich", "yh.pct1", "yh.pct2", "kt.truongphong")) {
        castVote(code, member, "flow-" + shot++ + "-castVote-" + member, 0, null);
      }
      assertThat(driver.openTasks(code, PlanApproval.CAST_VOTE)).as("slips after 4 of 7 agreed").isEmpty();

      // The vice chair returns the plan to the drafter.
      login("yh.pct1");
      openTask(driver.task(code, PlanApproval.SIGN_PLAN), "Ký");
      choose("decision", 1, null);
      type("comment", "Đề nghị rà soát lại kinh phí thực hiện.");
      completeAndShoot("flow-16-signPlan-tra-lai");
    });
    assertThat(driver.openTasks(code, PlanApproval.SYNTHESIZE_OPINIONS)).as("back to the drafter").hasSize(1);
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("SYNTHESIZING");
    run(() -> {
      // The drafter reads the signer's reason on her synthesis task and corrects the plan in the editor.
      login("kt.chuyenvien");
      Task returned = driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS);
      openTask(returned, "Tổng hợp");
      assertThat(form().getText()).contains("Hồ sơ bị người ký trả lại", "Đề nghị rà soát lại kinh phí thực hiện.");
      shot("flow-16a-synthesizeOpinions-bi-nguoi-ky-tra-lai");
      openEditor(code, returned.getId());
      assertThat(visible(By.id("returnBox")).getText()).contains("Đề nghị rà soát lại kinh phí thực hiện.");
      editorInput("#budget", "Ngân sách phường năm 2026 (đã rà soát theo ý kiến của người ký) và nguồn xã hội hóa.");
      saveEditor("flow-16b-editor-sua-sau-nguoi-ky-tra-lai");
      backToTask("Hồ sơ bị người ký trả lại"); // the synthesis form shows the opinions, not the budget
      shot("flow-16c-synthesizeOpinions-da-sua");
    });
    assertThat(driver.plan(code).getBudget()).contains("đã rà soát theo ý kiến của người ký");
    // The first round's comment was answered in the dynamic list: not accepted, with the reason.
    var answered = opinions.findByPlanCodeAndRoundOrderByIdAsc(code, 1).get(0);
    assertThat(answered.getAccepted()).isFalse();
    assertThat(answered.getExplanation()).isEqualTo("Đã có tại nhiệm vụ 1; giải trình: giữ nguyên.");
  }

  /** A vote that fails goes to the committee's meeting; the plan is then signed, issued and received. */
  @Test
  void aFailedVoteGoesToTheMeetingThenThePlanIsSignedIssuedAndReceived() throws Exception {
    String code = "KH-FLOW-MEETING-2026";
    createSeedPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        Map.of("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));
    driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", Map.of("opinion", "AGREE"));
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", Map.of("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", Map.of("approved", true));
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        Map.of("decision", "VOTE_SLIP", "signer", "yh.pct1", "voteDays", 2));
    run(() -> {
      castVote(code, "yh.chutich", "flow-17-castVote-khong-dong-y", 1, null);
      castVote(code, "yh.pct2", "flow-18-castVote-y-kien-khac", 2, "Cần họp UBND để thảo luận thêm.");
      castVote(code, "yh.congan", "flow-19-castVote", 1, null);
      castVote(code, "yh.quansu", "flow-20-castVote", 1, null);
      assertThat(driver.openTasks(code, PlanApproval.CAST_VOTE)).as("slips once 4 of 7 disagreed").isEmpty();

      login("yh.vanphong");
      openTask(driver.task(code, PlanApproval.RECORD_MEETING_DECISION), "họp");
      choose("approved", 0, null);
      type("comment", "Phiên họp thường kỳ tháng 3 thống nhất thông qua.");
      completeAndShoot("flow-21-recordMeetingDecision");

      login("yh.pct1");
      openTask(driver.task(code, PlanApproval.SIGN_PLAN), "Ký");
      choose("decision", 0, null);
      completeAndShoot("flow-22-signPlan");

      login("yh.vanthu");
      openTask(driver.task(code, PlanApproval.ISSUE_PLAN), "phát hành");
      completeAndShoot("flow-23-issuePlan");
      assertThat(driver.plan(code).getNumber()).endsWith("/KH-UBND");

      int shot = 24;
      for (String[] receiver : List.of(new String[] {"yh-pkthtdt", "kt.chuyenvien"},
          new String[] {"yh-pvhxh", "vhxh.chuyenvien"}, new String[] {"yh-htx-yenhoa", "htx-yenhoa.chunhiem"},
          new String[] {"yh-htx-trunghoa", "htx-trunghoa.chunhiem"})) {
        login(receiver[1]);
        openTask(driver.taskOf(code, PlanApproval.ACKNOWLEDGE_RECEIPT, PlanApproval.UNIT, receiver[0]), "nhận");
        choose("ownPlanRequired", 1, null);
        completeAndShoot("flow-" + shot++ + "-acknowledgeReceipt-" + receiver[0]);
      }
    });
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("IN_EFFECT");
    assertThat(driver.openTasks(code, PlanApproval.ACKNOWLEDGE_RECEIPT)).isEmpty();
  }

  /** A reporting period: two units report in their forms, the others miss it; consolidation and approval. */
  @Test
  void aReportingPeriodIsReportedConsolidatedAndApproved() throws Exception {
    String code = "KH-FLOW-REPORT-2026";
    try {
      driver.moveClockTo(java.sql.Timestamp.valueOf("2026-05-20 10:00:00"));
      createSeedPlan(code);
      driver.putInEffect(code);
      driver.moveClockTo(java.sql.Timestamp.valueOf("2026-06-01 08:01:00"));
      driver.executeJobs();
      run(() -> {
        submitReport(code, "yh-pkthtdt", "kt.chuyenvien", "flow-28-submitReport-yh-pkthtdt");
        submitReport(code, "yh-pvhxh", "vhxh.chuyenvien", "flow-29-submitReport-yh-pvhxh");
        // The cooperatives stay silent: collection closes 5 working days after 15/6.
        driver.moveClockTo(java.sql.Timestamp.valueOf("2026-06-23 08:00:00"));
        driver.executeJobs();

        login("kt.chuyenvien");
        openTask(driver.task(code, "consolidateReports"), "Tổng hợp báo cáo");
        // A required field left empty still holds "Hoàn thành" back, with form-js's message.
        type("summary", "x");
        field("summary").sendKeys(Keys.BACK_SPACE, Keys.TAB);
        WebElement complete = visible(By.cssSelector("button[ng-click='complete()']"));
        wait.until(d -> !complete.isEnabled());
        assertThat(formProblems()).isNotEmpty();
        type("summary", "06 tháng đầu năm 2026: 02/04 đơn vị gửi báo cáo đúng hạn; 02 hợp tác xã chưa báo cáo.");
        completeAndShoot("flow-30-consolidateReports");

        login("kt.truongphong");
        openTask(driver.task(code, "approveConsolidatedReport"), "duyệt báo cáo");
        choose("approved", 0, null);
        completeAndShoot("flow-31-approveConsolidatedReport");
      });
    } finally {
      driver.resetClock();
    }
    var reports = vn.planflow.OfficialClient.demo(rest, json, "kt.truongphong").getJson("/api/plans/" + code + "/reports");
    assertThat(reports.toString()).contains("BC-");
    var period = vn.planflow.OfficialClient.demo(rest, json, "kt.truongphong")
        .getJson("/api/plans/" + code + "/reports/2026-H1").toString();
    assertThat(period).contains("Đã triển khai tại 10/12 tổ dân phố.").contains("Số liệu đến 31/5.");
  }

  private void giveOpinion(String code, String shot, int choice, String label, String comment) throws Exception {
    login("vhxh.chuyenvien");
    openTask(driver.task(code, PlanApproval.GIVE_OPINION), "Cho ý kiến");
    choose("opinion", choice, label);
    if (comment != null) {
      type("comment", comment);
    }
    completeAndShoot(shot);
  }

  private void reviewSubmission(String code, String shot) throws Exception {
    login("yh.vanphong");
    openTask(driver.task(code, PlanApproval.REVIEW_SUBMISSION), "thẩm tra");
    choose("decision", 0, null);
    pickOption("signer", "Vũ Minh Dũng"); // yh.pct1, a vice chair
    setNumber("voteDays", "2");
    completeAndShoot(shot);
    assertThat(driver.plan(code).getSignerId()).isEqualTo("yh.pct1");
  }

  private void castVote(String code, String member, String shot, int choice, String comment) throws Exception {
    login(member);
    Task slip = driver.openTasks(code, PlanApproval.CAST_VOTE).stream().filter(t -> member.equals(t.getAssignee()))
        .findFirst().orElseThrow(() -> new AssertionError("no slip for " + member));
    openTask(slip, "Biểu quyết");
    choose("vote", choice, null);
    if (comment != null) {
      type("comment", comment);
    }
    completeAndShoot(shot);
  }

  private void submitReport(String code, String unit, String official, String shot) throws Exception {
    login(official);
    openTask(driver.taskOf(code, "submitReport", "unit", unit), "Gửi báo cáo");
    type("summary", "Đã tổ chức 02 hội nghị tuyên truyền; 100% tổ dân phố được phổ biến.");
    int rows = browser.findElements(By.cssSelector("form.fjs-form [id*='-taskResultStatus_'][id$='-display']")).size();
    for (int row = 0; row < rows; row++) {
      pickOption("taskResultStatus_" + row, "Đang triển khai");
      setNumber("taskResultProgress_" + row, "60");
      type("taskResultResult_" + row, "Đã triển khai tại 10/12 tổ dân phố.");
    }
    setNumber("indicatorValue_0", "90");
    type("indicatorNote_0", "Số liệu đến 31/5.");
    completeAndShoot(shot);
  }


  // ---------------------------------------------------------------------------------------------
  // The plan editor

  /** Follows the draft form's link to the editor and waits for the draft to load. */
  private void openEditor(String code, String taskId) {
    WebElement link = visible(By.xpath("//form[contains(@class, 'fjs-form')]//a[contains(normalize-space(.), 'Mở trang soạn thảo kế hoạch')]"));
    assertThat(link.getAttribute("href")).endsWith("/dashboard/plans/" + code + "/edit?task=" + taskId);
    // form-js may open links in a new tab: the editor is opened in this one, with the same session.
    browser.get(link.getAttribute("href"));
    visible(By.id("editor"));
    assertThat(browser.findElement(By.id("planTitle")).getText()).contains("phường Yên Hòa");
  }

  /** A button of the editor, scrolled to the middle first: the sticky save bar covers the lowest line. */
  private void editorClick(String css) {
    WebElement button = visible(By.cssSelector(css));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    click(By.cssSelector(css));
  }

  private void editorInput(String css, String text) {
    WebElement input = visible(By.cssSelector(css));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  private void upload(Path file) {
    WebElement chooser = browser.findElement(By.id("appendixFile"));
    chooser.sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("appendixErrors")); // present before and after
    ((JavascriptExecutor) browser).executeScript("document.getElementById('appendixErrors').hidden = true;"
        + "document.getElementById('saved').hidden = true;");
    editorClick("#uploadAppendix");
    wait.until(d -> d.findElement(By.id("appendixErrors")).isDisplayed() || d.findElement(By.id("saved")).isDisplayed());
  }

  /** An appendix workbook in the template's columns; rows give TT, group, name, lead, coordinating, time. */
  private Path appendix(String name, List<List<String>> rows) throws Exception {
    Files.createDirectories(SHOTS);
    Path file = SHOTS.resolve(name);
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Phụ lục");
      List<String> header = List.of("TT", "Nhóm", "Tên nhiệm vụ", "Nội dung", "Mục tiêu", "Sản phẩm",
          "Đơn vị chủ trì", "Đơn vị phối hợp", "Kinh phí", "Thời gian");
      org.apache.poi.ss.usermodel.Row top = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        top.createCell(c).setCellValue(header.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        String[] cells = {row.get(0), row.get(1), row.get(2), "", "", "", row.get(3), row.get(4), "", row.get(5)};
        org.apache.poi.ss.usermodel.Row line = sheet.createRow(r + 1);
        for (int c = 0; c < cells.length; c++) {
          if (!cells[c].isEmpty()) {
            line.createCell(c).setCellValue(cells[c]);
          }
        }
      }
      try (java.io.OutputStream out = Files.newOutputStream(file)) {
        book.write(out);
      }
    }
    return file;
  }

  private void saveEditor(String screenshot) throws Exception {
    ((JavascriptExecutor) browser).executeScript("document.getElementById('saved').hidden = true;");
    editorClick("#save");
    wait.until(d -> d.findElement(By.id("saved")).isDisplayed() || d.findElement(By.id("message")).isDisplayed());
    assertThat(browser.findElement(By.id("message")).isDisplayed())
        .as("editor refused the save: %s", browser.findElement(By.id("message")).getText()).isFalse();
    assertThat(browser.findElement(By.id("saved")).getText()).startsWith("Đã lưu dự thảo");
    shot(screenshot);
  }

  /** "Quay lại nhiệm vụ": the task in Tasklist, its form showing the saved content. */
  private void backToTask(String savedText) {
    click(By.id("backToTask"));
    wait.until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/"));
    wait.until(d -> !d.findElements(By.cssSelector("form.fjs-form")).isEmpty()
        && d.findElement(By.cssSelector("form.fjs-form")).getText().contains(savedText));
  }

  // ---------------------------------------------------------------------------------------------

  /** A browser step; on failure the page is kept as flow-loi-<test>.png/.html beside the screenshots. */
  private void run(Step step) throws Exception {
    try {
      step.run();
    } catch (RuntimeException | AssertionError e) {
      String name = "flow-loi-" + StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow())
          .getMethodName();
      shot(name);
      Files.writeString(SHOTS.resolve(name + ".html"), browser.getPageSource());
      throw e;
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private WebElement form() {
    return visible(By.cssSelector("form.fjs-form"));
  }

  /** The input of a form field: its id ends in "-key" (or "-key_row" inside a list). */
  private WebElement field(String id) {
    WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
        "form.fjs-form input[id$='-" + id + "'], form.fjs-form textarea[id$='-" + id + "']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
    return input;
  }

  private void type(String id, String text) {
    field(id).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  private void setNumber(String id, String value) throws InterruptedException {
    WebElement input = field(id);
    // One keystroke over the selection: form-js reads the field after a short pause (debounce).
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    wait.until(d -> value.equals(input.getAttribute("value")));
    Thread.sleep(400);
    input.sendKeys(Keys.TAB);
  }

  /** A date typed as an official writes it and the date picker reads it (dd/mm/yyyy), from an ISO date. */
  private void date(String id, String iso) {
    field(id + "-date").sendKeys(iso.substring(8, 10) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4), Keys.TAB);
  }

  private void toggle(String id) {
    field(id).sendKeys(Keys.SPACE);
  }

  /** Picks the n-th choice of a radio field by keyboard, checking its label when given. */
  private void choose(String key, int index, String label) {
    WebElement radio = field(key + "-" + index);
    if (label != null) {
      assertThat(browser.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).getText())
          .isEqualTo(label);
    }
    // Tasklist's fixed footer may cover the lowest line of the form: choose as the keyboard would.
    radio.sendKeys(Keys.SPACE);
  }

  /** A unit in a tag list, found by typing part of its name. */
  private void pickTag(String id, String name) {
    WebElement input = field(id);
    WebElement taglist = input.findElement(By.xpath("ancestor::*[contains(@class, 'fjs-taglist')][1]"));
    if (taglist.getText().contains(name)) {
      return; // already chosen (the units of the last round are shown again)
    }
    input.sendKeys(name);
    click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(normalize-space(.), '" + name + "')]"));
  }

  /** A choice of a drop-down (select) field, by its shown label. */
  private void pickOption(String id, String label) {
    WebElement display = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("form.fjs-form [id$='-" + id + "-display']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", display);
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(display).click().perform();
    click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(normalize-space(.), '" + label + "')]"));
  }

  /** What the page says is wrong: form-js's messages under the fields and Tasklist's error notices. */
  private List<String> formProblems() {
    List<String> problems = new java.util.ArrayList<>();
    for (WebElement error : browser.findElements(By.cssSelector(".fjs-form-field-error, .alert-danger, .alert-error"))) {
      try {
        if (error.isDisplayed() && !error.getText().isBlank()) {
          problems.add(error.getText().replace('\n', ' '));
        }
      } catch (StaleElementReferenceException gone) {
        // redrawn while read: the next look finds it again if it is still there
      }
    }
    return problems;
  }

  private void assertEnabled(WebElement button, String step) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> button.isEnabled());
    } catch (org.openqa.selenium.TimeoutException e) {
      fail("'" + button.getText() + "' stays disabled in " + step + "; the page says: "
          + (formProblems().isEmpty() ? "nothing" : formProblems()));
    }
  }

  /**
   * The step's screenshot of the filled form, then "Hoàn thành" by keyboard; the task must be
   * gone from the engine, else the test fails with what the page says (form-js or Tasklist).
   */
  private void completeAndShoot(String screenshot) throws Exception {
    String taskId = browser.getCurrentUrl().replaceAll(".*[?&]task=([^&]+).*", "$1");
    shot(screenshot);
    WebElement complete = visible(By.cssSelector("button[ng-click='complete()']"));
    assertThat(complete.getText()).isEqualTo("Hoàn thành");
    assertEnabled(complete, screenshot);
    complete.sendKeys(Keys.ENTER);
    try {
      wait.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0 || !formProblems().isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      fail("task of " + screenshot + " was not completed; the page says: " + formProblems());
    }
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("%s refused: %s", screenshot, formProblems())
        .isZero();
    driver.executeJobs();
  }

  private Plan createSeedPlan(String code) throws Exception {
    String text = new ClassPathResource("demo/yen-hoa-2026-plan.json").getContentAsString(StandardCharsets.UTF_8)
        .replace("\"KH-SXTDBV-YH-2026\"", "\"" + code + "\"");
    PlanRequest request = json.readValue(text, PlanRequest.class);
    return driver.as("kt.chuyenvien", () -> plans.create(request, "kt.chuyenvien"));
  }

  /** A fresh Tasklist session as this official (password "demo"). */
  private void login(String official) {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    visible(By.cssSelector("input[ng-model='username']")).sendKeys(official);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    visible(By.xpath("//a[contains(normalize-space(.), 'Việc của tôi')]"));
  }

  /** Opens the task as the link of its e-mail does, claims it if nobody holds it, waits for its form. */
  private void openTask(Task task, String name) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains(name));
    if (task.getAssignee() == null) {
      click(By.cssSelector("button.claim, a.claim, [ng-click*='claim()']"));
    }
    visible(By.cssSelector("form.fjs-form"));
  }

  private void click(By by) {
    // Tasklist redraws as it loads and its notices may float over a field for a moment: try again.
    wait.ignoring(StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
      WebElement element = d.findElement(by);
      if (!element.isDisplayed()) {
        return false;
      }
      element.click();
      return true;
    });
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** The screen as it is, and the clicks it took since the previous screenshot (flow-clicks.tsv). */
  private void shot(String name) throws Exception {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    Files.writeString(SHOTS.resolve("flow-clicks.tsv"), name + "\t" + clicks + "\n",
        java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    clicks = 0;
  }
}
