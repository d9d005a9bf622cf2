package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.planflow.PlanflowApplication;

/** The postgres profile does not start without a real admin password. */
class AdminPasswordGuardTest {

  private static void startPostgresProfileWith(String password) {
    new SpringApplicationBuilder(PlanflowApplication.class)
        .profiles("postgres")
        .web(WebApplicationType.NONE)
        .run("--camunda.bpm.admin-user.password=" + password, "--spring.main.banner-mode=off");
  }

  @Test
  void refusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> startPostgresProfileWith(""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PLANFLOW_ADMIN_PASSWORD is not set");
  }

  @Test
  void refusesTheDemoPasswords() {
    assertThatThrownBy(() -> startPostgresProfileWith("admin"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("demo password");
  }
}
