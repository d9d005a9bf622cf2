package vn.planflow;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@PlanflowIntegrationTest
class ApplicationStartsTest {

  @Autowired DataSource dataSource;
  @Autowired IdentityService identityService;

  @Value("${planflow.test.database}")
  String database;

  @Test
  void runsOnTheDatabaseOfThisSurefireExecution() throws Exception {
    try (var connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      assertThat(product).isEqualToIgnoringCase(database.equals("postgres") ? "PostgreSQL" : "H2");
    }
    assertThat(identityService.createUserQuery().userId("sct.chuyenvien").count()).isEqualTo(1);
  }
}
