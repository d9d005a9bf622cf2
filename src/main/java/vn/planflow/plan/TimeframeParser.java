package vn.planflow.plan;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time frame column of a plan appendix into dates. The column is free text typed by
 * officials, so the parser accepts the usual ways of writing it (case, spacing, leading zeros,
 * hyphen or en dash) and gives {@link Timeframe#UNKNOWN} for anything else instead of failing: a
 * task with an unusual time frame must still be accepted.
 */
final class TimeframeParser {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final String DASH = " ?[-–—] ?";
  private static final String YEAR = "([1-9]\\d{3})";
  private static final String SLASH_YEAR = " ?/ ?" + YEAR;
  private static final String MONTH = "0*(\\d{1,2})";
  private static final String QUARTER = "(iv|i{1,3}|[1-4])";

  private static final Pattern YEARS =
      Pattern.compile("(?:(?:giai đoạn|năm) )?" + YEAR + DASH + YEAR, FLAGS);
  private static final Pattern ONE_YEAR = Pattern.compile("năm " + YEAR, FLAGS);
  private static final Pattern EVERY_YEAR = Pattern.compile("h[àằ]ng năm", FLAGS);
  private static final Pattern MONTHS =
      Pattern.compile("tháng ?" + MONTH + DASH + MONTH + SLASH_YEAR, FLAGS);
  private static final Pattern ONE_MONTH = Pattern.compile("tháng ?" + MONTH + SLASH_YEAR, FLAGS);
  private static final Pattern QUARTERS =
      Pattern.compile("quý ?" + QUARTER + "(?:" + DASH + QUARTER + ")?" + SLASH_YEAR, FLAGS);

  private static final List<String> ROMAN_QUARTERS = List.of("i", "ii", "iii", "iv");

  private TimeframeParser() {}

  /**
   * @param text the time frame as written, e.g. {@code "Tháng 3 - 12/2025"}
   * @param planStart first day of the plan, used for {@code "Hàng năm"}
   * @param planEnd last day of the plan, used for {@code "Hàng năm"}
   * @return the dates, or {@link Timeframe#UNKNOWN} when the text cannot be read
   */
  static Timeframe parse(String text, LocalDate planStart, LocalDate planEnd) {
    if (text == null) {
      return Timeframe.UNKNOWN;
    }
    String normalized =
        Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\h\\v]+", " ").strip();
    Matcher m;
    if ((m = YEARS.matcher(normalized)).matches()) {
      return between(LocalDate.of(number(m, 1), 1, 1), LocalDate.of(number(m, 2), 12, 31));
    }
    if ((m = ONE_YEAR.matcher(normalized)).matches()) {
      return between(LocalDate.of(number(m, 1), 1, 1), LocalDate.of(number(m, 1), 12, 31));
    }
    if (EVERY_YEAR.matcher(normalized).matches()) {
      return between(planStart, planEnd);
    }
    if ((m = MONTHS.matcher(normalized)).matches()) {
      return months(number(m, 3), number(m, 1), number(m, 2));
    }
    if ((m = ONE_MONTH.matcher(normalized)).matches()) {
      return months(number(m, 2), number(m, 1), number(m, 1));
    }
    if ((m = QUARTERS.matcher(normalized)).matches()) {
      int first = quarter(m.group(1));
      int last = m.group(2) == null ? first : quarter(m.group(2));
      return months(number(m, 3), first * 3 - 2, last * 3);
    }
    return Timeframe.UNKNOWN;
  }

  private static Timeframe months(int year, int firstMonth, int lastMonth) {
    if (!isMonth(firstMonth) || !isMonth(lastMonth)) {
      return Timeframe.UNKNOWN;
    }
    return between(
        YearMonth.of(year, firstMonth).atDay(1), YearMonth.of(year, lastMonth).atEndOfMonth());
  }

  private static boolean isMonth(int month) {
    return month >= 1 && month <= 12;
  }

  private static Timeframe between(LocalDate start, LocalDate end) {
    if (start == null || end == null || start.isAfter(end)) {
      return Timeframe.UNKNOWN;
    }
    return new Timeframe(start, end);
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int quarter(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int roman = ROMAN_QUARTERS.indexOf(lower);
    return roman >= 0 ? roman + 1 : Integer.parseInt(lower);
  }
}
