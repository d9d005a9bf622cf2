package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;
import vn.planflow.plan.PlanRequest;
import vn.planflow.plan.PlanRequest.SectionData;
import vn.planflow.plan.PlanRequest.TaskData;
import vn.planflow.plan.PlanService;

/** Tasks carry the escaped copy their forms' text components read, next to the raw values. */
@PlanflowIntegrationTest
class FormTextViewTest {

  private static final String MARKUP = "<img src=x> [a](javascript:b)";
  private static final String ESCAPED = "&lt;img src&#61;x&gt; &#91;a&#93;&#40;javascript&#58;b&#41;";

  @Autowired PlanApprovalDriver driver;
  @Autowired PlanService plans;
  @Autowired TaskService taskService;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Test
  void aNewTaskHasTheEscapedCopyAndTheRawValues() throws Exception {
    create("KH-TEXTVIEW-1");
    Task draft = driver.task("KH-TEXTVIEW-1", PlanApproval.DRAFT_PLAN);

    assertThat(taskService.getVariableLocal(draft.getId(), PlanApproval.PLAN_TITLE)).isEqualTo(MARKUP);
    JsonNode view = textView(draft);
    assertThat(view.get("planTitle").asText()).isEqualTo(ESCAPED);
    assertThat(view.at("/plan/objectives").asText()).isEqualTo(ESCAPED);
    assertThat(view.at("/plan/sections/0/body").asText()).isEqualTo(ESCAPED);
    assertThat(view.at("/plan/tasks/0/name").asText()).isEqualTo(ESCAPED);
    assertThat(view.at("/plan/code").asText()).isEqualTo("KH&#45;TEXTVIEW&#45;1");
    assertThat(view.has(FormTextView.VARIABLE)).isFalse();
    // The tables read the raw plan: they show text, and would show "&lt;" literally.
    String raw = taskService.getVariableLocalTyped(draft.getId(), PlanApproval.PLAN_VIEW).getValue().toString();
    assertThat(json.readTree(raw).at("/tasks/0/name").asText()).isEqualTo(MARKUP);
  }

  @Test
  void aDraftReportSavedThroughTheApiUpdatesTheCopyOfItsOpenTask() throws Exception {
    String code = "KH-TEXTVIEW-2";
    Task report;
    try {
      ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-05-20 10:00:00"));
      create(code);
      driver.putInEffect(code);
      ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-06-01 08:01:00"));
      driver.executeJobs();
      report = driver.taskOf(code, "submitReport", "unit", "yh-pkthtdt");
    } finally {
      ClockUtil.reset();
    }
    long reportId = OfficialClient.demo(rest, json, "admin").getJson("/api/plans/" + code + "/reports")
        .at("/0/units").findValues("reportId").stream().filter(id -> id.asLong() > 0).findFirst().orElseThrow()
        .asLong();

    var saved = OfficialClient.demo(rest, json, "kt.chuyenvien").send(HttpMethod.PUT, "/api/reports/" + reportId,
        Map.of("summary", MARKUP), MediaType.APPLICATION_JSON);

    assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
    assertThat(taskService.getVariableLocal(report.getId(), "summary")).isEqualTo(MARKUP);
    assertThat(textView(report).get("summary").asText()).isEqualTo(ESCAPED);
    assertThat(textView(report).at("/taskResults/0/name").asText()).isEqualTo(ESCAPED);
  }

  private JsonNode textView(Task task) throws Exception {
    return json.readTree(taskService.getVariableLocalTyped(task.getId(), FormTextView.VARIABLE).getValue().toString());
  }

  private void create(String code) {
    PlanRequest request = new PlanRequest(code, MARKUP, "yh-ubnd", "yh-pkthtdt",
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of("Căn cứ"), MARKUP, List.of(),
        List.of(new SectionData("Mục", MARKUP)), "Kinh phí",
        List.of(new TaskData("1", "Nhóm", MARKUP, null, null, null, "yh-pkthtdt", List.of(), null, "Năm 2026")),
        List.of("Lưu: VT"), new PlanRequest.ReportingData("yh-pkthtdt", List.of("06-15", "12-15")), null);
    driver.as("kt.chuyenvien", () -> plans.create(request, "kt.chuyenvien"));
  }
}
