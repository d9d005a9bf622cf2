package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every value a form's {@code text} component inserts comes from the escaped
 * {@link FormTextView} copy, so user text shows as text (issue #10). Left raw: the document
 * addresses (links need them as they are), the validated plan code (also as {@code parent.planCode}
 * inside a loop, for an attachment's download link), list positions, and
 * {@code {{#if}}} conditions, which insert nothing.
 */
class FormTextTemplatesTest {

  private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)\\}\\}", Pattern.DOTALL);
  private static final Pattern PATH = Pattern.compile("[A-Za-z_]\\w*(\\.\\w+)*");
  private static final Pattern RAW = Pattern.compile("\\w+Url|(parent\\.)?planCode|i\\[\\d\\]");
  /** What an expression adds to its text: a literal, a date cut out of a value, or an escaped value. */
  private static final Pattern CONCATENATED = Pattern.compile("\\+\\s*\\(?\\s*([^\\s(]+)");

  @Test
  void textComponentsInsertOnlyEscapedValues() throws IOException {
    List<String> problems = new ArrayList<>();
    int insertions = 0;
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        List<String[]> texts = new ArrayList<>();
        collect(new ObjectMapper().readTree(form.toFile()), false, texts);
        for (String[] text : texts) {
          Matcher tag = TAG.matcher(text[1]);
          while (tag.find()) {
            String inner = tag.group(1).strip();
            if (inner.startsWith("#if") || inner.startsWith("/")) {
              continue;
            }
            insertions++;
            String problem = problem(inner, text[0] != null);
            if (problem != null) {
              problems.add(form.getFileName() + ": {{" + inner + "}} " + problem);
            }
          }
        }
      }
    }
    assertThat(insertions).isGreaterThan(100);
    assertThat(problems).isEmpty();
  }

  private static String problem(String inner, boolean inDynamicList) {
    if (inner.startsWith("#loop ")) {
      return inner.substring(6).strip().startsWith(FormTextView.VARIABLE + ".") ? null : "loops over raw values";
    }
    if (RAW.matcher(inner).matches() || inner.startsWith(FormTextView.VARIABLE + ".")) {
      return null;
    }
    if ((inner.equals("this") || inner.startsWith("this.")) && !inDynamicList) {
      // an item of a {{#loop}}, whose source is checked above (in a dynamic list "this" is the raw row)
      return null;
    }
    if (PATH.matcher(inner).matches()) {
      return "inserts a raw value";
    }
    Matcher added = CONCATENATED.matcher(inner);
    while (added.find()) {
      String operand = added.group(1);
      if (!operand.startsWith("\"") && !operand.equals("substring") && !operand.equals("replace")
          && !operand.startsWith(FormTextView.VARIABLE + ".") && !operand.startsWith("if")) {
        return "adds a raw value: " + operand;
      }
    }
    return null;
  }

  /** Each text with whether it is in a dynamic list (there "this" is the submitted row, not escaped). */
  private static void collect(JsonNode component, boolean inDynamicList, List<String[]> texts) {
    String type = component.path("type").asText();
    if ("text".equals(type)) {
      texts.add(new String[] {inDynamicList ? "list" : null, component.path("text").asText()});
    }
    boolean list = inDynamicList || "dynamiclist".equals(type);
    component.path("components").forEach(child -> collect(child, list, texts));
  }
}
