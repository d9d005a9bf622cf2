package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The 429 answer to a throttled login, the same on every login path. */
final class LoginThrottleResponses {

  private final ObjectMapper objectMapper;

  LoginThrottleResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  static String message(Duration retryAfter) {
    return "Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau "
        + retryAfterSeconds(retryAfter) + " giây.";
  }

  /** Whole seconds, rounded up: "Retry-After: 0" would invite an immediate, refused retry. */
  static long retryAfterSeconds(Duration retryAfter) {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  /**
   * problem+json as everywhere in planflow, plus {@code message}: the Camunda webapps' login page
   * shows {@code message} of an error response, so the official reads why and for how long.
   */
  void write(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
    problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
    problem.put("detail", message(retryAfter));
    problem.put("instance", request.getRequestURI());
    problem.put("message", message(retryAfter));
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(retryAfter)));
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
