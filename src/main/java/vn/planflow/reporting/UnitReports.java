package vn.planflow.reporting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.org.UnitRole;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.PlanTarget;
import vn.planflow.plan.PlanTask;
import vn.planflow.plan.ReadPolicy;
import vn.planflow.system.ConflictException;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.InvalidRequestException;
import vn.planflow.system.NotFoundException;
import vn.planflow.system.TextRules;

/**
 * The reports of a period: opened for the reporting units, saved as drafts by their officials,
 * final when submitted (late after the due time), missing when collection closes. Content is
 * checked against the plan: known task numbers and target codes, progress from 0 to 100.
 */
@Service
public class UnitReports {

  /**
   * The summary is also the {@code summary} variable of the unit's open task, and the engine keeps
   * a text variable in a 4,000-character column.
   */
  static final int MAX_SUMMARY = 4000;
  static final int MAX_RESULT = 10_000;
  static final int MAX_NOTE = 2000;
  static final int MAX_ROWS = 2000;

  private final PlanReportingPeriodRepository periods;
  private final UnitReportRepository reports;
  private final PlanRepository plans;
  private final OfficialRepository officials;
  private final OrgUnitRepository units;
  private final AttachedReportRepository attached;
  private final ReportingSchedule schedule;
  private final Clock clock;
  private final ReadPolicy policy;

  UnitReports(PlanReportingPeriodRepository periods, UnitReportRepository reports, PlanRepository plans,
      OfficialRepository officials, OrgUnitRepository units, AttachedReportRepository attached,
      ReportingSchedule schedule, Clock clock, ReadPolicy policy) {
    this.policy = policy;
    this.units = units;
    this.attached = attached;
    this.schedule = schedule;
    this.periods = periods;
    this.reports = reports;
    this.plans = plans;
    this.officials = officials;
    this.clock = clock;
  }

  /** Records a period of a plan, to be collected later or skipped. */
  @Transactional
  public PlanReportingPeriod record(String planCode, ReportingPeriod period, String title, String reportTo,
      boolean skipped) {
    return periods.findByPlanCodeAndPeriodId(planCode, period.id())
        .orElseGet(() -> periods.save(new PlanReportingPeriod(planCode, period, title, reportTo,
            skipped ? PeriodStatus.SKIPPED : PeriodStatus.SCHEDULED)));
  }

  /** Opens a recorded period: a report for every reporting unit. */
  @Transactional
  public PlanReportingPeriod openCollection(String planCode, String periodId, List<String> units) {
    PlanReportingPeriod record = periods.findByPlanCodeAndPeriodId(planCode, periodId).orElseThrow();
    record.open(OffsetDateTime.now(clock));
    for (String unit : units) {
      if (reports.findByPeriodIdAndUnitCode(record.getId(), unit).isEmpty()) {
        reports.save(new UnitReport(record, unit));
      }
    }
    return record;
  }

  @Transactional
  public void consolidate(String planCode, String periodId, String summary, String proposals) {
    periods.findByPlanCodeAndPeriodId(planCode, periodId).orElseThrow().consolidate(summary, proposals);
  }

  @Transactional
  public void send(String planCode, String periodId, String number, java.time.LocalDate sentOn) {
    PlanReportingPeriod period = periods.findByPlanCodeAndPeriodId(planCode, periodId).orElseThrow();
    period.send(number, sentOn, period.getSummary());
  }

  /** Records a period and opens a report for each reporting unit (or marks the period skipped). */
  @Transactional
  public PlanReportingPeriod open(String planCode, ReportingPeriod period, String title, List<String> units,
      String reportTo, boolean skipped) {
    PlanReportingPeriod record = record(planCode, period, title, reportTo, skipped);
    return skipped ? record : openCollection(planCode, period.id(), units);
  }

  /** The regular period to open next: the earliest still SCHEDULED. */
  @Transactional(readOnly = true)
  public Optional<PlanReportingPeriod> nextToOpen(String planCode) {
    return periods.findByPlanCodeOrderByDeadlineAscIdAsc(planCode).stream()
        .filter(p -> !p.isAdHoc() && p.getStatus() == PeriodStatus.SCHEDULED)
        .min(Comparator.comparing(PlanReportingPeriod::getOpensAt));
  }

  /** Whether every regular period is sent or was skipped. */
  @Transactional(readOnly = true)
  public boolean regularPeriodsFinished(String planCode) {
    return periods.findByPlanCodeOrderByDeadlineAscIdAsc(planCode).stream()
        .filter(p -> !p.isAdHoc())
        .allMatch(p -> p.getStatus() == PeriodStatus.SENT || p.getStatus() == PeriodStatus.SKIPPED);
  }

  @Transactional(readOnly = true)
  public int sentCount(String planCode) {
    return (int) periods.findByPlanCodeOrderByDeadlineAscIdAsc(planCode).stream()
        .filter(p -> p.getStatus() == PeriodStatus.SENT).count();
  }

  /** The units that report in an open period. */
  @Transactional(readOnly = true)
  public List<String> unitsOf(String planCode, String periodId) {
    PlanReportingPeriod period = periods.findByPlanCodeAndPeriodId(planCode, periodId).orElseThrow();
    return reports.findByPeriodIdOrderByUnitCodeAsc(period.getId()).stream().map(UnitReport::getUnitCode).toList();
  }

  /** What is wrong with an ad-hoc request for this plan: the request itself, then its units. */
  @Transactional(readOnly = true)
  public List<FieldProblem> checkAdHoc(AdHocRequest request) {
    List<FieldProblem> problems = new ArrayList<>(request.problems(AdHocRequest.today(clock)));
    if (request.units() != null
        && TextRules.count(problems, AdHocRequest.UNITS, request.units(), AdHocRequest.MAX_UNITS, "đơn vị")) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < request.units().size(); i++) {
        String unit = request.units().get(i);
        String path = AdHocRequest.UNITS + "[" + i + "]";
        if (unit == null || unit.isBlank() || unit.length() > 64 || !units.existsById(unit)) {
          problems.add(new FieldProblem(path, "không có đơn vị mã '" + TextRules.quote(unit) + "'"));
        } else if (!seen.add(unit)) {
          problems.add(new FieldProblem(path, "đơn vị '" + unit + "' được chọn hai lần"));
        }
      }
    }
    return problems;
  }

  /**
   * Records and opens the next ad-hoc period of the plan ({@code ADHOC-n}, n from 1), open from
   * now until 5 working days after its due time.
   */
  @Transactional
  public PlanReportingPeriod openAdHoc(Plan plan, AdHocRequest request, String requestedBy) {
    List<FieldProblem> problems = checkAdHoc(request);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    int number = 1 + (int) periods.findByPlanCodeOrderByDeadlineAscIdAsc(plan.getCode()).stream()
        .filter(PlanReportingPeriod::isAdHoc).count();
    OffsetDateTime now = OffsetDateTime.now(clock);
    ReportingPeriod period = schedule.adHoc(number, request.dueDate()).openingAt(now);
    PlanReportingPeriod record = periods.save(new PlanReportingPeriod(plan.getCode(), period, request.title().trim(),
        plan.getReportTo(), PeriodStatus.SCHEDULED));
    record.requestedBy(requestedBy);
    return openCollection(plan.getCode(), period.id(),
        request.units() == null ? plan.leadingUnits() : request.units());
  }

  /**
   * A child plan's period is sent: its report is attached to the parent plan's period of the same
   * id, or else to the parent's first period not yet sent whose deadline is not before the child's.
   */
  @Transactional
  public Optional<AttachedReport> attachToParent(Plan child, String periodId) {
    if (child.getParentPlan() == null) {
      return Optional.empty();
    }
    PlanReportingPeriod sent = periods.findByPlanCodeAndPeriodId(child.getCode(), periodId).orElseThrow();
    Optional<PlanReportingPeriod> target = periods.findByPlanCodeAndPeriodId(child.getParentPlan(), periodId)
        .filter(p -> p.getStatus() != PeriodStatus.SKIPPED)
        .or(() -> periods.findByPlanCodeOrderByDeadlineAscIdAsc(child.getParentPlan()).stream()
            .filter(p -> p.getStatus() != PeriodStatus.SKIPPED && p.getStatus() != PeriodStatus.SENT)
            .filter(p -> !p.getDeadline().isBefore(sent.getDeadline()))
            .findFirst());
    if (target.isEmpty()
        || attached.existsByPeriodIdAndChildPlanCodeAndChildPeriodId(target.get().getId(), child.getCode(), periodId)) {
      return Optional.empty();
    }
    return Optional.of(attached.save(new AttachedReport(target.get(), sent, child.getTitle(), OffsetDateTime.now(clock))));
  }

  /** A period with its reports and their consolidation, as {@code GET /api/plans/{code}/reports/{period}} shows it. */
  @Transactional(readOnly = true)
  public PeriodConsolidation consolidation(String planCode, String periodId) {
    Plan plan = plans.findById(planCode).orElseThrow(() -> new NotFoundException("Không có kế hoạch '" + planCode + "'"));
    PlanReportingPeriod period = periods.findByPlanCodeAndPeriodId(planCode, periodId)
        .orElseThrow(() -> new NotFoundException("Kế hoạch " + planCode + " không có kỳ báo cáo '" + periodId + "'"));
    return PeriodConsolidation.of(plan, period, reports.findByPeriodIdOrderByUnitCodeAsc(period.getId()),
        attached.findByPeriodIdOrderByChildPlanCodeAsc(period.getId()),
        code -> code == null ? null : units.findById(code).map(vn.planflow.org.OrgUnit::getName).orElse(code));
  }

  /**
   * The consolidation, if the caller may read the plan's reports ({@link ReadPolicy}): the units
   * that report in it, the plan's own units and its issuer's leaders and office.
   */
  @Transactional(readOnly = true)
  public PeriodConsolidation readableConsolidation(String planCode, String periodId, String userId) {
    PeriodConsolidation consolidation = consolidation(planCode, periodId);
    Plan plan = plans.findById(planCode).orElseThrow();
    Set<String> reportingUnits = new HashSet<>(plan.leadingUnits());
    consolidation.units().forEach(unit -> reportingUnits.add(unit.unit()));
    policy.requireReports(policy.mayReadReports(policy.caller(userId), plan, reportingUnits));
    return consolidation;
  }

  /** What is wrong with this content against the plan (unknown tasks or targets, progress). */
  @Transactional(readOnly = true)
  public List<FieldProblem> checkContent(long reportId, ReportContent content) {
    UnitReport report = reports.findById(reportId).orElseThrow(() -> notFound(reportId));
    List<FieldProblem> problems = new ArrayList<>();
    Plan plan = plans.findById(report.getPeriod().getPlanCode()).orElseThrow();
    if (content == null) {
      problems.add(new FieldProblem("body", "thiếu nội dung báo cáo"));
      return problems;
    }
    checkBounds(content, problems);
    if (problems.isEmpty()) {
      taskResults(content, plan, problems);
      indicators(content, plan, problems);
    }
    return problems;
  }

  /** The report of a unit for a period of a plan. */
  @Transactional(readOnly = true)
  public UnitReport of(String planCode, String periodId, String unit) {
    PlanReportingPeriod period = periods.findByPlanCodeAndPeriodId(planCode, periodId).orElseThrow();
    return reports.findByPeriodIdAndUnitCode(period.getId(), unit).orElseThrow();
  }

  /** Collection closes: every unit that has not submitted is recorded MISSING. */
  @Transactional
  public List<UnitReport> close(String planCode, String periodId) {
    PlanReportingPeriod period = periods.findByPlanCodeAndPeriodId(planCode, periodId).orElseThrow();
    List<UnitReport> all = reports.findByPeriodIdOrderByUnitCodeAsc(period.getId());
    all.forEach(UnitReport::markMissing);
    period.close();
    return all;
  }

  @Transactional
  public UnitReport saveDraft(long reportId, ReportContent content, String caller) {
    UnitReport report = reports.findById(reportId).orElseThrow(() -> notFound(reportId));
    requireOpen(report);
    List<FieldProblem> problems = new ArrayList<>();
    requireOfficialOf(report, caller, problems);
    if (content == null) {
      problems.add(new FieldProblem("body", "thiếu nội dung báo cáo"));
      throw new InvalidRequestException(problems);
    }
    checkBounds(content, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Plan plan = plans.findById(report.getPeriod().getPlanCode()).orElseThrow();
    List<UnitReport.TaskResult> taskResults = taskResults(content, plan, problems);
    List<UnitReport.Indicator> indicators = indicators(content, plan, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    report.saveDraft(content.summary(), content.difficulties(), content.recommendations(), taskResults, indicators,
        caller, OffsetDateTime.now(clock));
    return report;
  }

  /** The unit's report becomes final (with the given content, if any). */
  @Transactional
  public UnitReport submit(long reportId, ReportContent content, String caller) {
    UnitReport report = content == null
        ? reports.findById(reportId).orElseThrow(() -> notFound(reportId))
        : saveDraft(reportId, content, caller);
    requireOpen(report);
    report.submit(caller, OffsetDateTime.now(clock));
    return report;
  }

  @Transactional(readOnly = true)
  public UnitReport get(long reportId) {
    return reports.findById(reportId).orElseThrow(() -> notFound(reportId));
  }

  private void requireOpen(UnitReport report) {
    if (report.isFinal()) {
      throw new ConflictException("Báo cáo của đơn vị đã " + (report.getStatus() == ReportStatus.MISSING
          ? "bị ghi nhận là không nộp" : "được nộp") + ", không sửa được nữa");
    }
  }

  private void requireOfficialOf(UnitReport report, String caller, List<FieldProblem> problems) {
    Official official = officials.findById(caller).orElse(null);
    if (official == null || !official.getUnitCode().equals(report.getUnitCode())
        || !(official.hasRole(UnitRole.STAFF) || official.hasRole(UnitRole.LEADER))) {
      problems.add(new FieldProblem("unit",
          "đây là báo cáo của đơn vị '" + report.getUnitCode() + "', không phải của đơn vị anh/chị"));
    }
  }

  /** Lengths, counts and numbers, before the content is compared with the plan. */
  private static void checkBounds(ReportContent content, List<FieldProblem> problems) {
    TextRules.optional(problems, "summary", content.summary(), MAX_SUMMARY, "tóm tắt");
    TextRules.optional(problems, "difficulties", content.difficulties(), MAX_SUMMARY, "khó khăn, vướng mắc");
    TextRules.optional(problems, "recommendations", content.recommendations(), MAX_SUMMARY, "kiến nghị, đề xuất");
    if (TextRules.count(problems, "taskResults", content.taskResults(), MAX_ROWS, "kết quả nhiệm vụ")) {
      List<ReportContent.TaskResultData> results = content.taskResultsOrEmpty();
      for (int i = 0; i < results.size(); i++) {
        ReportContent.TaskResultData result = results.get(i);
        if (result != null) {
          TextRules.optional(problems, "taskResults[" + i + "].taskNo", result.taskNo(), 20, "số thứ tự nhiệm vụ");
          TextRules.optional(problems, "taskResults[" + i + "].result", result.result(), MAX_RESULT, "kết quả");
        }
      }
    }
    if (TextRules.count(problems, "indicators", content.indicators(), MAX_ROWS, "chỉ tiêu")) {
      List<ReportContent.IndicatorData> indicators = content.indicatorsOrEmpty();
      for (int i = 0; i < indicators.size(); i++) {
        ReportContent.IndicatorData indicator = indicators.get(i);
        if (indicator != null) {
          TextRules.optional(problems, "indicators[" + i + "].targetCode", indicator.targetCode(), 20, "số hiệu chỉ tiêu");
          TextRules.number(problems, "indicators[" + i + "].value", indicator.value());
          TextRules.optional(problems, "indicators[" + i + "].note", indicator.note(), MAX_NOTE, "ghi chú");
        }
      }
    }
  }

  private static List<UnitReport.TaskResult> taskResults(ReportContent content, Plan plan, List<FieldProblem> problems) {
    Set<String> known = new HashSet<>();
    plan.getTasks().stream().map(PlanTask::getNo).forEach(known::add);
    Set<String> seen = new HashSet<>();
    List<UnitReport.TaskResult> results = new ArrayList<>();
    List<ReportContent.TaskResultData> given = content.taskResultsOrEmpty();
    for (int i = 0; i < given.size(); i++) {
      String path = "taskResults[" + i + "]";
      ReportContent.TaskResultData result = given.get(i);
      if (result == null) {
        problems.add(new FieldProblem(path, "kết quả rỗng"));
        continue;
      }
      if (result.taskNo() == null || !known.contains(result.taskNo())) {
        problems.add(new FieldProblem(path + ".taskNo", "kế hoạch không có nhiệm vụ số '" + result.taskNo() + "'"));
      } else if (!seen.add(result.taskNo())) {
        problems.add(new FieldProblem(path + ".taskNo", "nhiệm vụ '" + result.taskNo() + "' được báo cáo hai lần"));
      }
      if (result.status() == null) {
        problems.add(new FieldProblem(path + ".status", "thiếu tình trạng (NOT_STARTED, IN_PROGRESS, DONE)"));
      }
      if (result.progress() != null && (result.progress() < 0 || result.progress() > 100)) {
        problems.add(new FieldProblem(path + ".progress", "tiến độ phải từ 0 đến 100 (%)"));
      }
      results.add(new UnitReport.TaskResult(result.taskNo(), result.status(), result.progress(), result.result()));
    }
    return results;
  }

  private static List<UnitReport.Indicator> indicators(ReportContent content, Plan plan, List<FieldProblem> problems) {
    Set<String> known = new HashSet<>();
    plan.getTargets().stream().map(PlanTarget::getCode).forEach(known::add);
    Set<String> seen = new HashSet<>();
    List<UnitReport.Indicator> indicators = new ArrayList<>();
    List<ReportContent.IndicatorData> given = content.indicatorsOrEmpty();
    for (int i = 0; i < given.size(); i++) {
      String path = "indicators[" + i + "]";
      ReportContent.IndicatorData indicator = given.get(i);
      if (indicator == null) {
        problems.add(new FieldProblem(path, "chỉ tiêu rỗng"));
        continue;
      }
      if (indicator.targetCode() == null || !known.contains(indicator.targetCode())) {
        problems.add(new FieldProblem(path + ".targetCode", "kế hoạch không có chỉ tiêu '" + indicator.targetCode() + "'"));
      } else if (!seen.add(indicator.targetCode())) {
        problems.add(new FieldProblem(path + ".targetCode", "chỉ tiêu '" + indicator.targetCode() + "' được báo cáo hai lần"));
      }
      indicators.add(new UnitReport.Indicator(indicator.targetCode(), indicator.value(), indicator.note()));
    }
    return indicators;
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("Không có báo cáo số " + id);
  }
}
