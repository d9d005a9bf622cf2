package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.planflow.org.OrgGroups;

/**
 * Engine operations that reach every process at once, for administrators only (403 for anyone
 * else), on Camunda REST and on the webapps' copy of it: broadcasting a signal
 * ({@code POST …/signal}) would trigger every waiting signal event of every plan, and the engine
 * itself lets anyone send one that nothing waits for.
 */
final class AdministratorOnlyGuard extends OncePerRequestFilter {

  private static final Pattern SIGNAL = Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/signal/?$");

  private final ProblemResponses problems;

  AdministratorOnlyGuard(ObjectMapper objectMapper) {
    this.problems = new ProblemResponses(objectMapper);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !SIGNAL.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!groupsOf(request).contains(OrgGroups.ADMINS)) {
      problems.write(request, response, HttpStatus.FORBIDDEN,
          "Chỉ quản trị hệ thống được phát tín hiệu (signal) tới các quy trình");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The caller's groups: HTTP Basic on /engine-rest, the webapp login on /camunda/api. */
  private static List<String> groupsOf(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return EngineAuthenticationProvider.groupIdsOf(authentication);
    }
    UserAuthentication login = WebappSessionAuthenticationFilter.webappLogin(request);
    return login == null || login.getGroupIds() == null ? List.of() : List.copyOf(login.getGroupIds());
  }
}
