package vn.planflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The start form of {@code plan-approval} in Tasklist picks the issuer and the lead unit by name
 * among the starting official's own units. Tasklist 7.24 loads a Camunda Forms start form from
 * {@code …/process-definition/{id}/deployed-start-form} and fetches no variables for it, so the
 * options go into the form itself: every {@code select} whose {@code valuesKey} is
 * {@code issuerOptions} or {@code leadUnitOptions} gets that official's options as its
 * {@code values} (and the only one as its default). The completion rules still check the values.
 */
final class StartFormOptionsFilter extends OncePerRequestFilter {

  private static final Pattern START_FORM =
      Pattern.compile("^/camunda/api/engine/engine/([^/]+)/process-definition/([^/]+)/deployed-start-form$");

  private final PlanStartOptions options;
  private final ObjectMapper objectMapper;

  StartFormOptionsFilter(PlanStartOptions options, ObjectMapper objectMapper) {
    this.options = options;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    Matcher matcher = START_FORM.matcher(request.getRequestURI());
    return !"GET".equals(request.getMethod()) || !matcher.matches()
        || !java.net.URLDecoder.decode(matcher.group(2), java.nio.charset.StandardCharsets.UTF_8)
            .startsWith(PlanApproval.PROCESS + ":");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    byte[] body = wrapper.getContentAsByteArray();
    String user = webappUser(request, START_FORM.matcher(request.getRequestURI()));
    if (wrapper.getStatus() != HttpServletResponse.SC_OK || user == null) {
      wrapper.copyBodyToResponse();
      return;
    }
    byte[] filled;
    try {
      filled = fill(body, options.forOfficial(user));
    } catch (IOException notAForm) {
      wrapper.copyBodyToResponse();
      return;
    }
    response.setContentLength(filled.length);
    response.getOutputStream().write(filled);
  }

  private static String webappUser(HttpServletRequest request, Matcher matcher) {
    HttpSession session = request.getSession(false);
    if (session == null || !matcher.matches()) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null
        ? null
        : authentications.getAuthenticationForProcessEngine(matcher.group(1));
    return authentication instanceof UserAuthentication official ? official.getName() : null;
  }

  byte[] fill(byte[] form, Map<String, List<PlanStartOptions.Option>> values) throws IOException {
    JsonNode schema = objectMapper.readTree(form);
    if (!(schema instanceof ObjectNode) || !schema.path("components").isArray()) {
      throw new IOException("not a Camunda Form");
    }
    for (JsonNode component : schema.get("components")) {
      String key = component.path("valuesKey").asText(null);
      if (component instanceof ObjectNode select && key != null && values.containsKey(key)) {
        List<PlanStartOptions.Option> choices = values.get(key);
        ArrayNode static_ = select.putArray("values");
        choices.forEach(choice -> static_.addObject().put("label", choice.label()).put("value", choice.value()));
        select.remove("valuesKey");
        if (choices.size() == 1) {
          select.put("defaultValue", choices.get(0).value());
        }
      }
    }
    return objectMapper.writeValueAsBytes(schema);
  }
}
