package vn.planflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Puts {@link LoginThrottle} in front of Camunda REST's password oracle,
 * {@code POST /identity/verify} ({"username", "password"} → {"authenticated": true|false}), on
 * {@code /engine-rest} and on the webapps' copy. Any official may call it for any account (they
 * read all users), and with the engine's own delay off nothing else would slow guessing there.
 */
final class IdentityVerifyThrottleFilter extends OncePerRequestFilter {

  static final String[] URL_PATTERNS = {"/engine-rest/identity/*", "/camunda/api/engine/engine/*"};
  private static final Pattern VERIFY =
      Pattern.compile("(/engine-rest|/camunda/api/engine/engine/[^/]+)/identity/verify/?");
  private static final int MAX_BODY = 16 * 1024;

  private final LoginThrottle throttle;
  private final LoginThrottleResponses throttled;
  private final ProblemResponses problems;
  private final ObjectMapper objectMapper;

  IdentityVerifyThrottleFilter(LoginThrottle throttle, LoginThrottleResponses throttled,
      ProblemResponses problems, ObjectMapper objectMapper) {
    this.throttle = throttle;
    this.throttled = throttled;
    this.problems = problems;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("POST".equals(request.getMethod()) && VERIFY.matcher(path).matches());
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
    String account = field(body, "username");
    Duration wait = throttle.blockedFor(address, account);
    if (!wait.isZero()) {
      throttled.write(request, response, wait);
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(new CachedBodyRequest(request, body), answer);
    if (answer.getStatus() == HttpStatus.OK.value()) {
      JsonNode result = parse(answer.getContentAsByteArray());
      if (result != null && result.path("authenticated").isBoolean()) {
        if (result.get("authenticated").asBoolean()) {
          throttle.succeeded(address, account);
        } else {
          throttle.failed(address, account);
        }
      }
    }
    answer.copyBodyToResponse();
  }

  private String field(byte[] body, String name) {
    JsonNode json = parse(body);
    return json == null ? "" : json.path(name).asText("");
  }

  private JsonNode parse(byte[] json) {
    try {
      return json.length == 0 ? null : objectMapper.readTree(json);
    } catch (IOException e) {
      return null; // not JSON: the REST API answers that itself
    }
  }
}
