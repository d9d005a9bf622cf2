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
import vn.planflow.system.TextRules;

/** Checks a whole {@link PlanRequest} so that a bad one is a 400 naming every bad field. */
final class PlanValidator {

  static final Pattern PLAN_CODE = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,78}[A-Za-z0-9])?");
  /** What a unit reference looks like; an entry of this shape must name an imported unit. */
  static final Pattern UNIT_CODE = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("MM-dd");

  /**
   * Appendix tasks per plan. The largest seen (Hà Nội's) has a few dozen; a thousand-row
   * appendix is already unreadable as a document, and every task is a row in reports.
   */
  static final int MAX_TASKS = 2000;
  static final int MAX_LIST = 200;
  static final int MAX_TARGETS = 500;
  static final int MAX_COORDINATING = 200;
  /** Twelve a year at most (monthly); the deadlines are kept joined in a 200-character column. */
  static final int MAX_DEADLINES = 12;
  /** Columns of plan, plan_task, plan_section (V2__plans.sql). */
  static final int LONG_TEXT = 100_000;

  private final UnitDirectory units;
  private final UnitDirectory.Names names;
  private final List<FieldProblem> problems = new ArrayList<>();

  PlanValidator(UnitDirectory units) {
    this.units = units;
    this.names = units.names();
  }

  List<FieldProblem> validate(PlanRequest plan) {
    if (plan == null) {
      problems.add(new FieldProblem("body", "thiếu nội dung kế hoạch"));
      return problems;
    }
    if (plan.code() == null || plan.code().isBlank()) {
      problem("code", "thiếu mã kế hoạch");
    } else if (!PLAN_CODE.matcher(plan.code()).matches()) {
      problem("code", "mã kế hoạch '" + TextRules.quote(plan.code()) + "' chỉ gồm chữ không dấu, chữ số, '.', '-' và '_' (tối đa 80 ký tự)");
    }
    text("title", plan.title(), 2000, "tên kế hoạch");
    TextRules.optional(problems, "objectives", plan.objectives(), LONG_TEXT, "mục tiêu");
    TextRules.optional(problems, "budget", plan.budget(), LONG_TEXT, "kinh phí");
    TextRules.optional(problems, "parentPlan", plan.parentPlan(), 80, "kế hoạch cấp trên");
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
    boolean datesInRange = TextRules.date(problems, "periodStart", plan.periodStart())
        & TextRules.date(problems, "periodEnd", plan.periodEnd());
    if (datesInRange && plan.periodStart() != null && plan.periodEnd() != null
        && plan.periodEnd().isBefore(plan.periodStart())) {
      problem("periodEnd", "ngày kết thúc trước ngày bắt đầu");
    }
    List<String> legalBases = PlanRequest.orEmpty(plan.legalBases());
    TextRules.count(problems, "legalBases", legalBases, MAX_LIST, "căn cứ");
    for (int i = 0; i < legalBases.size(); i++) {
      text("legalBases[" + i + "]", legalBases.get(i), 4000, "căn cứ");
    }
    checkTargets(PlanRequest.orEmpty(plan.targets()));
    var sections = PlanRequest.orEmpty(plan.sections());
    TextRules.count(problems, "sections", sections, MAX_LIST, "mục");
    for (int i = 0; i < sections.size(); i++) {
      if (sections.get(i) == null) {
        problem("sections[" + i + "]", "mục rỗng");
      } else {
        text("sections[" + i + "].heading", sections.get(i).heading(), 500, "tiêu đề mục");
        TextRules.optional(problems, "sections[" + i + "].body", sections.get(i).body(), LONG_TEXT, "nội dung mục");
      }
    }
    checkTasks("tasks", PlanRequest.orEmpty(plan.tasks()), plan.issuer());
    List<String> recipients = PlanRequest.orEmpty(plan.recipients());
    TextRules.count(problems, "recipients", recipients, MAX_LIST, "nơi nhận");
    for (int i = 0; i < recipients.size(); i++) {
      text("recipients[" + i + "]", recipients.get(i), 1000, "nơi nhận");
    }
    if (plan.reporting() != null) {
      if (plan.reporting().reportTo() != null) {
        unit("reporting.reportTo", plan.reporting().reportTo(), "đơn vị nhận báo cáo");
      }
      List<String> deadlines = PlanRequest.orEmpty(plan.reporting().deadlines());
      Set<String> seen = new HashSet<>();
      if (!TextRules.count(problems, "reporting.deadlines", deadlines, MAX_DEADLINES, "hạn báo cáo")) {
        deadlines = List.of();
      }
      for (int i = 0; i < deadlines.size(); i++) {
        String deadline = deadlines.get(i);
        try {
          MonthDay.parse("--" + deadline);
          DEADLINE.parse(deadline);
          if (!seen.add(deadline)) {
            problem("reporting.deadlines[" + i + "]", "hạn báo cáo '" + deadline + "' lặp lại");
          }
        } catch (DateTimeParseException | NullPointerException e) {
          problem("reporting.deadlines[" + i + "]", "hạn báo cáo '" + TextRules.quote(deadline) + "' phải có dạng MM-dd, ví dụ 06-15");
        }
      }
    }
    return problems;
  }

  private void checkTargets(List<TargetData> targets) {
    Set<String> codes = new HashSet<>();
    if (!TextRules.count(problems, "targets", targets, MAX_TARGETS, "chỉ tiêu")) {
      return;
    }
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
      TextRules.optional(problems, path + ".unit", target.unit(), 40, "đơn vị tính");
      TextRules.number(problems, path + ".value", target.value());
    }
  }

  /** Checks appendix tasks; shared with the spreadsheet import. */
  void checkTasks(String prefix, List<TaskData> tasks, String issuer) {
    Set<String> numbers = new HashSet<>();
    if (!TextRules.count(problems, prefix, tasks, MAX_TASKS, "nhiệm vụ")) {
      return;
    }
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
      TextRules.optional(problems, path + ".group", task.group(), 1000, "nhóm nhiệm vụ");
      TextRules.optional(problems, path + ".content", task.content(), LONG_TEXT, "nội dung");
      TextRules.optional(problems, path + ".target", task.target(), LONG_TEXT, "mục tiêu");
      TextRules.optional(problems, path + ".product", task.product(), 4000, "sản phẩm");
      TextRules.optional(problems, path + ".budgetSource", task.budgetSource(), 1000, "kinh phí");
      if (task.leadUnit() == null || task.leadUnit().isBlank()) {
        problem(path + ".leadUnit", "thiếu đơn vị chủ trì");
      } else if (task.leadUnit().length() > 300 || names.resolve(task.leadUnit(), issuer).isEmpty()) {
        problem(path + ".leadUnit", "đơn vị chủ trì '" + TextRules.quote(task.leadUnit()) + "' không tồn tại");
      }
      List<String> coordinating = PlanRequest.orEmpty(task.coordinatingUnits());
      if (!TextRules.count(problems, path + ".coordinatingUnits", coordinating, MAX_COORDINATING, "đơn vị phối hợp")) {
        coordinating = List.of();
      }
      for (int c = 0; c < coordinating.size(); c++) {
        String entry = coordinating.get(c);
        String entryPath = path + ".coordinatingUnits[" + c + "]";
        if (entry == null || entry.isBlank()) {
          problem(entryPath, "đơn vị phối hợp rỗng");
        } else if (!TextRules.optional(problems, entryPath, entry, 2000, "đơn vị phối hợp")) {
          continue;
        } else if (UNIT_CODE.matcher(entry.trim()).matches() && names.resolve(entry, issuer).isEmpty()) {
          problem(entryPath, "đơn vị phối hợp '" + TextRules.quote(entry) + "' không tồn tại");
        }
      }
      TextRules.optional(problems, path + ".timeframe", task.timeframe(), 200, "thời gian thực hiện");
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
    OrgUnit unit = code.length() > 64 ? null : units.byCode(code).orElse(null);
    if (unit == null) {
      problem(field, what + " '" + TextRules.quote(code) + "' không tồn tại");
    }
    return unit;
  }

  private boolean text(String field, String value, int max, String what) {
    return TextRules.required(problems, field, value, max, what);
  }

  private void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }
}
