package vn.planflow.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a translated webapp locale file with the shipped English one: the same keys at the same
 * places, and in every text the same placeholders ({@code {{ name }}}, {@code {}}, {@code %s},
 * {@code %d}), HTML tags and character entities, which the webapps fill in or render.
 */
final class LocaleComparison {

  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\{\\{[^}]*}}|\\{}|%[sd]|</?(?:a|br|strong|em|b|i|code|span|p|ul|li|div)\\b[^>]*>|&[a-zA-Z]+;|&#\\d+;",
          Pattern.CASE_INSENSITIVE);

  private LocaleComparison() {}

  /** Every difference, one line each, naming the key path; empty when the translation is complete. */
  static List<String> problems(JsonNode english, JsonNode translated) {
    List<String> problems = new ArrayList<>();
    compare("", english, translated, problems);
    return problems;
  }

  private static void compare(String path, JsonNode english, JsonNode translated, List<String> problems) {
    if (english.isObject()) {
      if (!translated.isObject()) {
        problems.add(path + ": should be an object like in en.json");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = english.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = join(path, field.getKey());
        JsonNode value = translated.get(field.getKey());
        if (value == null) {
          problems.add(child + ": missing (en: " + field.getValue() + ")");
        } else {
          compare(child, field.getValue(), value, problems);
        }
      }
      for (Iterator<String> names = translated.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!english.has(name)) {
          problems.add(join(path, name) + ": not in en.json");
        }
      }
    } else if (english.isArray()) {
      if (!translated.isArray() || translated.size() != english.size()) {
        problems.add(path + ": should be an array of " + english.size() + " like in en.json");
        return;
      }
      for (int i = 0; i < english.size(); i++) {
        compare(path + "[" + i + "]", english.get(i), translated.get(i), problems);
      }
    } else if (english.isTextual()) {
      if (!translated.isTextual()) {
        problems.add(path + ": should be text like in en.json");
        return;
      }
      List<String> expected = placeholders(english.textValue());
      List<String> actual = placeholders(translated.textValue());
      if (!expected.equals(actual)) {
        problems.add(path + ": placeholders " + expected + " in en.json but " + actual + " in " + quote(translated));
      }
    } else if (!english.equals(translated)) {
      problems.add(path + ": should be " + english + " like in en.json, is " + translated);
    }
  }

  static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    found.sort(null);
    return found;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String quote(JsonNode text) {
    return "\"" + text.textValue() + "\"";
  }
}
