package vn.planflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApprovalDriver;

/** What an official gets for a wrong address or a bad parameter: a 4xx problem naming it, never a 500. */
@PlanflowIntegrationTest
class DocumentApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  private JsonNode problem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    return as("admin").read(response.getBody());
  }

  @Test
  void unknownPlansAndIssuersAreNotFound() {
    for (String path : new String[] {"/api/plans/KH-KHONG-CO/document", "/api/plans/KH-KHONG-CO/submission",
        "/api/plans/KH-KHONG-CO/vote-record"}) {
      assertThat(problem(as("sct.chuyenvien").get(path), HttpStatus.NOT_FOUND).get("detail").asText())
          .isEqualTo("Không có kế hoạch 'KH-KHONG-CO'");
    }
    assertThat(problem(as("hn.vanthu").get("/api/registers/hn-khong-co/2026"), HttpStatus.NOT_FOUND)
        .get("detail").asText()).isEqualTo("Không có cơ quan ban hành 'hn-khong-co'");
  }

  @Test
  void aBrowserAskingForTheDocumentOfAnUnknownPlanStillGetsTheProblem() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setAccept(java.util.List.of(DocumentController.DOCX));
    ResponseEntity<String> response = rest.withBasicAuth("sct.chuyenvien", "demo").exchange(
        "/api/plans/KH-KHONG-CO/document", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aPlanNotYetPutToTheVoteHasNoVoteRecordButHasItsDrafts() {
    driver.createWardPlan("KH-TEST-VB-DRAFT");
    assertThat(problem(as("kt.chuyenvien").get("/api/plans/KH-TEST-VB-DRAFT/vote-record"), HttpStatus.NOT_FOUND)
        .get("detail").asText()).isEqualTo("Kế hoạch 'KH-TEST-VB-DRAFT' chưa lấy phiếu biểu quyết");
    DocxContent submission = new DocxContent(rest.withBasicAuth("kt.chuyenvien", "demo")
        .getForObject("/api/plans/KH-TEST-VB-DRAFT/submission", byte[].class));
    assertThat(submission.paragraphs().get(0)).isEqualTo("DỰ THẢO");
    assertThat(DocxContent.rows(submission.tables().get(0)).get(0).get(0))
        .isEqualTo("UBND PHƯỜNG YÊN HÒA\nPHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ\n");
    assertThat(DocxContent.rows(submission.tables().get(0)).get(1).get(0)).isEqualTo("Số:        /TTr-KTHTĐT");
    assertThat(submission.textLines()).contains("TRƯỞNG PHÒNG");
  }

  @Test
  void badYearsAndFormatsAreNamed() {
    JsonNode year = problem(as("hn.vanthu").get("/api/registers/hn-ubnd/20x6"), HttpStatus.BAD_REQUEST);
    assertThat(year.at("/errors/0/field").asText()).isEqualTo("year");
    JsonNode format = problem(as("hn.vanthu").get("/api/registers/hn-ubnd/2026?format=pdf"), HttpStatus.BAD_REQUEST);
    assertThat(format.at("/errors/0/field").asText()).isEqualTo("format");
    assertThat(format.get("detail").asText()).contains("pdf");
  }

  @Test
  void documentsNeedALogin() {
    assertThat(rest.getForEntity("/api/plans/KH-KHONG-CO/document", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/registers/hn-ubnd/2026", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anEmptyRegisterIsStillARegister() {
    JsonNode register = as("yh.vanthu").getJson("/api/registers/yh-ubnd/1999");
    assertThat(register.get("issuerName").asText()).isEqualTo("Ủy ban nhân dân phường Yên Hòa");
    assertThat(register.get("year").asInt()).isEqualTo(1999);
    assertThat(register.get("entries")).isEmpty();
  }
}
