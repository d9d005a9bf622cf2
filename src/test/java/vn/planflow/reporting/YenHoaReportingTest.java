package vn.planflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;

/**
 * The Yên Hòa ward plan of 2026, as its officials and the administrator would run it over the
 * real REST APIs: approved and issued, then its first two reporting periods ("trước ngày 15/6 và
 * 15/12") — the opening timer Cockpit shows, executed by the administrator; each reporting unit's
 * task and e-mail (a real SMTP server in this JVM); a unit on time with a draft saved first, one
 * on time with its content sent on completion, one late, one missing; the consolidated report with
 * its number; then the annual period and the plan closed.
 */
@PlanflowIntegrationTest
class YenHoaReportingTest {

  private static final String CODE = "KH-SXTDBV-YH-2026";
  private static final int SMTP_PORT = freePort();
  private static final Map<String, String> SPECIALIST_OF = Map.of(
      "yh-pkthtdt", "kt.chuyenvien", "yh-pvhxh", "vhxh.chuyenvien", "yh-ca", "yh.congan.canbo",
      "yh-htx-yenhoa", "htx-yenhoa.nhanvien", "yh-htx-trunghoa", "htx-trunghoa.nhanvien");

  private static GreenMail smtp;

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("planflow.mail.retry-interval", () -> "1h");
  }

  @BeforeAll
  static void startSmtp() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired vn.planflow.org.CommitteeRules committeeRules;

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(localDateTime));
  }

  private void step(String user, String taskKey, Map<String, Object> variables) {
    complete(user, as(user).taskId(CODE, taskKey), variables);
  }

  private void complete(String user, String taskId, Map<String, Object> variables) {
    var response = as(user).complete(taskId, variables);
    assertThat(response.getStatusCode()).as(user + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    runJobs();
  }

  private void runJobs() {
    as("admin").executeDueJobs();
  }

  private void execute(String jobId) {
    var executed = as("admin").post("/engine-rest/job/" + jobId + "/execute", Map.of());
    assertThat(executed.getStatusCode()).as(executed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** The reporting-cycle's timer jobs, as Cockpit lists them. */
  private JsonNode reportingTimers() {
    String instance = as("admin").getJson("/engine-rest/process-instance?processDefinitionKey="
        + PlanApproval.REPORTING_PROCESS + "&businessKey=" + CODE).get(0).get("id").asText();
    return as("admin").getJson("/engine-rest/job?timers=true&processInstanceId=" + instance + "&sortBy=jobDueDate&sortOrder=asc");
  }

  /** The open submitReport task of a unit, as its specialist sees it. */
  private String submission(String unit) {
    JsonNode tasks = as(SPECIALIST_OF.get(unit)).getJson("/engine-rest/task?processInstanceBusinessKey=" + CODE
        + "&taskDefinitionKey=" + ReportingCycle.SUBMIT_REPORT);
    assertThat(tasks).as(unit + " sees its own task only").hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private Set<String> mailedTo(String subjectPart) throws Exception {
    Set<String> to = new TreeSet<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getSubject().contains(subjectPart)) {
        Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).forEach(to::add);
      }
    }
    return to;
  }

  /** Waits (up to 15 s: e-mails leave after the commit, from a background sender) for these recipients. */
  private Set<String> awaitMailTo(String subjectPart, String... recipients) throws Exception {
    long until = System.currentTimeMillis() + 15_000;
    Set<String> to = mailedTo(subjectPart);
    while (!to.containsAll(List.of(recipients)) && System.currentTimeMillis() < until) {
      Thread.sleep(100);
      to = mailedTo(subjectPart);
    }
    return to;
  }

  @Test
  void theWardPlanRunsItsFirstTwoPeriodsOverRest() throws Exception {
    issueThePlan();

    // Cockpit: the instance waits on the opening timer of 2026-H1, 10 working days before 15/6
    // (Monday 1/6, 08:00 in Hà Nội), then on none other.
    JsonNode timers = reportingTimers();
    assertThat(timers).hasSize(1);
    assertThat(timers.get(0).get("dueDate").asText()).isEqualTo("2026-06-01T08:00:00.000+0700");
    JsonNode periods = as("kt.truongphong").getJson("/api/plans/" + CODE + "/reports");
    assertThat(periods.findValuesAsText("period")).containsExactly("2026-H1", "2026-Y");
    assertThat(periods.findValuesAsText("status")).containsOnly("SCHEDULED");

    // The administrator executes the timer on that morning: each unit that leads a task gets its task and e-mail.
    at("2026-06-01 08:05:00");
    execute(timers.get(0).get("id").asText());
    runJobs();
    String[] reportingStaff = {"kt.chuyenvien@planflow.example", "vhxh.chuyenvien@planflow.example",
        "htx-yenhoa.nhanvien@planflow.example", "htx-trunghoa.nhanvien@planflow.example"};
    assertThat(awaitMailTo("Gửi báo cáo kết quả thực hiện", reportingStaff)).contains(reportingStaff);
    JsonNode opened = as("kt.truongphong").getJson("/api/plans/" + CODE + "/reports/2026-H1");
    assertThat(opened.get("status").asText()).isEqualTo("OPEN");
    assertThat(opened.get("pending").findValuesAsText("unit"))
        .containsExactly("yh-htx-trunghoa", "yh-htx-yenhoa", "yh-pkthtdt", "yh-pvhxh");
    JsonNode dueTask = as("kt.chuyenvien").getJson("/engine-rest/task/" + submission("yh-pkthtdt"));
    assertThat(dueTask.get("due").asText()).isEqualTo("2026-06-15T00:00:00.000+0700");
    assertThat(dueTask.get("name").asText()).isEqualTo("Gửi báo cáo kết quả thực hiện");
    // Its form's history: the approval in short (read once for the plan, then for every unit from memory).
    for (String unit : List.of("yh-pkthtdt", "yh-pvhxh")) {
      JsonNode history = json.readTree(as(SPECIALIST_OF.get(unit)).getJson("/engine-rest/task/" + submission(unit)
          + "/variables/history?deserializeValue=false").get("value").asText());
      assertThat(history.findValuesAsText("text")).as(unit).containsExactly(
          "Lãnh đạo đơn vị duyệt dự thảo: Lê Đức Thắng (Phòng Kinh tế, Hạ tầng và Đô thị) — Hoàn thành. Quyết định: Đồng ý",
          "Lãnh đạo đơn vị ký Tờ trình: Lê Đức Thắng (Phòng Kinh tế, Hạ tầng và Đô thị) — Hoàn thành. Quyết định: Đồng ý",
          "Văn phòng UBND thẩm tra hồ sơ: Lý Thị Hoa (Ủy ban nhân dân phường Yên Hòa) — Hoàn thành. Quyết định: Lấy phiếu"
              + " biểu quyết thành viên UBND; Người ký: Vũ Minh Dũng",
          "Ký ban hành kế hoạch: Vũ Minh Dũng (Ủy ban nhân dân phường Yên Hòa) — Hoàn thành. Quyết định: Ký ban hành",
          "Vào sổ, cấp số và phát hành: Cao Thị Nga (Ủy ban nhân dân phường Yên Hòa) — Ban hành. Số, ký hiệu: 01/KH-UBND",
          "Phê duyệt, ban hành kế hoạch: Kế hoạch số 01/KH-UBND ban hành ngày 02/03/2026; người ký: Phó Chủ tịch Vũ Minh Dũng");
    }

    // Phòng Kinh tế saves a draft through the API (bad content first), then completes the task.
    long economicsReport = reportId(opened, "yh-pkthtdt");
    var bad = as("kt.chuyenvien").send(HttpMethod.PUT, "/api/reports/" + economicsReport,
        Map.of("summary", "x", "taskResults", List.of(Map.of("taskNo", "1", "status", "DONE", "progress", 150),
            Map.of("taskNo", "99", "status", "DONE"))), MediaType.APPLICATION_JSON);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("taskResults[0].progress").contains("taskResults[1].taskNo");
    // The new free-text parts have their bounds too: a 400 naming the field, and nothing kept.
    var tooLong = as("kt.chuyenvien").send(HttpMethod.PUT, "/api/reports/" + economicsReport,
        Map.of("summary", "Tóm tắt", "difficulties", "khó khăn ".repeat(600)), MediaType.APPLICATION_JSON);
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody()).contains("\"difficulties\"");
    assertThat(as("kt.chuyenvien").getJson("/api/reports/" + economicsReport).get("summary").isNull()).isTrue();
    var foreign = as("vhxh.chuyenvien").send(HttpMethod.PUT, "/api/reports/" + economicsReport,
        Map.of("summary", "không phải của tôi"), MediaType.APPLICATION_JSON);
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(foreign.getBody()).contains("\"unit\"");
    var draft = as("kt.chuyenvien").send(HttpMethod.PUT, "/api/reports/" + economicsReport, Map.of(
        "summary", "Đã tổ chức 03 hội nghị tuyên truyền; 100% hộ kinh doanh được phổ biến.",
        "taskResults", List.of(
            Map.of("taskNo", "1", "status", "DONE", "progress", 100, "result", "03 hội nghị, 1.200 lượt người"),
            Map.of("taskNo", "2", "status", "IN_PROGRESS", "progress", 40, "result", "Khảo sát 15/40 cơ sở")),
        "indicators", List.of(Map.of("targetCode", "4.1", "value", 100)),
        "difficulties", "Một số hộ kinh doanh chưa hợp tác khảo sát.",
        "recommendations", "Đề nghị bố trí kinh phí in tài liệu tuyên truyền."), MediaType.APPLICATION_JSON);
    assertThat(draft.getStatusCode()).as(draft.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(as("kt.chuyenvien").getJson("/api/reports/" + economicsReport).get("difficulties").asText())
        .isEqualTo("Một số hộ kinh doanh chưa hợp tác khảo sát.");
    at("2026-06-05 10:00:00");
    complete("kt.chuyenvien", submission("yh-pkthtdt"), Map.of());

    // Phòng Văn hóa - Xã hội sends its content with the completion.
    complete("vhxh.chuyenvien", submission("yh-pvhxh"), Map.of(
        "summary", "Tuyên truyền trên hệ thống loa truyền thanh của phường.",
        "taskResults", List.of(Map.of("taskNo", "3", "status", "IN_PROGRESS", "progress", 60, "result", "20 buổi phát thanh"),
            Map.of("taskNo", "4", "status", "NOT_STARTED", "progress", 0, "result", "")),
        "indicators", List.of(Map.of("targetCode", "4.1", "value", 90)),
        "recommendations", "Đề nghị Sở Công Thương cung cấp tài liệu mẫu./."));

    // 8/6 and 12/6: reminders to the two cooperatives; 15/6 00:00: the escalation to their leaders and the lead unit.
    at("2026-06-08 08:01:00");
    runJobs();
    at("2026-06-15 00:01:00");
    runJobs();
    String[] cooperatives = {"htx-yenhoa.chunhiem@planflow.example", "htx-yenhoa.nhanvien@planflow.example",
        "htx-trunghoa.chunhiem@planflow.example", "htx-trunghoa.nhanvien@planflow.example"};
    assertThat(awaitMailTo("Nhắc báo cáo: còn 5 ngày làm việc", cooperatives)).containsExactlyInAnyOrder(cooperatives);
    assertThat(awaitMailTo("Nhắc báo cáo: còn 1 ngày làm việc", cooperatives)).containsExactlyInAnyOrder(cooperatives);
    assertThat(awaitMailTo("Quá hạn báo cáo", "htx-yenhoa.chunhiem@planflow.example", "kt.truongphong@planflow.example"))
        .contains("htx-trunghoa.chunhiem@planflow.example", "kt.chuyenvien@planflow.example")
        .doesNotContain("htx-yenhoa.nhanvien@planflow.example", "vhxh.truongphong@planflow.example");

    // HTX Yên Hòa reports the next day (late); HTX Trung Hòa never does.
    at("2026-06-16 09:00:00");
    complete("htx-yenhoa.nhanvien", submission("yh-htx-yenhoa"), Map.of("summary", "HTX đã ngừng dùng túi nilon khó phân hủy.",
        "taskResults", List.of(Map.of("taskNo", "5", "status", "DONE", "progress", 100, "result", "Hoàn thành")),
        "indicators", List.of(Map.of("targetCode", "4.2", "value", 75))));
    // Five working days after the due time (16, 17, 18, 19, 22/6): collection closes at 00:00 on 23/6.
    at("2026-06-23 00:01:00");
    runJobs();

    JsonNode midYear = as("kt.chuyenvien").getJson("/api/plans/" + CODE + "/reports/2026-H1");
    assertThat(midYear.get("status").asText()).isEqualTo("CLOSED");
    assertThat(midYear.get("submitted").findValuesAsText("unit")).containsExactly("yh-pkthtdt", "yh-pvhxh");
    assertThat(midYear.get("late").findValuesAsText("unit")).containsExactly("yh-htx-yenhoa");
    assertThat(midYear.get("missing").findValuesAsText("unit")).containsExactly("yh-htx-trunghoa");
    assertThat(midYear.get("missing").get(0).get("statusLabel").asText()).isEqualTo("Không gửi");
    JsonNode firstTask = midYear.get("tasks").get(0);
    assertThat(firstTask.get("status").asText()).isEqualTo("DONE");
    assertThat(firstTask.get("byUnit").get(0).get("result").asText()).isEqualTo("03 hội nghị, 1.200 lượt người");
    assertThat(midYear.get("tasks").get(5).get("statusLabel").asText()).isEqualTo("Chưa có báo cáo");
    JsonNode awareness = midYear.get("targets").get(0);
    assertThat(awareness.get("targetCode").asText()).isEqualTo("4.1");
    assertThat(awareness.get("targetValue").asInt()).isEqualTo(100);
    assertThat(awareness.get("reported").findValuesAsText("unit")).containsExactly("yh-pkthtdt", "yh-pvhxh");
    assertThat(awareness.get("average").asInt()).isEqualTo(95);

    step("kt.chuyenvien", ReportingCycle.CONSOLIDATE_REPORTS, Map.of("summary",
        "Phường đã triển khai 6/6 nhiệm vụ; HTX Trung Hòa chưa báo cáo, đề nghị đôn đốc.",
        "proposals", "Đề nghị UBND phường giao Phòng Văn hóa - Xã hội phối hợp tuyên truyền."));
    step("kt.truongphong", ReportingCycle.APPROVE_CONSOLIDATED_REPORT, Map.of("approved", true));
    midYear = as("kt.chuyenvien").getJson("/api/plans/" + CODE + "/reports/2026-H1");
    assertThat(midYear.get("status").asText()).isEqualTo("SENT");
    assertThat(midYear.get("number").asText()).isEqualTo("01/BC-KTHTĐT");
    theReportAsDocumentAndWorkbook();

    // The annual period: its timer is the next one Cockpit shows (Tuesday 1/12, ten working days before 15/12).
    timers = reportingTimers();
    assertThat(timers).hasSize(1);
    assertThat(timers.get(0).get("dueDate").asText()).isEqualTo("2026-12-01T08:00:00.000+0700");
    at("2026-12-01 08:01:00");
    runJobs();
    for (String unit : List.of("yh-pkthtdt", "yh-pvhxh", "yh-htx-yenhoa", "yh-htx-trunghoa")) {
      complete(SPECIALIST_OF.get(unit), submission(unit), Map.of("summary", "Báo cáo năm của " + unit));
    }
    // Everyone reported: collection closes at once and the lead unit consolidates.
    step("kt.chuyenvien", ReportingCycle.CONSOLIDATE_REPORTS, Map.of("summary", "Báo cáo năm 2026 của phường."));
    step("kt.truongphong", ReportingCycle.APPROVE_CONSOLIDATED_REPORT, Map.of("approved", true));

    JsonNode plan = as("kt.chuyenvien").getJson("/api/plans/" + CODE);
    assertThat(plan.get("status").asText()).isEqualTo("CLOSED");
    List<String> statuses = new ArrayList<>();
    as("kt.chuyenvien").getJson("/api/plans/" + CODE + "/reports").forEach(p -> statuses.add(p.get("status").asText()));
    assertThat(statuses).containsExactly("SENT", "SENT");
    assertThat(as("kt.chuyenvien").getJson("/api/plans/" + CODE + "/reports/2026-Y").get("submitted")).hasSize(4);
    assertThat(as("admin").getJson("/engine-rest/process-instance?processDefinitionKey="
        + PlanApproval.REPORTING_PROCESS + "&businessKey=" + CODE)).isEmpty();
  }

  /** The sent mid-year report as the .docx officials file and the .xlsx they work the figures in. */
  private void theReportAsDocumentAndWorkbook() throws Exception {
    var document = as("vhxh.chuyenvien").get("/api/plans/" + CODE + "/reports/2026-H1/document");
    assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(document.getHeaders().getContentType().toString())
        .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    byte[] docx = rest.withBasicAuth("vhxh.chuyenvien", "demo")
        .getForObject("/api/plans/" + CODE + "/reports/2026-H1/document", byte[].class);
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/documents/" + CODE + "-2026-H1.docx"), docx);
    String text;
    try (var word = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
        var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(word)) {
      text = extractor.getText();
    }
    assertThat(text)
        .contains("PHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ")
        .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .contains("Số: 01/BC-KTHTĐT")
        .contains("BÁO CÁO")
        .contains("Báo cáo 6 tháng đầu năm 2026")
        .contains("Kính gửi: Ủy ban nhân dân phường Yên Hòa.")
        .contains("Số đơn vị phải báo cáo: 4; đúng hạn: 2; muộn: 1; không gửi: 1.")
        // The parts of a báo cáo, in order, with each unit's own words.
        .containsSubsequence("I. KẾT QUẢ THỰC HIỆN", "1. Tình hình triển khai",
            "2. Kết quả thực hiện các nhiệm vụ tại Phụ lục kế hoạch", "3. Kết quả thực hiện các chỉ tiêu",
            "4. Kết quả của các đơn vị",
            "- Phòng Kinh tế, Hạ tầng và Đô thị: Đã tổ chức 03 hội nghị tuyên truyền; 100% hộ kinh doanh được phổ biến.",
            "II. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ",
            "- Đơn vị gửi báo cáo muộn: Hợp tác xã Thương mại - Dịch vụ chợ Yên Hòa.",
            "- Đơn vị không gửi báo cáo: Hợp tác xã Dịch vụ chợ Trung Hòa.",
            "III. KHÓ KHĂN, VƯỚNG MẮC",
            "- Phòng Kinh tế, Hạ tầng và Đô thị: Một số hộ kinh doanh chưa hợp tác khảo sát.",
            "IV. KIẾN NGHỊ, ĐỀ XUẤT", "1. Kiến nghị của các đơn vị",
            "- Phòng Kinh tế, Hạ tầng và Đô thị: Đề nghị bố trí kinh phí in tài liệu tuyên truyền.",
            "- Phòng Văn hóa - Xã hội: Đề nghị Sở Công Thương cung cấp tài liệu mẫu.",
            "2. Đề xuất với UBND phường Yên Hòa",
            "Đề nghị UBND phường giao Phòng Văn hóa - Xã hội phối hợp tuyên truyền.",
            "Phòng Kinh tế, Hạ tầng và Đô thị kính báo cáo UBND phường Yên Hòa./.")
        .satisfies(all -> assertThat(all.split("\\./\\.", -1)).as("one closing ./.").hasSize(2))
        .contains("Phường đã triển khai 6/6 nhiệm vụ; HTX Trung Hòa chưa báo cáo, đề nghị đôn đốc.")
        .contains("03 hội nghị, 1.200 lượt người")
        .contains("Gửi muộn")
        .contains("Không gửi")
        .contains("TRƯỞNG PHÒNG")
        .contains("Lê Đức Thắng")
        .doesNotContain("DỰ THẢO");

    byte[] xlsx = rest.withBasicAuth("vhxh.chuyenvien", "demo")
        .getForObject("/api/plans/" + CODE + "/reports/2026-H1/export", byte[].class);
    java.nio.file.Files.write(java.nio.file.Path.of("target/documents/" + CODE + "-2026-H1.xlsx"), xlsx);
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
          workbook.getSheetName(3))).containsExactly("Tình hình báo cáo", "Nhiệm vụ", "Chỉ tiêu",
          "Đơn vị chậm, không báo cáo");
      var tasks = workbook.getSheet("Nhiệm vụ");
      assertThat(tasks.getRow(3).getCell(8).getStringCellValue()).isEqualTo("03 hội nghị, 1.200 lượt người");
      assertThat(tasks.getRow(3).getCell(7).getNumericCellValue()).isEqualTo(100.0);
      var targets = workbook.getSheet("Chỉ tiêu");
      assertThat(targets.getRow(3).getCell(0).getStringCellValue()).isEqualTo("4.1");
      assertThat(targets.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(100.0);
      assertThat(targets.getRow(3).getCell(7).getNumericCellValue()).isEqualTo(95.0);
      var lateAndMissing = workbook.getSheet("Đơn vị chậm, không báo cáo");
      assertThat(lateAndMissing.getLastRowNum()).isEqualTo(4);
      assertThat(lateAndMissing.getRow(3).getCell(0).getStringCellValue()).isEqualTo("yh-htx-yenhoa");
      assertThat(lateAndMissing.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Gửi muộn");
      assertThat(lateAndMissing.getRow(4).getCell(0).getStringCellValue()).isEqualTo("yh-htx-trunghoa");
      assertThat(lateAndMissing.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Không gửi");
    }
    assertThat(as("vhxh.chuyenvien").get("/api/plans/" + CODE + "/reports/2031-H1/export").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** The demo plan from draft to issued, each step by its official, on 2/3/2026. */
  private void issueThePlan() throws Exception {
    at("2026-03-02 08:30:00");
    String plan = new ClassPathResource("demo/yen-hoa-2026-plan.json").getContentAsString(StandardCharsets.UTF_8);
    var created = as("kt.chuyenvien").send(HttpMethod.POST, "/api/plans", plan, MediaType.APPLICATION_JSON);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    step("kt.chuyenvien", PlanApproval.DRAFT_PLAN, Map.of("consultedUnits", List.of("yh-pvhxh", "yh-ca"),
        "consultationDays", 5));
    step("kt.truongphong", PlanApproval.REVIEW_DRAFT, Map.of("approved", true));
    step("vhxh.chuyenvien", PlanApproval.GIVE_OPINION, Map.of("opinion", "AGREE"));
    step("yh.congan.canbo", PlanApproval.GIVE_OPINION, Map.of("opinion", "AGREE"));
    step("kt.chuyenvien", PlanApproval.SYNTHESIZE_OPINIONS, Map.of("reconsult", false));
    step("kt.truongphong", PlanApproval.APPROVE_SUBMISSION, Map.of("approved", true));
    // Four of the seven members agree: where the ward's rules close voting early, that decides it.
    committeeRules.closeVotingEarly("yh-ubnd", true);
    try {
      step("yh.vanphong", PlanApproval.REVIEW_SUBMISSION, Map.of("decision", "VOTE_SLIP", "signer", "yh.pct1",
          "voteDays", 2));
    } finally {
      committeeRules.restoreDefaults();
    }
    for (String member : List.of("yh.chutich", "yh.pct1", "yh.pct2", "kt.truongphong")) {
      step(member, PlanApproval.CAST_VOTE, Map.of("vote", "AGREE"));
    }
    step("yh.pct1", PlanApproval.SIGN_PLAN, Map.of("decision", "SIGN"));
    step("yh.vanthu", PlanApproval.ISSUE_PLAN, Map.of());
    JsonNode issued = as("kt.chuyenvien").getJson("/api/plans/" + CODE);
    assertThat(issued.get("status").asText()).isEqualTo("IN_EFFECT");
    assertThat(issued.get("number").asText()).isEqualTo("01/KH-UBND");
  }

  private static long reportId(JsonNode period, String unit) {
    for (JsonNode line : period.get("units")) {
      if (line.get("unit").asText().equals(unit)) {
        return line.get("reportId").asLong();
      }
    }
    throw new AssertionError("no report of " + unit + " in " + period);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
