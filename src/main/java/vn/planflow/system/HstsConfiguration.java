package vn.planflow.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HSTS on every response where planflow is served over HTTPS ({@code planflow.security.hsts},
 * on under the postgres profile). The Camunda webapps' own header filter sends it only under
 * {@code /camunda/**}, and Spring Security only when the request itself is secure, which it is
 * not when a proxy terminates TLS without forwarded headers. Sent whatever the scheme: browsers
 * ignore HSTS received over plain HTTP (RFC 6797 §8.1).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "planflow.security.hsts", havingValue = "true")
class HstsConfiguration {

  /** One year, as the Camunda webapps send it; no includeSubDomains: other hosts are not ours. */
  static final String VALUE = "max-age=31536000";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> hstsFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                response.setHeader("Strict-Transport-Security", VALUE);
                chain.doFilter(request, response);
              }
            });
    registration.addUrlPatterns("/*");
    // First of all, so that even the answers of the security filters carry it.
    registration.setOrder(-120);
    return registration;
  }
}
