package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;
import vn.planflow.reporting.ReportingPeriod;
import vn.planflow.reporting.ReportingSchedule;
import vn.planflow.reporting.UnitReports;

/**
 * Every action an official takes leaves a record naming her: task claims and completions in the
 * engine's user operation log, a plan's start in its history, the appendix, a report draft and an
 * ad-hoc request in planflow's own rows. Driven over REST as the officials, then read back as the
 * administrator; the test prints what it found.
 */
@PlanflowIntegrationTest
class AuditIntegrityTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReportingSchedule schedule;
  @Autowired UnitReports reports;

  private record Action(String user, String taskId, String operation) {}

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  @Test
  void everyOfficialsActionOnAPlanIsLoggedWithHerId() {
    String code = "KH-AUDIT-1";
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("code", code);
    plan.put("title", "Kế hoạch kiểm tra nhật ký thao tác của phường Yên Hòa năm 2026");
    plan.put("issuer", "yh-ubnd");
    plan.put("leadUnit", "yh-pkthtdt");
    plan.put("periodStart", "2026-01-01");
    plan.put("periodEnd", "2026-12-31");
    plan.put("reporting", Map.of("reportTo", "yh-pkthtdt", "deadlines", List.of("06-15", "12-15")));
    assertThat(as("kt.chuyenvien").post("/api/plans", plan).getStatusCode().value()).isEqualTo(201);
    String csv = "TT,Nhóm,Tên nhiệm vụ,Nội dung,Mục tiêu,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Kinh phí,Thời gian\n"
        + "1,Truyền thông,Tuyên truyền về tiêu dùng bền vững,,,,yh-pkthtdt,,Ngân sách phường,Năm 2026\n";
    ResponseEntity<String> appendix = as("kt.phophong").send(HttpMethod.PUT, "/api/plans/" + code + "/tasks",
        csv.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"));
    assertThat(appendix.getStatusCode().value()).as(appendix.getBody()).isEqualTo(200);

    List<Action> actions = new ArrayList<>();
    step(actions, code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    step(actions, code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", false, "comment", "Bổ sung"));
    step(actions, code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    step(actions, code, PlanApproval.REVIEW_DRAFT, "kt.phophong", Map.of("approved", true));
    step(actions, code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", Map.of("opinion", "AGREE"));
    step(actions, code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", Map.of("reconsult", false));
    step(actions, code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", Map.of("approved", true));
    step(actions, code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        Map.of("decision", "VOTE_SLIP", "signer", "yh.pct1"));
    for (String member : List.of("yh.chutich", "yh.pct1", "yh.pct2", "kt.truongphong")) {
      String slip = driver.taskOf(code, PlanApproval.CAST_VOTE, "member", member).getId();
      ResponseEntity<String> voted = as(member).complete(slip, Map.of("vote", "AGREE"));
      assertThat(voted.getStatusCode().value()).as(voted.getBody()).isEqualTo(204);
      actions.add(new Action(member, slip, "Complete"));
    }

    int found = 0;
    List<Action> missing = new ArrayList<>();
    for (Action action : actions) {
      JsonNode entries = as("admin").getJson("/engine-rest/history/user-operation?taskId=" + action.taskId()
          + "&userId=" + action.user() + "&operationType=" + action.operation());
      if (entries.isEmpty()) {
        missing.add(action);
      } else {
        found++;
      }
    }
    JsonNode started = as("admin").getJson("/engine-rest/history/process-instance?processInstanceBusinessKey=" + code
        + "&processDefinitionKey=plan-approval");
    String updatedBy = jdbc.queryForObject("select updated_by from plan where code = ?", String.class, code);

    System.out.printf("[audit] %d task actions by officials, %d found in the user operation log with their ids, "
        + "missing %s; plan started by %s, appendix last changed by %s%n", actions.size(), found, missing,
        started.at("/0/startUserId").asText(), updatedBy);
    assertThat(missing).isEmpty();
    assertThat(started.at("/0/startUserId").asText()).isEqualTo("kt.chuyenvien");
    assertThat(updatedBy).isEqualTo("kt.phophong");
  }

  private void step(List<Action> actions, String code, String taskKey, String user, Map<String, Object> variables) {
    String taskId = as(user).taskId(code, taskKey);
    boolean claimed = as("admin").getJson("/engine-rest/task/" + taskId).get("assignee").isNull();
    ResponseEntity<String> completed = as(user).complete(taskId, variables);
    assertThat(completed.getStatusCode().value()).as(taskKey + " " + completed.getBody()).isEqualTo(204);
    if (claimed) {
      actions.add(new Action(user, taskId, "Claim"));
    }
    actions.add(new Action(user, taskId, "Complete"));
    driver.executeJobs();
  }

  @Test
  void reportDraftsAdHocRequestsAndAdministrationNameTheirAuthor() {
    String code = "KH-AUDIT-REPORTS";
    driver.createWardPlan(code);
    ReportingPeriod midYear = schedule.periods(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
        List.of("06-15", "12-15")).get(0);
    reports.open(code, midYear, "Báo cáo 6 tháng đầu năm 2026", List.of("yh-pkthtdt", "yh-pvhxh"), "yh-pkthtdt", false);
    long report = jdbc.queryForObject("select r.id from unit_report r join plan_reporting_period p on r.period_ref = p.id"
        + " where p.plan_code = ? and p.period_id = '2026-H1' and r.unit_code = 'yh-pvhxh'", Long.class, code);
    // A plan in effect whose periods lie ahead, so that an ad-hoc period may be asked for.
    String inEffect = "KH-AUDIT-ADHOC";
    driver.create(inEffect, "yh-ubnd", "yh-pkthtdt", "kt.chuyenvien", List.of(new vn.planflow.plan.PlanRequest.TaskData(
        "1", "Truyền thông", "Tuyên truyền tại tổ dân phố", null, null, null, "yh-pvhxh", List.of(), null, "Năm 2030")),
        LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31));
    driver.putInEffect(inEffect);
    driver.executeJobs();

    ResponseEntity<String> draft = as("vhxh.chuyenvien").send(HttpMethod.PUT, "/api/reports/" + report,
        Map.of("summary", "Đã tuyên truyền tại 5 tổ dân phố."), MediaType.APPLICATION_JSON);
    ResponseEntity<String> adHoc = as("kt.truongphong").post("/api/plans/" + inEffect + "/adhoc-reports", Map.of(
        "title", "Báo cáo nhanh", "dueDate", "2029-12-28",
        "units", List.of("yh-pvhxh")));

    assertThat(draft.getStatusCode().value()).as(draft.getBody()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select updated_by from unit_report where id = ?", String.class, report))
        .isEqualTo("vhxh.chuyenvien");
    assertThat(adHoc.getStatusCode().value()).as(adHoc.getBody()).isBetween(200, 202);
    assertThat(jdbc.queryForList("select requested_by from plan_reporting_period where plan_code = ? and requested_by is not null",
        String.class, inEffect)).containsExactly("kt.truongphong");
    System.out.printf("[audit] report draft saved by %s, ad-hoc period requested by %s%n", "vhxh.chuyenvien",
        "kt.truongphong");
  }
}
