package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * Issue #10, hostile input on the completion of every form: a ward plan is taken through every
 * user task of {@code plan-approval} (the failed vote and the meeting included) and
 * {@code reporting-cycle}; at each step, before the official completes it properly, the same
 * official sends completions that must be refused — each variable of the task's form with a
 * value of the wrong kind, too long for the engine, with a control character, as a Java object
 * or a date, and variables that decide routing or authority (signer, lead unit, …) — through
 * Camunda REST and {@code /api/tasks}. Every one must be a 400 naming the variable, and the
 * engine's runtime and planflow's tables must be exactly as before.
 */
@PlanflowIntegrationTest
class HostileCompletionTest {

  private static final List<String> AUTHORITY = List.of("signer", "leadUnit", "issuer", "unit", "member");
  /** The demo ward's units and an official of each. */
  private static final Map<String, String> OFFICIAL_OF = Map.of("yh-pkthtdt", "kt.chuyenvien",
      "yh-pvhxh", "vhxh.chuyenvien", "yh-htx-yenhoa", "htx-yenhoa.chunhiem", "yh-htx-trunghoa",
      "htx-trunghoa.chunhiem");
  private static final List<String> TABLES = List.of("ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_EXECUTION",
      "ACT_RU_JOB", "ACT_RU_IDENTITYLINK", "plan", "consultation_opinion", "vote_slip", "register_entry",
      "plan_reporting_period", "unit_report");

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;
  @Autowired vn.planflow.org.CommitteeRules committeeRules;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  private final Map<String, int[]> byForm = new TreeMap<>();
  private final List<String> wrong = new ArrayList<>();

  @Test
  void everyFormRefusesHostileCompletionsAndNothingChanges() throws Exception {
    String code = "KH-HOSTILE-FORMS-2026";
    try {
      driver.moveClockTo(Timestamp.valueOf("2026-05-20 10:00:00"));
      driver.createWardPlan(code);
      step(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
      step(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));
      step(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", Map.of("opinion", "AGREE"));
      step(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", Map.of("reconsult", false));
      step(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", Map.of("approved", true));
      // Four of the seven disagree: the ward's rules here close the slips once that decides it, and
      // the Office records the meeting's decision.
      committeeRules.closeVotingEarly("yh-ubnd", true);
      try {
        step(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
            Map.of("decision", "VOTE_SLIP", "signer", "yh.pct1", "voteDays", 2));
      } finally {
        committeeRules.restoreDefaults();
      }
      for (String member : List.of("yh.chutich", "yh.pct2", "yh.congan", "yh.quansu")) {
        Task slip = driver.taskOf(code, PlanApproval.CAST_VOTE, "member", member);
        attackAndComplete(slip, member, Map.of("vote", "DISAGREE"));
      }
      step(code, PlanApproval.RECORD_MEETING_DECISION, "yh.vanphong", Map.of("approved", true));
      step(code, PlanApproval.SIGN_PLAN, "yh.pct1", Map.of("decision", "SIGN"));
      step(code, PlanApproval.ISSUE_PLAN, "yh.vanthu", Map.of());
      for (Task receipt : driver.openTasks(code, PlanApproval.ACKNOWLEDGE_RECEIPT)) {
        String unit = (String) taskService.getVariable(receipt.getId(), PlanApproval.UNIT);
        attackAndComplete(receipt, OFFICIAL_OF.get(unit), Map.of("ownPlanRequired", false));
      }
      assertThat(driver.plan(code).getStatus().name()).isEqualTo("IN_EFFECT");

      // The first reporting period opens on 1/6; two units report, collection closes after 15/6.
      driver.moveClockTo(Timestamp.valueOf("2026-06-01 08:01:00"));
      driver.executeJobs();
      attackAndComplete(driver.taskOf(code, "submitReport", "unit", "yh-pkthtdt"), "kt.chuyenvien", Map.of());
      attackAndComplete(driver.taskOf(code, "submitReport", "unit", "yh-pvhxh"), "vhxh.chuyenvien", Map.of());
      driver.moveClockTo(Timestamp.valueOf("2026-06-23 08:00:00"));
      driver.executeJobs();
      step(code, "consolidateReports", "kt.chuyenvien",
          Map.of("summary", "06 tháng đầu năm 2026: 02/04 đơn vị gửi báo cáo đúng hạn."));
      step(code, "approveConsolidatedReport", "kt.truongphong", Map.of("approved", true));
    } finally {
      driver.resetClock();
    }
    // The start form ("Khởi động quy trình"), through both ways Camunda REST starts a process.
    String definition = "/engine-rest/process-definition/key/" + PlanApproval.PROCESS;
    attack("startPlan", OfficialClient.demo(rest, json, "kt.chuyenvien"),
        List.of(definition + "/start", definition + "/submit-form"), null, Map.of());

    int requests = byForm.values().stream().mapToInt(c -> c[0]).sum();
    System.out.printf("[hostile] %d forms (14 tasks and the start form): %d hostile completions, %d answered"
        + " otherwise than 400 naming the variable or changed a table%n", byForm.size(), requests, wrong.size());
    byForm.forEach((form, c) -> System.out.printf("[hostile]   %-28s %4d refused%n", form, c[1]));
    wrong.stream().limit(40).forEach(w -> System.out.println("[hostile] FAIL " + w));
    assertThat(byForm).as("forms attacked").hasSize(15);
    assertThat(wrong).isEmpty();
  }

  private void step(String code, String taskKey, String official, Map<String, Object> legit) throws Exception {
    List<Task> open = driver.openTasks(code, taskKey);
    assertThat(open).as("open %s tasks of %s", taskKey, code).isNotEmpty();
    attackAndComplete(open.get(0), official, legit);
  }

  /** The hostile completions of this task by its own official, then her real one. */
  private void attackAndComplete(Task task, String official, Map<String, Object> legit) throws Exception {
    OfficialClient client = OfficialClient.demo(rest, json, official);
    attack(task.getTaskDefinitionKey(), client, List.of("/engine-rest/task/" + task.getId() + "/complete"),
        "/api/tasks/" + task.getId() + "/complete", legit);
    ResponseEntity<String> done = client.complete(task.getId(), legit);
    assertThat(done.getStatusCode().value()).as(task.getTaskDefinitionKey() + " " + done.getBody()).isEqualTo(204);
    driver.executeJobs();
  }

  /**
   * Sends the hostile variants of {@code legit} for each variable of the form through each engine
   * path (typed, as Camunda REST takes them) and {@code /api/tasks} (plain), then checks that no
   * table changed.
   */
  private void attack(String form, OfficialClient client, List<String> enginePaths, String apiPath,
      Map<String, Object> legit) throws Exception {
    FormFields fields;
    try (InputStream in = new ClassPathResource("forms/" + form + ".form").getInputStream()) {
      fields = FormFields.parse(in, json);
    }
    int[] counts = byForm.computeIfAbsent(form, k -> new int[2]);
    Map<String, String> before = snapshot();
    List<Map.Entry<String, Object>> hostiles = new ArrayList<>();
    for (String name : AUTHORITY) {
      if (!fields.allows(name)) {
        hostiles.add(Map.entry(name, "yh-pvhxh"));
      }
    }
    for (Map.Entry<String, FormFields.Kind> field : fields.fields().entrySet()) {
      Object wrongKind = switch (field.getValue()) {
        case TEXT -> 42;
        case BOOLEAN, BOOLEAN_CHOICE -> "có lẽ";
        case NUMBER -> "mười";
        case TEXT_LIST -> "yh-pvhxh";
        case STRUCTURE -> "không phải danh sách";
        case ANY -> null;
      };
      if (wrongKind != null) {
        hostiles.add(Map.entry(field.getKey(), wrongKind));
      }
      if (field.getValue() == FormFields.Kind.TEXT) {
        hostiles.add(Map.entry(field.getKey(), "Ý".repeat(TaskVariables.MAX_TEXT + 1)));
        hostiles.add(Map.entry(field.getKey(), "Ý kiến\u0000<script>alert(1)</script>"));
        hostiles.add(Map.entry(field.getKey(), "Ý kiến\u001b[31m"));
      }
    }
    for (Map.Entry<String, Object> hostile : hostiles) {
      Map<String, Object> variables = with(legit, hostile.getKey(), hostile.getValue());
      for (String path : enginePaths) {
        expectRefused(counts, form, hostile.getKey(),
            client.post(path, Map.of("variables", OfficialClient.typed(variables))));
      }
      if (apiPath != null) {
        expectRefused(counts, form, hostile.getKey(), client.post(apiPath, variables));
      }
    }
    // Types a form never produces: a Java object the engine would build, a date.
    for (String name : fields.fields().keySet()) {
      for (Map<String, Object> value : List.<Map<String, Object>>of(
          Map.of("value", "\"/etc/passwd\"", "type", "Object", "valueInfo",
              Map.of("objectTypeName", "java.io.File", "serializationDataFormat", "application/json")),
          Map.of("value", "2026-06-01T08:00:00.000+0700", "type", "Date"))) {
        Map<String, Object> typed = new LinkedHashMap<>(OfficialClient.typed(legit));
        typed.put(name, value);
        for (String path : enginePaths) {
          expectRefused(counts, form, name, client.post(path, Map.of("variables", typed)));
        }
      }
    }

    Map<String, String> after = snapshot();
    before.forEach((table, digest) -> {
      if (!digest.equals(after.get(table))) {
        wrong.add(form + ": rejected completions changed " + table);
      }
    });
  }

  private void expectRefused(int[] counts, String form, String name, ResponseEntity<String> response) {
    counts[0]++;
    int status = response.getStatusCode().value();
    String body = response.getBody() == null ? "" : response.getBody();
    if (status == 400 && body.contains(name) && !body.contains("Exception")) {
      counts[1]++;
    } else {
      wrong.add(form + " " + name + " → " + status + " " + body.substring(0, Math.min(300, body.length())));
    }
  }

  private static Map<String, Object> with(Map<String, Object> legit, String name, Object value) {
    Map<String, Object> hostile = new LinkedHashMap<>(legit);
    hostile.put(name, value);
    return hostile;
  }

  /** Each table's rows, digested: a rejected request must leave every one as it was. */
  private Map<String, String> snapshot() throws Exception {
    Map<String, String> digests = new TreeMap<>();
    for (String table : TABLES) {
      List<String> rows = new ArrayList<>();
      jdbc.query("select * from " + table, rs -> {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
          Object value = rs.getObject(c);
          row.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value)).append('|');
        }
        rows.add(row.toString());
      });
      rows.sort(null);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      rows.forEach(row -> sha.update(row.getBytes(StandardCharsets.UTF_8)));
      digests.put(table, rows.size() + ":" + HexFormat.of().formatHex(sha.digest()));
    }
    return digests;
  }
}
