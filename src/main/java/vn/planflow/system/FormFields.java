package vn.planflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables a Camunda Form submits: its keyed fields at the top level (a group or dynamic
 * list with a {@code path} submits that path as one variable), each with the kind of value it
 * produces. Display components (text, tables, separators) submit nothing.
 */
record FormFields(Map<String, Kind> fields) {

  /** What a field submits. */
  enum Kind {
    /** textfield, textarea, datetime, radio and select of text values. */
    TEXT,
    /** radio or select whose values are "true"/"false": a boolean, or its text from the browser. */
    BOOLEAN_CHOICE,
    NUMBER,
    BOOLEAN,
    /** taglist, checklist: a list of texts. */
    TEXT_LIST,
    /** dynamic list or group with a path: a list or an object of the nested fields. */
    STRUCTURE,
    /** expression field: whatever it computes. */
    ANY
  }

  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "datetime", "radio", "select");

  FormFields {
    fields = Collections.unmodifiableMap(fields);
  }

  boolean allows(String name) {
    return fields.containsKey(name);
  }

  Kind kind(String name) {
    return fields.get(name);
  }

  static FormFields parse(InputStream form, ObjectMapper objectMapper) throws IOException {
    Map<String, Kind> fields = new LinkedHashMap<>();
    collect(objectMapper.readTree(form), fields);
    return new FormFields(fields);
  }

  private static void collect(JsonNode container, Map<String, Kind> fields) {
    for (JsonNode component : container.path("components")) {
      String type = component.path("type").asText();
      String path = component.path("path").asText("");
      if (!path.isEmpty()) {
        fields.put(topLevel(path), Kind.STRUCTURE);
        continue; // its fields are submitted inside the path
      }
      String key = component.path("key").asText("");
      if (!key.isEmpty()) {
        fields.put(topLevel(key), key.contains(".") ? Kind.STRUCTURE : kindOf(type, component));
      }
      if (component.has("components")) {
        collect(component, fields); // a group without a path submits its fields at the top level
      }
    }
  }

  private static String topLevel(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }

  private static Kind kindOf(String type, JsonNode component) {
    if (TEXT_TYPES.contains(type)) {
      return booleanValues(component) ? Kind.BOOLEAN_CHOICE : Kind.TEXT;
    }
    return switch (type) {
      case "number" -> Kind.NUMBER;
      case "checkbox" -> Kind.BOOLEAN;
      case "taglist", "checklist" -> Kind.TEXT_LIST;
      case "dynamiclist", "group" -> Kind.STRUCTURE;
      default -> Kind.ANY;
    };
  }

  private static boolean booleanValues(JsonNode component) {
    JsonNode values = component.path("values");
    if (!values.isArray() || values.isEmpty()) {
      return false;
    }
    for (JsonNode value : values) {
      String text = value.path("value").asText();
      if (!text.equals("true") && !text.equals("false")) {
        return false;
      }
    }
    return true;
  }
}
