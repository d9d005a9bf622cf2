package vn.planflow.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import vn.planflow.calendar.EngineClock;
import vn.planflow.plan.ProcessValues;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.InvalidRequestException;

/**
 * A request for an ad-hoc report (CONTRACT §5, {@code POST /api/plans/{code}/adhoc-reports}, message
 * {@code AdHocReportRequested}): its title, its due date — due at 00:00 of that day like every
 * period ("trước ngày …") — and the units that must report (null: the plan's reporting units).
 */
public record AdHocRequest(String title, LocalDate dueDate, List<String> units) {

  public static final String TITLE = "title";
  public static final String DUE_DATE = "dueDate";
  public static final String UNITS = "units";
  /** Who asked, when the request is correlated by planflow on the official's behalf. */
  public static final String REQUESTED_BY = "requestedBy";
  static final int MAX_TITLE = 500;
  /** Every commune of the country may be asked at once. */
  static final int MAX_UNITS = 5000;

  /**
   * Reads the message's variables as the engine REST API or planflow sends them: the due date as
   * {@code yyyy-MM-dd} text or a date, the units as a list, a JSON array or comma-separated text.
   */
  static AdHocRequest of(Object title, Object dueDate, Object units) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate due = null;
    if (dueDate instanceof Date date) {
      due = date.toInstant().atZone(EngineClock.VIETNAM).toLocalDate();
    } else if (dueDate != null && !ProcessValues.text(dueDate).isBlank()) {
      try {
        due = LocalDate.parse(ProcessValues.text(dueDate).trim());
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem(DUE_DATE, "ngày không hợp lệ, cần dạng yyyy-MM-dd"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new AdHocRequest(title == null ? null : ProcessValues.text(title), due, unitCodes(units));
  }

  private static List<String> unitCodes(Object units) {
    if (units == null) {
      return null;
    }
    if (units instanceof Collection<?> list) {
      return list.stream().map(u -> u == null ? null : u.toString()).toList();
    }
    JsonNode json = ProcessValues.json(units);
    if (json != null && json.isArray()) {
      List<String> codes = new ArrayList<>();
      json.forEach(node -> codes.add(node.isNull() ? null : node.asText()));
      return codes;
    }
    String text = ProcessValues.text(units).trim();
    return text.isEmpty() ? List.of() : Arrays.stream(text.split("[,;]")).map(String::trim).toList();
  }

  /** What is wrong with the request itself (the units are checked against the organization elsewhere). */
  List<FieldProblem> problems(LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (title == null || title.isBlank()) {
      problems.add(new FieldProblem(TITLE, "cần tiêu đề của báo cáo đột xuất"));
    } else {
      vn.planflow.system.TextRules.optional(problems, TITLE, title, MAX_TITLE, "tiêu đề");
    }
    if (dueDate == null) {
      problems.add(new FieldProblem(DUE_DATE, "cần hạn gửi báo cáo (yyyy-MM-dd)"));
    } else if (!vn.planflow.system.TextRules.date(problems, DUE_DATE, dueDate)) {
      // out of range: already said
    } else if (!dueDate.isAfter(today)) {
      problems.add(new FieldProblem(DUE_DATE, "hạn gửi phải sau hôm nay (báo cáo gửi trước 00:00 ngày hạn)"));
    }
    if (units != null && units.isEmpty()) {
      problems.add(new FieldProblem(UNITS, "chọn ít nhất một đơn vị báo cáo (hoặc bỏ trống để giao các đơn vị chủ trì)"));
    }
    return problems;
  }

  static LocalDate today(java.time.Clock clock) {
    return LocalDate.now(clock.withZone(EngineClock.VIETNAM));
  }
}
