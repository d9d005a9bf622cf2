package vn.planflow.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The CSRF token of a webapp session is the one Camunda's own CSRF filter issued (cookie
 * {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}), so a page inside Tasklist calls {@code /api}
 * exactly as it calls the engine. This repository only reads it; Camunda owns it.
 */
final class WebappCsrfTokenRepository implements CsrfTokenRepository {

  static final String UNISSUED_PREFIX = "unissued-";

  private static final String PARAMETER = "_csrf";

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    // Never matches: a session without Camunda's token cannot pass a state-changing request.
    return new DefaultCsrfToken(
        CsrfConstants.CSRF_TOKEN_HEADER_NAME, PARAMETER, UNISSUED_PREFIX + UUID.randomUUID());
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    // Camunda's CsrfPreventionFilter issues and stores the token.
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token =
        session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token == null
        ? null
        : new DefaultCsrfToken(CsrfConstants.CSRF_TOKEN_HEADER_NAME, PARAMETER, token.toString());
  }
}
