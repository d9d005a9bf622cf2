package vn.planflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;

/** {@code /api/substitutions}: who may name whom, for which dates, and ending one early. */
@PlanflowIntegrationTest
class SubstitutionApiTest {

  private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired SubstitutionRepository substitutions;
  @Autowired SubstitutionService service;
  @Autowired IdentityService identityService;
  @Autowired TransactionTemplate transactions;

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  /** Every substitution the test made is ended, so that no other test's task goes to a substitute. */
  @AfterEach
  void endAll() {
    transactions.executeWithoutResult(status -> substitutions.findAll().stream().filter(s -> !s.isEnded())
        .forEach(s -> s.end("admin", OffsetDateTime.now())));
  }

  private LocalDate today() {
    return service.today();
  }

  private static Map<String, Object> body(String official, String substitute, String from, String to) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (official != null) {
      body.put("official", official);
    }
    body.put("substitute", substitute);
    body.put("fromDate", from);
    body.put("toDate", to);
    return body;
  }

  private JsonNode created(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    return json.readTree(response.getBody());
  }

  private void refused(ResponseEntity<String> response, int status, String field) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("detail").asText()).startsWith(field + ": ");
  }

  @Test
  void anOfficialNamesASubstituteOfTheSameUnitAndBothSeeIt() throws Exception {
    String from = VN.format(today());
    String to = VN.format(today().plusDays(4));
    JsonNode made = created(as("kt.truongphong").post("/api/substitutions", body(null, "kt.phophong", from, to)));
    assertThat(made.get("official").asText()).isEqualTo("kt.truongphong");
    assertThat(made.get("substitute").asText()).isEqualTo("kt.phophong");
    assertThat(made.get("fromDateText").asText()).isEqualTo(from);
    assertThat(made.get("toDate").asText()).isEqualTo(today().plusDays(4).toString());
    assertThat(made.get("status").asText()).isEqualTo("RUNNING");
    assertThat(made.get("statusText").asText()).isEqualTo("Đang hiệu lực");

    long id = made.get("id").asLong();
    assertThat(ids(as("kt.truongphong"))).contains(id);
    assertThat(ids(as("kt.phophong"))).contains(id);
    assertThat(ids(as("vhxh.chuyenvien"))).doesNotContain(id);
    assertThat(ids(as("admin"))).contains(id);
    assertThat(as("admin").getJson("/api/substitutions").get("administrator").asBoolean()).isTrue();
  }

  private java.util.List<Long> ids(OfficialClient client) {
    java.util.List<Long> ids = new java.util.ArrayList<>();
    client.getJson("/api/substitutions").get("substitutions").forEach(s -> ids.add(s.get("id").asLong()));
    return ids;
  }

  @Test
  void aSubstituteFromAnotherUnitIsRefusedUnlessOnTheSameCommittee() throws Exception {
    String from = VN.format(today());
    String to = VN.format(today().plusDays(1));
    // kt.chuyenvien (Yên Hòa economic office) cannot stand in for a Yên Hòa culture specialist.
    refused(as("vhxh.chuyenvien").post("/api/substitutions", body(null, "kt.chuyenvien", from, to)), 400,
        "substitute");
    // A committee member (head of a ward office) may stand in for the ward's vice chair.
    JsonNode made = created(as("yh.pct1").post("/api/substitutions", body(null, "kt.truongphong", from, to)));
    assertThat(made.get("substituteName").asText()).isNotBlank();
    JsonNode candidates = as("yh.pct1").getJson("/api/substitutions/candidates");
    java.util.List<String> ids = new java.util.ArrayList<>();
    candidates.forEach(c -> ids.add(c.get("id").asText()));
    assertThat(ids).contains("yh.pct2", "yh.chutich", "kt.truongphong", "yh.vanphong")
        .doesNotContain("yh.pct1", "kt.chuyenvien", "hn.pct1");
  }

  @Test
  void notThemselvesNotADisabledOfficialNotSomeoneUnknown() throws Exception {
    String from = VN.format(today());
    String to = VN.format(today().plusDays(1));
    refused(as("sct.chuyenvien").post("/api/substitutions", body(null, "sct.chuyenvien", from, to)), 400, "substitute");
    refused(as("sct.chuyenvien").post("/api/substitutions", body(null, "khong.co", from, to)), 400, "substitute");
    refused(as("sct.chuyenvien").post("/api/substitutions", body(null, null, from, to)), 400, "substitute");
    identityService.deleteMembership("sct.chuyenvien2", OrgGroups.OFFICIALS);
    try {
      ResponseEntity<String> response = as("sct.chuyenvien").post("/api/substitutions",
          body(null, "sct.chuyenvien2", from, to));
      refused(response, 400, "substitute");
      assertThat(response.getBody()).contains("khóa");
    } finally {
      identityService.createMembership("sct.chuyenvien2", OrgGroups.OFFICIALS);
    }
    assertThat(substitutions.findByOfficialIdAndEndedAtIsNull("sct.chuyenvien")).isEmpty();
  }

  @Test
  void datesAreCheckedFieldByField() throws Exception {
    String today = VN.format(today());
    OfficialClient official = as("stc.chuyenvien");
    refused(official.post("/api/substitutions", body(null, "stc.giamdoc", "31/02/2027", today)), 400, "fromDate");
    refused(official.post("/api/substitutions", body(null, "stc.giamdoc", today, "hôm sau")), 400, "toDate");
    refused(official.post("/api/substitutions", body(null, "stc.giamdoc", null, today)), 400, "fromDate");
    refused(official.post("/api/substitutions",
        body(null, "stc.giamdoc", VN.format(today().minusDays(1)), today)), 400, "fromDate");
    refused(official.post("/api/substitutions",
        body(null, "stc.giamdoc", VN.format(today().plusDays(3)), VN.format(today().plusDays(2)))), 400, "toDate");
    refused(official.post("/api/substitutions",
        body(null, "stc.giamdoc", today, VN.format(today().plusDays(400)))), 400, "toDate");
    // ISO dates are accepted too (scripts).
    created(official.post("/api/substitutions", body(null, "stc.giamdoc", today().toString(),
        today().plusDays(1).toString())));
  }

  @Test
  void overlappingRangesAreRefusedAndEndingEarlyKeepsTheRecord() throws Exception {
    OfficialClient official = as("stnmt.chuyenvien");
    JsonNode first = created(official.post("/api/substitutions", body(null, "stnmt.giamdoc",
        VN.format(today().plusDays(2)), VN.format(today().plusDays(5)))));
    // One shared day (the last day of the new range) is an overlap: 409 naming fromDate.
    refused(official.post("/api/substitutions", body(null, "stnmt.giamdoc",
        VN.format(today()), VN.format(today().plusDays(2)))), 409, "fromDate");
    created(official.post("/api/substitutions", body(null, "stnmt.giamdoc",
        VN.format(today()), VN.format(today().plusDays(1)))));

    long id = first.get("id").asLong();
    // Only the official or an administrator ends it; the substitute cannot.
    assertThat(as("stnmt.giamdoc").send(HttpMethod.DELETE, "/api/substitutions/" + id, null,
        MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> ended = official.send(HttpMethod.DELETE, "/api/substitutions/" + id, null,
        MediaType.APPLICATION_JSON);
    assertThat(ended.getStatusCode().value()).as(ended.getBody()).isEqualTo(200);
    assertThat(json.readTree(ended.getBody()).get("status").asText()).isEqualTo("ENDED");
    refused(official.send(HttpMethod.DELETE, "/api/substitutions/" + id, null, MediaType.APPLICATION_JSON), 409, "id");
    // The record stays, ended; its days are free again.
    JsonNode listed = official.getJson("/api/substitutions").get("substitutions");
    assertThat(listed.findValuesAsText("status")).contains("ENDED");
    created(official.post("/api/substitutions", body(null, "stnmt.giamdoc",
        VN.format(today().plusDays(3)), VN.format(today().plusDays(4)))));
  }

  @Test
  void onlyAnAdministratorNamesASubstituteForSomeoneElse() throws Exception {
    String from = VN.format(today());
    String to = VN.format(today().plusDays(1));
    assertThat(as("skhcn.giamdoc").post("/api/substitutions", body("skhcn.chuyenvien", "skhcn.giamdoc", from, to))
        .getStatusCode().value()).isEqualTo(403);
    refused(as("admin").post("/api/substitutions", body(null, "skhcn.giamdoc", from, to)), 400, "official");
    refused(as("admin").post("/api/substitutions", body("khong.co", "skhcn.giamdoc", from, to)), 400, "official");
    JsonNode made = created(as("admin").post("/api/substitutions", body("skhcn.chuyenvien", "skhcn.giamdoc", from, to)));
    assertThat(made.get("official").asText()).isEqualTo("skhcn.chuyenvien");
    assertThat(made.get("createdBy").asText()).isEqualTo("Quản trị hệ thống");
    assertThat(as("skhcn.giamdoc").get("/api/substitutions/officials").getStatusCode().value()).isEqualTo(403);
    assertThat(as("skhcn.giamdoc").get("/api/substitutions/candidates?official=skhcn.chuyenvien")
        .getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void thePageIsServedWithTheLogin() {
    ResponseEntity<String> page = as("kt.chuyenvien").get("/dashboard/substitutes");
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Ủy quyền xử lý").contains("Người được ủy quyền");
    assertThat(rest.getForEntity("/api/substitutions", String.class).getStatusCode().value()).isEqualTo(401);
  }
}
