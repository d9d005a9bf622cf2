package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * Completing a task accepts exactly the variables of its form, with their types, on every path:
 * Camunda REST complete and submit-form (with or without a trailing slash, encoded or with path
 * parameters), {@code /api/tasks} and the engine's own services. A committee member cannot make
 * herself the signer, a consulted unit cannot take over the lead unit's step, and nobody can make
 * the engine build a Java object of their choosing.
 */
@PlanflowIntegrationTest
class CompletionVariablesTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  /** A ward plan at its vote slips (7 members; signer yh.pct1). */
  private String atVoting(String code) {
    driver.createWardPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));
    driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", Map.of("opinion", "AGREE"));
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", Map.of("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", Map.of("approved", true));
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        Map.of("decision", "VOTE_SLIP", "signer", "yh.pct1"));
    return code;
  }

  private Task slipOf(String code, String member) {
    return driver.taskOf(code, PlanApproval.CAST_VOTE, "member", member);
  }

  @Test
  void aVoteCarryingASignerIsRefusedOnEveryPathAndChangesNothing() {
    String code = atVoting("KH-VARS-SIGNER");
    Task slip = slipOf(code, "yh.pct2");
    Map<String, Object> hostile = new LinkedHashMap<>();
    hostile.put("vote", "AGREE");
    hostile.put("signer", "yh.pct2");
    Map<String, Object> body = Map.of("variables", OfficialClient.typed(hostile));
    String base = "/engine-rest/task/" + slip.getId();
    OfficialClient member = as("yh.pct2");

    for (String path : List.of(base + "/complete", base + "/complete/", base + "/complete//", base + "/submit-form",
        base + "/submit-form/", base + "/resolve")) {
      ResponseEntity<String> response = member.post(path, body);
      assertThat(response.getStatusCode().value()).as(path + " → " + response.getBody()).isIn(400, 404, 405);
      if (response.getStatusCode().value() == 400) {
        assertThat(response.getBody()).as(path).contains("signer");
      }
    }
    // Path parameters are refused before anything (Spring Security's firewall).
    assertThat(member.post(base + ";x=1/complete", body).getStatusCode().value()).isEqualTo(400);
    assertThat(member.post(base + "/%63omplete", body).getStatusCode().value()).isEqualTo(400);
    ResponseEntity<String> api = member.post("/api/tasks/" + slip.getId() + "/complete", hostile);
    assertThat(api.getStatusCode().value()).as(api.getBody()).isEqualTo(400);
    assertThat(json(api).get("errors").findValuesAsText("field")).contains("signer");

    assertThat(runtimeService.getVariable(slip.getProcessInstanceId(), PlanApproval.SIGNER)).isEqualTo("yh.pct1");
    assertThat(taskService.createTaskQuery().taskId(slip.getId()).count()).as("slip still open").isOne();

    // The same vote without the extra variable goes through.
    assertThat(member.post(base + "/complete/", Map.of("variables", OfficialClient.typed(Map.of("vote", "AGREE"))))
        .getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void aConsultedUnitCannotSetTheLeadUnit() {
    String code = "KH-VARS-LEADUNIT";
    driver.createWardPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));
    String opinion = as("vhxh.chuyenvien").taskId(code, PlanApproval.GIVE_OPINION);
    Map<String, Object> hostile = Map.of("opinion", "AGREE", "leadUnit", "yh-pvhxh");

    ResponseEntity<String> response = as("vhxh.chuyenvien").complete(opinion, hostile);
    ResponseEntity<String> form = as("vhxh.chuyenvien").post("/engine-rest/task/" + opinion + "/submit-form",
        Map.of("variables", OfficialClient.typed(hostile)));

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly("leadUnit");
    assertThat(json(response).get("errors").findValuesAsText("message").get(0))
        .contains("không có trong biểu mẫu").contains("opinion, comment");
    assertThat(form.getStatusCode().value()).isEqualTo(400);
    assertThat(driver.plan(code).getLeadUnit()).isEqualTo("yh-pkthtdt");
    assertThat(runtimeService.getVariable(driver.task(code, PlanApproval.GIVE_OPINION).getProcessInstanceId(),
        PlanApproval.LEAD_UNIT)).isEqualTo("yh-pkthtdt");
  }

  @Test
  void valuesOfTheWrongTypeAndJavaObjectsAreRefusedWith400() {
    String code = atVoting("KH-VARS-TYPES");
    Task slip = slipOf(code, "yh.chutich");
    OfficialClient member = as("yh.chutich");
    String complete = "/engine-rest/task/" + slip.getId() + "/complete";

    for (String type : List.of("java.io.File", "java.lang.ProcessBuilder",
        "org.springframework.context.support.ClassPathXmlApplicationContext",
        "com.sun.rowset.JdbcRowSetImpl", "org.apache.commons.collections.functors.InvokerTransformer")) {
      Map<String, Object> comment = Map.of("value", "\"/etc/passwd\"", "type", "Object",
          "valueInfo", Map.of("objectTypeName", type, "serializationDataFormat", "application/json"));
      ResponseEntity<String> response = member.post(complete,
          Map.of("variables", Map.of("vote", Map.of("value", "AGREE", "type", "String"), "comment", comment)));
      assertThat(response.getStatusCode().value()).as(type + ": " + response.getBody()).isEqualTo(400);
      assertThat(response.getBody()).contains("comment");
    }
    ResponseEntity<String> number = member.post(complete,
        Map.of("variables", Map.of("vote", Map.of("value", 42, "type", "Integer"))));
    ResponseEntity<String> notTyped = member.post(complete, Map.of("variables", Map.of("vote", "AGREE")));
    ResponseEntity<String> notJson = member.send(HttpMethod.POST, complete, "{\"variables\": ", MediaType.APPLICATION_JSON);
    ResponseEntity<String> deep = member.send(HttpMethod.POST, complete,
        "[".repeat(5000) + "]".repeat(5000), MediaType.APPLICATION_JSON);

    assertThat(number.getStatusCode().value()).as(number.getBody()).isEqualTo(400);
    assertThat(notTyped.getStatusCode().value()).as(notTyped.getBody()).isEqualTo(400);
    assertThat(notJson.getStatusCode().value()).as(notJson.getBody()).isEqualTo(400);
    assertThat(deep.getStatusCode().value()).as(deep.getBody()).isEqualTo(400);
    assertThat(runtimeService.getVariables(slip.getProcessInstanceId())).doesNotContainKey("comment");
    assertThat(taskService.createTaskQuery().taskId(slip.getId()).count()).isOne();
  }

  @Test
  void textsTooLongForTheEngineOrHoldingControlCharactersAreRefusedWith400() {
    String code = atVoting("KH-VARS-TEXTS");
    Task slip = slipOf(code, "yh.pct2");
    OfficialClient member = as("yh.pct2");
    String complete = "/engine-rest/task/" + slip.getId() + "/complete";

    for (String comment : List.of("Ý".repeat(4001), "Đồng ý\u0000", "Đồng ý\u001b[31m", "Đồng ý\u0085")) {
      Map<String, Object> vars = Map.of("vote", "AGREE", "comment", comment);
      ResponseEntity<String> rest = member.post(complete, Map.of("variables", OfficialClient.typed(vars)));
      ResponseEntity<String> api = member.post("/api/tasks/" + slip.getId() + "/complete", vars);
      for (ResponseEntity<String> response : List.of(rest, api)) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains("comment").doesNotContain("Exception");
      }
    }
    assertThat(taskService.createTaskQuery().taskId(slip.getId()).count()).as("slip still open").isOne();
    // 4,000 characters, the engine's column, still go through.
    assertThat(member.post(complete, Map.of("variables",
        OfficialClient.typed(Map.of("vote", "AGREE", "comment", "Ý".repeat(4000))))).getStatusCode().value())
        .isEqualTo(204);
  }

  @Test
  void theEngineItselfRefusesAnOfficialsExtraVariables() {
    String code = atVoting("KH-VARS-ENGINE");
    Task slip = slipOf(code, "yh.pct1");

    assertThatThrownBy(() -> driver.as("yh.pct1", () -> {
      taskService.complete(slip.getId(), Map.of("vote", "AGREE", "member", "yh.pct2"));
      return null;
    })).isInstanceOf(BadUserRequestException.class).hasMessageContaining("member");
    assertThatThrownBy(() -> driver.as("yh.pct1", () -> {
      taskService.complete(slip.getId(), Map.of("vote", Variables.serializedObjectValue("\"/tmp\"")
          .objectTypeName("java.io.File").serializationDataFormat("application/json").create()));
      return null;
    })).isInstanceOf(BadUserRequestException.class).hasMessageContaining("vote");

    assertThat(taskService.createTaskQuery().taskId(slip.getId()).count()).isOne();
  }

  @Test
  void theEngineRefusesToBuildJavaTypesOutsideTheAllowList() {
    String code = atVoting("KH-VARS-DESERIALIZE");
    String instance = slipOf(code, "yh.congan").getProcessInstanceId();
    // Stored by the system (no official can), then read back as an object: the validator refuses.
    runtimeService.setVariable(instance, "planted", Variables.serializedObjectValue("\"/etc/passwd\"")
        .objectTypeName("java.io.File").serializationDataFormat("application/json").create());

    assertThatThrownBy(() -> runtimeService.getVariable(instance, "planted"))
        .hasMessageContaining("java.io.File");
    runtimeService.removeVariable(instance, "planted");
  }

  @Test
  void unknownTasksAre404AndTasksOfOthers403InVietnamese() {
    ResponseEntity<String> unknown = as("kt.chuyenvien").post("/engine-rest/task/khong-co-viec-nay/complete",
        Map.of("variables", Map.of()));
    ResponseEntity<String> unknownApi = as("kt.chuyenvien").post("/api/tasks/khong-co-viec-nay/complete", Map.of());
    ResponseEntity<String> unknownClaim = as("kt.chuyenvien").post("/engine-rest/task/khong-co-viec-nay/claim",
        Map.of("userId", "kt.chuyenvien"));

    assertThat(unknown.getStatusCode().value()).as(unknown.getBody()).isEqualTo(404);
    assertThat(unknown.getBody()).contains("Không có việc");
    assertThat(unknownApi.getStatusCode().value()).isEqualTo(404);
    assertThat(unknownClaim.getStatusCode().value()).as(unknownClaim.getBody()).isIn(404);
    assertThat(unknownClaim.getBody()).doesNotContain("Exception:").doesNotContain("ENGINE-");
  }

  @Test
  void badRequestsToCamundaRestAre4xxWithoutJavaText() {
    OfficialClient official = as("kt.chuyenvien");
    Map<String, ResponseEntity<String>> answers = new LinkedHashMap<>();
    answers.put("deep JSON query", official.send(HttpMethod.POST, "/engine-rest/task",
        "{\"or\":" + "[".repeat(3000) + "]".repeat(3000) + "}", MediaType.APPLICATION_JSON));
    answers.put("wrong type in query", official.send(HttpMethod.POST, "/engine-rest/task",
        "{\"assignee\": {\"x\": 1}}", MediaType.APPLICATION_JSON));
    answers.put("broken JSON", official.send(HttpMethod.POST, "/engine-rest/task", "{\"assignee\": ",
        MediaType.APPLICATION_JSON));
    answers.put("bad paging", official.get("/engine-rest/task?firstResult=abc"));
    answers.put("unknown task", official.get("/engine-rest/task/khong-co"));
    answers.put("unknown task variables", official.get("/engine-rest/task/khong-co/variables"));
    answers.put("claim without body", official.send(HttpMethod.POST, "/engine-rest/task/khong-co/claim", "",
        MediaType.APPLICATION_JSON));
    answers.forEach((what, response) -> {
      assertThat(response.getStatusCode().value()).as(what + ": " + response.getBody()).isBetween(400, 499);
      assertThat(String.valueOf(response.getBody())).as(what).doesNotContain("at org.").doesNotContain("Exception: ");
    });
  }

  private JsonNode json(ResponseEntity<String> response) {
    return as("admin").read(response.getBody());
  }
}
