package vn.planflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.PlanflowIntegrationTest;

/** {@code POST /api/org} and {@code GET /api/org/units} over HTTP, as an administrator would. */
@PlanflowIntegrationTest
class OrganizationImportTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired OrgUnitRepository units;
  @Autowired OfficialRepository officials;
  @Autowired ObjectMapper json;

  /** The example of CONTRACT §2, with codes made unique to the test. */
  private static String haTinh(String prefix) {
    return """
        {
          "units": [
            {"code": "%1$s-ubnd", "name": "Ủy ban nhân dân tỉnh Hà Tĩnh", "kind": "PEOPLES_COMMITTEE", "place": "Hà Tĩnh", "parent": null},
            {"code": "%1$s-sct", "name": "Sở Công Thương", "kind": "DEPARTMENT", "parent": "%1$s-ubnd"},
            {"code": "%1$s-stnmt", "name": "Sở Tài nguyên và Môi trường", "kind": "DEPARTMENT", "parent": "%1$s-ubnd"}
          ],
          "officials": [
            {"id": "%1$s.ha.tb", "name": "Trần Bá Hà", "email": "ha.tb@example.vn", "unit": "%1$s-ubnd",
             "roles": [], "committee": {"of": "%1$s-ubnd", "position": "VICE_CHAIR"}, "password": "s3cret"},
            {"id": "%1$s.ct.chuyenvien", "name": "Nguyễn Thị Thu Hường", "unit": "%1$s-sct", "roles": ["STAFF"]},
            {"id": "%1$s.ct.giamdoc", "name": "Lê Đình Sơn", "unit": "%1$s-sct", "roles": ["LEADER"],
             "committee": {"of": "%1$s-ubnd", "position": "MEMBER"}}
          ]
        }
        """
        .formatted(prefix);
  }

  private ResponseEntity<String> importAs(String user, String password, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password)
        .postForEntity("/api/org", new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> importAsAdmin(String body) {
    return importAs("admin", "admin", body);
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .sorted()
        .toList();
  }

  @Test
  void importsUnitsAndOfficialsAndMirrorsThemIntoCamundaIdentity() throws Exception {
    ResponseEntity<String> response = importAsAdmin(haTinh("t1"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(response.getBody()).get("unitsCreated").asInt()).isEqualTo(3);
    assertThat(json.readTree(response.getBody()).get("officialsCreated").asInt()).isEqualTo(3);

    JsonNode ubnd = json.readTree(rest.withBasicAuth("admin", "admin")
        .getForObject("/api/org/units/t1-ubnd", String.class));
    assertThat(ubnd.at("/unit/name").asText()).isEqualTo("Ủy ban nhân dân tỉnh Hà Tĩnh");
    assertThat(ubnd.at("/unit/symbol").asText()).isEqualTo("UBND");
    assertThat(ubnd.at("/unit/place").asText()).isEqualTo("Hà Tĩnh");
    assertThat(ubnd.at("/unit/settings/voteDays").asInt()).isEqualTo(3);
    assertThat(ubnd.at("/unit/settings/consultationDays").asInt()).isEqualTo(7);
    assertThat(ubnd.at("/unit/settings/deemedAgreeOnTimeout").asBoolean()).isFalse();
    assertThat(ubnd.at("/committee").findValuesAsText("id"))
        .containsExactly("t1.ha.tb", "t1.ct.giamdoc");
    assertThat(ubnd.at("/children").findValuesAsText("code")).containsExactly("t1-sct", "t1-stnmt");

    JsonNode sct = json.readTree(rest.withBasicAuth("admin", "admin")
        .getForObject("/api/org/units/t1-sct", String.class));
    assertThat(sct.at("/unit/symbol").asText()).isEqualTo("SCT");
    assertThat(json.readTree(rest.withBasicAuth("admin", "admin")
        .getForObject("/api/org/units/t1-stnmt", String.class)).at("/unit/symbol").asText())
        .isEqualTo("STNMT");

    // Camunda identity: groups per unit, per role, per committee; users with memberships.
    assertThat(identityService.createGroupQuery().groupId("t1-sct_staff").singleResult().getName())
        .isEqualTo("Chuyên viên - Sở Công Thương");
    assertThat(identityService.createGroupQuery().groupId("t1-ubnd_members").singleResult().getName())
        .isEqualTo("Thành viên Ủy ban nhân dân tỉnh Hà Tĩnh");
    assertThat(groupsOf("t1.ha.tb"))
        .containsExactly("planflow_officials", "t1-ubnd", "t1-ubnd_members");
    assertThat(groupsOf("t1.ct.giamdoc"))
        .containsExactly("planflow_officials", "t1-sct", "t1-sct_leaders", "t1-ubnd_members");
    var user = identityService.createUserQuery().userId("t1.ha.tb").singleResult();
    assertThat(user.getFirstName() + " " + user.getLastName()).isEqualTo("Trần Bá Hà");
    // Every official reads the engine's users (Tasklist's names): the e-mail stays in planflow,
    // shown by /api/org to administrators and to the official.
    assertThat(user.getEmail()).isNull();
    assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/api/org/units/t1-ubnd", String.class).getBody())
        .contains("ha.tb@example.vn");
    assertThat(rest.withBasicAuth("t1.ha.tb", "s3cret").getForEntity("/api/org/units/t1-ubnd", String.class).getBody())
        .contains("ha.tb@example.vn");
    assertThat(rest.withBasicAuth("sct.chuyenvien", "demo").getForEntity("/api/org/units/t1-ubnd", String.class)
        .getBody()).doesNotContain("ha.tb@example.vn");

    // The password given in the import logs in; an official imported without one cannot.
    assertThat(identityService.checkPassword("t1.ha.tb", "s3cret")).isTrue();
    assertThat(rest.withBasicAuth("t1.ha.tb", "s3cret").getForEntity("/api/org/units", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    // Authorizations: specialists may start plan-approval, every official may use Tasklist.
    assertThat(authorizationService.isUserAuthorized("t1.ct.chuyenvien", List.of("t1-sct_staff"),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "plan-approval")).isTrue();
    assertThat(authorizationService.isUserAuthorized("t1.ha.tb", List.of("t1-ubnd", "t1-ubnd_members"),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "plan-approval")).isFalse();
    assertThat(authorizationService.isUserAuthorized("t1.ha.tb", List.of("planflow_officials"),
        Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
  }

  @Test
  void importingTheSameOrganizationAgainChangesNothing() throws Exception {
    assertThat(importAsAdmin(haTinh("t2")).getStatusCode()).isEqualTo(HttpStatus.OK);
    long groups = identityService.createGroupQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    List<String> memberships = groupsOf("t2.ct.giamdoc");

    ResponseEntity<String> again = importAsAdmin(haTinh("t2"));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readValue(again.getBody(), Map.class))
        .containsEntry("unitsCreated", 0).containsEntry("unitsUpdated", 0)
        .containsEntry("officialsCreated", 0).containsEntry("officialsUpdated", 0);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(groupsOf("t2.ct.giamdoc")).isEqualTo(memberships);
    assertThat(json.readTree(rest.withBasicAuth("admin", "admin")
        .getForObject("/api/org/units/t2-ubnd", String.class)).at("/history").size()).isEqualTo(1);
  }

  @Test
  void reimportRenamesUnitsKeepsTheirHistoryAndReplacesAnOfficialsRoles() throws Exception {
    importAsAdmin(haTinh("t3"));
    String renamed = haTinh("t3")
        .replace("\"Sở Công Thương\"", "\"Sở Công Thương tỉnh Hà Tĩnh\", \"symbol\": \"SCT\"")
        .replaceAll("\"roles\": \\[\"LEADER\"],\\s*\"committee\": \\{[^}]*}", "\"roles\": [\"STAFF\"]");

    ResponseEntity<String> response = importAsAdmin(renamed);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode sct = json.readTree(rest.withBasicAuth("admin", "admin")
        .getForObject("/api/org/units/t3-sct", String.class));
    assertThat(sct.at("/unit/name").asText()).isEqualTo("Sở Công Thương tỉnh Hà Tĩnh");
    assertThat(sct.at("/history").findValuesAsText("name"))
        .containsExactly("Sở Công Thương", "Sở Công Thương tỉnh Hà Tĩnh");
    assertThat(groupsOf("t3.ct.giamdoc")).containsExactly("planflow_officials", "t3-sct", "t3-sct_staff");
    assertThat(officials.findByCommitteeOfOrderByIdAsc("t3-ubnd")).extracting(Official::getId)
        .containsExactly("t3.ha.tb");
  }

  @Test
  void unknownFieldIsRejectedByName() throws Exception {
    String body = haTinh("b1").replace("\"place\": \"Hà Tĩnh\"", "\"place\": \"Hà Tĩnh\", \"province\": 42");
    assertRejected(body, "units[0].province", "b1-ubnd");
  }

  @Test
  void unknownParentIsRejectedByName() throws Exception {
    String body = haTinh("b2").replace("\"parent\": \"b2-ubnd\"}", "\"parent\": \"b2-khong-co\"}");
    assertRejected(body, "units[1].parent", "b2-ubnd");
  }

  @Test
  void duplicateUnitCodeIsRejected() throws Exception {
    String body = haTinh("b3").replace("\"code\": \"b3-stnmt\"", "\"code\": \"b3-sct\"");
    assertRejected(body, "units[2].code", "b3-ubnd");
  }

  @Test
  void badIdCharactersAreRejected() throws Exception {
    assertRejected(haTinh("b4").replace("\"code\": \"b4-sct\"", "\"code\": \"B4 SCT\""),
        "units[1].code", "b4-ubnd");
    assertRejected(haTinh("b5").replace("\"id\": \"b5.ct.chuyenvien\"", "\"id\": \"chuyên_viên\""),
        "officials[1].id", "b5-ubnd");
  }

  @Test
  void missingNameIsRejected() throws Exception {
    assertRejected(haTinh("b6").replace("\"name\": \"Sở Tài nguyên và Môi trường\", ", ""),
        "units[2].name", "b6-ubnd");
    assertRejected(haTinh("b7").replace("\"name\": \"Lê Đình Sơn\", ", ""),
        "officials[2].name", "b7-ubnd");
  }

  @Test
  void otherBadReferencesAndValuesAreRejected() throws Exception {
    assertRejected(haTinh("b8").replace("\"unit\": \"b8-sct\", \"roles\": [\"STAFF\"]",
        "\"unit\": \"b8-khong-co\", \"roles\": [\"STAFF\"]"), "officials[1].unit", "b8-ubnd");
    assertRejected(haTinh("b9").replace("{\"of\": \"b9-ubnd\", \"position\": \"MEMBER\"}",
        "{\"of\": \"b9-sct\", \"position\": \"MEMBER\"}"), "officials[2].committee.of", "b9-ubnd");
    assertRejected(haTinh("c1").replace("[\"STAFF\"]", "[\"INTERN\"]"), "officials[1].roles[0]", "c1-ubnd");
    assertRejected(haTinh("c2").replace("\"kind\": \"DEPARTMENT\", \"parent\": \"c2-ubnd\"},\n    ",
        "\"kind\": \"DEPARTMENT\", \"parent\": \"c2-ubnd\", \"settings\": {\"voteDays\": 3}},\n    "),
        "units[1].settings", "c2-ubnd");
    assertRejected(haTinh("c3").replace("\"place\": \"Hà Tĩnh\"",
        "\"place\": \"Hà Tĩnh\", \"settings\": {\"voteDays\": 0}"), "units[0].settings.voteDays", "c3-ubnd");
    assertRejected(haTinh("c4").replace("\"email\": \"ha.tb@example.vn\"", "\"email\": \"không-phải-thư\""),
        "officials[0].email", "c4-ubnd");
    assertRejected(haTinh("c5").replace("\"id\": \"c5.ct.chuyenvien\"", "\"id\": \"admin\""),
        "officials[1].id", "c5-ubnd");
    assertRejected(haTinh("c6").replace("\"code\": \"c6-stnmt\", \"name\": \"Sở Tài nguyên và Môi trường\", \"kind\": \"DEPARTMENT\", \"parent\": \"c6-ubnd\"",
        "\"code\": \"c6-stnmt\", \"name\": \"Sở Tài nguyên và Môi trường\", \"kind\": \"DEPARTMENT\", \"parent\": \"c6-stnmt\""),
        "units[2].parent", "c6-ubnd");
    assertRejected("{\"units\": [", "body", null);
  }

  @Test
  void aCycleThroughStoredUnitsIsRejected() throws Exception {
    importAsAdmin(haTinh("c7"));
    String cycle = """
        {"units": [{"code": "c7-ubnd", "name": "Ủy ban nhân dân tỉnh Hà Tĩnh", "kind": "PEOPLES_COMMITTEE", "parent": "c7-sct"}]}
        """;
    ResponseEntity<String> response = importAsAdmin(cycle);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("units[0].parent");
    assertThat(units.findById("c7-ubnd").orElseThrow().getParentCode()).isNull();
  }

  @Test
  void onlyAdministratorsImport() {
    assertThat(importAs("sct.chuyenvien", "demo", haTinh("d1")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.postForEntity("/api/org", haTinh("d2"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(units.existsById("d1-ubnd")).isFalse();
    assertThat(units.existsById("d2-ubnd")).isFalse();
  }

  @Test
  void unknownUnitIsA404() {
    ResponseEntity<String> response =
        rest.withBasicAuth("sct.chuyenvien", "demo").getForEntity("/api/org/units/khong-co", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
  }

  /** A 400 problem naming the field, and nothing of the request stored, in JPA or in identity. */
  private void assertRejected(String body, String field, String unitThatMustNotExist) throws Exception {
    ResponseEntity<String> response = importAsAdmin(body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    assertThat(problem.get("detail").asText()).contains(field);
    if (unitThatMustNotExist != null) {
      assertThat(units.existsById(unitThatMustNotExist)).isFalse();
      assertThat(identityService.createGroupQuery().groupId(unitThatMustNotExist).count()).isZero();
      String prefix = unitThatMustNotExist.substring(0, unitThatMustNotExist.indexOf('-'));
      assertThat(identityService.createUserQuery().userId(prefix + ".ha.tb").count()).isZero();
    }
  }
}
