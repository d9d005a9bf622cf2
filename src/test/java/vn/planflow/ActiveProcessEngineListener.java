package vn.planflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The REST API and the webapps find the engine named "default" in Camunda's static registry.
 * Spring caches several test contexts in one JVM, each with its own "default" engine, and the
 * last one started wins the registry; so before every test the engine of that test's context is
 * registered again, and HTTP calls reach the database the test looks at.
 */
public class ActiveProcessEngineListener implements TestExecutionListener {

  @Override
  public void prepareTestInstance(TestContext testContext) {
    register(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    register(testContext);
  }

  private static void register(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
          .ifAvailable(ProcessEngines::registerProcessEngine);
    }
  }
}
