package vn.planflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgGroupsTest {

  @Test
  void derivesGroupIdsThatCannotCollideWithUnitCodes() {
    assertThat(OrgGroups.role("hn-sct", UnitRole.STAFF)).isEqualTo("hn-sct_staff");
    assertThat(OrgGroups.role("hn-ubnd", UnitRole.CLERK)).isEqualTo("hn-ubnd_clerks");
    assertThat(OrgGroups.committee("yh-ubnd")).isEqualTo("yh-ubnd_members");
    assertThat(OrganizationValidator.CODE.matcher("hn-sct_staff").matches()).isFalse();
  }

  @Test
  void knowsTheUnitOfADerivedGroup() {
    assertThat(OrgGroups.unitOf("hn-sct_leaders")).isEqualTo("hn-sct");
    assertThat(OrgGroups.unitOf("yh-ubnd_members")).isEqualTo("yh-ubnd");
    assertThat(OrgGroups.unitOf("hn-sct")).isEqualTo("hn-sct");
    assertThat(OrgGroups.unitOf("camunda-admin")).isNull();
    assertThat(OrgGroups.unitOf("planflow_officials")).isNull();
    assertThat(OrgGroups.unitOf("hn-sct_auditors")).isNull();
  }

  @Test
  void splitsVietnameseNamesSoCamundaShowsThemAsWritten() {
    assertThat(IdentityMirror.splitName("Trần Bá Hà")).containsExactly("Trần Bá", "Hà");
    assertThat(IdentityMirror.splitName("  Nguyễn   Thị Thanh Tâm ")).containsExactly("Nguyễn Thị Thanh", "Tâm");
    assertThat(IdentityMirror.splitName("Hà")).containsExactly("Hà", "");
  }
}
