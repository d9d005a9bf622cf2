package vn.planflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.PlanflowIntegrationTest;

/**
 * A committee's deadlines for each approval step and its rule on closing votes early: imported
 * with the organization, defaults where left out, 1..60 working days, errors that name the field
 * and leave nothing half-written.
 */
@PlanflowIntegrationTest
class CommitteeSettingsTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired OrgUnitRepository units;

  private static String committee(String code, String settings) {
    return """
        {"units": [
          {"code": "%1$s", "name": "Ủy ban nhân dân xã Thạch Hà", "kind": "PEOPLES_COMMITTEE", "place": "Thạch Hà",
           "parent": null%2$s},
          {"code": "%1$s-vp", "name": "Văn phòng HĐND và UBND", "kind": "DEPARTMENT", "parent": "%1$s"}
        ]}
        """.formatted(code, settings == null ? "" : ", \"settings\": " + settings);
  }

  private ResponseEntity<String> importAsAdmin(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("admin", "admin").postForEntity("/api/org", new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode settingsOf(String code) throws Exception {
    return json.readTree(rest.withBasicAuth("admin", "admin").getForObject("/api/org/units/" + code, String.class))
        .at("/unit/settings");
  }

  @Test
  void defaultsApplyWhereTheImportLeavesAStepOut() throws Exception {
    assertThat(importAsAdmin(committee("cs-mac-dinh", null)).getStatusCode().is2xxSuccessful()).isTrue();

    JsonNode settings = settingsOf("cs-mac-dinh");
    assertThat(settings.get("closeVotingEarly").asBoolean()).isFalse();
    assertThat(settings.get("draftingDays").asInt()).isEqualTo(10);
    assertThat(settings.get("reviewDays").asInt()).isEqualTo(3);
    assertThat(settings.get("synthesisDays").asInt()).isEqualTo(5);
    assertThat(settings.get("submissionDays").asInt()).isEqualTo(3);
    assertThat(settings.get("officeReviewDays").asInt()).isEqualTo(5);
    assertThat(settings.get("signingDays").asInt()).isEqualTo(3);
    assertThat(settings.get("issuingDays").asInt()).isEqualTo(2);
  }

  @Test
  void givenStepsAndEarlyCloseAreStoredAndChangedByALaterImport() throws Exception {
    assertThat(importAsAdmin(committee("cs-rieng", """
        {"closeVotingEarly": true, "draftingDays": 60, "reviewDays": 1, "signingDays": 4}""")).getStatusCode()
        .is2xxSuccessful()).isTrue();
    JsonNode settings = settingsOf("cs-rieng");
    assertThat(settings.get("closeVotingEarly").asBoolean()).isTrue();
    assertThat(settings.get("draftingDays").asInt()).isEqualTo(60);
    assertThat(settings.get("reviewDays").asInt()).isEqualTo(1);
    assertThat(settings.get("signingDays").asInt()).isEqualTo(4);
    assertThat(settings.get("issuingDays").asInt()).isEqualTo(2);
    OrgUnit stored = units.findById("cs-rieng").orElseThrow();
    assertThat(stored.closeVotingEarly()).isTrue();
    assertThat(stored.approvalDays()).isEqualTo(new ApprovalDays(60, 1, 5, 3, 5, 4, 2));

    // Re-imported without settings: the defaults again, early close off.
    assertThat(importAsAdmin(committee("cs-rieng", null)).getStatusCode().is2xxSuccessful()).isTrue();
    OrgUnit again = units.findById("cs-rieng").orElseThrow();
    assertThat(again.closeVotingEarly()).isFalse();
    assertThat(again.approvalDays()).isEqualTo(ApprovalDays.DEFAULT);
  }

  @Test
  void outOfRangeStepsAreRejectedNamingEachFieldAndNothingIsWritten() throws Exception {
    ResponseEntity<String> response = importAsAdmin(committee("cs-sai", """
        {"draftingDays": 0, "reviewDays": 61, "synthesisDays": -1, "submissionDays": 100, "officeReviewDays": 0,
         "signingDays": 61, "issuingDays": 0}"""));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "units[0].settings.draftingDays", "units[0].settings.reviewDays", "units[0].settings.synthesisDays",
        "units[0].settings.submissionDays", "units[0].settings.officeReviewDays", "units[0].settings.signingDays",
        "units[0].settings.issuingDays");
    assertThat(problem.get("detail").asText()).contains("units[0].settings.draftingDays",
        "số ngày làm việc cho bước soạn dự thảo phải từ 1 đến 60");
    assertThat(units.existsById("cs-sai")).isFalse();
    assertThat(units.existsById("cs-sai-vp")).isFalse();
  }

  @Test
  void aWrongTypeForCloseVotingEarlyIsA400NotA500() {
    ResponseEntity<String> response = importAsAdmin(committee("cs-kieu", "{\"closeVotingEarly\": \"có\"}"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("closeVotingEarly");
    assertThat(units.existsById("cs-kieu")).isFalse();
  }

  @Test
  void theDemoCommitteesKeepSlipsOpenUntilTheDeadline() {
    assertThat(units.findById("hn-ubnd").orElseThrow().closeVotingEarly()).isFalse();
    assertThat(units.findById("yh-ubnd").orElseThrow().closeVotingEarly()).isFalse();
    assertThat(units.findById("yh-ubnd").orElseThrow().approvalDays()).isEqualTo(new ApprovalDays(7, 2, 3, 2, 3, 2, 1));
  }
}
