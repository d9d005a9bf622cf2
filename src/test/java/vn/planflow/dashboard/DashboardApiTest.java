package vn.planflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;
import vn.planflow.plan.PlanRepository;
import vn.planflow.reporting.ReportingCycle;

/**
 * The ward plan driven through its approval (consultation, vote slips, signing, issuance) and
 * its first reporting period (one unit reports on time, the other not at all), then read back
 * through {@code /api/dashboard} and the audit trail as officials would.
 */
@PlanflowIntegrationTest
class DashboardApiTest {

  private static final String CODE = "KH-DASHBOARD-2026";

  @Autowired PlanApprovalDriver driver;
  @Autowired vn.planflow.org.CommitteeRules committeeRules;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanRepository plans;

  @BeforeEach
  void driveThePlanOnce() {
    if (plans.existsById(CODE)) {
      return;
    }
    at("2026-05-04 08:30:00");
    driver.createWardPlan(CODE);
    at("2026-05-04 10:00:00");
    driver.complete(CODE, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        vars("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5));
    at("2026-05-05 09:00:00");
    driver.complete(CODE, PlanApproval.REVIEW_DRAFT, "kt.truongphong", vars("approved", true, "comment", "Đồng ý"));
    at("2026-05-06 14:00:00");
    driver.complete(CODE, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien",
        vars("opinion", "AGREE_WITH_COMMENTS", "comment", "Bổ sung nội dung tuyên truyền trong trường học"));
    at("2026-05-07 09:00:00");
    driver.complete(CODE, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", vars("reconsult", false));
    at("2026-05-08 09:00:00");
    driver.complete(CODE, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", vars("approved", true));
    at("2026-05-11 09:00:00");
    // Four of seven agree below: the ward's rules here close voting early once that decides it.
    committeeRules.closeVotingEarly("yh-ubnd", true);
    try {
      driver.complete(CODE, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
          vars("decision", "VOTE_SLIP", "signer", "yh.pct1", "voteDays", 2));
    } finally {
      committeeRules.restoreDefaults();
    }
    at("2026-05-12 09:00:00");
    for (String member : List.of("yh.chutich", "yh.pct1", "yh.pct2", "kt.truongphong")) {
      driver.completeTask(driver.openTasks(CODE, PlanApproval.CAST_VOTE).stream()
          .filter(t -> member.equals(t.getAssignee())).findFirst().orElseThrow(), member, vars("vote", "AGREE"));
    }
    at("2026-05-13 15:00:00");
    driver.complete(CODE, PlanApproval.SIGN_PLAN, "yh.pct1", vars("decision", "SIGN"));
    at("2026-05-14 08:00:00");
    driver.complete(CODE, PlanApproval.ISSUE_PLAN, "yh.vanthu", vars());
    driver.executeJobs();

    // 1/6: collection of the mid-year report opens; the economics office reports on 5/6, the
    // culture office never does and is missing when collection closes on 20/6.
    at("2026-06-01 08:01:00");
    driver.executeJobs();
    at("2026-06-05 09:00:00");
    driver.completeTask(driver.taskOf(CODE, ReportingCycle.SUBMIT_REPORT, "unit", "yh-pkthtdt"), "kt.chuyenvien",
        vars("summary", "Đã tổ chức 02 hội nghị tuyên truyền.",
            "taskResults", List.of(Map.of("taskNo", "1", "name", "Tuyên truyền", "status", "DONE", "progress", 100,
                "result", "02 hội nghị")),
            "indicators", List.of(Map.of("targetCode", "4.1", "text", "Tuyên truyền 100%", "value", 80))));
    at("2026-06-20 00:01:00");
    driver.executeJobs();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(localDateTime));
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private OfficialClient as(String official) {
    return OfficialClient.demo(rest, json, official);
  }

  @Test
  void countsThePlansByStatusInVietnamese() {
    JsonNode overview = as("vhxh.chuyenvien").getJson("/api/dashboard/overview");
    JsonNode inEffect = find(overview.get("byStatus"), "status", "IN_EFFECT");
    assertThat(inEffect.get("label").asText()).isEqualTo("Đang thực hiện");
    assertThat(inEffect.get("count").asInt()).isPositive();
    JsonNode plan = find(overview.get("plans"), "code", CODE);
    assertThat(plan.get("statusLabel").asText()).isEqualTo("Đang thực hiện");
    assertThat(plan.get("issuerName").asText()).isEqualTo("Ủy ban nhân dân phường Yên Hòa");
    assertThat(plan.get("leadUnitName").asText()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
    assertThat(plan.get("number").asText()).matches("(0[1-9]|[1-9]\\d+)/KH-UBND");
    assertThat(plan.get("issuedOn").asText()).isEqualTo("14/05/2026");
    // The page links the audit screen only for those who may open it.
    assertThat(overview.get("mayAudit").asBoolean()).isFalse();
    assertThat(as("kt.truongphong").getJson("/api/dashboard/overview").get("mayAudit").asBoolean()).isTrue();
    assertThat(as("admin").getJson("/api/dashboard/overview").get("mayAudit").asBoolean()).isTrue();
  }

  @Test
  void theTimelineShowsEachApprovalStepWithWhoActedWhenAndTheirDecision() {
    JsonNode steps = as("kt.chuyenvien").getJson("/api/dashboard/plans/" + CODE + "/timeline").get("steps");
    List<String> names = new ArrayList<>();
    steps.forEach(s -> names.add(s.get("step").asText()));
    assertThat(names).startsWith("Soạn dự thảo kế hoạch", "Lãnh đạo đơn vị duyệt dự thảo", "Cho ý kiến dự thảo",
        "Tổng hợp, tiếp thu, giải trình ý kiến", "Lãnh đạo đơn vị ký Tờ trình", "Văn phòng UBND thẩm tra hồ sơ");
    assertThat(names).contains("Biểu quyết bằng phiếu", "Ký ban hành kế hoạch", "Vào sổ, cấp số và phát hành",
        "Xác nhận đã nhận kế hoạch");

    JsonNode draft = steps.get(0);
    assertThat(draft.get("actor").asText()).isEqualTo("Phạm Thị Hạnh");
    assertThat(draft.get("actorUnit").asText()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
    assertThat(draft.get("startedText").asText()).isEqualTo("04/05/2026 08:30");
    assertThat(draft.get("endedText").asText()).isEqualTo("04/05/2026 10:00");
    assertThat(steps.get(1).get("outcome").asText()).isEqualTo("Quyết định: Đồng ý; Nội dung: Đồng ý");
    assertThat(steps.get(2).get("outcome").asText())
        .isEqualTo("Ý kiến: Đồng ý, có góp ý; Nội dung: Bổ sung nội dung tuyên truyền trong trường học");
    assertThat(steps.get(5).get("outcome").asText())
        .isEqualTo("Quyết định: Lấy phiếu biểu quyết thành viên UBND; Người ký: Vũ Minh Dũng");

    JsonNode signing = find(steps, "step", "Ký ban hành kế hoạch");
    assertThat(signing.get("actor").asText()).isEqualTo("Vũ Minh Dũng");
    assertThat(signing.get("endedText").asText()).isEqualTo("13/05/2026 15:00");
    assertThat(signing.get("outcome").asText()).isEqualTo("Quyết định: Ký ban hành");
    assertThat(find(steps, "step", "Xác nhận đã nhận kế hoạch").get("open").asBoolean()).isTrue();
    assertThat(steps.toString()).doesNotContain("kt.chuyenvien", "yh-pkthtdt");
  }

  @Test
  void theComplianceGridShowsWhoReportedOnTimeAndWhoIsMissing() {
    JsonNode grid = as("vhxh.chuyenvien").getJson("/api/dashboard/plans/" + CODE + "/compliance");
    assertThat(grid.get("periods")).hasSize(1);
    assertThat(grid.get("periods").get(0).get("title").asText()).isEqualTo("Báo cáo 6 tháng đầu năm 2026");
    assertThat(grid.get("periods").get(0).get("deadline").asText()).isEqualTo("15/06/2026");
    JsonNode economics = find(grid.get("units"), "unitName", "Phòng Kinh tế, Hạ tầng và Đô thị");
    assertThat(economics.get("cells").get(0).get("status").asText()).isEqualTo("ON_TIME");
    assertThat(economics.get("cells").get(0).get("label").asText()).isEqualTo("Đúng hạn");
    assertThat(economics.get("cells").get(0).get("submittedText").asText()).isEqualTo("05/06/2026 09:00");
    JsonNode culture = find(grid.get("units"), "unitName", "Phòng Văn hóa - Xã hội");
    assertThat(culture.get("cells").get(0).get("status").asText()).isEqualTo("MISSING");
    assertThat(culture.get("cells").get(0).get("label").asText()).isEqualTo("Không gửi");
  }

  @Test
  void eachTargetHasItsReportedValuesAgainstTheTargetOverThePeriods() {
    JsonNode targets = as("kt.truongphong").getJson("/api/dashboard/plans/" + CODE + "/targets").get("targets");
    assertThat(targets).hasSize(1);
    JsonNode target = targets.get(0);
    assertThat(target.get("code").asText()).isEqualTo("4.1");
    assertThat(target.get("target").decimalValue()).isEqualByComparingTo("100");
    assertThat(target.get("periods").get(0).asText()).isEqualTo("Báo cáo 6 tháng đầu năm 2026");
    assertThat(target.get("values").get(0).decimalValue()).isEqualByComparingTo("80");
  }

  @Test
  void anUnknownPlanIsNotFound() {
    assertThat(as("kt.chuyenvien").get("/api/dashboard/plans/KH-KHONG-CO/timeline").getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void theAuditTrailShowsClaimsCompletionsDecisionsAndTheIssuedNumberToALeader() {
    JsonNode entries = as("kt.truongphong").getJson("/api/dashboard/audit?plan=" + CODE);
    List<String> lines = new ArrayList<>();
    entries.forEach(e -> lines.add(e.get("atText").asText() + " | " + e.get("step").asText() + " | "
        + e.get("actor").asText() + " | " + e.get("action").asText() + " | " + e.get("detail").asText()));
    assertThat(lines).contains(
        "04/05/2026 10:00 | Soạn dự thảo kế hoạch | Phạm Thị Hạnh | Nhận xử lý | ",
        "04/05/2026 10:00 | Soạn dự thảo kế hoạch | Phạm Thị Hạnh | Hoàn thành | ",
        "12/05/2026 09:00 | Biểu quyết bằng phiếu | Vũ Minh Dũng | Hoàn thành | Biểu quyết: Đồng ý",
        "13/05/2026 15:00 | Ký ban hành kế hoạch | Vũ Minh Dũng | Hoàn thành | Quyết định: Ký ban hành");
    assertThat(lines).anySatisfy(line -> assertThat(line)
        .matches("14/05/2026 08:00 \\| Vào sổ, cấp số và phát hành \\| Cao Thị Nga \\| Hoàn thành \\| "
            + "Số, ký hiệu: (0[1-9]|[1-9]\\d+)/KH-UBND, ngày 14/05/2026"));
    // Claiming comes before completing, in the order things happened.
    assertThat(lines.indexOf("04/05/2026 10:00 | Soạn dự thảo kế hoạch | Phạm Thị Hạnh | Nhận xử lý | "))
        .isLessThan(lines.indexOf("04/05/2026 10:00 | Soạn dự thảo kế hoạch | Phạm Thị Hạnh | Hoàn thành | "));
    assertThat(find(entries, "action", "Nhận xử lý").get("process").asText()).isEqualTo("Phê duyệt, ban hành kế hoạch");
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("Gửi báo cáo kết quả thực hiện | Phạm Thị Hạnh | Hoàn thành"));
    // The start of the approval once (not again as the engine's own "create" entry).
    List<String> starts = new ArrayList<>();
    entries.forEach(e -> {
      if (e.get("process").asText().equals("Phê duyệt, ban hành kế hoạch") && e.get("step").isNull()) {
        starts.add(e.get("action").asText());
      }
    });
    assertThat(starts).containsExactly("Khởi tạo quy trình");
  }

  @Test
  void administratorsSeeTheAuditTrailAndOthersWhoAreNotLeadersGet403() {
    assertThat(as("admin").get("/api/dashboard/audit?plan=" + CODE).getStatusCode().value()).isEqualTo(200);
    assertThat(as("kt.chuyenvien").get("/api/dashboard/audit?plan=" + CODE).getStatusCode().value()).isEqualTo(403);
    assertThat(as("kt.chuyenvien").get("/dashboard/audit").getStatusCode().value()).isEqualTo(403);
    assertThat(as("kt.chuyenvien").get("/dashboard/audit.csv?plan=" + CODE).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void theAuditCsvStartsWithABomAndKeepsTheVietnameseText() {
    for (String path : List.of("/dashboard/audit.csv?plan=" + CODE, "/api/dashboard/audit?plan=" + CODE + "&format=csv")) {
      ResponseEntity<byte[]> response = rest.withBasicAuth("kt.truongphong", "demo").getForEntity(path, byte[].class);
      assertThat(response.getStatusCode().value()).isEqualTo(200);
      assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
      assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("nhat-ky-thao-tac-" + CODE + ".csv");
      byte[] body = response.getBody();
      assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
      String text = new String(body, StandardCharsets.UTF_8).substring(1);
      assertThat(text).startsWith("Thời gian,Kế hoạch,Quy trình,Bước,Người thực hiện,Đơn vị,Thao tác,Nội dung\r\n");
      assertThat(text).contains("13/05/2026 15:00," + CODE + ",\"Phê duyệt, ban hành kế hoạch\",Ký ban hành kế hoạch,"
          + "Vũ Minh Dũng,Ủy ban nhân dân phường Yên Hòa,Hoàn thành,Quyết định: Ký ban hành\r\n");
    }
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (value.equals(node.path(field).asText())) {
        return node;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }
}
