package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnitRepository;

/**
 * The production profile on a real PostgreSQL: no demo organization, only the configured admin,
 * secure cookies. (The datasource is the embedded PostgreSQL in place of POSTGRES_URL.)
 */
@SpringBootTest(
    properties = {
      "planflow.test.database=postgres",
      "camunda.bpm.admin-user.password=Mật-khẩu-thật-2026"
    })
@ActiveProfiles({"test", "postgres"})
class PostgresProfileTest {

  @Autowired OrgUnitRepository units;
  @Autowired OfficialRepository officials;
  @Autowired IdentityService identityService;
  @Autowired Environment environment;

  @Test
  void startsWithoutTheDemoOrganization() {
    assertThat(environment.getProperty("planflow.demo.enabled", Boolean.class)).isFalse();
    assertThat(units.count()).isZero();
    assertThat(officials.count()).isZero();
    assertThat(identityService.createUserQuery().userId("sct.chuyenvien").count()).isZero();
    assertThat(identityService.createUserQuery().count()).isEqualTo(1);
  }

  @Test
  void theAdminHasThePasswordFromTheEnvironmentOnly() {
    assertThat(identityService.checkPassword("admin", "Mật-khẩu-thật-2026")).isTrue();
    assertThat(identityService.checkPassword("admin", "admin")).isFalse();
  }

  @Test
  void cookiesAreSecure() {
    assertThat(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
  }
}
