package vn.planflow.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * What {@code /api/dashboard/...} answers: names and Vietnamese labels officials read, dates as
 * ISO for programs and as dd/MM/yyyy (HH:mm) text for people.
 */
final class DashboardViews {

  private DashboardViews() {}

  record StatusCount(String status, String label, long count) {}

  record PlanLine(String code, String title, String status, String statusLabel, String issuerName,
      String leadUnitName, String number, String issuedOn) {}

  /** {@code mayAudit}: whether the caller may open the audit screen (the page shows its link only then). */
  record Overview(List<StatusCount> byStatus, List<PlanLine> plans, boolean mayAudit) {}

  /** One user task of the plan's approval: who acted, when, what they decided. */
  record TimelineStep(String step, String actor, String actorUnit, String started, String startedText,
      String ended, String endedText, String outcome, boolean open) {}

  record Timeline(String plan, String title, List<TimelineStep> steps) {}

  record PeriodColumn(String period, String title, String deadline, String statusLabel) {}

  /** A unit's report of one period: ON_TIME, LATE, MISSING, PENDING, or NONE when it was not asked. */
  record Cell(String status, String label, String submittedText) {}

  record UnitRow(String unitName, List<Cell> cells) {}

  record ComplianceGrid(String plan, List<PeriodColumn> periods, List<UnitRow> units) {}

  /** A target against the average of the values the units reported, period by period. */
  record TargetSeries(String code, String text, String unit, BigDecimal target, List<String> periods,
      List<BigDecimal> values) {}

  record Targets(String plan, List<TargetSeries> targets) {}

  /** One thing an official did on a plan. */
  record AuditEntry(String at, String atText, String plan, String process, String step, String actor,
      String actorUnit, String action, String detail) {}
}
