package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.PlanflowIntegrationTest;

/**
 * What an official, an outsider and an administrator can do through the REST APIs, with a small
 * process whose task goes to the specialists of one unit.
 */
@PlanflowIntegrationTest
class RestSecurityTest {

  private static final String PROCESS = "security-probe";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;

  @BeforeEach
  void deployProbe() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService
          .createDeployment()
          .addModelInstance(
              PROCESS + ".bpmn",
              Bpmn.createExecutableProcess(PROCESS)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_UnitWork")
                  .name("Việc của đơn vị")
                  .camundaCandidateGroups("${unit}_staff")
                  .endEvent()
                  .done())
          .deploy();
    }
  }

  private String taskFor(String unit) {
    String instance =
        runtimeService.startProcessInstanceByKey(PROCESS, Map.of("unit", unit)).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void anonymousCallersGet401OnBothRestApis() {
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/process-definition", "/api/org/units"}) {
      ResponseEntity<String> response = rest.getForEntity(path, String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }
    assertThat(rest.postForEntity("/engine-rest/task/count", Map.of(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongPasswordIs401() {
    assertThat(rest.withBasicAuth("hn.congan.canbo", "sai-mat-khau").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anOfficialSeesOnlyTheTasksOfTheirUnit() throws Exception {
    String hanoiTask = taskFor("hn-sct");
    String wardTask = taskFor("yh-pkthtdt");

    JsonNode seenByCityStaff = json.readTree(rest.withBasicAuth("sct.chuyenvien", "demo")
        .getForObject("/engine-rest/task?processDefinitionKey=" + PROCESS, String.class));
    JsonNode seenByWardStaff = json.readTree(rest.withBasicAuth("kt.chuyenvien", "demo")
        .getForObject("/engine-rest/task?processDefinitionKey=" + PROCESS, String.class));

    assertThat(seenByCityStaff.findValuesAsText("id")).contains(hanoiTask).doesNotContain(wardTask);
    assertThat(seenByWardStaff.findValuesAsText("id")).contains(wardTask).doesNotContain(hanoiTask);
    assertThat(rest.withBasicAuth("sct.chuyenvien", "demo")
        .getForEntity("/engine-rest/task/" + wardTask, String.class).getStatusCode().value()).isIn(403, 404);
    // A leader of the same unit is no candidate for a specialists' task.
    assertThat(json.readTree(rest.withBasicAuth("sct.phogiamdoc", "demo")
        .getForObject("/engine-rest/task?processDefinitionKey=" + PROCESS, String.class))
        .findValuesAsText("id")).doesNotContain(hanoiTask);
  }

  @Test
  void anOfficialCannotClaimOrCompleteAnotherUnitsTask() {
    String wardTask = taskFor("yh-pkthtdt");

    assertThat(post("sct.chuyenvien", "/engine-rest/task/" + wardTask + "/claim",
        "{\"userId\": \"sct.chuyenvien\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("sct.chuyenvien", "/engine-rest/task/" + wardTask + "/complete", "{}")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(taskService.createTaskQuery().taskId(wardTask).singleResult().getAssignee()).isNull();
  }

  @Test
  void aCandidateClaimsAndCompletesButCannotHandTheTaskToSomeoneElse() {
    String task = taskFor("hn-sct");

    assertThat(post("sct.chuyenvien", "/engine-rest/task/" + task + "/assignee",
        "{\"userId\": \"sct.chuyenvien2\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("sct.chuyenvien", "/engine-rest/task/" + task + "/claim",
        "{\"userId\": \"sct.chuyenvien\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("sct.chuyenvien", "/engine-rest/task/" + task + "/complete", "{}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    UserOperationLogEntry completion = historyService.createUserOperationLogQuery()
        .taskId(task).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult();
    assertThat(completion.getUserId()).isEqualTo("sct.chuyenvien");
  }

  @Test
  void taskQueriesWithExpressionsAreRejectedWith400() throws Exception {
    ResponseEntity<String> inParameter = rest.withBasicAuth("sct.chuyenvien", "demo")
        .getForEntity("/engine-rest/task?assigneeExpression={e}", String.class, "${currentUser()}");
    ResponseEntity<String> inOrQuery = post("sct.chuyenvien", "/engine-rest/task",
        "{\"orQueries\": [{\"candidateGroupsExpression\": \"${currentUserGroups()}\"}]}");
    ResponseEntity<String> inCount = post("sct.chuyenvien", "/engine-rest/task/count",
        "{\"orQueries\": [{\"dueBeforeExpression\": \"${now()}\"}]}");
    ResponseEntity<String> inFilter = rest.withBasicAuth("admin", "admin").postForEntity("/engine-rest/filter/create",
        jsonEntity("{\"resourceType\": \"Task\", \"name\": \"x\", \"query\": {\"assigneeExpression\": \"${currentUser()}\"}}"),
        String.class);

    assertThat(inParameter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(inParameter.getBody()).contains("assigneeExpression");
    assertThat(inOrQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(inOrQuery.getBody()).get("detail").asText())
        .startsWith("orQueries[0].candidateGroupsExpression");
    assertThat(inCount.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(inFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // A plain query still works.
    assertThat(post("sct.chuyenvien", "/engine-rest/task", "{\"orQueries\": [{\"assignee\": \"x\"}]}")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theFirstAdminSetupEndpointIsClosed() {
    ResponseEntity<String> response = rest.postForEntity("/camunda/api/admin/setup/default/user/create",
        jsonEntity("{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}"), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void healthIsOpenAndMetricsAreForAdministrators() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("sct.chuyenvien", "demo").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private static HttpEntity<String> jsonEntity(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
