package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link QueryExpressionGuard} in front of the engine's REST API and the webapps' copy. */
@Configuration(proxyBeanMethods = false)
class QueryGuardConfiguration {

  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard(ObjectMapper objectMapper) {
    FilterRegistrationBean<QueryExpressionGuard> registration =
        new FilterRegistrationBean<>(new QueryExpressionGuard(objectMapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // After Spring Security (order -100): an anonymous caller gets its 401 first.
    registration.setOrder(0);
    return registration;
  }
}
