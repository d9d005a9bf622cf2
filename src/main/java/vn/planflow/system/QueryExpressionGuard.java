package vn.planflow.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects task and filter queries that carry expressions ({@code assigneeExpression},
 * {@code dueBeforeExpression}, …) with a 400, at any depth of the body, because the engine does
 * not check the {@code orQueries} of a task query (reported, unpatched in CE) and an expression
 * can call any Spring bean. Covers the REST API and the webapps' copy of it that Tasklist uses.
 */
final class QueryExpressionGuard extends OncePerRequestFilter {

  private static final String EXPRESSION_SUFFIX = "Expression";
  /** Payload maps whose keys are variable names chosen by users, not query fields. */
  private static final Set<String> PAYLOAD_KEYS = Set.of("variables", "modifications", "localVariables");
  private static final int MAX_INSPECTED_BODY = 10 * 1024 * 1024;

  private final ObjectMapper objectMapper;
  private final ProblemResponses problems;

  QueryExpressionGuard(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
    this.problems = new ProblemResponses(objectMapper);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.contains("/task") || path.contains("/filter"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (String parameter : request.getParameterMap().keySet()) {
      if (parameter.endsWith(EXPRESSION_SUFFIX)) {
        reject(request, response, parameter);
        return;
      }
    }
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase().contains("json")) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
    if (body.length > MAX_INSPECTED_BODY) {
      problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Nội dung yêu cầu quá lớn");
      return;
    }
    if (body.length > 0) {
      String field;
      try {
        field = expressionField(objectMapper.readTree(body), "");
      } catch (JsonProcessingException e) {
        field = null; // not JSON after all: the REST API answers that itself
      }
      if (field != null) {
        reject(request, response, field);
        return;
      }
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** The path of the first field whose name ends in "Expression", or null. */
  static String expressionField(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (field.getKey().endsWith(EXPRESSION_SUFFIX)) {
          return fieldPath;
        }
        if (PAYLOAD_KEYS.contains(field.getKey())) {
          continue;
        }
        String nested = expressionField(field.getValue(), fieldPath);
        if (nested != null) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String nested = expressionField(node.get(i), path + "[" + i + "]");
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private void reject(HttpServletRequest request, HttpServletResponse response, String field)
      throws IOException {
    problems.write(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        field + ": truy vấn không được chứa biểu thức (expression)");
  }
}
