package vn.planflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of task completion through the REST API and Tasklist ({@code …/task/{id}/complete}
 * and {@code …/submit-form}): a caller who is neither assignee nor candidate gets 403, and
 * variables that break the process's {@link CompletionRules} get 400 naming the field — before
 * the engine, which would answer both with 500. Boolean answers sent as "true"/"false" by form
 * radios are passed on as booleans. Starting a process ({@code …/process-definition/…/start} or
 * {@code …/submit-form}) is checked by the same rules.
 */
final class TaskCompletionGuard extends OncePerRequestFilter {

  private static final Pattern COMPLETION =
      Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)$");
  private static final Pattern START =
      Pattern.compile(".*/process-definition/(key/)?([^/]+)/(start|submit-form)$");

  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final EngineUser engineUser;
  private final List<CompletionRules> rules;
  private final ObjectMapper objectMapper;
  private final ProblemResponses problems;
  private final TaskVariables taskVariables;

  TaskCompletionGuard(TaskService taskService, RepositoryService repositoryService,
      EngineUser engineUser, List<CompletionRules> rules, ObjectMapper objectMapper, TaskVariables taskVariables) {
    this.taskService = taskService;
    this.taskVariables = taskVariables;
    this.repositoryService = repositoryService;
    this.engineUser = engineUser;
    this.rules = rules;
    this.objectMapper = objectMapper;
    this.problems = new ProblemResponses(objectMapper);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return !"POST".equalsIgnoreCase(request.getMethod())
        || !(COMPLETION.matcher(path).matches() || START.matcher(path).matches());
  }

  /**
   * The path as the REST servlet resolves it: decoded, without {@code ;parameters}, adjacent
   * slashes merged (the container's servlet path and path info) and without trailing slashes,
   * which Jersey ignores too. Matching the raw URI let {@code …/complete/} through unchecked.
   */
  static String path(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    int end = path.length();
    while (end > 1 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    Matcher start = START.matcher(path);
    if (start.matches()) {
      checkStart(request, response, chain, start);
      return;
    }
    Matcher matcher = COMPLETION.matcher(path);
    matcher.matches();
    String taskId = matcher.group(1);
    Caller caller = caller(request);
    if (caller == null) {
      chain.doFilter(request, response);
      return;
    }
    try {
      checkCompletion(request, response, chain, taskId, caller);
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      // Read a moment before another official's completion removed it (e.g. its identity links
      // are gone): the race is lost, nothing of this request was written.
      if (response.isCommitted() || asSystem(() -> taskService.createTaskQuery().taskId(taskId).count() > 0)) {
        throw e;
      }
      response.reset();
      problems.write(request, response, HttpStatus.CONFLICT, TaskCompletionPolicy.DONE_MEANWHILE);
    }
  }

  private void checkCompletion(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      String taskId, Caller caller) throws IOException, ServletException {
    Task task = findTask(taskId, caller);
    if (task == null) {
      boolean exists = asSystem(() -> taskService.createTaskQuery().taskId(taskId).count() > 0);
      problems.write(request, response, exists ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND, exists
          ? "Việc này không thuộc về anh/chị hoặc đơn vị của anh/chị"
          : "Không có việc '" + taskId + "' (có thể đã được hoàn thành)");
      return;
    }
    String refusal = TaskCompletionPolicy.refusal(task.getAssignee(),
        asSystem(() -> taskService.getIdentityLinksForTask(taskId)), caller.userId(), caller.groupIds());
    if (refusal != null) {
      problems.write(request, response, HttpStatus.FORBIDDEN, refusal);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    JsonNode root = body.length == 0 ? objectMapper.createObjectNode() : readOrNull(body);
    if (root == null || !root.isObject()) {
      writeBadRequest(request, response, List.of(new FieldProblem("body", "JSON không hợp lệ")));
      return;
    }
    JsonNode variables = root.path("variables");
    List<FieldProblem> malformed = shapeProblems(variables);
    if (!malformed.isEmpty()) {
      writeBadRequest(request, response, malformed);
      return;
    }
    List<FieldProblem> notAccepted = asSystem(() -> taskVariables.check(task, submitted(variables)));
    if (!notAccepted.isEmpty()) {
      writeBadRequest(request, response, notAccepted);
      return;
    }
    CompletionRules applicable = rulesFor(task);
    if (applicable != null) {
      Map<String, JsonNode> values = values(variables);
      List<FieldProblem> found = asSystem(() -> applicable.check(task, values));
      if (!found.isEmpty()) {
        writeBadRequest(request, response, found);
        return;
      }
      body = objectMapper.writeValueAsBytes(withBooleans(root, applicable));
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private void checkStart(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      Matcher start) throws IOException, ServletException {
    Caller caller = caller(request);
    byte[] body = request.getInputStream().readAllBytes();
    JsonNode root = body.length == 0 ? objectMapper.createObjectNode() : readOrNull(body);
    if (caller != null && (root == null || !root.isObject())) {
      writeBadRequest(request, response, List.of(new FieldProblem("body", "JSON không hợp lệ")));
      return;
    }
    var definition = asSystem(() -> start.group(1) != null
        ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(start.group(2)).latestVersion()
            .withoutTenantId().singleResult()
        : repositoryService.createProcessDefinitionQuery().processDefinitionId(start.group(2)).singleResult());
    String processKey = definition == null ? null : definition.getKey();
    if (caller != null && definition != null && root != null && root.isObject()) {
      List<FieldProblem> notAccepted = shapeProblems(root.path("variables"));
      if (notAccepted.isEmpty()) {
        notAccepted = asSystem(() -> taskVariables.checkStart(definition.getId(), submitted(root.path("variables"))));
      }
      if (!notAccepted.isEmpty()) {
        writeBadRequest(request, response, notAccepted);
        return;
      }
    }
    CompletionRules applicable = rules.stream().filter(r -> r.processKey().equals(processKey)).findFirst().orElse(null);
    if (caller != null && applicable != null && root != null && root.isObject()) {
      try {
        List<FieldProblem> found = asSystem(() -> applicable.checkStart(caller.userId(), values(root.path("variables"))));
        if (!found.isEmpty()) {
          writeBadRequest(request, response, found);
          return;
        }
      } catch (org.springframework.security.access.AccessDeniedException denied) {
        problems.write(request, response, HttpStatus.FORBIDDEN, denied.getMessage());
        return;
      }
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private record Caller(String userId, List<String> groupIds) {}

  private Caller caller(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (request.getRequestURI().contains("/engine-rest/")) {
      return authentication == null || !authentication.isAuthenticated()
          ? null
          : new Caller(authentication.getName(), EngineAuthenticationProvider.groupIdsOf(authentication));
    }
    UserAuthentication login = WebappSessionAuthenticationFilter.webappLogin(request);
    return login == null ? null : new Caller(login.getIdentityId(), login.getGroupIds());
  }

  /** The task if the caller may see it (queried as the caller, with their authorizations). */
  private Task findTask(String taskId, Caller caller) {
    return engineUser.as(caller.userId(), caller.groupIds(),
        () -> taskService.createTaskQuery().taskId(taskId).singleResult());
  }

  private <T> T asSystem(java.util.function.Supplier<T> work) {
    return engineUser.asSystem(work);
  }

  private CompletionRules rulesFor(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return null;
    }
    String key = asSystem(() -> repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey());
    return rules.stream().filter(r -> r.processKey().equals(key)).findFirst().orElse(null);
  }

  /** Camunda REST wants every variable as {value, type}: anything else is named, not a 500. */
  private static List<FieldProblem> shapeProblems(JsonNode variables) {
    List<FieldProblem> found = new java.util.ArrayList<>();
    if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
      found.add(new FieldProblem("variables", "phải là đối tượng JSON {tên: {value, type}}"));
      return found;
    }
    variables.fields().forEachRemaining(field -> {
      JsonNode type = field.getValue().path("type");
      if (!field.getValue().isObject() || !(type.isMissingNode() || type.isNull() || type.isTextual())) {
        found.add(new FieldProblem(field.getKey(), "phải có dạng {\"value\": …, \"type\": …}"));
      }
    });
    return found;
  }

  /** Each submitted variable with its REST type, JSON-typed values parsed. */
  private Map<String, TaskVariables.Submitted> submitted(JsonNode variables) {
    Map<String, TaskVariables.Submitted> submitted = new LinkedHashMap<>();
    Map<String, JsonNode> values = values(variables);
    Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String type = field.getValue().path("type").isTextual() ? field.getValue().path("type").asText() : null;
      submitted.put(field.getKey(), new TaskVariables.Submitted(type, values.get(field.getKey())));
    }
    return submitted;
  }

  /** Camunda REST sends {name: {value, type}}; JSON-typed values arrive as strings. */
  private Map<String, JsonNode> values(JsonNode variables) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue().path("value");
      String type = field.getValue().path("type").asText("");
      if (value.isTextual() && (type.equalsIgnoreCase("json") || type.equalsIgnoreCase("object"))) {
        JsonNode parsed = readOrNull(value.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        value = parsed == null ? value : parsed;
      }
      values.put(field.getKey(), value);
    }
    return values;
  }

  private JsonNode withBooleans(JsonNode root, CompletionRules applicable) {
    ObjectNode copy = root.deepCopy();
    JsonNode variables = copy.path("variables");
    if (variables.isObject()) {
      for (String name : applicable.booleanVariables()) {
        JsonNode variable = variables.get(name);
        if (variable instanceof ObjectNode typed && typed.path("value").isTextual()) {
          String text = typed.path("value").asText();
          if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            typed.put("value", Boolean.parseBoolean(text));
            typed.put("type", "Boolean");
          }
        }
      }
    }
    return copy;
  }

  private JsonNode readOrNull(byte[] body) {
    try {
      return objectMapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private void writeBadRequest(HttpServletRequest request, HttpServletResponse response, List<FieldProblem> found)
      throws IOException {
    var detail = ApiExceptionHandler.badRequest(found);
    detail.setInstance(java.net.URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setCharacterEncoding("UTF-8");
    response.setContentType("application/problem+json");
    objectMapper.writeValue(response.getOutputStream(), detail);
  }
}
