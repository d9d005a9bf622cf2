package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the guards in front of the engine's REST API and the webapps' copy of it (which Tasklist
 * uses), after Spring Security (order -100): an anonymous caller gets its 401 first.
 */
@Configuration(proxyBeanMethods = false)
class RestGuardsConfiguration {

  private static final String[] ENGINE_APIS = {"/engine-rest/*", "/camunda/api/engine/*"};

  /** Outermost of the three: it also sees what the guards and the engine answer. */
  @Bean
  FilterRegistrationBean<EngineErrorTranslation> engineErrorTranslation(ObjectMapper objectMapper,
      TaskService taskService, EngineUser engineUser) {
    FilterRegistrationBean<EngineErrorTranslation> registration = new FilterRegistrationBean<>(
        new EngineErrorTranslation(objectMapper,
            taskId -> engineUser.asSystem(() -> taskService.createTaskQuery().taskId(taskId).count() > 0)));
    registration.addUrlPatterns(ENGINE_APIS);
    registration.setOrder(-1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard(ObjectMapper objectMapper) {
    FilterRegistrationBean<QueryExpressionGuard> registration =
        new FilterRegistrationBean<>(new QueryExpressionGuard(objectMapper));
    registration.addUrlPatterns(ENGINE_APIS);
    registration.setOrder(0);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AdministratorOnlyGuard> administratorOnlyGuard(ObjectMapper objectMapper) {
    FilterRegistrationBean<AdministratorOnlyGuard> registration =
        new FilterRegistrationBean<>(new AdministratorOnlyGuard(objectMapper));
    registration.addUrlPatterns(ENGINE_APIS);
    registration.setOrder(0);
    return registration;
  }

  @Bean
  FilterRegistrationBean<TaskCompletionGuard> taskCompletionGuard(TaskService taskService,
      RepositoryService repositoryService, EngineUser engineUser, List<CompletionRules> rules,
      ObjectMapper objectMapper, TaskVariables taskVariables) {
    FilterRegistrationBean<TaskCompletionGuard> registration = new FilterRegistrationBean<>(
        new TaskCompletionGuard(taskService, repositoryService, engineUser, rules, objectMapper, taskVariables));
    registration.addUrlPatterns(ENGINE_APIS);
    registration.setOrder(1);
    return registration;
  }
}
