package vn.planflow.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of the Camunda webapps' login form
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}), which checks the password
 * through the engine itself, out of Spring Security's reach. A blocked attempt never reaches the
 * password check; the outcome of the others is read from the status the webapp answers: 401 is a
 * wrong password, 200 a login, 403 a right password without access to that app.
 */
final class WebappLoginThrottleFilter extends OncePerRequestFilter {

  static final String URL_PATTERN = "/camunda/api/admin/auth/user/*";
  private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  /** A login form is a few dozen bytes; more is not a login worth reading into memory. */
  private static final int MAX_BODY = 16 * 1024;

  private final LoginThrottle throttle;
  private final LoginThrottleResponses throttled;
  private final ProblemResponses problems;

  WebappLoginThrottleFilter(
      LoginThrottle throttle, LoginThrottleResponses throttled, ProblemResponses problems) {
    this.throttle = throttle;
    this.throttled = throttled;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("POST".equals(request.getMethod()) && LOGIN.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Nội dung yêu cầu quá lớn");
      return;
    }
    String address = request.getRemoteAddr();
    String account = formField(body, charsetOf(request), "username");
    Duration wait = throttle.blockedFor(address, account);
    if (!wait.isZero()) {
      throttled.write(request, response, wait);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
    int status = response.getStatus();
    if (status == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(address, account);
    } else if (status == HttpStatus.OK.value() || status == HttpStatus.FORBIDDEN.value()) {
      throttle.succeeded(address, account);
    }
  }

  private static Charset charsetOf(HttpServletRequest request) {
    try {
      String encoding = request.getCharacterEncoding();
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /** The first value of an application/x-www-form-urlencoded field, "" when absent or garbled. */
  static String formField(byte[] body, Charset charset, String name) {
    for (String pair : new String(body, charset).split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      try {
        if (URLDecoder.decode(key, charset).equals(name)) {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
        }
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return "";
  }
}
