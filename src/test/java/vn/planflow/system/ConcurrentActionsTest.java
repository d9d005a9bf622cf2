package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;
import vn.planflow.plan.PlanRequest.TaskData;
import vn.planflow.plan.PlanView;
import vn.planflow.plan.PlanViews;

/**
 * Officials acting at the same moment through the real REST API: whole committees voting at
 * once round after round, forty units submitting their reports at once, the same task completed
 * or claimed twice at once, and a former assignee after reassignment. No vote or report may be
 * lost or counted twice, no answer may be a 5xx, and the loser of a race gets a 409 (or 404) in
 * Vietnamese. Rounds: {@code -Dplanflow.battery.rounds} (50 under {@code -Preliability}).
 */
@PlanflowIntegrationTest
class ConcurrentActionsTest {

  private static final int ROUNDS = Integer.getInteger("planflow.battery.rounds", 3);

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;
  @Autowired PlanViews views;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void organization() {
    BatteryOrganization.ensureImported(OfficialClient.demo(rest, json, "admin"));
  }

  private OfficialClient as(String user) {
    return user.startsWith("tt.")
        ? new OfficialClient(rest, json, user, BatteryOrganization.PASSWORD)
        : OfficialClient.demo(rest, json, user);
  }

  @Test
  void fifteenMembersVoteAtOnceRoundAfterRound() throws Exception {
    votingRounds("KH-BATTERY-HN-", "hn", 15);
  }

  @Test
  void fortyMembersVoteAtOnceRoundAfterRound() throws Exception {
    votingRounds("KH-BATTERY-TT-", "tt", BatteryOrganization.MEMBERS);
  }

  private void votingRounds(String prefix, String province, int rosterSize) throws Exception {
    Random random = new Random(20261205L + rosterSize);
    Map<Integer, Integer> statuses = new TreeMap<>();
    int votes = 0;
    int lost = 0;
    int wrongTallies = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      String code = prefix + round;
      List<Task> slips = toVote(code, province);
      assertThat(slips).as("slips of %s", code).hasSize(rosterSize);
      Map<String, String> cast = new LinkedHashMap<>();
      List<Callable<Integer>> calls = new ArrayList<>();
      for (Task slip : slips) {
        int dice = random.nextInt(10);
        String vote = dice < 6 ? "AGREE" : dice < 9 ? "DISAGREE" : "OTHER";
        cast.put(slip.getAssignee(), vote);
        Map<String, Object> variables = vote.equals("AGREE") ? Map.of("vote", vote)
            : Map.of("vote", vote, "comment", "Ý kiến của thành viên " + slip.getAssignee());
        OfficialClient member = as(slip.getAssignee());
        calls.add(() -> member.post("/engine-rest/task/" + slip.getId() + "/complete",
            Map.of("variables", OfficialClient.typed(variables))).getStatusCode().value());
      }
      for (int status : atOnce(calls)) {
        statuses.merge(status, 1, Integer::sum);
      }
      driver.executeJobs();
      votes += cast.size();

      PlanView plan = views.of(code);
      Map<String, String> recorded = new LinkedHashMap<>();
      plan.voteRecord().slips().forEach(slip -> recorded.put(slip.member(), slip.vote()));
      lost += (int) cast.entrySet().stream().filter(e -> !e.getValue().equals(recorded.get(e.getKey()))).count();
      long agree = cast.values().stream().filter("AGREE"::equals).count();
      String expected = agree * 2 > rosterSize ? PlanApproval.VOTE_PASSED : PlanApproval.VOTE_FAILED;
      if (!expected.equals(plan.voteResult()) || recorded.size() != rosterSize) {
        wrongTallies++;
      }
    }
    System.out.printf("[battery] %d members × %d rounds: %d votes cast at once, HTTP statuses %s, "
        + "%d lost or changed, %d wrong tallies%n", rosterSize, ROUNDS, votes, statuses, lost, wrongTallies);
    assertThat(statuses).containsOnlyKeys(204);
    assertThat(lost).isZero();
    assertThat(wrongTallies).isZero();
  }

  /** A plan of the province driven to its vote slips; the open slips. */
  private List<Task> toVote(String code, String province) {
    if (province.equals("hn")) {
      driver.createCityPlanAtVoting(code);
    } else {
      createBatteryPlan(code, 1);
      driver.complete(code, PlanApproval.DRAFT_PLAN, "tt.chuyenvien",
          Map.of("consultedUnits", List.of(BatteryOrganization.CONSULTED)));
      driver.complete(code, PlanApproval.REVIEW_DRAFT, "tt.giamdoc", Map.of("approved", true));
      driver.complete(code, PlanApproval.GIVE_OPINION, "tt.stnmt", Map.of("opinion", "AGREE"));
      driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "tt.chuyenvien", Map.of("reconsult", false));
      driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "tt.giamdoc", Map.of("approved", true));
      driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "tt.vanphong",
          Map.of("decision", "VOTE_SLIP", "signer", "tt.pct1"));
    }
    return driver.openTasks(code, PlanApproval.CAST_VOTE);
  }

  /** A plan of the test province whose appendix has one task led by each of the first n communes. */
  private void createBatteryPlan(String code, int reportingUnits) {
    List<TaskData> tasks = new ArrayList<>();
    for (int i = 1; i <= reportingUnits; i++) {
      tasks.add(new TaskData(String.valueOf(i), "Triển khai tại cơ sở", "Triển khai kế hoạch tại xã số " + i,
          null, null, null, BatteryOrganization.reportingUnit(i), List.of(), "Ngân sách xã", "Năm 2030"));
    }
    driver.create(code, BatteryOrganization.ISSUER, BatteryOrganization.LEAD, "tt.chuyenvien", tasks,
        LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31));
  }

  @Test
  void fortyUnitsSubmitTheirReportsAtOnce() throws Exception {
    int units = BatteryOrganization.REPORTING_UNITS;
    Map<Integer, Integer> statuses = new TreeMap<>();
    int lost = 0;
    int rounds = Math.max(1, ROUNDS / 10);
    for (int round = 1; round <= rounds; round++) {
      String code = "KH-BATTERY-REPORTS-" + round;
      createBatteryPlan(code, units);
      driver.putInEffect(code);
      driver.executeJobs();
      openFirstPeriod(code);
      List<Task> tasks = driver.openTasks(code, "submitReport");
      assertThat(tasks).hasSize(units);
      List<Callable<Integer>> calls = new ArrayList<>();
      for (Task task : tasks) {
        String unit = (String) taskService.getVariable(task.getId(), "unit");
        String reporter = "tt." + unit.substring("tt-".length());
        OfficialClient official = as(reporter);
        calls.add(() -> {
          ResponseEntity<String> claim = official.post("/engine-rest/task/" + task.getId() + "/claim",
              Map.of("userId", reporter));
          if (claim.getStatusCode().value() != 204) {
            return claim.getStatusCode().value();
          }
          return official.post("/engine-rest/task/" + task.getId() + "/complete", Map.of("variables",
              OfficialClient.typed(Map.of("summary", "Báo cáo của " + unit + " — đã triển khai đầy đủ")))).getStatusCode()
              .value();
        });
      }
      for (int status : atOnce(calls)) {
        statuses.merge(status, 1, Integer::sum);
      }
      driver.executeJobs();
      JsonNode period = as("tt.chuyenvien").getJson("/api/plans/" + code + "/reports/2030-H1");
      List<String> summaries = period.get("reports").findValuesAsText("summary");
      lost += units - (int) summaries.stream().filter(s -> s.startsWith("Báo cáo của tt-xa")).distinct().count();
      assertThat(period.get("submitted")).as(period.toString()).hasSize(units);
    }
    System.out.printf("[battery] %d units × %d rounds submitting at once: HTTP statuses %s, %d reports lost%n",
        units, rounds, statuses, lost);
    assertThat(statuses).containsOnlyKeys(204);
    assertThat(lost).isZero();
  }

  /** Fires the timer that opens the plan's next period now, as an administrator would in Cockpit. */
  private void openFirstPeriod(String code) {
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("reporting-cycle").singleResult().getId();
    var timer = managementService.createJobQuery().processInstanceId(instance).timers()
        .orderByJobDuedate().asc().list().get(0);
    managementService.executeJob(timer.getId());
    driver.executeJobs();
  }

  @Test
  void theSameTaskCompletedTwiceAtOnceSucceedsOnceAndTheOtherIsTold() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> messages = new ArrayList<>();
    for (int round = 1; round <= Math.max(5, ROUNDS); round++) {
      String code = "KH-BATTERY-TWICE-" + round;
      driver.createWardPlan(code);
      Task draft = driver.task(code, PlanApproval.DRAFT_PLAN);
      OfficialClient specialist = as("kt.chuyenvien");
      assertThat(specialist.post("/engine-rest/task/" + draft.getId() + "/claim", Map.of("userId", "kt.chuyenvien"))
          .getStatusCode().value()).isEqualTo(204);
      Map<String, Object> variables = Map.of("consultedUnits", List.of("yh-pvhxh"));
      List<ResponseEntity<String>> responses = new ArrayList<>();
      List<Callable<Integer>> calls = new ArrayList<>();
      // Round by round: both through Camunda REST, both through /api/tasks, one through each.
      int shape = round % 3;
      for (int i = 0; i < 2; i++) {
        boolean api = shape == 1 || (shape == 2 && i == 1);
        calls.add(() -> {
          ResponseEntity<String> response = api
              ? specialist.post("/api/tasks/" + draft.getId() + "/complete", variables)
              : specialist.post("/engine-rest/task/" + draft.getId() + "/complete",
                  Map.of("variables", OfficialClient.typed(variables)));
          synchronized (responses) {
            responses.add(response);
          }
          return response.getStatusCode().value();
        });
      }
      List<Integer> both = atOnce(calls);
      both.forEach(status -> statuses.merge(status, 1, Integer::sum));
      assertThat(both).as("%s", responses).containsOnlyOnce(204);
      ResponseEntity<String> loser = responses.stream().filter(r -> r.getStatusCode().value() != 204).findFirst().orElseThrow();
      assertThat(loser.getStatusCode().value()).as(loser.getBody()).isIn(404, 409);
      messages.add(loser.getBody());
      driver.executeJobs();
      assertThat(driver.openTasks(code, PlanApproval.REVIEW_DRAFT)).hasSize(1);
    }
    System.out.printf("[battery] one task completed twice at once (Camunda REST, /api/tasks and one of each): HTTP"
        + " statuses %s%n", statuses);
    // Told in Vietnamese that the task is done or gone, without Java text.
    assertThat(messages).allMatch(m -> m.contains("Việc này") || m.contains("Không có việc")
        || m.contains("Không tìm thấy: việc")).noneMatch(m -> m.contains("Exception:") || m.contains("ENGINE-"));
  }

  @Test
  void twoCandidatesClaimingAtOnceOneGetsItTheOtherA409() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int round = 1; round <= Math.max(5, ROUNDS); round++) {
      String code = "KH-BATTERY-CLAIM-" + round;
      driver.createWardPlan(code);
      driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
      Task review = driver.task(code, PlanApproval.REVIEW_DRAFT);
      List<Callable<Integer>> calls = new ArrayList<>();
      for (String leader : List.of("kt.truongphong", "kt.phophong")) {
        calls.add(() -> as(leader).post("/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", leader))
            .getStatusCode().value());
      }
      List<Integer> both = atOnce(calls);
      both.forEach(status -> statuses.merge(status, 1, Integer::sum));
      assertThat(both).containsOnlyOnce(204);
      assertThat(both).allMatch(status -> status == 204 || status == 409);
    }
    System.out.printf("[battery] two leaders claiming one task at once: HTTP statuses %s%n", statuses);
  }

  @Test
  void aFormerAssigneeAfterReassignmentIsRefused() {
    String code = "KH-BATTERY-REASSIGNED";
    driver.createWardPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    Task review = driver.task(code, PlanApproval.REVIEW_DRAFT);
    assertThat(as("kt.phophong").post("/engine-rest/task/" + review.getId() + "/claim",
        Map.of("userId", "kt.phophong")).getStatusCode().value()).isEqualTo(204);
    assertThat(as("admin").post("/engine-rest/task/" + review.getId() + "/assignee",
        Map.of("userId", "kt.truongphong")).getStatusCode().value()).isEqualTo(204);

    ResponseEntity<String> former = as("kt.phophong").complete(review.getId(), Map.of("approved", true));
    ResponseEntity<String> api = as("kt.phophong").post("/api/tasks/" + review.getId() + "/complete",
        Map.of("approved", true));

    assertThat(former.getStatusCode().value()).as(former.getBody()).isEqualTo(403);
    assertThat(api.getStatusCode().value()).as(api.getBody()).isEqualTo(403);
    assertThat(driver.openTasks(code, PlanApproval.REVIEW_DRAFT)).hasSize(1);
    assertThat(as("kt.truongphong").complete(review.getId(), Map.of("approved", true)).getStatusCode().value())
        .isEqualTo(204);
  }

  /** Runs the calls in threads released together; their HTTP statuses in order. */
  private static List<Integer> atOnce(List<Callable<Integer>> calls) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> call : calls) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get());
      }
      return statuses;
    } finally {
      pool.shutdown();
    }
  }
}
