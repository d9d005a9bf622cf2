package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 503 while the database is unreachable, for the application API and Camunda REST. */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableConfiguration {

  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ObjectMapper objectMapper) {
    FilterRegistrationBean<DatabaseUnavailableFilter> registration =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter(objectMapper));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/dashboard/*", "/dashboard");
    // Outside Spring Security: the HTTP Basic check is itself a database query.
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }

  /** Camunda REST is the Jersey application of the Spring Boot starter. */
  @Bean
  ResourceConfigCustomizer databaseUnavailableJersey(ObjectMapper objectMapper) {
    DatabaseUnavailableJersey jersey = new DatabaseUnavailableJersey(objectMapper);
    return config -> config.register(jersey);
  }
}
