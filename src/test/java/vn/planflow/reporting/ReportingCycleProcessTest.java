package vn.planflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * {@code reporting-cycle} over the ward plan's two periods of 2026 ("trước ngày 15/6 và 15/12"),
 * ad-hoc periods, a five-year plan, the clock moved from one timer to the next. The class fails if
 * its tests cover less than 90 % of the model (report in {@code target/process-test-coverage/}).
 */
@PlanflowIntegrationTest
@Import({ProcessEngineCoverageConfiguration.class, ReportingCycleProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ReportingCycleProcessTest {

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties reportingCoverage() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(PlanApproval.PROCESS)
          .build();
    }
  }

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
    driver.putInEffect(code);
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
    // Its form links the draft report and the figures, on Tasklist's own server.
    assertThat(taskService.getVariableLocal(consolidation.getId(), "reportDocumentUrl"))
        .isEqualTo("/api/plans/" + code + "/reports/2026-H1/document");
    assertThat(taskService.getVariableLocal(consolidation.getId(), "reportExportUrl"))
        .isEqualTo("/api/plans/" + code + "/reports/2026-H1/export");
    assertThat(OfficialClient.demo(rest, json, "kt.chuyenvien").get("/api/plans/" + code + "/reports/2026-H1/document")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(midYear.get("units").findValuesAsText("status")).containsExactly("SUBMITTED", "MISSING");

    driver.complete(code, ReportingCycle.CONSOLIDATE_REPORTS, "kt.chuyenvien",
        Map.of("summary", "Phòng Kinh tế hoàn thành; Phòng Văn hóa - Xã hội chưa báo cáo."));
    driver.complete(code, ReportingCycle.APPROVE_CONSOLIDATED_REPORT, "kt.truongphong", Map.of("approved", true));
    midYear = periods(code).get(0);
    assertThat(midYear.get("status").asText()).isEqualTo("SENT");
    assertThat(midYear.get("number").asText()).matches("(0[1-9]|[1-9]\\d+)/BC-KTHTĐT");

    // The annual period: nobody reports; after it is sent, the plan is closed.
    // Tuesday 15/12 is the due date; the fifth working day from it is Monday 21/12.
    at("2026-12-22 09:00:00");
    driver.executeJobs();
    assertThat(periods(code).get(1).get("units").findValuesAsText("status")).containsOnly("MISSING");
    driver.complete(code, ReportingCycle.CONSOLIDATE_REPORTS, "kt.chuyenvien", Map.of("summary", "Không đơn vị nào báo cáo."));
    driver.complete(code, ReportingCycle.APPROVE_CONSOLIDATED_REPORT, "kt.truongphong", Map.of("approved", true));

    assertThat(periodStatuses(code)).containsExactly("SENT", "SENT");
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("CLOSED");
    // A closed plan takes no more ad-hoc requests.
    assertThat(OfficialClient.demo(rest, json, "kt.chuyenvien").post("/api/plans/" + code + "/adhoc-reports",
        Map.of("title", "Báo cáo nhanh", "dueDate", "2027-01-15")).getStatusCode().value()).isEqualTo(409);
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
    driver.putInEffect(code);
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
    // Numbers run per year from 1 (Nghị định 30/2020): the two reports of 2028 are 1 and 2 (other
    // tests of this class may send reports of the same unit in 2026 and 2027).
    List<String> numbers = periods(code).findValuesAsText("number");
    assertThat(numbers.subList(4, 6)).containsExactly("01/BC-KTHTĐT", "02/BC-KTHTĐT");
    assertThat(numbers.subList(8, 10)).containsExactly("01/BC-KTHTĐT", "02/BC-KTHTĐT");
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("CLOSED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(ReportingCycle.PROCESS).count()).isZero();
  }

  @Test
  void anAdHocPeriodRunsBesideTheRegularOnesWithItsOwnDueDateAndUnits() {
    String code = "KH-REPORTING-ADHOC";
    at("2026-05-20 10:00:00");
    driver.createWardPlan(code);
    driver.putInEffect(code);
    driver.executeJobs();
    OfficialClient economics = OfficialClient.demo(rest, json, "kt.chuyenvien");
    String path = "/api/plans/" + code + "/adhoc-reports";

    // Bad requests name the field and change nothing; only the plan's own units may ask.
    var bad = economics.post(path, Map.of("title", " ", "dueDate", "2026-05-20", "units", List.of("yh-pvhxh", "khong-co")));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).contains("\"title\"").contains("\"dueDate\"").contains("units[1]");
    assertThat(economics.post(path, Map.of("title", "Báo cáo nhanh", "dueDate", "27/05/2026")).getStatusCode().value())
        .isEqualTo(400);
    assertThat(OfficialClient.demo(rest, json, "htx-yenhoa.nhanvien")
        .post(path, Map.of("title", "Báo cáo nhanh", "dueDate", "2026-05-27")).getStatusCode().value()).isEqualTo(403);
    assertThat(economics.post("/api/plans/KHONG-CO/adhoc-reports", Map.of("title", "Báo cáo nhanh", "dueDate",
        "2026-05-27")).getStatusCode().value()).isEqualTo(404);
    assertThat(periods(code).findValuesAsText("period")).containsExactly("2026-H1", "2026-Y");

    // Due before 27/5 (Wednesday): open from now, first reminder's time (20/5 08:00) already past.
    var created = economics.post(path, Map.of("title", "Báo cáo nhanh tình hình phân loại rác tại nguồn",
        "dueDate", "2026-05-27", "units", List.of("yh-pvhxh")));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getLocation().toString()).endsWith("/api/plans/" + code + "/reports/ADHOC-1");
    JsonNode adHoc = read(created.getBody());
    assertThat(adHoc.get("period").asText()).isEqualTo("ADHOC-1");
    assertThat(adHoc.get("title").asText()).isEqualTo("Báo cáo nhanh tình hình phân loại rác tại nguồn");
    assertThat(adHoc.get("requestedBy").asText()).isEqualTo("kt.chuyenvien");
    assertThat(adHoc.get("units").findValuesAsText("unit")).containsExactly("yh-pvhxh");
    driver.executeJobs();
    var culture = driver.task(code, ReportingCycle.SUBMIT_REPORT);
    assertThat(taskService.getVariable(culture.getId(), "unit")).isEqualTo("yh-pvhxh");
    assertThat(culture.getDueDate()).isEqualTo(java.sql.Timestamp.valueOf("2026-05-27 00:00:00"));
    assertThat(notifications("report-reminder:" + code + ":ADHOC-1:5")).isZero();

    // The regular mid-year period opens on its own timer while the ad-hoc one is still open.
    at("2026-06-01 08:01:00");
    driver.executeJobs();
    assertThat(driver.openTasks(code, ReportingCycle.SUBMIT_REPORT)).hasSize(3);
    assertThat(periodStatuses(code)).containsExactly("OPEN", "OPEN", "SCHEDULED");

    // Submitted after 27/5 00:00 but before collection closes: late.
    Task adHocTask = openTasks(code).stream()
        .filter(t -> "ADHOC-1".equals(taskService.getVariable(t.getId(), ReportingCycle.PERIOD))).findFirst().orElseThrow();
    driver.completeTask(adHocTask, "vhxh.chuyenvien", Map.of("summary", "Đã phân loại rác tại 12/12 tổ dân phố.",
        "indicators", List.of(Map.of("targetCode", "4.1", "value", 80))));
    at("2026-06-03 09:00:00");
    driver.executeJobs();
    JsonNode consolidation = OfficialClient.demo(rest, json, "kt.truongphong").getJson("/api/plans/" + code + "/reports/ADHOC-1");
    assertThat(consolidation.get("status").asText()).isEqualTo("CLOSED");
    assertThat(consolidation.get("late").findValuesAsText("unit")).containsExactly("yh-pvhxh");
    assertThat(consolidation.get("targets").get(0).get("reported").get(0).get("value").asInt()).isEqualTo(80);
    var consolidate = openTasks(code, ReportingCycle.CONSOLIDATE_REPORTS).get(0);
    driver.completeTask(consolidate, "kt.chuyenvien", Map.of("summary", "Phường đã phân loại rác tại nguồn."));
    driver.complete(code, ReportingCycle.APPROVE_CONSOLIDATED_REPORT, "kt.truongphong", Map.of("approved", true));
    JsonNode sent = OfficialClient.demo(rest, json, "kt.truongphong").getJson("/api/plans/" + code + "/reports/ADHOC-1");
    assertThat(sent.get("status").asText()).isEqualTo("SENT");
    assertThat(sent.get("number").asText()).matches("(0[1-9]|[1-9]\\d+)/BC-KTHTĐT");
    assertThat(sent.get("summary").asText()).isEqualTo("Phường đã phân loại rác tại nguồn.");
    // The message itself, as a process administrator would send it through Camunda REST: no units
    // means the plan's reporting units.
    runtimeService.createMessageCorrelation("AdHocReportRequested").processInstanceBusinessKey(code)
        .setVariable("title", "Báo cáo đột xuất về tiết kiệm năng lượng").setVariable("dueDate", "2026-06-26")
        .correlate();
    JsonNode second = OfficialClient.demo(rest, json, "kt.truongphong").getJson("/api/plans/" + code + "/reports/ADHOC-2");
    assertThat(second.get("units").findValuesAsText("unit")).containsExactly("yh-pkthtdt", "yh-pvhxh");
    assertThat(second.get("dueAt").asText()).startsWith("2026-06-26T00:00");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(ReportingCycle.PROCESS).singleResult().getId();
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("title").count())
        .as("the request's variables are not left on the instance").isZero();
    // Units as comma-separated text, the way a form or a script may send them.
    runtimeService.createMessageCorrelation("AdHocReportRequested").processInstanceBusinessKey(code)
        .setVariable("title", "Báo cáo về an ninh trật tự tại các chợ").setVariable("dueDate", "2026-06-30")
        .setVariable("units", "yh-ca").correlate();
    driver.executeJobs();
    // The mid-year period goes on.
    assertThat(periodStatuses(code)).containsExactly("SENT", "OPEN", "OPEN", "OPEN", "SCHEDULED"); // ADHOC-1, H1, ADHOC-2, ADHOC-3, Y

    // Periods side by side remind and escalate only their own units: the police report only ADHOC-3.
    at("2026-06-15 00:01:00");
    driver.executeJobs();
    assertThat(notifications("report-reminder:" + code + ":2026-H1:5:yh-pvhxh")).isPositive();
    assertThat(notifications("report-overdue:" + code + ":2026-H1:yh-pvhxh")).isPositive();
    assertThat(notifications("report-reminder:" + code + ":2026-H1:5:yh-ca")).isZero();
    assertThat(notifications("report-overdue:" + code + ":2026-H1:yh-ca")).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(ReportingCycle.PROCESS).count()).isOne();
  }

  @Test
  void aChildPlansSentReportIsAttachedToItsParentsPeriod() {
    String parent = "KH-REPORTING-PARENT";
    String child = "KH-REPORTING-PARENT-YH";
    at("2026-05-20 10:00:00");
    driver.createWardPlan(parent);
    driver.create(child, "yh-ubnd", "yh-pkthtdt", "kt.chuyenvien", List.of(
        new vn.planflow.plan.PlanRequest.TaskData("1", null, "Tuyên truyền tại tổ dân phố", null, null, null,
            "yh-pkthtdt", List.of(), null, "Năm 2026")),
        java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31), parent);
    driver.putInEffect(parent);
    driver.putInEffect(child);
    at("2026-06-22 09:00:00");
    driver.executeJobs();
    Task childConsolidation = openTasks(child, ReportingCycle.CONSOLIDATE_REPORTS).get(0);
    driver.completeTask(childConsolidation, "kt.chuyenvien", Map.of("summary", "Tổ dân phố đã tuyên truyền."));
    Task childApproval = openTasks(child, ReportingCycle.APPROVE_CONSOLIDATED_REPORT).get(0);
    driver.completeTask(childApproval, "kt.truongphong", Map.of("approved", true));

    JsonNode midYear = OfficialClient.demo(rest, json, "kt.truongphong").getJson("/api/plans/" + parent + "/reports/2026-H1");
    JsonNode attached = midYear.get("attachedReports");
    assertThat(attached).hasSize(1);
    assertThat(attached.get(0).get("plan").asText()).isEqualTo(child);
    assertThat(attached.get(0).get("summary").asText()).isEqualTo("Tổ dân phố đã tuyên truyền.");
    assertThat(attached.get(0).get("number").asText()).matches("(0[1-9]|[1-9]\\d+)/BC-KTHTĐT");
    // The parent's consolidation task shows it.
    Task parentConsolidation = openTasks(parent, ReportingCycle.CONSOLIDATE_REPORTS).get(0);
    assertThat(taskService.getVariable(parentConsolidation.getId(), "attachedReports").toString())
        .contains("Tổ dân phố đã tuyên truyền.");
  }

  @Test
  void aPlanThatTakesEffectAfterItsLastDeadlineClosesAtOnce() {
    String code = "KH-REPORTING-LATE-ISSUE";
    at("2026-12-20 10:00:00");
    driver.createWardPlan(code);
    driver.putInEffect(code);
    assertThat(periodStatuses(code)).containsExactly("SKIPPED", "SKIPPED");
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("CLOSED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(ReportingCycle.PROCESS).count()).isZero();
  }

  @Test
  void anAdHocPeriodAskedDuringTheLastOneKeepsThePlanOpenUntilItIsSent() {
    String code = "KH-REPORTING-LAST-ADHOC";
    at("2026-11-25 10:00:00");
    driver.createWardPlan(code);
    driver.putInEffect(code);
    // 1/12 08:00: the annual period opens; no regular period is left to open.
    at("2026-12-01 08:01:00");
    driver.executeJobs();
    var created = OfficialClient.demo(rest, json, "kt.truongphong").post("/api/plans/" + code + "/adhoc-reports",
        Map.of("title", "Báo cáo đột xuất cuối năm", "dueDate", "2027-01-08", "units", List.of("yh-pkthtdt")));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);

    // The annual report: the leader sends it back once, then approves it.
    at("2026-12-23 09:00:00");
    driver.executeJobs();
    Task annual = openTasks(code, ReportingCycle.CONSOLIDATE_REPORTS).get(0);
    driver.completeTask(annual, "kt.chuyenvien", Map.of("summary", "Dự thảo báo cáo năm."));
    driver.complete(code, ReportingCycle.APPROVE_CONSOLIDATED_REPORT, "kt.truongphong",
        Map.of("approved", false, "comment", "Bổ sung số liệu chỉ tiêu 4.1"));
    driver.complete(code, ReportingCycle.CONSOLIDATE_REPORTS, "kt.chuyenvien", Map.of("summary", "Báo cáo năm, đã bổ sung."));
    driver.complete(code, ReportingCycle.APPROVE_CONSOLIDATED_REPORT, "kt.truongphong", Map.of("approved", true));
    JsonNode annualReport = OfficialClient.demo(rest, json, "kt.truongphong").getJson("/api/plans/" + code + "/reports/2026-Y");
    assertThat(annualReport.get("status").asText()).isEqualTo("SENT");
    assertThat(annualReport.get("summary").asText()).isEqualTo("Báo cáo năm, đã bổ sung.");

    // The regular periods are done; the ad-hoc one still runs, so the plan stays in effect and takes no new request.
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("IN_EFFECT");
    assertThat(OfficialClient.demo(rest, json, "kt.truongphong").post("/api/plans/" + code + "/adhoc-reports",
        Map.of("title", "Thêm một báo cáo", "dueDate", "2027-01-20")).getStatusCode().value()).isEqualTo(409);
    at("2027-01-16 09:00:00");
    driver.executeJobs();
    driver.complete(code, ReportingCycle.CONSOLIDATE_REPORTS, "kt.chuyenvien", Map.of("summary", "Không có báo cáo."));
    driver.complete(code, ReportingCycle.APPROVE_CONSOLIDATED_REPORT, "kt.truongphong", Map.of("approved", true));
    assertThat(periodStatuses(code)).containsExactly("SKIPPED", "SENT", "SENT");
    assertThat(driver.plan(code).getStatus().name()).isEqualTo("CLOSED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(ReportingCycle.PROCESS).count()).isZero();
  }

  @Test
  void unitsSubmittingAtTheSameMomentLoseNoReport() throws Exception {
    String code = "KH-REPORTING-CONCURRENT";
    Map<String, String> specialists = Map.of("yh-pkthtdt", "kt.chuyenvien", "yh-pvhxh", "vhxh.chuyenvien",
        "yh-ca", "yh.congan.canbo", "yh-bchqs", "yh.quansu.canbo", "yh-htx-yenhoa", "htx-yenhoa.nhanvien",
        "yh-htx-trunghoa", "htx-trunghoa.nhanvien");
    List<vn.planflow.plan.PlanRequest.TaskData> tasks = new java.util.ArrayList<>();
    int no = 1;
    for (String unit : new java.util.TreeSet<>(specialists.keySet())) {
      tasks.add(new vn.planflow.plan.PlanRequest.TaskData(String.valueOf(no++), null, "Nhiệm vụ của " + unit, null, null,
          null, unit, List.of(), null, "Năm 2026"));
    }
    at("2026-05-20 10:00:00");
    driver.create(code, "yh-ubnd", "yh-pkthtdt", "kt.chuyenvien", tasks);
    driver.putInEffect(code);
    at("2026-06-01 08:01:00");
    driver.executeJobs();
    assertThat(openTasks(code)).hasSize(6);

    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
    for (Task task : openTasks(code)) {
      String unit = (String) taskService.getVariable(task.getId(), "unit");
      OfficialClient official = OfficialClient.demo(rest, json, specialists.get(unit));
      official.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", specialists.get(unit)));
      results.add(pool.submit(() -> {
        start.await();
        return official.post("/engine-rest/task/" + task.getId() + "/complete", Map.of("variables",
            OfficialClient.typed(Map.of("summary", "Báo cáo của " + unit)))).getStatusCode().value();
      }));
    }
    start.countDown();
    for (var result : results) {
      assertThat(result.get()).isEqualTo(204);
    }
    pool.shutdown();
    driver.executeJobs();

    JsonNode midYear = OfficialClient.demo(rest, json, "kt.truongphong").getJson("/api/plans/" + code + "/reports/2026-H1");
    assertThat(midYear.get("submitted")).hasSize(6);
    assertThat(midYear.get("reports").findValuesAsText("summary")).hasSize(6).allMatch(s -> s.startsWith("Báo cáo của "));
    // Everyone reported before the due time: collection closed at once, the lead unit consolidates.
    assertThat(midYear.get("status").asText()).isEqualTo("CLOSED");
    assertThat(openTasks(code, ReportingCycle.CONSOLIDATE_REPORTS)).hasSize(1);
  }

  private List<Task> openTasks(String code) {
    return openTasks(code, ReportingCycle.SUBMIT_REPORT);
  }

  private List<Task> openTasks(String code, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).list();
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
