package vn.planflow.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CSRF token of the caller's Tasklist session, for planflow's own pages under /dashboard (plan
 * editor, attachments, substitutes): Camunda's {@code XSRF-TOKEN} cookie is scoped to
 * {@code /camunda}, so those pages cannot read it. Same-origin only (no CORS anywhere), and only
 * for a session: an HTTP Basic caller needs no token and gets none.
 */
@RestController
class SessionTokenController {

  @GetMapping("/api/session/csrf-token")
  ResponseEntity<Map<String, String>> csrfToken(HttpServletRequest request) {
    String token = "";
    if (request.getSession(false) != null
        && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf
        && csrf.getToken() != null
        && !csrf.getToken().startsWith(WebappCsrfTokenRepository.UNISSUED_PREFIX)) {
      token = csrf.getToken();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("token", token));
  }
}
