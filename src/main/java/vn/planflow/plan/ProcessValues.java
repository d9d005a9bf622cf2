package vn.planflow.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads process variables the way Tasklist, the REST API and Java callers send them: a unit list
 * may arrive as a Java list, a Spin JSON node or a JSON string; a boolean as "true"; a number as
 * a string.
 */
public final class ProcessValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProcessValues() {}

  public static JsonNode json(Object value) {
    try {
      if (value == null) {
        return null;
      }
      if (value instanceof SpinJsonNode spin) {
        return JSON.readTree(spin.toString());
      }
      if (value instanceof String text) {
        return JSON.readTree(text);
      }
      return JSON.valueToTree(value);
    } catch (Exception e) {
      return null;
    }
  }

  /** A list of strings, or null when the value is none. */
  public static List<String> strings(Object value) {
    if (value instanceof Collection<?> collection) {
      List<String> result = new ArrayList<>();
      collection.forEach(item -> result.add(item == null ? null : item.toString()));
      return result;
    }
    JsonNode node = json(value);
    if (node == null || !node.isArray()) {
      return null;
    }
    return JSON.convertValue(node, new TypeReference<List<String>>() {});
  }

  public static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(text);
    }
    return null;
  }

  public static Integer integer(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    if (value instanceof String text) {
      try {
        return Integer.valueOf(text.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * What the official submitted for a variable the task's form also shows. Tasklist's submit-form
   * writes to the task; {@code complete} (Java API, Camunda REST) writes to the task's execution,
   * where the activity keeps a local variable of that name; the task's own copy is only the
   * prefilled view.
   */
  public static Object submitted(org.camunda.bpm.engine.delegate.DelegateTask task, String name) {
    Object onExecution = task.getExecution().getVariableLocal(name);
    return onExecution != null ? onExecution : task.getVariableLocal(name);
  }

  public static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
