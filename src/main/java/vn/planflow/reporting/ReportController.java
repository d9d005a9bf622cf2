package vn.planflow.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.planflow.plan.PlanRepository;
import vn.planflow.system.NotFoundException;

/** Reports: a unit's draft ({@code /api/reports/{id}}) and a plan's periods ({@code /api/plans/{code}/reports}). */
@RestController
class ReportController {

  private final UnitReports reports;
  private final PlanReportingPeriodRepository periods;
  private final UnitReportRepository unitReports;
  private final PlanRepository plans;
  private final ReportingTaskForms forms;

  ReportController(UnitReports reports, PlanReportingPeriodRepository periods, UnitReportRepository unitReports,
      PlanRepository plans, ReportingTaskForms forms) {
    this.forms = forms;
    this.reports = reports;
    this.periods = periods;
    this.unitReports = unitReports;
    this.plans = plans;
  }

  @PutMapping("/api/reports/{id}")
  @Transactional
  ReportView saveDraft(@PathVariable long id, @RequestBody ReportContent content, Authentication caller) {
    forms.refresh(reports.saveDraft(id, content, caller.getName()));
    return ReportView.of(reports.get(id));
  }

  @GetMapping("/api/reports/{id}")
  @Transactional(readOnly = true)
  ReportView get(@PathVariable long id) {
    return ReportView.of(reports.get(id));
  }

  @GetMapping("/api/plans/{code}/reports")
  @Transactional(readOnly = true)
  List<PeriodView> periods(@PathVariable String code) {
    if (!plans.existsById(code)) {
      throw new NotFoundException("Không có kế hoạch '" + code + "'");
    }
    return periods.findByPlanCodeOrderByDeadlineAscIdAsc(code).stream()
        .map(p -> new PeriodView(p.getPeriodId(), p.getTitle(), p.getDeadline(), p.getDueAt(), p.getOpensAt(),
            p.getClosesAt(), p.getCutOffFrom(), p.getCutOffTo(), p.getStatus().name(), p.getNumber(),
            unitReports.findByPeriodIdOrderByUnitCodeAsc(p.getId()).stream()
                .map(r -> new UnitStatus(r.getUnitCode(), r.getId(), r.getStatus().name(), r.getSubmittedAt()))
                .toList()))
        .toList();
  }

  record UnitStatus(String unit, Long reportId, String status, OffsetDateTime submittedAt) {}

  record PeriodView(String period, String title, LocalDate deadline, OffsetDateTime dueAt, OffsetDateTime opensAt,
      OffsetDateTime closesAt, LocalDate cutOffFrom, LocalDate cutOffTo, String status, String number,
      List<UnitStatus> units) {}

  record TaskResultView(String taskNo, String status, String statusLabel, Integer progress, String result) {}

  record IndicatorView(String targetCode, BigDecimal value, String note) {}

  record ReportView(Long id, String plan, String period, String unit, String status, String summary,
      List<TaskResultView> taskResults, List<IndicatorView> indicators, String submittedBy,
      OffsetDateTime submittedAt) {
    static ReportView of(UnitReport report) {
      return new ReportView(report.getId(), report.getPeriod().getPlanCode(), report.getPeriod().getPeriodId(),
          report.getUnitCode(), report.getStatus().name(), report.getSummary(),
          report.getTaskResults().stream().map(t -> new TaskResultView(t.getTaskNo(), t.getStatus().name(),
              t.getStatus().label(), t.getProgress(), t.getResult())).toList(),
          report.getIndicators().stream().map(i -> new IndicatorView(i.getTargetCode(), i.getValue(), i.getNote()))
              .toList(),
          report.getSubmittedBy(), report.getSubmittedAt());
    }
  }
}
