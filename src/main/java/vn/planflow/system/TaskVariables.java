package vn.planflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Which variables completing a task may set: exactly the fields of the task's form, each with
 * the kind of value that field produces. The engine itself sets any variable a caller sends, so
 * without this a committee member could complete her vote slip with {@code signer} and become
 * the signer, or a consulted unit could set {@code leadUnit}. Variables that decide routing or
 * authority are set only by the step whose form has them. Applied to every way of completing:
 * Tasklist's submit-form and Camunda REST ({@link TaskCompletionGuard}, answering 400 with the
 * variable named), {@code /api/tasks} ({@link TaskController}) and, as the last line, the
 * engine's own task and form services ({@link VariableCheckingServices}).
 */
@Component
public class TaskVariables {

  /** Camunda REST value types a form can produce; Object, File, Bytes and Date are refused. */
  private static final Set<String> REST_TYPES =
      Set.of("string", "boolean", "integer", "long", "short", "double", "json", "null");

  /** Characters of a text variable: the engine's {@code TEXT_} column. */
  static final int MAX_TEXT = 4000;

  private final FormService formService;
  private final EngineUser engineUser;
  private final ObjectMapper objectMapper;
  private final Map<String, Optional<FormFields>> forms = new ConcurrentHashMap<>();

  TaskVariables(@Lazy FormService formService, EngineUser engineUser, ObjectMapper objectMapper) {
    this.formService = formService;
    this.engineUser = engineUser;
    this.objectMapper = objectMapper;
  }

  /** A submitted value: its Camunda REST type (null for plain JSON) and the value as JSON. */
  public record Submitted(String type, JsonNode value) {}

  /** What is wrong with completing this task with these variables; empty when nothing is. */
  public List<FieldProblem> check(Task task, Map<String, Submitted> variables) {
    if (variables.isEmpty()) {
      return List.of();
    }
    return check(taskForm(task), variables);
  }

  /** The same for starting a process through its start form. */
  public List<FieldProblem> checkStart(String processDefinitionId, Map<String, Submitted> variables) {
    if (variables.isEmpty()) {
      return List.of();
    }
    FormFields fields = forms.computeIfAbsent("start:" + processDefinitionId,
        key -> load(() -> formService.getDeployedStartForm(processDefinitionId))).orElse(null);
    return check(fields, variables);
  }

  /** Only the names: the engine-side check, where values are Java objects, not JSON. */
  List<FieldProblem> checkNames(Task task, Set<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    FormFields fields = taskForm(task);
    List<FieldProblem> problems = new ArrayList<>();
    for (String name : names) {
      if (fields == null || !fields.allows(name)) {
        problems.add(notInForm(name, fields));
      }
    }
    return problems;
  }

  private FormFields taskForm(Task task) {
    return forms.computeIfAbsent(task.getProcessDefinitionId() + ":" + task.getTaskDefinitionKey(),
        key -> load(() -> formService.getDeployedTaskForm(task.getId()))).orElse(null);
  }

  private List<FieldProblem> check(FormFields fields, Map<String, Submitted> variables) {
    List<FieldProblem> problems = new ArrayList<>();
    variables.forEach((name, submitted) -> {
      if (fields == null || !fields.allows(name)) {
        problems.add(notInForm(name, fields));
        return;
      }
      String type = submitted.type();
      if (type != null && !type.isBlank() && !REST_TYPES.contains(type.toLowerCase())) {
        problems.add(new FieldProblem(name, "kiểu dữ liệu '" + type + "' không được nhận"));
        return;
      }
      String wrong = wrongValue(fields.kind(name), submitted.value());
      if (wrong == null) {
        wrong = wrongText(type, submitted.value());
      }
      if (wrong != null) {
        problems.add(new FieldProblem(name, wrong));
      }
    });
    return problems;
  }

  private static FieldProblem notInForm(String name, FormFields fields) {
    String allowed = fields == null || fields.fields().isEmpty()
        ? "việc này không nhận biến nào"
        : "chỉ nhận: " + String.join(", ", fields.fields().keySet());
    return new FieldProblem(name, "không có trong biểu mẫu của việc này (" + allowed + ")");
  }

  /** Why the value does not fit the field, or null when it does. */
  private static String wrongValue(FormFields.Kind kind, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return switch (kind) {
      case TEXT -> value.isTextual() ? null : "phải là chuỗi ký tự";
      case BOOLEAN, BOOLEAN_CHOICE -> value.isBoolean() || isBooleanText(value) ? null : "phải là true hoặc false";
      case NUMBER -> value.isNumber() || isNumberText(value) ? null : "phải là một số";
      case TEXT_LIST -> isTextList(value) ? null : "phải là danh sách chuỗi ký tự";
      case STRUCTURE -> value.isArray() || value.isObject() ? null : "phải là danh sách hoặc đối tượng JSON";
      case ANY -> null;
    };
  }

  /**
   * Why the texts in the value cannot be stored, or null: the engine keeps a text variable in a
   * column of {@value #MAX_TEXT} characters (longer is a database error, not an answer), and no
   * text may hold control characters ({@link TextRules#badCharacter}), inside lists and
   * structures too.
   */
  private String wrongText(String type, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    boolean json = type != null && type.equalsIgnoreCase("json");
    if (json && value.isTextual()) {
      try {
        return badText(objectMapper.readTree(value.asText()));
      } catch (IOException notJson) {
        return "không phải JSON hợp lệ";
      }
    }
    if (value.isTextual() && value.asText().length() > MAX_TEXT) {
      return "dài quá " + MAX_TEXT + " ký tự";
    }
    return badText(value);
  }

  private static String badText(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return TextRules.badCharacter(node.asText());
    }
    for (JsonNode child : node) {
      String bad = badText(child);
      if (bad != null) {
        return bad;
      }
    }
    if (node.isObject()) {
      for (var names = node.fieldNames(); names.hasNext(); ) {
        String bad = TextRules.badCharacter(names.next());
        if (bad != null) {
          return "tên trường " + bad;
        }
      }
    }
    return null;
  }

  private static boolean isBooleanText(JsonNode value) {
    return value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"));
  }

  private static boolean isNumberText(JsonNode value) {
    if (!value.isTextual()) {
      return false;
    }
    String text = value.asText().trim();
    if (text.isEmpty()) {
      return true;
    }
    try {
      Double.parseDouble(text);
      return text.length() <= 30;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isTextList(JsonNode value) {
    if (!value.isArray()) {
      return false;
    }
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private interface FormSource {
    InputStream open();
  }

  /** The deployed form, read as the system (the caller's right to the task is checked apart). */
  private Optional<FormFields> load(FormSource source) {
    return engineUser.asSystem(() -> {
      try (InputStream form = source.open()) {
        return Optional.of(FormFields.parse(form, objectMapper));
      } catch (ProcessEngineException | IOException noCamundaForm) {
        return Optional.<FormFields>empty(); // no deployed Camunda Form: no variables accepted
      }
    });
  }
}
