package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.planflow.PlanflowIntegrationTest;

/** The engine's security and retention settings, which Camunda leaves open by default. */
@PlanflowIntegrationTest
class EngineConfigurationTest {

  @Autowired ProcessEngine engine;

  @Test
  void securityDefaultsAreClosed() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(configuration.getGeneralResourceWhitelistPattern()).isEqualTo("[a-z0-9._-]+|camunda-admin");
  }

  @Test
  void historyIsKeptAndCleanedUpInAWindow() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P3650D");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
  }
}
