package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the body size limit in front of everything, Spring Security included (order -100): a
 * body that is too large is refused before anyone reads it.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(ObjectMapper objectMapper) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(new ProblemResponses(objectMapper)));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(-200);
    return registration;
  }
}
