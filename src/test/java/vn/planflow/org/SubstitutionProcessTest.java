package vn.planflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * Substitutes in the engine: a task for the signer reaches the substitute within the range and
 * not outside it, vote slips only where the committee allows it, the e-mail says for whom, and the
 * audit trail records that the substitute acted for the official.
 */
@PlanflowIntegrationTest
class SubstitutionProcessTest {

  private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Autowired PlanApprovalDriver driver;
  @Autowired SubstitutionService service;
  @Autowired SubstitutionRepository substitutions;
  @Autowired SubstitutionActRepository acts;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void endAll() {
    transactions.executeWithoutResult(status -> substitutions.findAll().stream().filter(s -> !s.isEnded())
        .forEach(s -> s.end("admin", OffsetDateTime.now())));
    driver.resetClock();
  }

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  private long substitute(String official, String substitute, int fromInDays, int toInDays) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("substitute", substitute);
    body.put("fromDate", VN.format(service.today().plusDays(fromInDays)));
    body.put("toDate", VN.format(service.today().plusDays(toInDays)));
    body.put("reason", "Đi công tác");
    var response = as(official).post("/api/substitutions", body);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    return json.readTree(response.getBody()).get("id").asLong();
  }

  /** The ward plan up to its vote slips, signer yh.pct1. */
  private void toVoting(String code) {
    driver.createWardPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));
    driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", Map.of("opinion", "AGREE"));
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", Map.of("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", Map.of("approved", true));
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        Map.of("decision", "VOTE_SLIP", "signer", "yh.pct1"));
  }

  private Task slipOf(String code, String member) {
    return driver.openTasks(code, PlanApproval.CAST_VOTE).stream().filter(t -> member.equals(t.getAssignee()))
        .findFirst().orElseThrow();
  }

  private List<String> candidateUsers(Task task) {
    List<String> users = new ArrayList<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
        users.add(link.getUserId());
      }
    }
    return users;
  }

  @Test
  void theSignersTaskReachesTheSubstituteWhoSignsForThemOnTheRecord() throws Exception {
    String code = "KH-TEST-SUBST-SIGN";
    substitute("yh.pct1", "yh.pct2", 0, 2);
    // kt.truongphong's substitute starts in five days: not yet.
    substitute("kt.truongphong", "kt.phophong", 5, 6);
    toVoting(code);

    // The ward's rules do not let a substitute vote (substituteMayVote false by default).
    assertThat(candidateUsers(slipOf(code, "yh.pct1"))).doesNotContain("yh.pct2");
    assertThat(candidateUsers(slipOf(code, "kt.truongphong"))).isEmpty();
    // Every slip returned: the ward keeps its slips open until the last one (closeVotingEarly off).
    for (Task slip : driver.openTasks(code, PlanApproval.CAST_VOTE)) {
      driver.completeTask(slip, slip.getAssignee(), Map.of("vote", "AGREE"));
    }

    Task sign = driver.task(code, PlanApproval.SIGN_PLAN);
    assertThat(sign.getAssignee()).isEqualTo("yh.pct1");
    assertThat(candidateUsers(sign)).containsExactly("yh.pct2");
    assertThat(acts.findByTaskIdOrderByIdAsc(sign.getId())).extracting(SubstitutionAct::getKind)
        .containsExactly(SubstitutionAct.Kind.OFFERED);

    // The e-mail to the substitute says for whom and for which dates.
    String official = service.name("yh.pct1");
    Map<String, Object> mail = jdbc.queryForMap(
        "select subject, body, link from notification where event_key = ? and recipient_user = ?",
        "task-substitute:" + sign.getId() + ":yh.pct2", "yh.pct2");
    assertThat((String) mail.get("subject")).contains("thay mặt ông/bà " + official);
    assertThat((String) mail.get("body")).contains("thay mặt ông/bà " + official + " trong thời gian ủy quyền từ "
        + VN.format(service.today()) + " đến " + VN.format(service.today().plusDays(2)))
        .contains("Việc: ").contains("/dashboard/substitutes");
    assertThat((String) mail.get("link")).endsWith("?task=" + sign.getId());
    // The official still hears about their own task.
    assertThat(jdbc.queryForObject("select count(*) from notification where event_key = ? and recipient_user = ?",
        Integer.class, "task-created:" + sign.getId(), "yh.pct1")).isEqualTo(1);

    // The substitute sees it offered, takes it over and signs.
    JsonNode offered = as("yh.pct2").getJson("/api/substitutions/offered");
    assertThat(offered.findValuesAsText("taskId")).contains(sign.getId());
    assertThat(as("yh.pct2").getJson("/engine-rest/task?candidateUser=yh.pct2&includeAssignedTasks=true")
        .findValuesAsText("id")).contains(sign.getId());
    // Someone else cannot take it.
    assertThat(as("yh.chutich").post("/api/substitutions/tasks/" + sign.getId() + "/take", Map.of())
        .getStatusCode().value()).isEqualTo(404);
    var taken = as("yh.pct2").post("/api/substitutions/tasks/" + sign.getId() + "/take", Map.of());
    assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(200);
    assertThat(taskService.createTaskQuery().taskId(sign.getId()).singleResult().getAssignee()).isEqualTo("yh.pct2");
    var done = as("yh.pct2").post("/engine-rest/task/" + sign.getId() + "/complete",
        Map.of("variables", OfficialClient.typed(Map.of("decision", "SIGN"))));
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    driver.executeJobs();

    assertThat(acts.findByTaskIdOrderByIdAsc(sign.getId())).extracting(SubstitutionAct::getKind)
        .containsExactly(SubstitutionAct.Kind.OFFERED, SubstitutionAct.Kind.TAKEN, SubstitutionAct.Kind.COMPLETED);
    List<Comment> comments = taskService.getTaskComments(sign.getId());
    String substitute = service.name("yh.pct2");
    assertThat(comments).extracting(Comment::getFullMessage)
        .anySatisfy(m -> assertThat(m).startsWith(substitute + " nhận xử lý thay mặt ông/bà " + official))
        .anySatisfy(m -> assertThat(m).startsWith(substitute + " đã xử lý xong việc thay mặt ông/bà " + official));
    assertThat(comments).extracting(Comment::getUserId).containsOnly("yh.pct2");

    // The audit screen: "X (thay mặt Y)" on the taking over and on the completion.
    JsonNode audit = as("admin").getJson("/api/dashboard/audit?plan=" + code);
    List<String> signing = new ArrayList<>();
    audit.forEach(e -> {
      if (e.path("actor").asText().contains("thay mặt")) {
        signing.add(e.get("actor").asText() + " | " + e.get("action").asText());
      }
    });
    assertThat(signing).contains(substitute + " (thay mặt " + official + ") | Hoàn thành")
        .anySatisfy(line -> assertThat(line).startsWith(substitute + " (thay mặt " + official + ") | Giao cho"));
    // The others acted for nobody.
    audit.forEach(e -> {
      if (!e.path("actor").asText().startsWith(substitute)) {
        assertThat(e.path("actor").asText()).doesNotContain("thay mặt");
      }
    });
  }

  @Test
  void voteSlipsGoToTheSubstituteOnlyWhereTheCommitteeAllowsItAndEndingEarlyTakesThemBack() throws Exception {
    String code = "KH-TEST-SUBST-VOTE";
    allowSubstitutesToVote("yh-ubnd", true);
    try {
      long running = substitute("yh.pct1", "yh.pct2", 0, 1);
      substitute("kt.truongphong", "kt.phophong", 3, 4);
      toVoting(code);

      Task slip = slipOf(code, "yh.pct1");
      assertThat(candidateUsers(slip)).containsExactly("yh.pct2");
      assertThat(candidateUsers(slipOf(code, "kt.truongphong"))).isEmpty();
      assertThat(candidateUsers(slipOf(code, "yh.chutich"))).isEmpty();

      // Ended early: the substitute leaves the slip they had not taken over; the record stays.
      var ended = as("yh.pct1").send(HttpMethod.DELETE, "/api/substitutions/" + running, null,
          MediaType.APPLICATION_JSON);
      assertThat(ended.getStatusCode().value()).as(ended.getBody()).isEqualTo(200);
      assertThat(candidateUsers(slip)).isEmpty();
      assertThat(as("yh.pct2").getJson("/api/substitutions/offered").findValuesAsText("taskId"))
          .doesNotContain(slip.getId());
      assertThat(substitutions.findById(running).orElseThrow().isEnded()).isTrue();
    } finally {
      allowSubstitutesToVote("yh-ubnd", false);
    }
  }

  /** Re-imports the demo unit with the committee setting changed. */
  private void allowSubstitutesToVote(String unitCode, boolean allowed) throws Exception {
    JsonNode demo = json.readTree(new ClassPathResource("demo/organization.json").getInputStream());
    JsonNode unit = null;
    for (JsonNode candidate : demo.get("units")) {
      if (unitCode.equals(candidate.get("code").asText())) {
        unit = candidate.deepCopy();
      }
    }
    ((com.fasterxml.jackson.databind.node.ObjectNode) unit.get("settings")).put("substituteMayVote", allowed);
    var response = as("admin").post("/api/org", Map.of("units", List.of(unit)));
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    assertThat(as("admin").getJson("/api/org/units/" + unitCode).at("/unit/settings/substituteMayVote").asBoolean())
        .isEqualTo(allowed);
  }
}
