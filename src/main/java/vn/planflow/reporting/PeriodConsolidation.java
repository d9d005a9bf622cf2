package vn.planflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanTarget;
import vn.planflow.plan.PlanTask;

/**
 * A period of a plan as the consolidating unit reads it (CONTRACT §5, {@code GET
 * /api/plans/{code}/reports/{period}}): every unit's report, then per appendix task the status
 * across the units that submitted and their results, per target the reported values against the
 * target, who reported on time, late, not at all or not yet, and the child plans' reports attached.
 * Only submitted reports (on time or late) count; drafts are the unit's own until it submits.
 */
public record PeriodConsolidation(
    String plan,
    String planTitle,
    String period,
    String title,
    boolean adHoc,
    LocalDate deadline,
    OffsetDateTime dueAt,
    OffsetDateTime opensAt,
    OffsetDateTime openedAt,
    OffsetDateTime closesAt,
    String status,
    String reportTo,
    String reportToName,
    String requestedBy,
    String number,
    LocalDate sentOn,
    String summary,
    String proposals,
    List<UnitLine> units,
    List<ReportView> reports,
    List<TaskLine> tasks,
    List<TargetLine> targets,
    List<UnitLine> submitted,
    List<UnitLine> late,
    List<UnitLine> missing,
    List<UnitLine> pending,
    List<AttachedLine> attachedReports) {

  public record UnitLine(String unit, String unitName, Long reportId, String status, String statusLabel,
      String submittedBy, OffsetDateTime submittedAt) {}

  /** One appendix task: its status across the units that reported on it. */
  public record TaskLine(String taskNo, String name, String leadUnit, String leadUnitName, String status,
      String statusLabel, Integer averageProgress, List<TaskByUnit> byUnit) {}

  public record TaskByUnit(String unit, String unitName, String status, String statusLabel, Integer progress,
      String result) {}

  /** One target of the plan and what the units reported against it. */
  public record TargetLine(String targetCode, String text, String unit, BigDecimal targetValue,
      BigDecimal average, List<TargetByUnit> reported) {}

  public record TargetByUnit(String unit, String unitName, BigDecimal value, String note) {}

  public record AttachedLine(String plan, String planTitle, String period, String number, LocalDate sentOn,
      String reportTo, String summary) {}

  /** The names officials read, by unit code. */
  interface UnitNames {
    String of(String code);
  }

  static PeriodConsolidation of(Plan plan, PlanReportingPeriod period, List<UnitReport> all,
      List<AttachedReport> attached, UnitNames names) {
    List<UnitLine> units = all.stream().map(r -> line(r, names)).toList();
    List<UnitReport> submittedReports = all.stream().filter(r -> r.getStatus().isSubmitted()).toList();
    return new PeriodConsolidation(plan.getCode(), plan.getTitle(), period.getPeriodId(), period.getTitle(),
        period.isAdHoc(), period.getDeadline(), period.getDueAt(), period.getOpensAt(), period.getOpenedAt(),
        period.getClosesAt(), period.getStatus().name(), period.getReportTo(),
        period.getReportTo() == null ? null : names.of(period.getReportTo()), period.getRequestedBy(),
        period.getNumber(), period.getSentOn(), period.getSummary(), period.getProposals(),
        units,
        all.stream().map(ReportView::of).toList(),
        tasks(plan, submittedReports, names),
        targets(plan, submittedReports, names),
        withStatus(units, ReportStatus.SUBMITTED),
        withStatus(units, ReportStatus.LATE),
        withStatus(units, ReportStatus.MISSING),
        withStatus(units, ReportStatus.PENDING),
        attached.stream().map(a -> new AttachedLine(a.getChildPlanCode(), a.getChildPlanTitle(), a.getChildPeriodId(),
            a.getNumber(), a.getSentOn(), a.getReportTo(), a.getSummary())).toList());
  }

  private static UnitLine line(UnitReport report, UnitNames names) {
    return new UnitLine(report.getUnitCode(), names.of(report.getUnitCode()), report.getId(),
        report.getStatus().name(), report.getStatus().label(), report.getSubmittedBy(), report.getSubmittedAt());
  }

  private static List<UnitLine> withStatus(List<UnitLine> units, ReportStatus status) {
    return units.stream().filter(u -> u.status().equals(status.name())).toList();
  }

  private static List<TaskLine> tasks(Plan plan, List<UnitReport> reports, UnitNames names) {
    List<TaskLine> lines = new ArrayList<>();
    for (PlanTask task : plan.getTasks()) {
      List<TaskByUnit> byUnit = new ArrayList<>();
      for (UnitReport report : reports) {
        report.getTaskResults().stream().filter(r -> r.getTaskNo().equals(task.getNo())).findFirst()
            .ifPresent(r -> byUnit.add(new TaskByUnit(report.getUnitCode(), names.of(report.getUnitCode()),
                r.getStatus().name(), r.getStatus().label(), r.getProgress(), r.getResult())));
      }
      TaskProgress status = across(byUnit);
      lines.add(new TaskLine(task.getNo(), task.getName(), task.getLeadUnit(), names.of(task.getLeadUnit()),
          status == null ? null : status.name(), status == null ? "Chưa có báo cáo" : status.label(),
          averageProgress(byUnit), byUnit));
    }
    return lines;
  }

  /** Done when every unit that reported on it is done; not started when none has started; else in progress. */
  static TaskProgress across(List<TaskByUnit> byUnit) {
    if (byUnit.isEmpty()) {
      return null;
    }
    if (byUnit.stream().allMatch(u -> u.status().equals(TaskProgress.DONE.name()))) {
      return TaskProgress.DONE;
    }
    if (byUnit.stream().allMatch(u -> u.status().equals(TaskProgress.NOT_STARTED.name()))) {
      return TaskProgress.NOT_STARTED;
    }
    return TaskProgress.IN_PROGRESS;
  }

  private static Integer averageProgress(List<TaskByUnit> byUnit) {
    List<Integer> given = byUnit.stream().map(TaskByUnit::progress).filter(Objects::nonNull).toList();
    return given.isEmpty() ? null
        : (int) Math.round(given.stream().mapToInt(Integer::intValue).average().orElse(0));
  }

  private static List<TargetLine> targets(Plan plan, List<UnitReport> reports, UnitNames names) {
    List<TargetLine> lines = new ArrayList<>();
    for (PlanTarget target : plan.getTargets()) {
      List<TargetByUnit> reported = new ArrayList<>();
      for (UnitReport report : reports) {
        report.getIndicators().stream()
            .filter(i -> i.getTargetCode().equals(target.getCode()) && (i.getValue() != null || hasText(i.getNote())))
            .findFirst()
            .ifPresent(i -> reported.add(new TargetByUnit(report.getUnitCode(), names.of(report.getUnitCode()),
                i.getValue() == null ? null : i.getValue().stripTrailingZeros(), i.getNote())));
      }
      List<BigDecimal> values = reported.stream().map(TargetByUnit::value).filter(Objects::nonNull).toList();
      BigDecimal average = values.isEmpty() ? null
          : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
              .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP).stripTrailingZeros();
      lines.add(new TargetLine(target.getCode(), target.getText(), target.getUnit(),
          target.getValue() == null ? null : target.getValue().stripTrailingZeros(), average, reported));
    }
    return lines;
  }

  private static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }
}
