package vn.planflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * {@code reporting-cycle} over the ward plan's two periods of 2026 ("trước ngày 15/6 và 15/12"),
 * the clock moved from one timer to the next.
 */
@PlanflowIntegrationTest
class ReportingCycleProcessTest {

  @Autowired PlanApprovalDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.TaskService taskService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(localDateTime));
  }

  private JsonNode periods(String code) {
    return OfficialClient.demo(rest, json, "kt.truongphong").getJson("/api/plans/" + code + "/reports");
  }

  private List<String> periodStatuses(String code) {
    List<String> statuses = new java.util.ArrayList<>();
    periods(code).forEach(period -> statuses.add(period.get("status").asText()));
    return statuses;
  }

  private int notifications(String eventKeyPrefix) {
    return jdbc.queryForObject("select count(*) from notification where event_key like ?", Integer.class,
        eventKeyPrefix + "%");
  }

  @Test
  void collectsRemindsEscalatesClosesAndSendsEachPeriodThenClosesThePlan() {
    String code = "KH-REPORTING-2026";
    at("2026-05-20 10:00:00");
    driver.createWardPlan(code);
    runtimeService.createMessageCorrelation(PlanApproval.PLAN_IN_EFFECT_MESSAGE)
        .processInstanceBusinessKey(code).setVariable(PlanApproval.PLAN_CODE, code).correlateStartMessage();
    driver.executeJobs();

    assertThat(periods(code).findValuesAsText("period")).containsExactly("2026-H1", "2026-Y");
    assertThat(periodStatuses(code)).containsOnly("SCHEDULED");
    assertThat(driver.openTasks(code, ReportingCycle.SUBMIT_REPORT)).isEmpty();

    // 1/6 08:00, ten working days before the due time: each unit that leads a task gets its task.
    at("2026-06-01 08:01:00");
    driver.executeJobs();
    assertThat(driver.openTasks(code, ReportingCycle.SUBMIT_REPORT)).hasSize(2);

    // The form shows the unit's own appendix task and the plan's target, ready to fill in.
    var economicsTask = driver.taskOf(code, ReportingCycle.SUBMIT_REPORT, "unit", "yh-pkthtdt");
    String rows = taskService.getVariableLocal(economicsTask.getId(), "taskResults").toString();
    assertThat(rows).contains("\"taskNo\":\"1\"").contains("NOT_STARTED").doesNotContain("\"taskNo\":\"2\"");
    assertThat(taskService.getVariableLocal(economicsTask.getId(), "unitName")).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
    assertThat(taskService.getVariableLocal(economicsTask.getId(), "periodTitle")).isEqualTo("Báo cáo 6 tháng đầu năm 2026");

    at("2026-06-05 09:00:00");
    // As the form sends it: each row also carries what it displays.
    driver.completeTask(economicsTask, "kt.chuyenvien",
        Map.of("summary", "Đã tổ chức 02 hội nghị tuyên truyền.",
            "taskResults", List.of(Map.of("taskNo", "1", "name", "Tuyên truyền", "status", "DONE", "progress", 100,
                "result", "02 hội nghị")),
            "indicators", List.of(Map.of("targetCode", "4.1", "text", "Tuyên truyền 100%", "value", 100))));

    // 8/6 and 12/6: reminders to the unit that has not reported; 15/6 00:00: escalation.
    at("2026-06-08 08:01:00");
    driver.executeJobs();
    assertThat(notifications("report-reminder:" + code + ":2026-H1:5:yh-pvhxh")).isPositive();
    assertThat(notifications("report-reminder:" + code + ":2026-H1:5:yh-pkthtdt")).isZero();
    at("2026-06-15 00:01:00");
    driver.executeJobs();
    assertThat(notifications("report-reminder:" + code + ":2026-H1:1:yh-pvhxh")).isPositive();
    assertThat(notifications("report-overdue:" + code + ":2026-H1:yh-pvhxh")).isPositive();
    assertThat(driver.openTasks(code, ReportingCycle.SUBMIT_REPORT)).hasSize(1);

    // 20/6 00:00, five working days after the due time: collection closes, the silent unit is missing.
    at("2026-06-20 00:01:00");
    driver.executeJobs();
    JsonNode midYear = periods(code).get(0);
    assertThat(midYear.get("status").asText()).isEqualTo("CLOSED");
    var consolidation = driver.task(code, ReportingCycle.CONSOLIDATE_REPORTS);
    assertThat(taskService.getVariableLocal(consolidation.getId(), "taskAggregate").toString())
        .contains("Hoàn thành (100%)");
    assertThat(midYear.get("units").findValuesAsText("status")).containsExactly("SUBMITTED", "MISSING");

    driver.complete(code, ReportingCycle.CONSOLIDATE_REPORTS, "kt.chuyenvien",
        Map.of("summary", "Phòng Kinh tế hoàn thành; Phòng Văn hóa - Xã hội chưa báo cáo."));
    driver.complete(code, ReportingCycle.APPROVE_CONSOLIDATED_REPORT, "kt.truongphong", Map.of("approved", true));
    midYear = periods(code).get(0);
    assertThat(midYear.get("status").asText()).isEqualTo("SENT");
    assertThat(midYear.get("number").asText()).matches("\\d+/BC-KTHTĐT");

    // The annual period: nobody reports; after it is sent, the plan is closed.
    // Tuesday 15/12 is the due date; the fifth working day from it is Monday 21/12.
    at("2026-12-22 09:00:00");
    driver.executeJobs();
    assertThat(periods(code).get(1).get("units").findValuesAsText("status")).containsOnly("MISSING");
    driver.complete(code, ReportingCycle.CONSOLIDATE_REPORTS, "kt.chuyenvien", Map.of("summary", "Không đơn vị nào báo cáo."));
    driver.complete(code, ReportingCycle.APPROVE_CONSOLIDATED_REPORT, "kt.truongphong", Map.of("approved", true));

    assertThat(periodStatuses(code)).containsExactly("SENT", "SENT");
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("CLOSED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(ReportingCycle.PROCESS).count()).isZero();
  }

  @Test
  void aFiveYearPlanRunsTenPeriodsAndThenCloses() {
    String code = "KH-REPORTING-2026-2030";
    at("2025-12-01 10:00:00");
    driver.create(code, "yh-ubnd", "yh-pkthtdt", "kt.chuyenvien", List.of(
        new vn.planflow.plan.PlanRequest.TaskData("1", null, "Tuyên truyền về tiêu dùng bền vững", null, null, null,
            "yh-pkthtdt", List.of(), null, "2026-2030")),
        java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2030, 12, 31));
    runtimeService.createMessageCorrelation(PlanApproval.PLAN_IN_EFFECT_MESSAGE)
        .processInstanceBusinessKey(code).setVariable(PlanApproval.PLAN_CODE, code).correlateStartMessage();
    assertThat(periods(code).findValuesAsText("period")).containsExactly(
        "2026-H1", "2026-Y", "2027-H1", "2027-Y", "2028-H1", "2028-Y", "2029-H1", "2029-Y", "2030-H1", "2030-Y");

    for (int year = 2026; year <= 2030; year++) {
      for (String afterClosing : List.of(year + "-06-30 12:00:00", year + "-12-31 12:00:00")) {
        at(afterClosing);
        driver.executeJobs();
        driver.complete(code, ReportingCycle.CONSOLIDATE_REPORTS, "kt.chuyenvien", Map.of("summary", "Tổng hợp kỳ."));
        driver.complete(code, ReportingCycle.APPROVE_CONSOLIDATED_REPORT, "kt.truongphong", Map.of("approved", true));
      }
    }

    assertThat(periodStatuses(code)).hasSize(10).containsOnly("SENT");
    // Numbers run per year from 1 (Nghị định 30/2020): the two reports of 2027 are 1 and 2.
    List<String> numbers = periods(code).findValuesAsText("number");
    assertThat(numbers.subList(2, 4)).containsExactly("1/BC-KTHTĐT", "2/BC-KTHTĐT");
    assertThat(numbers.subList(8, 10)).containsExactly("1/BC-KTHTĐT", "2/BC-KTHTĐT");
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("CLOSED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(ReportingCycle.PROCESS).count()).isZero();
  }
}
