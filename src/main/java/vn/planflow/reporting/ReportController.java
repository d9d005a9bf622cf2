package vn.planflow.reporting;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.ReadPolicy;
import vn.planflow.system.NotFoundException;

/** Reports: a unit's draft ({@code /api/reports/{id}}) and a plan's periods ({@code /api/plans/{code}/reports}). */
@RestController
class ReportController {

  private final UnitReports reports;
  private final PlanReportingPeriodRepository periods;
  private final UnitReportRepository unitReports;
  private final PlanRepository plans;
  private final ReportingTaskForms forms;
  private final AdHocReports adHocReports;
  private final ReadPolicy policy;

  ReportController(UnitReports reports, PlanReportingPeriodRepository periods, UnitReportRepository unitReports,
      PlanRepository plans, ReportingTaskForms forms, AdHocReports adHocReports, ReadPolicy policy) {
    this.policy = policy;
    this.adHocReports = adHocReports;
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
  ReportView get(@PathVariable long id, Authentication caller) {
    UnitReport report = reports.get(id);
    policy.requireReports(policy.mayReadReportOf(policy.caller(caller.getName()), plan(report.getPeriod().getPlanCode()),
        report.getUnitCode()));
    return ReportView.of(report);
  }

  @GetMapping("/api/plans/{code}/reports")
  @Transactional(readOnly = true)
  List<PeriodView> periods(@PathVariable String code, Authentication caller) {
    Plan plan = plan(code);
    List<PeriodView> views = periods.findByPlanCodeOrderByDeadlineAscIdAsc(code).stream()
        .map(p -> new PeriodView(p.getPeriodId(), p.getTitle(), p.getDeadline(), p.getDueAt(), p.getOpensAt(),
            p.getClosesAt(), p.getCutOffFrom(), p.getCutOffTo(), p.getStatus().name(), p.getNumber(),
            unitReports.findByPeriodIdOrderByUnitCodeAsc(p.getId()).stream()
                .map(r -> new UnitStatus(r.getUnitCode(), r.getId(), r.getStatus().name(), r.getSubmittedAt()))
                .toList()))
        .toList();
    Set<String> reportingUnits = new HashSet<>(plan.leadingUnits());
    views.forEach(view -> view.units().forEach(unit -> reportingUnits.add(unit.unit())));
    policy.requireReports(policy.mayReadReports(policy.caller(caller.getName()), plan, reportingUnits));
    return views;
  }

  /** One period with every unit's report and the consolidation (CONTRACT §5). */
  @GetMapping("/api/plans/{code}/reports/{period}")
  @Transactional(readOnly = true)
  PeriodConsolidation period(@PathVariable String code, @PathVariable String period, Authentication caller) {
    return reports.readableConsolidation(code, period, caller.getName());
  }

  private Plan plan(String code) {
    return plans.findById(code).orElseThrow(() -> new NotFoundException("Không có kế hoạch '" + code + "'"));
  }

  /** Opens an ad-hoc period ({@code ADHOC-n}) through message {@code AdHocReportRequested}. */
  @PostMapping("/api/plans/{code}/adhoc-reports")
  ResponseEntity<PeriodConsolidation> requestAdHoc(@PathVariable String code, @RequestBody AdHocRequest request,
      Authentication caller) {
    PlanReportingPeriod period = adHocReports.request(code, request, caller);
    return ResponseEntity.created(URI.create("/api/plans/" + code + "/reports/" + period.getPeriodId()))
        .body(reports.consolidation(code, period.getPeriodId()));
  }

  record UnitStatus(String unit, Long reportId, String status, OffsetDateTime submittedAt) {}

  record PeriodView(String period, String title, LocalDate deadline, OffsetDateTime dueAt, OffsetDateTime opensAt,
      OffsetDateTime closesAt, LocalDate cutOffFrom, LocalDate cutOffTo, String status, String number,
      List<UnitStatus> units) {}
}
