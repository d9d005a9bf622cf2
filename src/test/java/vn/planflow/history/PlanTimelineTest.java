package vn.planflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * The history each new task's form shows: the steps before it in order, who did them (names and
 * units, dd/MM/yyyy HH:mm), returns with their reasons, consultation answers and the comments
 * officials added in Tasklist; a reporting task sees its own period only.
 */
@PlanflowIntegrationTest
class PlanTimelineTest {

  private static final String REVIEW_DRAFT_NAME = "Lãnh đạo đơn vị duyệt dự thảo";

  @Autowired PlanApprovalDriver driver;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(localDateTime));
  }

  private JsonNode history(Task task) throws Exception {
    return json.readTree(taskService.getVariableLocal(task.getId(), "history").toString());
  }

  private static List<String> lines(JsonNode history) {
    List<String> lines = new ArrayList<>();
    history.forEach(entry -> lines.add(entry.get("kind").asText() + " " + entry.get("text").asText()));
    return lines;
  }

  @Test
  void aReturnedDraftShowsWhoReturnedItWhyAndEverythingBeforeInOrder() throws Exception {
    String code = "KH-TEST-LS-TRA";
    at("2026-03-02 08:00:00");
    driver.createWardPlan(code);
    Task firstDraft = driver.task(code, PlanApproval.DRAFT_PLAN);
    at("2026-03-02 09:15:00");
    driver.as("kt.chuyenvien", () -> taskService.createComment(firstDraft.getId(), firstDraft.getProcessInstanceId(),
        "Đã xin ý kiến miệng Phòng Văn hóa - Xã hội"));
    at("2026-03-02 10:00:00");
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    at("2026-03-03 14:30:00");
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.phophong",
        Map.of("approved", false, "comment", "Cần bổ sung chỉ tiêu về rác thải nhựa <b>gấp</b>"));

    Task secondDraft = driver.task(code, PlanApproval.DRAFT_PLAN);
    JsonNode history = history(secondDraft);
    assertThat(lines(history)).containsExactly(
        "START Lập kế hoạch: Phạm Thị Hạnh (Phòng Kinh tế, Hạ tầng và Đô thị) — Tạo kế hoạch, bắt đầu quy trình phê duyệt",
        "COMMENT " + firstDraft.getName() + ": Phạm Thị Hạnh (Phòng Kinh tế, Hạ tầng và Đô thị) — Ghi chú. "
            + "Đã xin ý kiến miệng Phòng Văn hóa - Xã hội",
        "STEP " + firstDraft.getName() + ": Phạm Thị Hạnh (Phòng Kinh tế, Hạ tầng và Đô thị) — Hoàn thành",
        "RETURN " + REVIEW_DRAFT_NAME + ": Đoàn Văn Tiến (Phòng Kinh tế, Hạ tầng và Đô thị) — Trả lại. Quyết định: Không đồng ý, trả lại; "
            + "Nội dung: Cần bổ sung chỉ tiêu về rác thải nhựa <b>gấp</b>");
    assertThat(history.get(0).get("atText").asText()).isEqualTo("02/03/2026 08:00");
    assertThat(history.get(1).get("atText").asText()).isEqualTo("02/03/2026 09:15");
    assertThat(history.get(3).get("atText").asText()).isEqualTo("03/03/2026 14:30");

    // The form shows it through the escaped copy: the reviewer's markup is text, not HTML.
    String shown = json.readTree(taskService.getVariableLocal(secondDraft.getId(), "textView").toString())
        .get("history").get(3).get("text").asText();
    assertThat(shown).contains("Cần bổ sung chỉ tiêu về rác thải nhựa &lt;b&gt;gấp&lt;&#47;b&gt;").doesNotContain("<b>");
    assertThat(taskService.getVariableLocal(secondDraft.getId(), "attachmentsUrl"))
        .isEqualTo("/dashboard/plans/" + code + "/attachments?task=" + secondDraft.getId());

    // Sent again, approved, consulted: the consulted unit sees both rounds of the draft.
    at("2026-03-04 08:30:00");
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    at("2026-03-04 16:00:00");
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.phophong", Map.of("approved", true, "comment", "Đồng ý gửi lấy ý kiến"));
    Task opinion = driver.task(code, PlanApproval.GIVE_OPINION);
    assertThat(lines(history(opinion))).extracting(line -> line.substring(0, line.indexOf(' ')))
        .containsExactly("START", "COMMENT", "STEP", "RETURN", "STEP", "STEP");
    assertThat(history(opinion).get(5).get("detail").asText()).isEqualTo("Quyết định: Đồng ý; Nội dung: Đồng ý gửi lấy ý kiến");

    // The consultation answer appears in the synthesis, with the unit that gave it.
    at("2026-03-05 09:00:00");
    driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien",
        Map.of("opinion", "AGREE_WITH_COMMENTS", "comment", "Đề nghị lồng ghép vào sinh hoạt khu dân cư"));
    JsonNode synthesis = history(driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS));
    JsonNode answer = synthesis.get(synthesis.size() - 1);
    assertThat(answer.get("actor").asText()).isEqualTo("Hoàng Minh Tú");
    assertThat(answer.get("actorUnit").asText()).isEqualTo("Phòng Văn hóa - Xã hội");
    assertThat(answer.get("action").asText()).isEqualTo("Cho ý kiến");
    assertThat(answer.get("detail").asText())
        .isEqualTo("Ý kiến: Đồng ý, có góp ý; Nội dung: Đề nghị lồng ghép vào sinh hoạt khu dân cư");
    assertThat(answer.get("atText").asText()).isEqualTo("05/03/2026 09:00");
  }

  @Test
  void aReportingTaskShowsItsOwnPeriodOnly() throws Exception {
    String code = "KH-TEST-LS-BC";
    at("2026-05-20 10:00:00");
    driver.createWardPlan(code);
    driver.putInEffect(code);
    driver.executeJobs();
    at("2026-06-01 08:01:00");
    driver.executeJobs();
    Task economics = driver.taskOf(code, "submitReport", "unit", "yh-pkthtdt");
    assertThat(history(economics)).isEmpty();
    at("2026-06-05 09:00:00");
    driver.completeTask(economics, "kt.chuyenvien", Map.of("summary", "Đã tổ chức 02 hội nghị tuyên truyền.",
        "taskResults", List.of(Map.of("taskNo", "1", "status", "DONE", "progress", 100, "result", "02 hội nghị")),
        "indicators", List.of()));
    at("2026-06-20 00:01:00");
    driver.executeJobs();

    JsonNode consolidation = history(driver.task(code, "consolidateReports"));
    assertThat(lines(consolidation)).anySatisfy(line -> assertThat(line)
        .startsWith("STEP Gửi báo cáo kết quả thực hiện: Phạm Thị Hạnh (Phòng Kinh tế, Hạ tầng và Đô thị) — Hoàn thành")
        .contains("Tóm tắt: Đã tổ chức 02 hội nghị tuyên truyền."));
    assertThat(lines(consolidation)).anySatisfy(line -> assertThat(line).startsWith("EXPIRED Gửi báo cáo kết quả thực hiện"));

    driver.complete(code, "consolidateReports", "kt.chuyenvien", Map.of("summary", "Tổng hợp 6 tháng."));
    driver.complete(code, "approveConsolidatedReport", "kt.truongphong", Map.of("approved", true));
    at("2026-12-01 08:01:00");
    driver.executeJobs();
    Task annual = driver.taskOf(code, "submitReport", "unit", "yh-pkthtdt");
    assertThat(history(annual)).as("a unit's report shows the approval only (none here: put in effect directly)")
        .isEmpty();
    at("2026-12-03 09:00:00");
    driver.completeTask(annual, "kt.chuyenvien", Map.of("summary", "Cả năm: 05 hội nghị.",
        "taskResults", List.of(Map.of("taskNo", "1", "status", "DONE", "progress", 100, "result", "05 hội nghị")),
        "indicators", List.of()));
    at("2027-01-05 00:01:00");
    driver.executeJobs();
    // The annual consolidation reads its own period: this year's report, not the mid-year one nor its consolidation.
    List<String> annualLines = lines(history(driver.task(code, "consolidateReports")));
    assertThat(annualLines).anySatisfy(line -> assertThat(line).contains("Tóm tắt: Cả năm: 05 hội nghị."));
    assertThat(annualLines).noneSatisfy(line -> assertThat(line).contains("02 hội nghị tuyên truyền"));
    assertThat(annualLines).noneSatisfy(line -> assertThat(line).contains("Tổng hợp 6 tháng"));
  }
}
