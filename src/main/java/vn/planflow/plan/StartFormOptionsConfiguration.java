package vn.planflow.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link StartFormOptionsFilter} on Tasklist's start-form requests. */
@Configuration(proxyBeanMethods = false)
class StartFormOptionsConfiguration {

  @Bean
  FilterRegistrationBean<StartFormOptionsFilter> startFormOptionsFilter(PlanStartOptions options,
      ObjectMapper objectMapper) {
    FilterRegistrationBean<StartFormOptionsFilter> registration =
        new FilterRegistrationBean<>(new StartFormOptionsFilter(options, objectMapper));
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }
}
