package vn.planflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * Comments on a task through {@code POST /api/plans/{code}/attachments/comments} (the attachments
 * page's "Ghi chú cho nhiệm vụ"): only an official who holds or may claim the task; kept as a
 * Camunda task comment and shown in the history of the next task.
 */
@PlanflowIntegrationTest
class TaskCommentsTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;
  @Autowired org.camunda.bpm.engine.TaskService taskService;

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  @Test
  void anOfficialWithTheTaskCommentsAndTheNextTaskShowsItOthersCannot() throws Exception {
    String code = "KH-TEST-GC-1";
    driver.createWardPlan(code);
    String draft = driver.task(code, PlanApproval.DRAFT_PLAN).getId();
    String url = "/api/plans/" + code + "/attachments/comments";

    ResponseEntity<String> added = as("kt.chuyenvien").post(url,
        Map.of("task", draft, "message", "Đang chờ số liệu của Phòng Văn hóa - Xã hội"));
    assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);

    // Another unit's official, a reader without the task, an empty comment: refused, naming the field.
    assertThat(as("sct.chuyenvien").post(url, Map.of("task", draft, "message", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("kt.phophong").post(url, Map.of("task", draft, "message", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> empty = as("kt.chuyenvien").post(url, Map.of("task", draft, "message", "  "));
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(empty.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("message");

    // Kept as a Camunda task comment by its author.
    List<org.camunda.bpm.engine.task.Comment> comments = taskService.getTaskComments(draft);
    assertThat(comments).extracting(org.camunda.bpm.engine.task.Comment::getFullMessage)
        .containsExactly("Đang chờ số liệu của Phòng Văn hóa - Xã hội");
    assertThat(comments).extracting(org.camunda.bpm.engine.task.Comment::getUserId).containsExactly("kt.chuyenvien");

    // The next task's officials see it in their history.
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    String review = driver.task(code, PlanApproval.REVIEW_DRAFT).getId();
    JsonNode textView = as("kt.phophong").getJson("/engine-rest/task/" + review + "/variables/textView?deserializeValue=false");
    assertThat(textView.get("value").toString()).contains("Đang chờ số liệu của Phòng Văn hóa &#45; Xã hội");
  }
}
