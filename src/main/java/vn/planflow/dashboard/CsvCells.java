package vn.planflow.dashboard;

/**
 * A cell of a CSV file that officials open in Excel. Excel runs a cell that begins with
 * {@code = + - @} (or a tab or carriage return before one) as a formula, so text an official wrote,
 * say a step's comment {@code =HYPERLINK("http://…")}, could act when the audit log is opened.
 * As OWASP recommends, such a cell is prefixed with {@code '}: Excel then shows it as text.
 */
final class CsvCells {

  private CsvCells() {
  }

  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + value
        : value;
  }
}
