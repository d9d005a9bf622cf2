package vn.planflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Makes what officials wrote safe to put into a Camunda Form {@code text} component, so that it
 * shows as the text it is. Tasklist's form-js inserts {@code {{value}}} into the component's
 * Markdown unescaped, renders the Markdown with raw HTML allowed, and its sanitizer keeps
 * {@code <img src>}, links and more: a title {@code <img src=x>} became a real image (issue #10).
 *
 * <p>So every ASCII character that HTML or Markdown could read as markup becomes a numeric
 * character reference ({@code &<>"'} the usual named ones): the Markdown renderer passes the
 * references through, the browser shows them as the characters. Letters, digits, Vietnamese and
 * other non-ASCII text stay as they are. Indentation at a line's start is encoded too, or four
 * spaces would make a code block, where the references would show literally. Line breaks stay:
 * the forms render them as line breaks. Control characters XML cannot carry (NUL, vertical tab …)
 * are dropped, as in the documents ({@link XmlText}).
 *
 * <p>Only for text components: {@code table} cells and input fields show values as text already
 * and would show {@code &lt;} literally.
 */
public final class FormText {

  private FormText() {
  }

  /** The value, safe to insert into a text component's Markdown; {@code null} stays {@code null}. */
  public static String escape(String value) {
    if (value == null) {
      return null;
    }
    String text = value.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append(c);
        lineStart = true;
        continue;
      }
      if (lineStart && c == ' ') {
        out.append("&#32;");
        continue;
      }
      lineStart = false;
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case ' ' -> out.append(c);
        default -> {
          if (!XmlText.allowed(c)) {
            // dropped: see XmlText
          } else if (c < 128 && !Character.isLetterOrDigit(c)) {
            out.append("&#").append((int) c).append(';');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A copy of the JSON tree with every string escaped; names, numbers and booleans unchanged. */
  public static JsonNode escape(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return JsonNodeFactory.instance.textNode(escape(node.textValue()));
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
      node.forEach(element -> copy.add(escape(element)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), escape(field.getValue()));
      }
      return copy;
    }
    return node.deepCopy();
  }
}
