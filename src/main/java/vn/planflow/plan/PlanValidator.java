package vn.planflow.plan;

import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.UnitKind;
import vn.planflow.plan.PlanRequest.TargetData;
import vn.planflow.plan.PlanRequest.TaskData;
import vn.planflow.system.FieldProblem;

/** Checks a whole {@link PlanRequest} so that a bad one is a 400 naming every bad field. */
final class PlanValidator {

  static final Pattern PLAN_CODE = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,78}[A-Za-z0-9])?");
  /** What a unit reference looks like; an entry of this shape must name an imported unit. */
  static final Pattern UNIT_CODE = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("MM-dd");

  private final UnitDirectory units;
  private final List<FieldProblem> problems = new ArrayList<>();

  PlanValidator(UnitDirectory units) {
    this.units = units;
  }

  List<FieldProblem> validate(PlanRequest plan) {
    if (plan == null) {
      problems.add(new FieldProblem("body", "thiếu nội dung kế hoạch"));
      return problems;
    }
    if (plan.code() == null || plan.code().isBlank()) {
      problem("code", "thiếu mã kế hoạch");
    } else if (!PLAN_CODE.matcher(plan.code()).matches()) {
      problem("code", "mã kế hoạch '" + plan.code() + "' chỉ gồm chữ không dấu, chữ số, '.', '-' và '_' (tối đa 80 ký tự)");
    }
    text("title", plan.title(), 2000, "tên kế hoạch");
    OrgUnit issuer = unit("issuer", plan.issuer(), "cơ quan ban hành");
    if (issuer != null && issuer.getKind() != UnitKind.PEOPLES_COMMITTEE) {
      problem("issuer", "'" + plan.issuer() + "' không phải là UBND (PEOPLES_COMMITTEE)");
    }
    unit("leadUnit", plan.leadUnit(), "đơn vị chủ trì");
    if (plan.periodStart() == null) {
      problem("periodStart", "thiếu ngày bắt đầu");
    }
    if (plan.periodEnd() == null) {
      problem("periodEnd", "thiếu ngày kết thúc");
    }
    if (plan.periodStart() != null && plan.periodEnd() != null
        && plan.periodEnd().isBefore(plan.periodStart())) {
      problem("periodEnd", "ngày kết thúc trước ngày bắt đầu");
    }
    List<String> legalBases = PlanRequest.orEmpty(plan.legalBases());
    for (int i = 0; i < legalBases.size(); i++) {
      text("legalBases[" + i + "]", legalBases.get(i), 4000, "căn cứ");
    }
    checkTargets(PlanRequest.orEmpty(plan.targets()));
    var sections = PlanRequest.orEmpty(plan.sections());
    for (int i = 0; i < sections.size(); i++) {
      if (sections.get(i) == null) {
        problem("sections[" + i + "]", "mục rỗng");
      } else {
        text("sections[" + i + "].heading", sections.get(i).heading(), 500, "tiêu đề mục");
      }
    }
    checkTasks("tasks", PlanRequest.orEmpty(plan.tasks()), plan.issuer());
    List<String> recipients = PlanRequest.orEmpty(plan.recipients());
    for (int i = 0; i < recipients.size(); i++) {
      text("recipients[" + i + "]", recipients.get(i), 1000, "nơi nhận");
    }
    if (plan.reporting() != null) {
      if (plan.reporting().reportTo() != null) {
        unit("reporting.reportTo", plan.reporting().reportTo(), "đơn vị nhận báo cáo");
      }
      List<String> deadlines = PlanRequest.orEmpty(plan.reporting().deadlines());
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < deadlines.size(); i++) {
        String deadline = deadlines.get(i);
        try {
          MonthDay.parse("--" + deadline);
          DEADLINE.parse(deadline);
          if (!seen.add(deadline)) {
            problem("reporting.deadlines[" + i + "]", "hạn báo cáo '" + deadline + "' lặp lại");
          }
        } catch (DateTimeParseException | NullPointerException e) {
          problem("reporting.deadlines[" + i + "]", "hạn báo cáo '" + deadline + "' phải có dạng MM-dd, ví dụ 06-15");
        }
      }
    }
    return problems;
  }

  private void checkTargets(List<TargetData> targets) {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      String path = "targets[" + i + "]";
      TargetData target = targets.get(i);
      if (target == null) {
        problem(path, "chỉ tiêu rỗng");
        continue;
      }
      if (text(path + ".code", target.code(), 20, "số hiệu chỉ tiêu") && !codes.add(target.code())) {
        problem(path + ".code", "chỉ tiêu '" + target.code() + "' lặp lại");
      }
      text(path + ".text", target.text(), 4000, "nội dung chỉ tiêu");
      if (target.unit() != null && target.unit().length() > 40) {
        problem(path + ".unit", "đơn vị tính dài quá 40 ký tự");
      }
    }
  }

  /** Checks appendix tasks; shared with the spreadsheet import. */
  void checkTasks(String prefix, List<TaskData> tasks, String issuer) {
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < tasks.size(); i++) {
      String path = prefix + "[" + i + "]";
      TaskData task = tasks.get(i);
      if (task == null) {
        problem(path, "nhiệm vụ rỗng");
        continue;
      }
      if (text(path + ".no", task.no(), 20, "số thứ tự (TT)") && !numbers.add(task.no().trim())) {
        problem(path + ".no", "số thứ tự '" + task.no() + "' lặp lại");
      }
      text(path + ".name", task.name(), 4000, "tên nhiệm vụ");
      if (task.leadUnit() == null || task.leadUnit().isBlank()) {
        problem(path + ".leadUnit", "thiếu đơn vị chủ trì");
      } else if (units.resolve(task.leadUnit(), issuer).isEmpty()) {
        problem(path + ".leadUnit", "đơn vị chủ trì '" + task.leadUnit() + "' không tồn tại");
      }
      List<String> coordinating = PlanRequest.orEmpty(task.coordinatingUnits());
      for (int c = 0; c < coordinating.size(); c++) {
        String entry = coordinating.get(c);
        if (entry == null || entry.isBlank()) {
          problem(path + ".coordinatingUnits[" + c + "]", "đơn vị phối hợp rỗng");
        } else if (UNIT_CODE.matcher(entry.trim()).matches() && units.resolve(entry, issuer).isEmpty()) {
          problem(path + ".coordinatingUnits[" + c + "]", "đơn vị phối hợp '" + entry + "' không tồn tại");
        }
      }
      if (task.timeframe() != null && task.timeframe().length() > 200) {
        problem(path + ".timeframe", "thời gian thực hiện dài quá 200 ký tự");
      }
    }
  }

  List<FieldProblem> problems() {
    return problems;
  }

  private OrgUnit unit(String field, String code, String what) {
    if (code == null || code.isBlank()) {
      problem(field, "thiếu " + what);
      return null;
    }
    OrgUnit unit = units.byCode(code).orElse(null);
    if (unit == null) {
      problem(field, what + " '" + code + "' không tồn tại");
    }
    return unit;
  }

  private boolean text(String field, String value, int max, String what) {
    if (value == null || value.isBlank()) {
      problem(field, "thiếu " + what);
      return false;
    }
    if (value.length() > max) {
      problem(field, what + " dài quá " + max + " ký tự");
      return false;
    }
    return true;
  }

  private void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }
}
