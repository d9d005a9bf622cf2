package vn.planflow.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What every text, number and date planflow stores must satisfy: no longer than its column, no
 * control characters (PostgreSQL refuses NUL; the others break documents and e-mails), numbers
 * that fit {@code numeric(19, 4)}, dates in a range a plan can have. Validators call these so that
 * a bad value is a 400 naming its field instead of a database error.
 */
public final class TextRules {

  public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
  /** {@code numeric(19, 4)}: 15 digits before the point. */
  private static final BigDecimal NUMERIC_LIMIT = new BigDecimal("1e15");

  private TextRules() {}

  /**
   * The first character a text must not hold, described for the user, or null when there is none:
   * C0 and C1 control characters except tab and line breaks, and unpaired surrogates (invalid in
   * UTF-8, so unstorable in PostgreSQL).
   */
  public static String badCharacter(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\uFFFE' || c == '\uFFFF') {
        return "chứa ký tự điều khiển không được phép (U+" + String.format("%04X", (int) c) + ") ở vị trí " + (i + 1);
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "chứa ký tự Unicode không hợp lệ ở vị trí " + (i + 1);
      }
    }
    return null;
  }

  /**
   * Checks an optional text: at most {@code max} characters, no control characters.
   *
   * @return whether the value is acceptable (null is)
   */
  public static boolean optional(List<FieldProblem> problems, String field, String value, int max, String what) {
    if (value == null) {
      return true;
    }
    if (value.length() > max) {
      problems.add(new FieldProblem(field, what + " dài quá " + max + " ký tự"));
      return false;
    }
    String bad = badCharacter(value);
    if (bad != null) {
      problems.add(new FieldProblem(field, what + " " + bad));
      return false;
    }
    return true;
  }

  /** Checks a required text: present and not blank, then as {@link #optional}. */
  public static boolean required(List<FieldProblem> problems, String field, String value, int max, String what) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "thiếu " + what));
      return false;
    }
    return optional(problems, field, value, max, what);
  }

  /** A list no longer than {@code max} entries (null is an empty list). */
  public static boolean count(List<FieldProblem> problems, String field, List<?> list, int max, String what) {
    if (list != null && list.size() > max) {
      problems.add(new FieldProblem(field, "có " + list.size() + " " + what + ", tối đa " + max));
      return false;
    }
    return true;
  }

  /** A date between {@link #EARLIEST} and {@link #LATEST} (null is left to the caller). */
  public static boolean date(List<FieldProblem> problems, String field, LocalDate value) {
    if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
      problems.add(new FieldProblem(field, "ngày " + value + " nằm ngoài khoảng " + EARLIEST + " – " + LATEST));
      return false;
    }
    return true;
  }

  /** A number that fits {@code numeric(19, 4)}: below 10^15 in size, at most 4 decimals. */
  public static boolean number(List<FieldProblem> problems, String field, BigDecimal value) {
    if (value == null) {
      return true;
    }
    if (value.abs().compareTo(NUMERIC_LIMIT) >= 0 || value.stripTrailingZeros().scale() > 4) {
      problems.add(new FieldProblem(field, "số phải nhỏ hơn 10^15 và có tối đa 4 chữ số thập phân"));
      return false;
    }
    return true;
  }

  /** A value quoted in a message, cut short: a refusal never echoes a megabyte back. */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return value.length() <= 80 ? value : value.substring(0, 77) + "…";
  }
}
