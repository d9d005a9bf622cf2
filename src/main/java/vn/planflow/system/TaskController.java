package vn.planflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tasks/{id}/complete} with plain JSON values ({@code {"approved": true}}): the
 * same checks as completion through Camunda REST, for integrators who prefer planflow's API.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final List<CompletionRules> rules;
  private final ObjectMapper objectMapper;
  private final EngineUser engineUser;
  private final TaskVariables taskVariables;

  TaskController(TaskService taskService, RepositoryService repositoryService, List<CompletionRules> rules,
      ObjectMapper objectMapper, EngineUser engineUser, TaskVariables taskVariables) {
    this.engineUser = engineUser;
    this.taskVariables = taskVariables;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.rules = rules;
    this.objectMapper = objectMapper;
  }

  private boolean existsAtAll(String id) {
    return engineUser.asSystem(() -> taskService.createTaskQuery().taskId(id).count() > 0);
  }

  @PostMapping("/{id}/complete")
  ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body,
      Authentication caller) {
    try {
      completeAs(caller, id, body == null ? Map.of() : body);
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      if (!(e instanceof org.camunda.bpm.engine.BadUserRequestException) && !existsAtAll(id)) {
        // Another official completed it between our reads and our commit; nothing of ours was written.
        throw new ConflictException(TaskCompletionPolicy.DONE_MEANWHILE);
      }
      throw e;
    }
    return ResponseEntity.noContent().build();
  }

  private void completeAs(Authentication caller, String id, Map<String, Object> body) {
    // Runs as the caller inside the engine: a task they may not see is someone else's (403);
    // one that does not exist at all is a 404.
    Task task = taskService.createTaskQuery().taskId(id).singleResult();
    if (task == null) {
      if (existsAtAll(id)) {
        throw new AccessDeniedException("Việc này không thuộc về anh/chị hoặc đơn vị của anh/chị");
      }
      throw new NotFoundException("Không có việc '" + id + "'");
    }
    String refusal = TaskCompletionPolicy.refusal(task.getAssignee(), taskService.getIdentityLinksForTask(id),
        caller.getName(), EngineAuthenticationProvider.groupIdsOf(caller));
    if (refusal != null) {
      throw new AccessDeniedException(refusal);
    }
    Map<String, Object> variables = new LinkedHashMap<>(body);
    Map<String, JsonNode> values = new LinkedHashMap<>();
    variables.forEach((name, value) -> values.put(name, objectMapper.valueToTree(value)));
    Map<String, TaskVariables.Submitted> submitted = new LinkedHashMap<>();
    values.forEach((name, value) -> submitted.put(name, new TaskVariables.Submitted(null, value)));
    List<FieldProblem> notAccepted = engineUser.asSystem(() -> taskVariables.check(task, submitted));
    if (!notAccepted.isEmpty()) {
      throw new InvalidRequestException(notAccepted);
    }
    String processKey = task.getProcessDefinitionId() == null ? null
        : engineUser.asSystem(() -> repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey());
    for (CompletionRules applicable : rules) {
      if (!applicable.processKey().equals(processKey)) {
        continue;
      }
      // The rules read the process as the system, as on the REST path: an official completing
      // her report may not read the whole process instance, and need not.
      List<FieldProblem> problems = engineUser.asSystem(() -> applicable.check(task, values));
      if (!problems.isEmpty()) {
        throw new InvalidRequestException(problems);
      }
      for (String name : applicable.booleanVariables()) {
        if (variables.get(name) instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
          variables.put(name, Boolean.valueOf(text));
        }
      }
    }
    taskService.complete(id, variables);
  }
}
