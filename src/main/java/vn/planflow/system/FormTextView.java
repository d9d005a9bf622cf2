package vn.planflow.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.springframework.stereotype.Component;

/**
 * The task-local variable {@value #VARIABLE}: a copy of the task's other form variables (the plan
 * view, its title, unit names, opinions, report rows …) with every string escaped by
 * {@link FormText}. The forms' {@code text} components insert values from it, e.g.
 * {@code {{textView.plan.objectives}}}, or inside a dynamic list
 * {@code {{textView.opinions[i[1]].comment}}}; tables, conditions and input fields keep reading
 * the raw variables, so they show and submit what was written.
 */
@Component
public class FormTextView {

  public static final String VARIABLE = "textView";

  private final ObjectMapper objectMapper;

  FormTextView(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  /** After the task's form variables are set, when it is created. */
  public void update(DelegateTask task) {
    ObjectNode view = view(task.getVariablesLocalTyped(false));
    if (!view.isEmpty()) {
      task.setVariableLocal(VARIABLE, json(view));
    }
  }

  /** After some of an open task's form variables changed (a saved draft, an attached report). */
  public void update(TaskService taskService, String taskId) {
    ObjectNode view = view(taskService.getVariablesLocalTyped(taskId, false));
    if (!view.isEmpty()) {
      taskService.setVariableLocal(taskId, VARIABLE, json(view));
    }
  }

  private ObjectNode view(VariableMap variables) {
    ObjectNode view = objectMapper.createObjectNode();
    for (String name : variables.keySet()) {
      TypedValue value = variables.getValueTyped(name);
      JsonNode escaped = VARIABLE.equals(name) || value == null ? null : escaped(value);
      if (escaped != null) {
        view.set(name, escaped);
      }
    }
    return view;
  }

  /**
   * Strings and JSON values, escaped; numbers and booleans as they are; nothing else (dates, Java
   * objects: read serialized, never deserialized, and no text component inserts them).
   */
  private JsonNode escaped(TypedValue value) {
    if (value instanceof SerializableValue serialized) {
      if (!SpinValueType.JSON.equals(value.getType()) || serialized.getValueSerialized() == null) {
        return null;
      }
      try {
        return FormText.escape(objectMapper.readTree(serialized.getValueSerialized()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    Object plain = value.getValue();
    if (plain instanceof String text) {
      return objectMapper.getNodeFactory().textNode(FormText.escape(text));
    }
    if (plain instanceof Number || plain instanceof Boolean) {
      return objectMapper.valueToTree(plain);
    }
    return null;
  }

  private Object json(JsonNode view) {
    return Spin.JSON(view.toString());
  }
}
