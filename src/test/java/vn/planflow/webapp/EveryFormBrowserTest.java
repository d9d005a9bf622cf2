package vn.planflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * Issue #11, part 1: one plan (the demo ward plan, under its own code) walked through every form of
 * {@code plan-approval} and {@code reporting-cycle} in the real Tasklist, from "Khởi động quy trình"
 * to the reporting period's approved report, each step by the right demo official, only through the
 * UI (Tasklist's forms, the plan editor, the attachments page), each step leaving a screenshot
 * {@code target/browser/flow-NN-<task>[-detail].png} in walk order and its clicks in
 * {@code flow-clicks.tsv}. Tasks are opened by the address their e-mail links to. Only the passing
 * of time (engine clock, due jobs) is done by {@link PlanApprovalDriver}. A "Hoàn thành" that stays
 * disabled, or a submit that Tasklist or planflow refuses, fails the test with the messages the page
 * shows. Skipped, with a message, without Debian's Chromium.
 */
@PlanflowIntegrationTest
class EveryFormBrowserTest {

  private static final Path SHOTS = Path.of("target", "browser");

  @LocalServerPort int port;
  @Autowired PlanApprovalDriver driver;
  @Autowired vn.planflow.org.CommitteeRules committeeRules;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;
  @Autowired vn.planflow.consultation.ConsultationOpinionRepository opinions;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

  private WebDriver browser;
  private WebDriverWait wait;
  /** Mouse clicks since the last screenshot: each step's count goes to flow-clicks.tsv. */
  private final ClickCounter clicks = new ClickCounter();

  @BeforeEach
  void startChromium() {
    // The walks vote only until four of seven decide the outcome: the ward closes voting early here.
    committeeRules.closeVotingEarly("yh-ubnd", true);
    browser = new org.openqa.selenium.support.events.EventFiringDecorator<>(clicks).decorate(HeadlessChromium.start());
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
   * The whole demo plan, one plan from "Khởi động quy trình" to the reporting period's approved
   * report, every official's action in the browser. The specialist starts it (issuer and lead unit
   * picked by name), writes it in the plan editor (a target by hand, an appendix file refused row by
   * row, then a good one, a row corrected), and her leader returns the draft once with a reason she
   * reads on the task and in the editor. The consulted unit comments; the specialist answers the
   * comment in the dynamic list and consults again; the second round agrees. After the Tờ trình and
   * the Office's review, four members vote against: the committee's meeting approves; the signer
   * returns the plan with a reason, which the specialist reads on her synthesis task and corrects in
   * the editor; the Tờ trình, review and vote go again and pass; the signer attaches the signed
   * scan with a note on the attachments page and signs, and the clerk sees both on the issuing form;
   * each unit acknowledges receipt. The two units report, the specialist consolidates and the
   * leader approves the report.
   *
   * <p>Only the passing of time is done by the test, through {@link PlanApprovalDriver}: the engine
   * clock is set to 20/5/2026 before the start and moved to 01/6/2026 for the first reporting
   * period to open, and due jobs (async steps, timers) are run with {@code executeJobs}. The
   * {@code yh-ubnd} committee closes voting early here, so four slips decide each vote.
   */
  @Test
  void theDemoPlanIsWalkedThroughEveryFormOnlyInTheBrowser() throws Exception {
    String code = "KH-FLOW-2026";
    try (var old = Files.exists(SHOTS) ? Files.list(SHOTS) : java.util.stream.Stream.<Path>empty()) {
      for (Path file : old.filter(f -> f.getFileName().toString().startsWith("flow-")).toList()) {
        Files.delete(file);
      }
    }
    driver.moveClockTo(java.sql.Timestamp.valueOf("2026-05-20 10:00:00"));
    try {
      run(() -> walk(code));
    } finally {
      driver.resetClock();
    }
    Plan plan = driver.plan(code);
    assertThat(plan.getStatus().name()).isEqualTo("IN_EFFECT");
    assertThat(plan.getNumber()).matches("(0[1-9]|[1-9]\\d+)/KH-UBND");
    assertThat(plan.getBudget()).contains("đã rà soát theo ý kiến của người ký");
    assertThat(plan.getSignerId()).isEqualTo("yh.pct1");
    assertThat(driver.openTasks(code, PlanApproval.ACKNOWLEDGE_RECEIPT)).isEmpty();
    // The first round's comment was answered in the dynamic list: not accepted, with the reason.
    var answered = opinions.findByPlanCodeAndRoundOrderByIdAsc(code, 1).get(0);
    assertThat(answered.getAccepted()).isFalse();
    assertThat(answered.getExplanation()).isEqualTo("Đã có tại nhiệm vụ 1; giải trình: giữ nguyên.");
    var reports = vn.planflow.OfficialClient.demo(rest, json, "kt.truongphong").getJson("/api/plans/" + code + "/reports");
    assertThat(reports.toString()).contains("BC-");
    var period = vn.planflow.OfficialClient.demo(rest, json, "kt.truongphong")
        .getJson("/api/plans/" + code + "/reports/2026-H1").toString();
    assertThat(period).contains("Đã triển khai tại 10/12 tổ dân phố.").contains("Số liệu đến 31/5.")
        .contains("Một số hộ kinh doanh chưa hợp tác.").contains("Đề nghị bổ sung tài liệu tuyên truyền.")
        .contains("Đề nghị UBND phường bố trí kinh phí tuyên truyền năm 2027.");
    assertThat(driver.openTasks(code, "approveConsolidatedReport")).isEmpty();
  }

  private void walk(String code) throws Exception {
    // 1. The specialist starts the plan from Tasklist.
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
    shot(step("startPlan"));
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

    // 2. Drafting: the content in the editor, opened from the task's form.
    Task draft = driver.task(code, PlanApproval.DRAFT_PLAN);
    openTask(draft, "Soạn dự thảo");
    shot(step("draftPlan-truoc-soan-thao"));
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
    shot(step("editor-phu-luc-co-loi"));
    upload(appendix("phu-luc.xlsx", List.of(
        List.of("1", "Tuyên truyền", "Tuyên truyền trên hệ thống loa truyền thanh của phường", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội", "Quý II/2026"),
        List.of("2", "Tập huấn", "Tập huấn cho các hộ kinh doanh", "Phòng Văn hóa - Xã hội", "", "Năm 2026"))));
    wait.until(d -> d.findElements(By.cssSelector("#tasks [data-row]")).size() == 2);
    assertThat(browser.findElement(By.id("appendixErrors")).isDisplayed()).isFalse();
    // A row corrected by hand after the import.
    editorInput("#tasks [data-row]:nth-child(2) [data-name='name']", "Tập huấn cho các hộ kinh doanh tại chợ Nghĩa Tân");
    saveEditor(step("editor-da-luu"));
    assertThat(taskService.getVariableLocal(draft.getId(), PlanApproval.PLAN_VIEW).toString())
        .contains("chợ Nghĩa Tân", "100% tổ dân phố");
    backToTask("Tập huấn cho các hộ kinh doanh tại chợ Nghĩa Tân");
    pickTag("consultedUnits", "Văn hóa");
    setNumber("consultationDays", "5");
    completeAndShoot(step("draftPlan"));

    // 3. The leader returns the draft, with the reason.
    login("kt.truongphong");
    openTask(driver.task(code, PlanApproval.REVIEW_DRAFT), "duyệt dự thảo");
    choose("approved", 1, "Trả lại để chỉnh sửa");
    type("comment", "Bổ sung chỉ tiêu về túi ni lông tại các chợ.");
    completeAndShoot(step("reviewDraft-tra-lai"));

    // 4. Back to the specialist: the reason on the task and in the editor, the draft corrected there.
    login("kt.chuyenvien");
    Task returned = driver.task(code, PlanApproval.DRAFT_PLAN);
    openTask(returned, "Soạn dự thảo");
    assertThat(form().getText()).contains("Dự thảo bị trả lại để chỉnh sửa", "Bổ sung chỉ tiêu về túi ni lông tại các chợ.");
    shot(step("draftPlan-bi-tra-lai"));
    openEditor(code, returned.getId());
    assertThat(visible(By.id("returnBox")).getText()).contains("Bổ sung chỉ tiêu về túi ni lông tại các chợ.");
    editorClick("button[data-add='targets']");
    editorInput("#targets [data-row]:last-child [data-name='code']", "2");
    editorInput("#targets [data-row]:last-child [data-name='text']", "Giảm sử dụng túi ni lông khó phân hủy tại các chợ");
    editorInput("#targets [data-row]:last-child [data-name='value']", "50");
    editorInput("#targets [data-row]:last-child [data-name='unit']", "%");
    saveEditor(step("editor-sua-sau-tra-lai"));
    backToTask("túi ni lông khó phân hủy");
    completeAndShoot(step("draftPlan-sau-tra-lai"));

    // 5. The leader approves the draft.
    login("kt.truongphong");
    openTask(driver.task(code, PlanApproval.REVIEW_DRAFT), "duyệt dự thảo");
    choose("approved", 0, "Đồng ý dự thảo");
    completeAndShoot(step("reviewDraft"));
    assertThat(driver.openTasks(code, PlanApproval.GIVE_OPINION)).hasSize(1);

    // 6. Consultation, round 1: a comment.
    giveOpinion(code, step("giveOpinion"), 1, "Đồng ý, có góp ý", "Đề nghị bổ sung tuyên truyền tại các tổ dân phố.");

    // 7. The specialist answers the comment (not accepted, with the reason) and consults again.
    login("kt.chuyenvien");
    openTask(driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS), "Tổng hợp");
    assertThat(form().getText()).contains("Đề nghị bổ sung tuyên truyền tại các tổ dân phố.");
    toggle("accepted_0");
    type("explanation_0", "Đã có tại nhiệm vụ 1; giải trình: giữ nguyên.");
    choose("reconsult", 0, "Có, lấy ý kiến lại các đơn vị");
    pickTag("consultedUnits", "Văn hóa");
    setNumber("consultationDays", "3");
    completeAndShoot(step("synthesizeOpinions-lay-y-kien-lai"));

    // 8. Round 2 agrees; the specialist sends the Tờ trình to her leader.
    giveOpinion(code, step("giveOpinion-lan-2"), 0, "Đồng ý", null);
    login("kt.chuyenvien");
    openTask(driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS), "Tổng hợp");
    choose("reconsult", 1, "Không, trình lãnh đạo đơn vị ký Tờ trình");
    completeAndShoot(step("synthesizeOpinions"));

    approveSubmission(code, step("approveSubmission"));
    reviewSubmission(code, step("reviewSubmission"));

    // 9. Four of seven vote against: the vote fails and goes to the committee's meeting.
    castVote(code, "yh.chutich", step("castVote-khong-dong-y-yh.chutich"), 1, null);
    castVote(code, "yh.pct2", step("castVote-y-kien-khac-yh.pct2"), 2, "Cần họp UBND để thảo luận thêm.");
    castVote(code, "yh.congan", step("castVote-khong-dong-y-yh.congan"), 1, null);
    castVote(code, "yh.quansu", step("castVote-khong-dong-y-yh.quansu"), 1, null);
    assertThat(driver.openTasks(code, PlanApproval.CAST_VOTE)).as("slips once 4 of 7 disagreed").isEmpty();

    login("yh.vanphong");
    openTask(driver.task(code, PlanApproval.RECORD_MEETING_DECISION), "họp");
    choose("approved", 0, null);
    type("comment", "Phiên họp thường kỳ tháng 5 thống nhất thông qua.");
    completeAndShoot(step("recordMeetingDecision"));

    // 10. The signer returns the plan to the specialist, with the reason.
    login("yh.pct1");
    openTask(driver.task(code, PlanApproval.SIGN_PLAN), "Ký");
    choose("decision", 1, null);
    type("comment", "Đề nghị rà soát lại kinh phí thực hiện.");
    completeAndShoot(step("signPlan-tra-lai"));
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("SYNTHESIZING");

    // 11. The specialist reads the reason on her synthesis task, corrects the plan in the editor
    // and sends it on without consulting again.
    login("kt.chuyenvien");
    Task signerReturned = driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS);
    openTask(signerReturned, "Tổng hợp");
    assertThat(form().getText()).contains("Hồ sơ bị người ký trả lại", "Đề nghị rà soát lại kinh phí thực hiện.");
    shot(step("synthesizeOpinions-bi-nguoi-ky-tra-lai"));
    openEditor(code, signerReturned.getId());
    assertThat(visible(By.id("returnBox")).getText()).contains("Đề nghị rà soát lại kinh phí thực hiện.");
    editorInput("#budget", "Ngân sách phường năm 2026 (đã rà soát theo ý kiến của người ký) và nguồn xã hội hóa.");
    saveEditor(step("editor-sua-sau-nguoi-ky-tra-lai"));
    backToTask("Hồ sơ bị người ký trả lại"); // the synthesis form shows the opinions, not the budget
    choose("reconsult", 1, "Không, trình lãnh đạo đơn vị ký Tờ trình");
    completeAndShoot(step("synthesizeOpinions-sau-nguoi-ky-tra-lai"));

    approveSubmission(code, step("approveSubmission-lan-2"));
    reviewSubmission(code, step("reviewSubmission-lan-2"));

    // 12. Four of seven agree: the vote passes.
    for (String member : List.of("yh.chutich", "yh.pct1", "yh.pct2", "kt.truongphong")) {
      castVote(code, member, step("castVote-dong-y-" + member), 0, null);
    }
    assertThat(driver.openTasks(code, PlanApproval.CAST_VOTE)).as("slips after 4 of 7 agreed").isEmpty();

    // 13. The signer attaches the signed scan with a note for the clerk, then signs.
    login("yh.pct1");
    Task sign = driver.task(code, PlanApproval.SIGN_PLAN);
    openTask(sign, "Ký");
    Files.createDirectories(SHOTS);
    Path scan = SHOTS.resolve(SIGNED_SCAN);
    Files.write(scan, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    By attachments = By.xpath("//form[contains(@class,'fjs-form')]//a[contains(., 'Xem tệp đính kèm, tải tệp lên')]");
    // Tasklist's fixed footer covers the lowest line: the link is brought to the middle first.
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", visible(attachments));
    click(attachments);
    wait.until(d -> d.getCurrentUrl().contains("/dashboard/plans/" + code + "/attachments?task=" + sign.getId()));
    visible(By.id("comment-message")).sendKeys(SIGNER_NOTE);
    click(By.id("comment-send"));
    wait.until(d -> d.findElement(By.id("done")).getText().contains("Đã lưu ghi chú"));
    visible(By.id("upload-section"));
    browser.findElement(By.id("file")).sendKeys(scan.toAbsolutePath().toString());
    browser.findElement(By.id("note")).sendKeys("Bản chụp kế hoạch đã ký");
    click(By.id("send"));
    wait.until(d -> d.findElement(By.id("attachments")).getText().contains(SIGNED_SCAN));
    assertThat(browser.findElement(By.id("message")).isDisplayed()).isFalse();
    shot(step("signPlan-tep-dinh-kem"));
    click(By.linkText("Quay lại nhiệm vụ"));
    visible(By.cssSelector("form.fjs-form"));
    choose("decision", 0, null);
    completeAndShoot(step("signPlan"));

    // 14. The clerk sees the signer's note and file on her form, numbers and issues the plan.
    login("yh.vanthu");
    openTask(driver.task(code, PlanApproval.ISSUE_PLAN), "phát hành");
    wait.until(d -> form().getText().contains(SIGNER_NOTE));
    WebElement scanLink = form().findElement(By.xpath(".//a[contains(., '" + SIGNED_SCAN + "')]"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", scanLink);
    completeAndShoot(step("issuePlan")); // the screenshot shows the signer's file
    assertThat(driver.plan(code).getNumber()).matches("(0[1-9]|[1-9]\\d+)/KH-UBND");

    // 15. Each unit with a task in the appendix acknowledges receipt.
    for (String[] receiver : List.of(new String[] {"yh-pkthtdt", "kt.chuyenvien"},
        new String[] {"yh-pvhxh", "vhxh.chuyenvien"})) {
      login(receiver[1]);
      openTask(driver.taskOf(code, PlanApproval.ACKNOWLEDGE_RECEIPT, PlanApproval.UNIT, receiver[0]), "nhận");
      choose("ownPlanRequired", 1, null);
      completeAndShoot(step("acknowledgeReceipt-" + receiver[0]));
    }
    assertThat(driver.openTasks(code, PlanApproval.ACKNOWLEDGE_RECEIPT)).isEmpty();
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("IN_EFFECT");

    // 16. Time passes (the test's only part): the first reporting period opens on 01/6.
    driver.moveClockTo(java.sql.Timestamp.valueOf("2026-06-01 08:01:00"));
    driver.executeJobs();
    submitReport(code, "yh-pkthtdt", "kt.chuyenvien", step("submitReport-yh-pkthtdt"));
    submitReport(code, "yh-pvhxh", "vhxh.chuyenvien", step("submitReport-yh-pvhxh"));

    login("kt.chuyenvien");
    openTask(driver.task(code, "consolidateReports"), "Tổng hợp báo cáo");
    // A required field left empty still holds "Hoàn thành" back, with form-js's message.
    type("summary", "x");
    field("summary").sendKeys(Keys.BACK_SPACE, Keys.TAB);
    WebElement complete = visible(By.cssSelector("button[ng-click='complete()']"));
    wait.until(d -> !complete.isEnabled());
    assertThat(formProblems()).isNotEmpty();
    type("summary", "06 tháng đầu năm 2026: 02/02 đơn vị gửi báo cáo đúng hạn.");
    type("proposals", "Đề nghị UBND phường bố trí kinh phí tuyên truyền năm 2027.");
    completeAndShoot(step("consolidateReports"));

    login("kt.truongphong");
    openTask(driver.task(code, "approveConsolidatedReport"), "duyệt báo cáo");
    choose("approved", 0, null);
    completeAndShoot(step("approveConsolidatedReport"));
  }

  private static final String SIGNED_SCAN = "ke-hoach-da-ky.pdf";
  private static final String SIGNER_NOTE = "Đã ký; đề nghị Văn thư phát hành trong ngày.";
  /** The screenshots' running number, in walk order. */
  private int shots;

  private String step(String name) {
    return String.format("flow-%02d-%s", ++shots, name);
  }

  private void approveSubmission(String code, String shot) throws Exception {
    login("kt.truongphong");
    openTask(driver.task(code, PlanApproval.APPROVE_SUBMISSION), "Tờ trình");
    choose("approved", 0, null);
    completeAndShoot(shot);
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
    type("difficulties", "Một số hộ kinh doanh chưa hợp tác.");
    type("recommendations", "Đề nghị bổ sung tài liệu tuyên truyền.");
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

  /**
   * Types into a field and leaves it (Tab), as an official does: form-js keeps a typed value only
   * after a short pause or when the field loses focus; a radio chosen straight after the typing
   * redraws the form with the old value (the synthesis's "Giải trình" was lost that way).
   */
  private void type(String id, String text) {
    field(id).sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
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
    By item = By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(normalize-space(.), '" + label + "')]");
    // Tab from the previous field may open the list, a moment later: a click then closes it again.
    // So: open it only while it is closed, and look again until the choice shows.
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      if (d.findElements(item).stream().anyMatch(WebElement::isDisplayed)) {
        return true;
      }
      new org.openqa.selenium.interactions.Actions(browser).moveToElement(display).click().perform();
      try {
        new WebDriverWait(browser, Duration.ofSeconds(2))
            .until(b -> b.findElements(item).stream().anyMatch(WebElement::isDisplayed));
        return true;
      } catch (org.openqa.selenium.TimeoutException closed) {
        return false;
      }
    });
    click(item);
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
      // Tasklist redraws the form once the claim is through: fill in the redrawn one.
      wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() != null
          && !d.findElements(By.cssSelector("[ng-click*='unclaim()']")).isEmpty());
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
    Files.writeString(SHOTS.resolve("flow-clicks.tsv"), name + "\t" + clicks.take() + "\n",
        java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }
}
