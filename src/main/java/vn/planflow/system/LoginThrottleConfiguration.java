package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link LoginThrottle} per node for every way to check a password: HTTP Basic (through
 * EngineAuthenticationProvider), the webapps' login form and Camunda REST's identity/verify
 * (through these filters).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottleConfiguration {

  @Bean
  LoginThrottle loginThrottle(LoginThrottleProperties limits) {
    return new LoginThrottle(limits);
  }

  /** Before Spring Security (-100) and the webapps' own filters: nothing else reads the form. */
  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottleFilter(
      LoginThrottle loginThrottle, ObjectMapper objectMapper) {
    FilterRegistrationBean<WebappLoginThrottleFilter> registration =
        new FilterRegistrationBean<>(
            new WebappLoginThrottleFilter(
                loginThrottle,
                new LoginThrottleResponses(objectMapper),
                new ProblemResponses(objectMapper)));
    registration.addUrlPatterns(WebappLoginThrottleFilter.URL_PATTERN);
    registration.setOrder(-110);
    return registration;
  }

  /** After Spring Security: only a logged-in caller reaches /engine-rest/identity/verify. */
  @Bean
  FilterRegistrationBean<IdentityVerifyThrottleFilter> identityVerifyThrottleFilter(
      LoginThrottle loginThrottle, ObjectMapper objectMapper) {
    FilterRegistrationBean<IdentityVerifyThrottleFilter> registration =
        new FilterRegistrationBean<>(
            new IdentityVerifyThrottleFilter(
                loginThrottle,
                new LoginThrottleResponses(objectMapper),
                new ProblemResponses(objectMapper),
                objectMapper));
    registration.addUrlPatterns(IdentityVerifyThrottleFilter.URL_PATTERNS);
    registration.setOrder(-10);
    return registration;
  }
}
