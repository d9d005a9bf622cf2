package vn.planflow.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an official who is logged into Tasklist call {@code /api/**} from the same browser: the
 * Camunda webapp login kept in the HTTP session authenticates the request. Nothing is written to
 * the session; state-changing requests authenticated this way must carry the webapp's CSRF token.
 */
final class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    UserAuthentication login = webappLogin(request);
    if (login != null && SecurityContextHolder.getContext().getAuthentication() == null) {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(
          EngineAuthenticationProvider.authenticated(login.getIdentityId(), login.getGroupIds()));
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }

  /** The user logged into the webapps in this request's session, or null. */
  static UserAuthentication webappLogin(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine(ENGINE);
    return authentication instanceof UserAuthentication user ? user : null;
  }
}
