package vn.planflow.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.planflow.calendar.EngineClock;
import vn.planflow.issuance.Recipients;

/** The fixed wording of administrative documents: numbers, dates, numerals. */
final class DocumentTexts {

  /** What stands in for the number and the date until the clerk fills them in. */
  static final String BLANK = "        ";

  private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");
  private static final String[] ROMAN = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
  private static final int[] ROMAN_VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};

  private DocumentTexts() {}

  /** "Số: 03/KH-UBND", or "Số:        /KH-UBND" before the document is numbered. */
  static String numberLine(String number, String abbreviation, String issuerSymbol) {
    return number == null
        ? "Số:" + BLANK + "/" + abbreviation + "-" + issuerSymbol
        : "Số: " + number;
  }

  /**
   * "Hà Nội, ngày 01 tháng 10 năm 2024": days below 10 and the months January and February take
   * a leading zero (Phụ lục I); undated, the day and month are left blank in the given year.
   */
  static String placeDate(String place, LocalDate date, int blankYear) {
    String prefix = place == null || place.isBlank() ? "" : place + ", ";
    if (date == null) {
      return prefix + "ngày" + BLANK + "tháng" + BLANK + "năm " + blankYear;
    }
    String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
    String month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
    return prefix + "ngày " + day + " tháng " + month + " năm " + date.getYear();
  }

  /** 01/10/2024. */
  static String shortDate(LocalDate date) {
    return date == null ? "" : SHORT_DATE.format(date);
  }

  /** 09 giờ 30 phút, ngày 01/10/2024 (Asia/Ho_Chi_Minh). */
  static String time(OffsetDateTime time) {
    return time == null ? "" : TIME.format(time.atZoneSameInstant(EngineClock.VIETNAM));
  }

  static String roman(int number) {
    StringBuilder text = new StringBuilder();
    int rest = number;
    for (int i = 0; i < ROMAN.length; i++) {
      while (rest >= ROMAN_VALUES[i]) {
        text.append(ROMAN[i]);
        rest -= ROMAN_VALUES[i];
      }
    }
    return text.toString();
  }

  /** The value of a leading Roman numeral ("IV. TỔ CHỨC THỰC HIỆN" gives 4), or 0. */
  static int leadingRoman(String heading) {
    var matcher = java.util.regex.Pattern.compile("^\\s*([IVXLC]+)\\s*[.)]\\s*").matcher(heading == null ? "" : heading);
    if (!matcher.find()) {
      return 0;
    }
    String numeral = matcher.group(1);
    int value = 0;
    int i = 0;
    for (int r = 0; r < ROMAN.length && i < numeral.length(); r++) {
      while (numeral.startsWith(ROMAN[r], i)) {
        value += ROMAN_VALUES[r];
        i += ROMAN[r].length();
      }
    }
    return i == numeral.length() ? value : 0;
  }

  /** The heading without its numeral: "TỔ CHỨC THỰC HIỆN" for "IV. TỔ CHỨC THỰC HIỆN". */
  static String withoutNumeral(String heading) {
    return heading == null ? "" : heading.replaceFirst("^\\s*[IVXLC]+\\s*[.)]\\s*", "").strip();
  }

  /**
   * The trích yếu under the document type: the title without the type's own name ("Kế hoạch
   * thực hiện …" gives "Thực hiện …"; "Về việc …" stays).
   */
  static String subject(String title, String typeName) {
    String text = title == null ? "" : title.strip();
    if (text.length() > typeName.length() && text.regionMatches(true, 0, typeName, 0, typeName.length())
        && Character.isWhitespace(text.charAt(typeName.length()))) {
      String rest = text.substring(typeName.length()).strip();
      return rest.isEmpty() ? text : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }
    return text;
  }

  /** The text's lines without blank ones, each stripped of trailing spaces. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    if (text == null) {
      return lines;
    }
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        lines.add(line.stripTrailing());
      }
    }
    return lines;
  }

  /** A line such as "1. Sở Công Thương (cơ quan chủ trì)": numbered, short, not a sentence. */
  static boolean isSubheading(String line) {
    String text = line.strip();
    return text.matches("^\\d+\\.\\s+\\S.*") && text.length() <= 200
        && !text.endsWith(".") && !text.endsWith(";") && !text.endsWith(",");
  }

  /** The Nơi nhận lines as Phụ lục I writes them ({@link Recipients}); {@code archive} when no "Lưu:". */
  static List<String> recipients(List<String> given, String archive) {
    return Recipients.parse(given, archive).printed();
  }

  /** "4.1", "2.3.1": a drafter's outline number, printed as part of the text (unlike "T1"). */
  static boolean isOutlineNumber(String code) {
    return code != null && code.strip().matches("\\d+(\\.\\d+)+\\.?");
  }

  /** "15/6" for "06-15". */
  static String dayMonth(String monthDay) {
    String[] parts = monthDay.strip().split("-");
    if (parts.length != 2) {
      return monthDay;
    }
    try {
      return Integer.parseInt(parts[1]) + "/" + Integer.parseInt(parts[0]);
    } catch (NumberFormatException e) {
      return monthDay;
    }
  }
}
