package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 (not 500) when a request to {@code /api} or {@code /engine-rest} fails because the
 * database is unreachable. Runs before Spring Security because HTTP Basic itself needs the
 * database (the password is checked in Camunda identity): with the database down, that check is
 * where most requests fail.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  private final ObjectMapper objectMapper;

  DatabaseUnavailableFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.isCauseOf(e) || response.isCommitted()) {
        throw e;
      }
      // One line, not the stack trace: every request fails the same way until the database is back.
      LOG.warn("{} {}: database unreachable, answered 503 ({})", request.getMethod(), request.getRequestURI(),
          rootMessage(e));
      response.reset();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write(DatabaseUnavailable.json(objectMapper, request.getRequestURI()));
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
