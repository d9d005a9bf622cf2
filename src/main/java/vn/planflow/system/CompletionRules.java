package vn.planflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;

/**
 * What a process requires of the variables that complete its user tasks. Each process that
 * needs checks provides one; {@link TaskCompletionGuard} applies it to every completion through
 * the REST API, Tasklist and {@code /api/tasks}, so that bad input is a 400 naming the field
 * instead of an engine error.
 */
public interface CompletionRules {

  /** The process definition key these rules are for. */
  String processKey();

  /**
   * @param task the task being completed
   * @param values the submitted variables, as JSON values (strings, numbers, booleans, arrays)
   * @return the problems, empty when the completion may go ahead
   */
  List<FieldProblem> check(Task task, Map<String, JsonNode> values);

  /** Variables that are booleans, so that "true"/"false" from form radios become booleans. */
  Set<String> booleanVariables();

  /**
   * What starting the process with these variables (Tasklist's start form, or the REST start)
   * would break; may throw {@link org.springframework.security.access.AccessDeniedException}
   * when the user may not start it at all.
   */
  default List<FieldProblem> checkStart(String userId, Map<String, JsonNode> values) {
    return List.of();
  }
}
