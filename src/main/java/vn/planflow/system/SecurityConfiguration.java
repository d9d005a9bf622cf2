package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.planflow.org.OrgGroups;

/**
 * Who may call what.
 *
 * <ul>
 *   <li>{@code /engine-rest/**}: HTTP Basic against Camunda identity, stateless; the request runs
 *       as that official inside the engine, so the engine's authorizations decide the rest.
 *   <li>{@code /api/**} and {@code /dashboard/**}: HTTP Basic, or the login of the Camunda webapps
 *       in the same browser (then with the webapps' CSRF token on state-changing requests).
 *       Importing the organization and replacing a year of the calendar: administrators only.
 *   <li>{@code /actuator/health}: open, for load balancers; the other actuator endpoints: admins.
 *   <li>{@code /camunda/**}: the webapps guard themselves (login, CSRF, authorizations), except
 *       that the first-admin setup endpoint is closed: the admin account is configured.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String ADMIN = EngineAuthenticationProvider.GROUP_PREFIX + OrgGroups.ADMINS;
  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final IdentityService identityService;
  private final ProblemResponses problems;
  private final LoginThrottle loginThrottle;
  private final LoginThrottleResponses throttled;

  SecurityConfiguration(
      IdentityService identityService, ObjectMapper objectMapper, LoginThrottle loginThrottle) {
    this.identityService = identityService;
    this.problems = new ProblemResponses(objectMapper);
    this.loginThrottle = loginThrottle;
    this.throttled = new LoginThrottleResponses(objectMapper);
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    http.securityMatcher(path("/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .authenticationManager(authenticationManager())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless HTTP Basic only: no cookie carries this authentication, so no CSRF.
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain applicationApi(HttpSecurity http) throws Exception {
    http.securityMatcher(
            new OrRequestMatcher(path("/api/**"), path("/dashboard/**"), path("/dashboard")))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/org"))
                    .hasAuthority(ADMIN)
                    .requestMatchers(PATHS.matcher(HttpMethod.PUT, "/api/calendar/**"))
                    .hasAuthority(ADMIN)
                    .anyRequest()
                    .authenticated())
        .authenticationManager(authenticationManager())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
        // The session belongs to the webapps: never create, rotate or store into it here.
        .sessionManagement(
            s ->
                s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(new WebappCsrfTokenRepository())
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                    .requireCsrfProtectionMatcher(unsafeRequestAuthenticatedBySession()))
        .addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain actuator(HttpSecurity http) throws Exception {
    http.securityMatcher(path("/actuator/**"))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(path("/actuator/health"), path("/actuator/health/**"))
                    .permitAll()
                    .anyRequest()
                    .hasAuthority(ADMIN))
        .authenticationManager(authenticationManager())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    // Reported and unpatched in CE: creates an admin while camunda-admin is empty.
                    .requestMatchers(path("/camunda/api/admin/setup/**"))
                    .denyAll()
                    .anyRequest()
                    .permitAll())
        .exceptionHandling(e -> e.accessDeniedHandler(forbidden()))
        // The webapps run their own CSRF filter and security headers.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
    return http.build();
  }

  /**
   * Matches the whole path, whichever servlet serves it: /engine-rest and /camunda are Jersey
   * servlets, which servlet-path-aware MVC matchers would not see.
   */
  private static RequestMatcher path(String pattern) {
    return PATHS.matcher(pattern);
  }

  private ProviderManager authenticationManager() {
    ProviderManager manager = new ProviderManager(new EngineAuthenticationProvider(identityService, loginThrottle));
    manager.setEraseCredentialsAfterAuthentication(true);
    return manager;
  }

  private AuthenticationEntryPoint unauthorized() {
    return (request, response, exception) -> {
      if (exception instanceof LoginThrottledException blocked) {
        throttled.write(request, response, blocked.retryAfter());
        return;
      }
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"planflow\", charset=\"UTF-8\"");
      problems.write(request, response, HttpStatus.UNAUTHORIZED, "Cần đăng nhập (HTTP Basic hoặc phiên Tasklist)");
    };
  }

  private AccessDeniedHandler forbidden() {
    return (request, response, exception) ->
        problems.write(
            request,
            response,
            HttpStatus.FORBIDDEN,
            exception instanceof CsrfException
                ? "Thiếu hoặc sai mã chống giả mạo yêu cầu (X-XSRF-TOKEN)"
                : "Không có quyền thực hiện thao tác này");
  }

  /**
   * CSRF applies where a cookie authenticates: a state-changing request without an Authorization
   * header, from a browser that holds a webapp login.
   */
  private static RequestMatcher unsafeRequestAuthenticatedBySession() {
    return (HttpServletRequest request) ->
        !SAFE_METHODS.contains(request.getMethod())
            && request.getHeader(HttpHeaders.AUTHORIZATION) == null
            && WebappSessionAuthenticationFilter.webappLogin(request) != null;
  }
}
