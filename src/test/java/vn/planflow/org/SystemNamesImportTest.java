package vn.planflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
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
 * Issue #10 A: an organization import never takes the engine's or planflow's own names, so it can
 * never make anyone an administrator nor rewrite the administrator's account.
 */
@PlanflowIntegrationTest
class SystemNamesImportTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired OrgUnitRepository units;
  @Autowired OfficialRepository officials;
  @Autowired ObjectMapper json;

  /** Three ordinary units, then a fourth (units[3]) coded as given, with an official in it. */
  private static String withFourthUnit(String prefix, String code) {
    return """
        {"units": [
          {"code": "%1$s-ubnd", "name": "Ủy ban nhân dân tỉnh Thử", "kind": "PEOPLES_COMMITTEE"},
          {"code": "%1$s-sct", "name": "Sở Công Thương", "kind": "DEPARTMENT", "parent": "%1$s-ubnd"},
          {"code": "%1$s-stc", "name": "Sở Tài chính", "kind": "DEPARTMENT", "parent": "%1$s-ubnd"},
          {"code": "%2$s", "name": "Ban Quản trị", "kind": "OTHER", "parent": "%1$s-ubnd"}
        ],
        "officials": [
          {"id": "%1$s.intruder", "name": "Kẻ Xâm Nhập", "unit": "%2$s", "roles": ["STAFF", "LEADER"], "password": "x"}
        ]}
        """.formatted(prefix, code);
  }

  private static String withOfficial(String prefix, String id) {
    return """
        {"units": [{"code": "%1$s-ubnd", "name": "Ủy ban nhân dân tỉnh Thử", "kind": "PEOPLES_COMMITTEE"}],
         "officials": [
          {"id": "%1$s.first", "name": "Nguyễn Văn Một", "unit": "%1$s-ubnd", "roles": ["STAFF"]},
          {"id": "%2$s", "name": "Kẻ Mạo Danh", "email": "x@example.vn", "unit": "%1$s-ubnd",
           "roles": ["LEADER"], "committee": {"of": "%1$s-ubnd", "position": "CHAIR"}, "password": "stolen"}
         ]}
        """.formatted(prefix, id);
  }

  private ResponseEntity<String> importAsAdmin(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("admin", "admin").postForEntity("/api/org", new HttpEntity<>(body, headers), String.class);
  }

  private List<String> adminGroupMembers() {
    return identityService.createUserQuery().memberOfGroup(OrgGroups.ADMINS).list().stream().map(User::getId).sorted().toList();
  }

  private void assertRefused(ResponseEntity<String> response, String field, String message) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("detail").asText()).contains(field + ": " + message);
  }

  @Test
  void aUnitCodedAsTheAdministratorsGroupIsRefusedAndNobodyBecomesAdministrator() throws Exception {
    List<String> adminsBefore = adminGroupMembers();
    Group adminsGroup = identityService.createGroupQuery().groupId(OrgGroups.ADMINS).singleResult();

    assertRefused(importAsAdmin(withFourthUnit("sa1", "camunda-admin")),
        "units[3].code", "mã 'camunda-admin' dành cho hệ thống");

    assertThat(adminGroupMembers()).isEqualTo(adminsBefore).doesNotContain("sa1.intruder");
    assertThat(identityService.createUserQuery().userId("sa1.intruder").count()).isZero();
    assertThat(units.existsById("sa1-ubnd")).isFalse();
    Group after = identityService.createGroupQuery().groupId(OrgGroups.ADMINS).singleResult();
    assertThat(after.getName()).isEqualTo(adminsGroup.getName());
    assertThat(after.getType()).isEqualTo(adminsGroup.getType());
    assertThat(identityService.createGroupQuery().groupId("camunda-admin_staff").count()).isZero();
    // The intruder cannot deploy: no account at all.
    assertThat(rest.withBasicAuth("sa1.intruder", "x").getForEntity("/engine-rest/deployment", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void otherSystemNamesAreRefusedAsUnitCodes() throws Exception {
    for (String code : List.of("admin", "camunda", "planflow", "system")) {
      assertRefused(importAsAdmin(withFourthUnit("sa2", code)), "units[3].code", "mã '" + code + "' dành cho hệ thống");
    }
    // planflow_officials is no valid code at all ('_' never appears in codes).
    ResponseEntity<String> officialsGroup = importAsAdmin(withFourthUnit("sa2", "planflow_officials"));
    assertThat(officialsGroup.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(officialsGroup.getBody()).contains("units[3].code");
    assertThat(units.existsById("sa2-ubnd")).isFalse();
  }

  @Test
  void aCodeWhoseGroupsAnAdministratorMadeByHandIsRefused() throws Exception {
    Group handmade = identityService.newGroup("sa3-auditors");
    handmade.setName("Kiểm toán (tạo tay)");
    identityService.saveGroup(handmade);
    Group handmadeRole = identityService.newGroup("sa3-x_leaders");
    handmadeRole.setName("Nhóm tạo tay");
    identityService.saveGroup(handmadeRole);
    try {
      assertRefused(importAsAdmin(withFourthUnit("sa3", "sa3-auditors")),
          "units[3].code", "mã 'sa3-auditors' trùng với một nhóm đã có trong hệ thống");
      assertRefused(importAsAdmin(withFourthUnit("sa3", "sa3-x")),
          "units[3].code", "mã 'sa3-x' trùng với một nhóm đã có trong hệ thống");
      assertThat(identityService.createUserQuery().memberOfGroup("sa3-auditors").count()).isZero();
      assertThat(units.existsById("sa3-ubnd")).isFalse();
    } finally {
      identityService.deleteGroup("sa3-auditors");
      identityService.deleteGroup("sa3-x_leaders");
    }
  }

  @Test
  void anImportNamingTheAdministratorLeavesTheAdministratorAsIs() throws Exception {
    User before = identityService.createUserQuery().userId("admin").singleResult();
    List<String> groupsBefore = identityService.createGroupQuery().groupMember("admin").list().stream()
        .map(Group::getId).sorted().toList();

    assertRefused(importAsAdmin(withOfficial("sa4", "admin")), "officials[1].id", "tên đăng nhập 'admin' dành cho hệ thống");
    assertRefused(importAsAdmin(withOfficial("sa4", "camunda-admin")),
        "officials[1].id", "tên đăng nhập 'camunda-admin' dành cho hệ thống");

    User after = identityService.createUserQuery().userId("admin").singleResult();
    assertThat(after.getFirstName()).isEqualTo(before.getFirstName());
    assertThat(after.getLastName()).isEqualTo(before.getLastName());
    assertThat(after.getEmail()).isEqualTo(before.getEmail());
    assertThat(identityService.checkPassword("admin", "admin")).isTrue();
    // (Not checking the imported password against it: a failed check would delay the admin's logins.)
    assertThat(identityService.createGroupQuery().groupMember("admin").list().stream().map(Group::getId).sorted().toList())
        .isEqualTo(groupsBefore).contains(OrgGroups.ADMINS);
    assertThat(officials.existsById("admin")).isFalse();
    assertThat(units.existsById("sa4-ubnd")).isFalse();
    // Still an administrator: deploying (reading deployments) works.
    assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/engine-rest/deployment", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anOfficialIdOfAnAccountMadeOutsidePlanflowIsRefused() throws Exception {
    User operator = identityService.newUser("sa5.operator");
    operator.setFirstName("Vận hành");
    operator.setLastName("viên");
    operator.setPassword("op");
    identityService.saveUser(operator);
    try {
      assertRefused(importAsAdmin(withOfficial("sa5", "sa5.operator")),
          "officials[1].id", "tên đăng nhập 'sa5.operator' thuộc một tài khoản hệ thống");
      assertThat(identityService.checkPassword("sa5.operator", "op")).isTrue();
      assertThat(identityService.createGroupQuery().groupMember("sa5.operator").count()).isZero();
    } finally {
      identityService.deleteUser("sa5.operator");
    }
  }

  @Test
  void anOrdinaryImportStillWorksAndIsIdempotent() throws Exception {
    String body = withFourthUnit("sa6", "sa6-bqt");
    assertThat(importAsAdmin(body).getStatusCode()).isEqualTo(HttpStatus.OK);
    // Its own groups exist now; importing again must not call them a clash.
    ResponseEntity<String> again = importAsAdmin(body);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(again.getBody()).get("unitsCreated").asInt()).isZero();
    assertThat(identityService.createUserQuery().memberOfGroup(OrgGroups.ADMINS).userId("sa6.intruder").count()).isZero();
  }
}
