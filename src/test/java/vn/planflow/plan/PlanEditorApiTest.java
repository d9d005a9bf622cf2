package vn.planflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;

/** The plan editor's API ({@code /api/plans/{code}/draft}) and page, as the drafting specialist uses them. */
@PlanflowIntegrationTest
class PlanEditorApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;
  @Autowired PlanRepository plans;
  @Autowired TaskService taskService;
  @Autowired org.springframework.transaction.support.TransactionTemplate tx;

  /** What the database holds for the plan's appendix: names, then lead units, then coordinating units. */
  private List<String> taskNames(String code) {
    return tx.execute(status -> plans.findById(code).orElseThrow().getTasks().stream().map(PlanTask::getName).toList());
  }

  private List<String> coordinating(String code, int task) {
    return tx.execute(status -> List.copyOf(plans.findById(code).orElseThrow().getTasks().get(task).getCoordinatingUnits()));
  }

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  private static Map<String, Object> draft(String leadUnit) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("legalBases", List.of("Kế hoạch số 353/KH-SCT ngày 19/12/2025 của Sở Công Thương", "Căn cứ mới bổ sung"));
    body.put("objectives", "Nâng cao nhận thức về sản xuất và tiêu dùng bền vững.");
    body.put("targets", List.of(Map.of("code", "1", "text", "Tuyên truyền đạt 100% hộ gia đình", "unit", "%", "value", 100)));
    body.put("sections", List.of(Map.of("heading", "II. NHIỆM VỤ, GIẢI PHÁP", "body", "Tổ chức tuyên truyền.")));
    body.put("budget", "Ngân sách phường.");
    body.put("recipients", List.of("Sở Công Thương;", "Lưu: VT."));
    body.put("reporting", Map.of("reportTo", "yh-pkthtdt", "deadlines", List.of("06-15", "12-15")));
    body.put("tasks", List.of(
        Map.of("no", "1", "name", "Tuyên truyền trên loa phường", "leadUnit", leadUnit,
            "coordinatingUnits", List.of("Phòng Văn hóa - Xã hội", "Các hội ngành nghề"), "timeframe", "Quý II/2026"),
        Map.of("no", "2", "name", "Hội nghị tập huấn", "leadUnit", "yh-pvhxh", "timeframe", "Tháng 9/2026")));
    return body;
  }

  private String url(String code, String task) {
    return "/api/plans/" + code + "/draft?task=" + task;
  }

  @Test
  void theDraftersSpecialistReadsAndSavesTheDraftAndTheTaskFormShowsIt() {
    driver.createWardPlan("KH-EDIT-SAVE");
    String task = as("kt.chuyenvien").taskId("KH-EDIT-SAVE", PlanApproval.DRAFT_PLAN);

    JsonNode read = as("kt.chuyenvien").getJson(url("KH-EDIT-SAVE", task));
    assertThat(read.get("taskLink").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + task);
    assertThat(read.get("unitOptions").findValuesAsText("label")).contains("Phòng Văn hóa - Xã hội");
    assertThat(taskService.getVariableLocal(task, "editorUrl"))
        .isEqualTo("/dashboard/plans/KH-EDIT-SAVE/edit?task=" + task);

    ResponseEntity<String> saved = as("kt.chuyenvien").send(HttpMethod.PUT, url("KH-EDIT-SAVE", task),
        draft("yh-pkthtdt"), MediaType.APPLICATION_JSON);

    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.OK);
    Plan plan = driver.plan("KH-EDIT-SAVE");
    assertThat(plan.getLegalBases()).containsExactly(
        "Kế hoạch số 353/KH-SCT ngày 19/12/2025 của Sở Công Thương", "Căn cứ mới bổ sung");
    assertThat(taskNames("KH-EDIT-SAVE")).containsExactly("Tuyên truyền trên loa phường", "Hội nghị tập huấn");
    // Coordinating units given by name are kept by code; free text stays as written.
    assertThat(coordinating("KH-EDIT-SAVE", 0)).containsExactly("yh-pvhxh", "Các hội ngành nghề");
    assertThat(plan.getUpdatedBy()).isEqualTo("kt.chuyenvien");
    // The task's form shows the corrected content (raw and escaped copy).
    assertThat(taskService.getVariableLocal(task, PlanApproval.PLAN_VIEW).toString()).contains("Hội nghị tập huấn");
    assertThat(taskService.getVariableLocal(task, "textView").toString()).contains("Căn cứ mới bổ sung");
    // Read back in the editor: coordinating units by name.
    JsonNode again = as("kt.chuyenvien").read(saved.getBody());
    assertThat(again.at("/tasks/0/coordinatingUnits/0").asText()).isEqualTo("Phòng Văn hóa - Xã hội");

    ResponseEntity<String> page = as("kt.chuyenvien").get("/dashboard/plans/KH-EDIT-SAVE/edit?task=" + task);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Soạn thảo kế hoạch", "Quay lại nhiệm vụ", "Lưu dự thảo");
  }

  @Test
  void anotherUnitsOfficialAndANonCandidateGet403AndNothingChanges() {
    driver.createWardPlan("KH-EDIT-AUTH");
    String task = as("kt.chuyenvien").taskId("KH-EDIT-AUTH", PlanApproval.DRAFT_PLAN);
    List<String> before = driver.plan("KH-EDIT-AUTH").getLegalBases();

    assertThat(as("vhxh.chuyenvien").get(url("KH-EDIT-AUTH", task)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("vhxh.chuyenvien").send(HttpMethod.PUT, url("KH-EDIT-AUTH", task), draft("yh-pkthtdt"),
        MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // The lead unit's leader drafts plans but does not work draftPlan: not a candidate of the task.
    assertThat(as("kt.truongphong").send(HttpMethod.PUT, url("KH-EDIT-AUTH", task), draft("yh-pkthtdt"),
        MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // Another plan's draft task does not open this plan.
    driver.createWardPlan("KH-EDIT-AUTH-2");
    String otherTask = as("kt.chuyenvien").taskId("KH-EDIT-AUTH-2", PlanApproval.DRAFT_PLAN);
    assertProblem(as("kt.chuyenvien").send(HttpMethod.PUT, url("KH-EDIT-AUTH", otherTask), draft("yh-pkthtdt"),
        MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "task");

    assertThat(driver.plan("KH-EDIT-AUTH").getLegalBases()).isEqualTo(before);
  }

  @Test
  void aWrongFieldIs400NamingItAndNothingIsHalfWritten() {
    driver.createWardPlan("KH-EDIT-BAD");
    String task = as("kt.chuyenvien").taskId("KH-EDIT-BAD", PlanApproval.DRAFT_PLAN);
    List<String> legalBases = driver.plan("KH-EDIT-BAD").getLegalBases();
    List<String> taskNames = taskNames("KH-EDIT-BAD");

    // Legal bases and targets are valid; the second task's lead unit is not: nothing is saved.
    Map<String, Object> unknownLead = draft("yh-khong-co");
    assertProblem(as("kt.chuyenvien").send(HttpMethod.PUT, url("KH-EDIT-BAD", task), unknownLead,
        MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "tasks[0].leadUnit");
    Map<String, Object> badDeadline = draft("yh-pkthtdt");
    badDeadline.put("reporting", Map.of("deadlines", List.of("15/6")));
    assertProblem(as("kt.chuyenvien").send(HttpMethod.PUT, url("KH-EDIT-BAD", task), badDeadline,
        MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "reporting.deadlines[0]");
    Map<String, Object> unknownField = draft("yh-pkthtdt");
    unknownField.put("title", "Đổi tên");
    assertProblem(as("kt.chuyenvien").send(HttpMethod.PUT, url("KH-EDIT-BAD", task), unknownField,
        MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "title");
    Map<String, Object> emptyTarget = draft("yh-pkthtdt");
    emptyTarget.put("targets", List.of(Map.of("code", "1", "text", "")));
    assertProblem(as("kt.chuyenvien").send(HttpMethod.PUT, url("KH-EDIT-BAD", task), emptyTarget,
        MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "targets[0].text");

    assertThat(driver.plan("KH-EDIT-BAD").getLegalBases()).isEqualTo(legalBases);
    assertThat(taskNames("KH-EDIT-BAD")).isEqualTo(taskNames);
  }

  @Test
  void anAppendixFileIsReadRowByRowAndABadOneNamesItsLinesAndSavesNothing() {
    driver.createWardPlan("KH-EDIT-FILE");
    String task = as("kt.chuyenvien").taskId("KH-EDIT-FILE", PlanApproval.DRAFT_PLAN);
    List<String> tasksBefore = taskNames("KH-EDIT-FILE");
    String header = "TT,Nhóm,Tên nhiệm vụ,Nội dung,Mục tiêu,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Kinh phí,Thời gian\n";

    ResponseEntity<String> bad = upload("KH-EDIT-FILE", task, "phu-luc.csv",
        header + "1,,Tuyên truyền,,,,Phòng Kinh tế; Hạ tầng và Đô thị,,,2026\n"
            + "2,,Tập huấn,,,,Phòng Kinh tế, Hạ tầng và Đô thị,,,2026\n");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<String> unknownUnit = upload("KH-EDIT-FILE", task, "phu-luc.csv",
        header + "1,,Tuyên truyền,,,,\"Phòng Kinh tế, Hạ tầng và Đô thị\",,,2026\n"
            + "2,,Tập huấn,,,,Phòng Không Có,,,2026\n");
    assertProblem(unknownUnit, HttpStatus.BAD_REQUEST, "rows[3].leadUnit");
    assertThat(taskNames("KH-EDIT-FILE")).isEqualTo(tasksBefore);

    ResponseEntity<String> good = upload("KH-EDIT-FILE", task, "phu-luc.csv",
        header + "1,,Tuyên truyền,,,,\"Phòng Kinh tế, Hạ tầng và Đô thị\",Phòng Văn hóa - Xã hội,,2026\n"
            + "2,,Tập huấn,,,,yh-pvhxh,,,Quý III/2026\n");
    assertThat(good.getStatusCode()).as(good.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode rows = as("kt.chuyenvien").read(good.getBody()).get("tasks");
    assertThat(rows).hasSize(2);
    assertThat(rows.at("/0/leadUnit").asText()).isEqualTo("yh-pkthtdt");
    assertThat(rows.at("/0/coordinatingUnits/0").asText()).isEqualTo("Phòng Văn hóa - Xã hội");
    // Read, not saved: the plan keeps its appendix until the editor saves.
    assertThat(taskNames("KH-EDIT-FILE")).isEqualTo(tasksBefore);
  }

  @Test
  void aPlanPastDraftingIs409() {
    driver.createWardPlan("KH-EDIT-LATE");
    String task = as("kt.chuyenvien").taskId("KH-EDIT-LATE", PlanApproval.DRAFT_PLAN);
    as("kt.chuyenvien").complete(task, Map.of("consultedUnits", List.of("yh-pvhxh")));
    as("kt.truongphong").complete(as("kt.truongphong").taskId("KH-EDIT-LATE", PlanApproval.REVIEW_DRAFT),
        Map.of("approved", true));
    assertThat(driver.plan("KH-EDIT-LATE").getStatus()).isEqualTo(PlanStatus.CONSULTING);
    List<String> before = driver.plan("KH-EDIT-LATE").getLegalBases();

    ResponseEntity<String> late = as("kt.chuyenvien").send(HttpMethod.PUT, url("KH-EDIT-LATE", task),
        draft("yh-pkthtdt"), MediaType.APPLICATION_JSON);

    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody()).contains("chỉ sửa nội dung khi đang soạn thảo hoặc tổng hợp ý kiến");
    assertThat(driver.plan("KH-EDIT-LATE").getLegalBases()).isEqualTo(before);
  }

  /** The opinions taken in (or a signer's return) are written in the editor from the synthesis task. */
  @Test
  void theSynthesisTaskEditsThePlanButNotWithTheFinishedDraftTask() {
    driver.createWardPlan("KH-EDIT-SYNTH");
    String draftTask = as("kt.chuyenvien").taskId("KH-EDIT-SYNTH", PlanApproval.DRAFT_PLAN);
    as("kt.chuyenvien").complete(draftTask, Map.of("consultedUnits", List.of("yh-pvhxh")));
    as("kt.truongphong").complete(as("kt.truongphong").taskId("KH-EDIT-SYNTH", PlanApproval.REVIEW_DRAFT),
        Map.of("approved", true));
    as("vhxh.chuyenvien").complete(as("vhxh.chuyenvien").taskId("KH-EDIT-SYNTH", PlanApproval.GIVE_OPINION),
        Map.of("opinion", "AGREE"));
    driver.executeJobs();
    assertThat(driver.plan("KH-EDIT-SYNTH").getStatus()).isEqualTo(PlanStatus.SYNTHESIZING);
    String synthesis = as("kt.chuyenvien").taskId("KH-EDIT-SYNTH", PlanApproval.SYNTHESIZE_OPINIONS);
    assertThat(taskService.getVariableLocal(synthesis, "editorUrl"))
        .isEqualTo("/dashboard/plans/KH-EDIT-SYNTH/edit?task=" + synthesis);

    ResponseEntity<String> old = as("kt.chuyenvien").send(HttpMethod.PUT, url("KH-EDIT-SYNTH", draftTask),
        draft("yh-pkthtdt"), MediaType.APPLICATION_JSON);
    assertThat(old.getStatusCode()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT);
    ResponseEntity<String> saved = as("kt.chuyenvien").send(HttpMethod.PUT, url("KH-EDIT-SYNTH", synthesis),
        draft("yh-pkthtdt"), MediaType.APPLICATION_JSON);
    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(driver.plan("KH-EDIT-SYNTH").getStatus()).isEqualTo(PlanStatus.SYNTHESIZING);
  }

  @Test
  void aLeadersReturnReachesTheDraftTaskAndTheEditor() {
    driver.createWardPlan("KH-EDIT-RETURN");
    as("kt.chuyenvien").complete(as("kt.chuyenvien").taskId("KH-EDIT-RETURN", PlanApproval.DRAFT_PLAN),
        Map.of("consultedUnits", List.of("yh-pvhxh")));
    as("kt.truongphong").complete(as("kt.truongphong").taskId("KH-EDIT-RETURN", PlanApproval.REVIEW_DRAFT),
        Map.of("approved", false, "comment", "Bổ sung căn cứ <b>Nghị quyết</b> của HĐND phường"));
    String again = as("kt.chuyenvien").taskId("KH-EDIT-RETURN", PlanApproval.DRAFT_PLAN);

    assertThat(taskService.getVariableLocal(again, "returnReason"))
        .isEqualTo("Bổ sung căn cứ <b>Nghị quyết</b> của HĐND phường");
    assertThat(taskService.getVariableLocal(again, "textView").toString()).doesNotContain("<b>");
    assertThat(as("kt.chuyenvien").getJson(url("KH-EDIT-RETURN", again)).get("returnReason").asText())
        .startsWith("Bổ sung căn cứ");
  }

  @Autowired PlanStartOptions startOptions;
  @Autowired ObjectMapper objectMapper;

  @Test
  void theStartFormOffersTheOfficialsOwnIssuerAndUnitByNameAndRefusesOthers() throws Exception {
    byte[] form = new org.springframework.core.io.FileSystemResource("forms/startPlan.form").getContentAsByteArray();
    byte[] filled = new StartFormOptionsFilter(startOptions, objectMapper).fill(form, startOptions.forOfficial("kt.chuyenvien"));
    JsonNode components = objectMapper.readTree(filled).get("components");
    JsonNode issuer = null;
    JsonNode leadUnit = null;
    for (JsonNode component : components) {
      if ("issuer".equals(component.path("key").asText())) {
        issuer = component;
      } else if ("leadUnit".equals(component.path("key").asText())) {
        leadUnit = component;
      }
    }
    assertThat(issuer.get("type").asText()).isEqualTo("select");
    assertThat(issuer.has("valuesKey")).isFalse();
    assertThat(issuer.at("/values/0/value").asText()).isEqualTo("yh-ubnd");
    assertThat(issuer.at("/values/0/label").asText()).isEqualTo("Ủy ban nhân dân phường Yên Hòa");
    assertThat(issuer.get("values")).hasSize(1);
    assertThat(issuer.get("defaultValue").asText()).isEqualTo("yh-ubnd");
    assertThat(leadUnit.at("/values/0/label").asText()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
    assertThat(leadUnit.get("values")).hasSize(1);
    // A department of the city: its own issuer, not the ward's.
    assertThat(startOptions.forOfficial("sct.chuyenvien").get(PlanStartOptions.ISSUER_OPTIONS))
        .extracting(PlanStartOptions.Option::value).containsExactly("hn-ubnd");

    Map<String, Object> start = new LinkedHashMap<>(Map.of(
        "code", "KH-EDIT-START", "title", "Kế hoạch sản xuất và tiêu dùng bền vững năm 2027 của phường Yên Hòa",
        "issuer", "hn-ubnd", "leadUnit", "hn-sct", "periodStart", "2027-01-01", "periodEnd", "2027-12-31"));
    assertProblem(as("kt.chuyenvien").post("/engine-rest/process-definition/key/plan-approval/start",
        Map.of("variables", OfficialClient.typed(start))), HttpStatus.BAD_REQUEST, "issuer");
    start.put("issuer", "hn-ubnd");
    start.put("leadUnit", "yh-pkthtdt");
    assertProblem(as("sct.chuyenvien").post("/engine-rest/process-definition/key/plan-approval/start",
        Map.of("variables", OfficialClient.typed(start))), HttpStatus.BAD_REQUEST, "leadUnit");
    assertThat(plans.existsById("KH-EDIT-START")).isFalse();
  }

  private ResponseEntity<String> upload(String code, String task, String name, String content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth("kt.chuyenvien", "demo").exchange("/api/plans/" + code + "/draft/appendix?task=" + task,
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  private void assertProblem(ResponseEntity<String> response, HttpStatus status, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode body = as("kt.chuyenvien").read(response.getBody());
    assertThat(body.get("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
  }
}
