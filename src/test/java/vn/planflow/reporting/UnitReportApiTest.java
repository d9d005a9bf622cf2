package vn.planflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApprovalDriver;

/** A unit's report content over {@code PUT /api/reports/{id}}: saved as a draft, checked against the plan. */
@PlanflowIntegrationTest
class UnitReportApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;
  @Autowired ReportingSchedule schedule;
  @Autowired UnitReports reports;

  private static int plans;
  private String code;
  private long wardReport;

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  @BeforeEach
  void openAPeriod() {
    code = "KH-REPORT-" + (++plans);
    driver.createWardPlan(code);
    ReportingPeriod midYear = schedule.periods(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
        List.of("06-15", "12-15")).get(0);
    PlanReportingPeriod period = reports.open(code, midYear, "Báo cáo 6 tháng đầu năm 2026",
        List.of("yh-pkthtdt", "yh-pvhxh"), "yh-pkthtdt", false);
    wardReport = as("admin").getJson("/api/plans/" + code + "/reports").at("/0/units").findValues("reportId").stream()
        .filter(id -> id.asLong() > 0).findFirst().orElseThrow().asLong();
    assertThat(period.getStatus()).isEqualTo(PeriodStatus.OPEN);
  }

  private ResponseEntity<String> put(String user, long report, Object body) {
    return as(user).send(HttpMethod.PUT, "/api/reports/" + report, body, MediaType.APPLICATION_JSON);
  }

  @Test
  void theUnitSavesADraftWithItsResultsPerTaskAndTarget() {
    ResponseEntity<String> saved = put("kt.chuyenvien", wardReport, Map.of(
        "summary", "Đã tổ chức 02 hội nghị tuyên truyền về tiêu dùng bền vững tại phường.",
        "taskResults", List.of(Map.of("taskNo", "1", "status", "IN_PROGRESS", "progress", 60,
            "result", "Tổ chức 02 hội nghị, 150 lượt người tham dự")),
        "indicators", List.of(Map.of("targetCode", "4.1", "value", 60))));

    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode report = as("kt.chuyenvien").getJson("/api/reports/" + wardReport);
    assertThat(report.get("status").asText()).isEqualTo("PENDING");
    assertThat(report.get("summary").asText()).startsWith("Đã tổ chức 02 hội nghị");
    assertThat(report.at("/taskResults/0/statusLabel").asText()).isEqualTo("Đang triển khai");
    assertThat(report.at("/indicators/0/value").decimalValue()).isEqualByComparingTo("60");
    JsonNode periods = as("kt.chuyenvien").getJson("/api/plans/" + code + "/reports");
    assertThat(periods.at("/0/period").asText()).isEqualTo("2026-H1");
    assertThat(periods.at("/0/units").findValuesAsText("status")).containsOnly("PENDING");
  }

  @Test
  void badContentIsA400NamingItAndNothingIsSaved() {
    assertProblem(put("kt.chuyenvien", wardReport, Map.of("taskResults",
        List.of(Map.of("taskNo", "1", "status", "DONE", "progress", 120)))), "taskResults[0].progress");
    assertProblem(put("kt.chuyenvien", wardReport, Map.of("taskResults",
        List.of(Map.of("taskNo", "99", "status", "DONE")))), "taskResults[0].taskNo");
    assertProblem(put("kt.chuyenvien", wardReport, Map.of("indicators",
        List.of(Map.of("targetCode", "9.9", "value", 1)))), "indicators[0].targetCode");
    assertProblem(put("kt.chuyenvien", wardReport, Map.of("taskResults",
        List.of(Map.of("taskNo", "1", "status", "FINISHED")))), "taskResults[0].status");
    assertProblem(put("vhxh.chuyenvien", wardReport, Map.of("summary", "Báo cáo nhầm đơn vị")), "unit");

    assertThat(as("kt.chuyenvien").getJson("/api/reports/" + wardReport).get("summary").isNull()).isTrue();
  }

  @Test
  void aReportSubmittedBeforeTheDueTimeIsOnTimeAndFinal() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-06-10 15:00:00"));
    try {
      reports.submit(wardReport, null, "kt.chuyenvien");
    } finally {
      ClockUtil.reset();
    }

    assertThat(put("kt.chuyenvien", wardReport, Map.of("summary", "sửa")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(as("kt.chuyenvien").getJson("/api/reports/" + wardReport).get("status").asText()).isEqualTo("SUBMITTED");
  }

  @Test
  void aReportSubmittedAfterTheDueTimeIsLate() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-06-16 09:00:00"));
    try {
      reports.submit(wardReport, null, "kt.chuyenvien");
    } finally {
      ClockUtil.reset();
    }

    assertThat(as("kt.chuyenvien").getJson("/api/reports/" + wardReport).get("status").asText()).isEqualTo("LATE");
  }

  private void assertProblem(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(as("admin").read(response.getBody()).get("errors").findValuesAsText("field")).contains(field);
  }
}
