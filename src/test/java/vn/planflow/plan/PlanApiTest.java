package vn.planflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;

/** {@code /api/plans}, {@code /api/tasks} and task completion over HTTP, as officials call them. */
@PlanflowIntegrationTest
class PlanApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanRepository plans;
  @Autowired RuntimeService runtimeService;
  @Autowired PlanApprovalDriver driver;
  @Autowired PlanViews views;

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  private static Map<String, Object> wardPlan(String code) {
    Map<String, Object> plan = new java.util.LinkedHashMap<>();
    plan.put("code", code);
    plan.put("title", "Kế hoạch thực hiện Chương trình hành động quốc gia về Sản xuất và tiêu dùng bền vững năm 2026 trên địa bàn phường Yên Hòa");
    plan.put("issuer", "yh-ubnd");
    plan.put("leadUnit", "yh-pkthtdt");
    plan.put("periodStart", "2026-01-01");
    plan.put("periodEnd", "2026-12-31");
    plan.put("legalBases", List.of("Kế hoạch số 353/KH-SCT ngày 19/12/2025 của Sở Công Thương"));
    plan.put("targets", List.of(Map.of("code", "4.1", "text", "Tổ chức tuyên truyền phổ biến nâng cao nhận thức về lối sống, tiêu dùng bền vững đạt 100%", "unit", "%", "value", 100)));
    plan.put("tasks", List.of(Map.of("no", "1", "name", "Tuyên truyền, phổ biến chính sách pháp luật về sản xuất tiêu dùng bền vững",
        "leadUnit", "Phòng Kinh tế, Hạ tầng và Đô thị", "coordinatingUnits", List.of("yh-pvhxh", "Các hội ngành nghề trên địa bàn"),
        "timeframe", "Quý II/2026")));
    plan.put("recipients", List.of("Sở Công Thương;", "Lưu: VT, KTHTĐT."));
    plan.put("reporting", Map.of("reportTo", "yh-pkthtdt", "deadlines", List.of("06-15", "12-15")));
    return plan;
  }

  @Test
  void aSpecialistCreatesAPlanAndItsApprovalStarts() {
    ResponseEntity<String> created = as("kt.chuyenvien").post("/api/plans", wardPlan("KH-API-CREATE"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = as("kt.chuyenvien").read(created.getBody());
    assertThat(body.get("status").asText()).isEqualTo("DRAFTING");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(body.get("processInstanceId").asText())
        .singleResult().getBusinessKey()).isEqualTo("KH-API-CREATE");

    // A draft is read by those who take part in it: not yet by the other units of the ward.
    assertThat(as("vhxh.chuyenvien").get("/api/plans/KH-API-CREATE").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode plan = as("yh.vanphong").getJson("/api/plans/KH-API-CREATE");
    assertThat(plan.get("title").asText()).endsWith("trên địa bàn phường Yên Hòa");
    assertThat(plan.at("/tasks/0/leadUnit/code").asText()).isEqualTo("yh-pkthtdt");
    assertThat(plan.at("/tasks/0/coordinatingUnits/0/name").asText()).isEqualTo("Phòng Văn hóa - Xã hội");
    assertThat(plan.at("/tasks/0/coordinatingUnits/1/name").asText()).isEqualTo("Các hội ngành nghề trên địa bàn");
    assertThat(plan.at("/tasks/0/startDate").asText()).isEqualTo("2026-04-01");
    assertThat(plan.at("/tasks/0/endDate").asText()).isEqualTo("2026-06-30");
    assertThat(as("kt.chuyenvien").taskId("KH-API-CREATE", PlanApproval.DRAFT_PLAN)).isNotBlank();
  }

  @Test
  void badPlansAre400sNamingTheFieldAndStoreNothing() {
    Map<String, Object> noTitle = wardPlan("KH-API-BAD-1");
    noTitle.remove("title");
    Map<String, Object> unknownLead = wardPlan("KH-API-BAD-2");
    unknownLead.put("tasks", List.of(Map.of("no", "1", "name", "x", "leadUnit", "yh-khong-co")));
    Map<String, Object> departmentIssuer = wardPlan("KH-API-BAD-3");
    departmentIssuer.put("issuer", "yh-pvhxh");
    Map<String, Object> badDeadline = wardPlan("KH-API-BAD-4");
    badDeadline.put("reporting", Map.of("deadlines", List.of("15/6")));
    Map<String, Object> unknownField = wardPlan("KH-API-BAD-5");
    unknownField.put("signer", "yh.pct1");

    assertProblem(as("kt.chuyenvien").post("/api/plans", noTitle), "title");
    assertProblem(as("kt.chuyenvien").post("/api/plans", unknownLead), "tasks[0].leadUnit");
    assertProblem(as("kt.chuyenvien").post("/api/plans", departmentIssuer), "issuer");
    assertProblem(as("kt.chuyenvien").post("/api/plans", badDeadline), "reporting.deadlines[0]");
    assertProblem(as("kt.chuyenvien").post("/api/plans", unknownField), "signer");
    for (int i = 1; i <= 5; i++) {
      assertThat(plans.existsById("KH-API-BAD-" + i)).isFalse();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("KH-API-BAD-" + i).count()).isZero();
    }
  }

  @Test
  void onlyTheLeadUnitsStaffOrLeadersCreateItsPlanAndCodesAreUnique() {
    ResponseEntity<String> outsider = as("vhxh.chuyenvien").post("/api/plans", wardPlan("KH-API-OUTSIDER"));
    assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(plans.existsById("KH-API-OUTSIDER")).isFalse();

    assertThat(as("kt.truongphong").post("/api/plans", wardPlan("KH-API-TWICE")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(as("kt.chuyenvien").post("/api/plans", wardPlan("KH-API-TWICE")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void theAppendixIsReplacedFromCsvOrXlsxWhileDrafting() throws Exception {
    Map<String, Object> city = wardPlan("KH-API-APPENDIX");
    city.put("issuer", "hn-ubnd");
    city.put("leadUnit", "hn-sct");
    city.put("tasks", List.of());
    city.put("reporting", Map.of("deadlines", List.of("06-15", "12-15")));
    as("sct.chuyenvien").post("/api/plans", city);
    byte[] csv = new ClassPathResource("seeds/hanoi-2025-appendix.csv").getContentAsByteArray();

    ResponseEntity<String> fromCsv = as("sct.chuyenvien").send(HttpMethod.PUT, "/api/plans/KH-API-APPENDIX/tasks",
        new String(csv, StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv;charset=UTF-8"));

    assertThat(fromCsv.getStatusCode()).as(fromCsv.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode plan = as("sct.chuyenvien").read(fromCsv.getBody());
    assertThat(plan.get("tasks")).hasSize(13);
    assertThat(plan.at("/tasks/5/name").asText()).contains("Hội chợ triển lãm quốc tế");
    assertThat(plan.at("/tasks/0/leadUnit/code").asText()).isEqualTo("hn-sct");
    assertThat(plan.at("/tasks/5/startDate").asText()).isEqualTo("2025-01-01");

    List<AppendixRow> rows = new AppendixReader().readCsv(new java.io.ByteArrayInputStream(csv));
    byte[] xlsx = AppendixWorkbooks.toXlsx(rows.subList(0, 3));
    ResponseEntity<String> fromXlsx = as("sct.chuyenvien").send(HttpMethod.PUT, "/api/plans/KH-API-APPENDIX/tasks",
        xlsx, MediaType.parseMediaType(PlanController.XLSX));
    assertThat(fromXlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(as("sct.chuyenvien").read(fromXlsx.getBody()).get("tasks")).hasSize(3);

    String badCsv = "TT,Nhóm,Tên nhiệm vụ,Nội dung,Mục tiêu,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Kinh phí,Thời gian\n"
        + "1,,Nhiệm vụ,,,,hn-khong-co,,,2025\n";
    assertProblem(as("sct.chuyenvien").send(HttpMethod.PUT, "/api/plans/KH-API-APPENDIX/tasks", badCsv,
        MediaType.parseMediaType("text/csv")), "tasks[0].leadUnit");
    assertThat(as("stnmt.chuyenvien").send(HttpMethod.PUT, "/api/plans/KH-API-APPENDIX/tasks",
        new String(csv, StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    String taskId = as("sct.chuyenvien").taskId("KH-API-APPENDIX", PlanApproval.DRAFT_PLAN);
    as("sct.chuyenvien").complete(taskId, Map.of("consultedUnits", List.of("hn-stnmt")));
    as("sct.phogiamdoc").complete(as("sct.phogiamdoc").taskId("KH-API-APPENDIX", PlanApproval.REVIEW_DRAFT),
        Map.of("approved", true));
    assertThat(plans.findById("KH-API-APPENDIX").orElseThrow().getStatus()).isEqualTo(PlanStatus.CONSULTING);
    assertThat(as("sct.chuyenvien").send(HttpMethod.PUT, "/api/plans/KH-API-APPENDIX/tasks",
        new String(csv, StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void plansAreListedByStatusIssuerAndUnit() {
    as("kt.chuyenvien").post("/api/plans", wardPlan("KH-API-LIST"));

    assertThat(as("yh.vanphong").getJson("/api/plans?issuer=yh-ubnd&status=DRAFTING").findValuesAsText("code"))
        .contains("KH-API-LIST");
    assertThat(as("yh.vanphong").getJson("/api/plans?unit=yh-pkthtdt").findValuesAsText("code")).contains("KH-API-LIST");
    assertThat(as("yh.vanphong").getJson("/api/plans?issuer=hn-ubnd").findValuesAsText("code")).doesNotContain("KH-API-LIST");
    // The city's office takes no part in the ward's draft: the list leaves it out.
    assertThat(as("hn.vanphong").getJson("/api/plans?issuer=yh-ubnd").findValuesAsText("code")).doesNotContain("KH-API-LIST");
    assertThat(as("hn.vanphong").get("/api/plans?status=NONSENSE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void completionIs403ForOutsidersAnd400ForBadVariablesOnBothApis() {
    driver.createWardPlan("KH-API-GUARD");
    String draft = as("kt.chuyenvien").taskId("KH-API-GUARD", PlanApproval.DRAFT_PLAN);

    // Someone of another unit: 403 from Camunda REST and from /api, task untouched.
    assertThat(as("sct.chuyenvien").post("/engine-rest/task/" + draft + "/complete",
        Map.of("variables", Map.of())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("sct.chuyenvien").post("/api/tasks/" + draft + "/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("sct.chuyenvien").post("/api/tasks/khong-co/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // draftPlan is for the lead unit's specialists, not its leaders.
    assertThat(as("kt.truongphong").post("/api/tasks/" + draft + "/complete",
        Map.of("consultedUnits", List.of("yh-pvhxh"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> missing = as("kt.chuyenvien").post("/engine-rest/task/" + draft + "/complete",
        Map.of("variables", Map.of()));
    assertProblem(missing, "consultedUnits");
    ResponseEntity<String> unknownUnit = as("kt.chuyenvien").post("/api/tasks/" + draft + "/complete",
        Map.of("consultedUnits", List.of("yh-khong-co")));
    assertProblem(unknownUnit, "consultedUnits[0]");
    assertThat(driver.openTasks("KH-API-GUARD", PlanApproval.DRAFT_PLAN)).hasSize(1);

    assertThat(as("kt.chuyenvien").post("/api/tasks/" + draft + "/complete",
        Map.of("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // A form radio sends "false" as a string; it arrives as a boolean and returns the draft.
    String review = as("kt.truongphong").taskId("KH-API-GUARD", PlanApproval.REVIEW_DRAFT);
    ResponseEntity<String> noReason = as("kt.truongphong").complete(review, Map.of("approved", "false"));
    assertProblem(noReason, "comment");
    assertThat(as("kt.truongphong").complete(review, Map.of("approved", "false", "comment", "Bổ sung chỉ tiêu"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(driver.openTasks("KH-API-GUARD", PlanApproval.DRAFT_PLAN)).hasSize(1);
  }

  @Test
  void fifteenMembersVotingAtTheSameMomentAllCount() throws Exception {
    String code = "KH-API-CONCURRENT-VOTE";
    driver.createCityPlanAtVoting(code);
    var slips = driver.openTasks(code, PlanApproval.CAST_VOTE);
    assertThat(slips).hasSize(15);

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(15);
    List<Future<Integer>> responses = new ArrayList<>();
    for (var slip : slips) {
      responses.add(pool.submit(() -> {
        start.await();
        return as(slip.getAssignee()).post("/engine-rest/task/" + slip.getId() + "/complete",
            Map.of("variables", OfficialClient.typed(Map.of("vote", "AGREE")))).getStatusCode().value();
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> response : responses) {
      statuses.add(response.get());
    }
    pool.shutdown();
    driver.executeJobs();

    assertThat(statuses).containsOnly(204);
    PlanView plan = views.of(code);
    assertThat(plan.voteRecord().slips()).extracting(PlanView.Slip::vote).containsOnly("AGREE").hasSize(15);
    assertThat(plan.voteResult()).isEqualTo("PASSED");
    assertThat(driver.task(code, PlanApproval.SIGN_PLAN).getAssignee()).isEqualTo("hn.pct1");
  }

  private void assertProblem(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = as("admin").read(response.getBody());
    assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
  }

  @Test
  void theStartFormMakesThePlanAndBadStartsAre400Or403() {
    Map<String, Object> start = new java.util.LinkedHashMap<>(Map.of(
        "code", "KH-API-START", "title", "Kế hoạch sản xuất và tiêu dùng bền vững năm 2027 của phường Yên Hòa",
        "issuer", "yh-ubnd", "leadUnit", "yh-pkthtdt", "periodStart", "2027-01-01", "periodEnd", "2027-12-31"));
    Map<String, Object> unknownIssuer = new java.util.LinkedHashMap<>(start);
    unknownIssuer.put("issuer", "yh-khong-co");

    assertProblem(as("kt.chuyenvien").post("/engine-rest/process-definition/key/plan-approval/start",
        Map.of("variables", OfficialClient.typed(unknownIssuer))), "issuer");
    assertThat(as("vhxh.chuyenvien").post("/engine-rest/process-definition/key/plan-approval/start",
        Map.of("variables", OfficialClient.typed(start))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(plans.existsById("KH-API-START")).isFalse();

    ResponseEntity<String> started = as("kt.chuyenvien").post(
        "/engine-rest/process-definition/key/plan-approval/start", Map.of("variables", OfficialClient.typed(start)));

    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(as("kt.chuyenvien").read(started.getBody()).get("businessKey").asText()).isEqualTo("KH-API-START");
    JsonNode plan = as("kt.chuyenvien").getJson("/api/plans/KH-API-START");
    assertThat(plan.get("status").asText()).isEqualTo("DRAFTING");
    assertThat(plan.get("periodEnd").asText()).isEqualTo("2027-12-31");
    assertThat(as("kt.chuyenvien").taskId("KH-API-START", PlanApproval.DRAFT_PLAN)).isNotBlank();
  }
}
