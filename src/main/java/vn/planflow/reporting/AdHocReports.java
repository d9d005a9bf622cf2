package vn.planflow.reporting;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgGroups;
import vn.planflow.org.UnitRole;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.PlanStatus;
import vn.planflow.system.ConflictException;
import vn.planflow.system.EngineUser;
import vn.planflow.system.InvalidRequestException;
import vn.planflow.system.NotFoundException;

/**
 * Ad-hoc reports asked through {@code POST /api/plans/{code}/adhoc-reports}: checked here, then
 * handed to the plan's {@code reporting-cycle} as message {@code AdHocReportRequested}, which opens
 * the period in the same transaction.
 */
@Service
class AdHocReports {

  static final String MESSAGE = "AdHocReportRequested";

  private final PlanRepository plans;
  private final OfficialRepository officials;
  private final UnitReports reports;
  private final PlanReportingPeriodRepository periods;
  private final RuntimeService runtimeService;
  private final EngineUser engineUser;

  AdHocReports(PlanRepository plans, OfficialRepository officials, UnitReports reports,
      PlanReportingPeriodRepository periods, RuntimeService runtimeService, EngineUser engineUser) {
    this.plans = plans;
    this.officials = officials;
    this.reports = reports;
    this.periods = periods;
    this.runtimeService = runtimeService;
    this.engineUser = engineUser;
  }

  @Transactional
  PlanReportingPeriod request(String planCode, AdHocRequest request, Authentication caller) {
    Plan plan = plans.findById(planCode).orElseThrow(() -> new NotFoundException("Không có kế hoạch '" + planCode + "'"));
    if (!mayRequest(plan, caller)) {
      throw new AccessDeniedException("Chỉ đơn vị chủ trì, đơn vị nhận báo cáo hoặc lãnh đạo cơ quan ban hành kế hoạch "
          + "được yêu cầu báo cáo đột xuất");
    }
    var problems = reports.checkAdHoc(request);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (plan.getStatus() != PlanStatus.IN_EFFECT) {
      throw new ConflictException("Kế hoạch " + planCode + " không ở trạng thái đang thực hiện (IN_EFFECT) nên không "
          + "yêu cầu báo cáo đột xuất được");
    }
    try {
      // As the system: officials may not update process instances; who asked is kept on the period.
      engineUser.asSystem(() -> runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceBusinessKey(planCode)
          .setVariable(AdHocRequest.TITLE, request.title())
          .setVariable(AdHocRequest.DUE_DATE, request.dueDate().toString())
          // As JSON, not joined text: the engine holds text variables in 4,000 characters, and
          // every commune of a province may be asked.
          .setVariable(AdHocRequest.UNITS, request.units() == null ? null : org.camunda.spin.Spin.JSON(request.units()))
          .setVariable(AdHocRequest.REQUESTED_BY, caller.getName())
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("Chu trình báo cáo của kế hoạch " + planCode + " không nhận thêm kỳ đột xuất: "
          + "các kỳ báo cáo định kỳ đã kết thúc");
    }
    return periods.findByPlanCodeOrderByDeadlineAscIdAsc(planCode).stream()
        .filter(PlanReportingPeriod::isAdHoc)
        .max(java.util.Comparator.comparing(PlanReportingPeriod::getId))
        .orElseThrow();
  }

  /** Officials of the lead or report-to unit, leaders and office of the issuer, administrators. */
  private boolean mayRequest(Plan plan, Authentication caller) {
    if (caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("GROUP_" + OrgGroups.ADMINS))) {
      return true;
    }
    Official official = officials.findById(caller.getName()).orElse(null);
    if (official == null) {
      return false;
    }
    String unit = official.getUnitCode();
    if ((unit.equals(plan.getLeadUnit()) || unit.equals(plan.getReportTo()))
        && (official.hasRole(UnitRole.STAFF) || official.hasRole(UnitRole.LEADER))) {
      return true;
    }
    return unit.equals(plan.getIssuer()) && (official.hasRole(UnitRole.LEADER) || official.hasRole(UnitRole.OFFICE));
  }
}
