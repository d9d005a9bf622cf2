package vn.planflow.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.org.UnitKind;

/**
 * A unit that must make its own plan under an issued one (a ward under the city's plan) starts
 * it from its acknowledgement: a new plan in drafting, linked to the parent, with its own
 * {@code plan-approval}.
 */
@Component
public class ChildPlans {

  private final PlanRepository plans;
  private final PlanService service;
  private final OrgUnitRepository units;
  private final RuntimeService runtimeService;

  ChildPlans(PlanRepository plans, PlanService service, OrgUnitRepository units, RuntimeService runtimeService) {
    this.plans = plans;
    this.service = service;
    this.units = units;
    this.runtimeService = runtimeService;
  }

  /**
   * @param unit the acknowledging unit; it issues the child plan when it is a People's
   *     Committee, otherwise its committee does
   * @param leadUnit the unit that drafts the child plan (defaults to the acknowledging unit)
   */
  public Plan start(String parentCode, String unit, String leadUnit, String startedBy) {
    Plan parent = plans.findById(parentCode).orElseThrow();
    OrgUnit acknowledging = units.findById(unit).orElseThrow();
    String issuer = acknowledging.getKind() == UnitKind.PEOPLES_COMMITTEE
        ? acknowledging.getCode()
        : nearestCommittee(acknowledging);
    String drafter = leadUnit != null && !leadUnit.isBlank() ? leadUnit : unit;
    String code = parentCode + "-" + unit.toUpperCase(Locale.ROOT);
    String place = units.findById(issuer).map(OrgUnit::getPlace).orElse(null);
    PlanRequest request = new PlanRequest(
        code,
        parent.getTitle() + (place == null ? "" : " (triển khai tại " + place + ")"),
        issuer,
        drafter,
        parent.getPeriodStart(),
        parent.getPeriodEnd(),
        List.of("Kế hoạch " + (parent.getNumber() == null ? parent.getCode() : "số " + parent.getNumber())
            + " của " + units.findById(parent.getIssuer()).map(OrgUnit::getName).orElse(parent.getIssuer())),
        parent.getObjectives(),
        parent.getTargets().stream()
            .map(t -> new PlanRequest.TargetData(t.getCode(), t.getText(), t.getUnit(), t.getValue()))
            .toList(),
        List.of(),
        null,
        List.of(),
        List.of(),
        new PlanRequest.ReportingData(drafter, parent.getReportingDeadlines()),
        parent.getCode());
    Plan child = service.newPlan(request, startedBy);
    var instance = runtimeService.createProcessInstanceByKey(PlanApproval.PROCESS)
        .businessKey(code)
        .setVariables(Map.of(
            PlanApproval.PLAN_CODE, code,
            PlanApproval.ISSUER, issuer,
            PlanApproval.LEAD_UNIT, drafter))
        .execute();
    child.attachProcess(instance.getId());
    return child;
  }

  private String nearestCommittee(OrgUnit unit) {
    OrgUnit current = unit;
    while (current != null && current.getKind() != UnitKind.PEOPLES_COMMITTEE) {
      current = current.getParentCode() == null ? null : units.findById(current.getParentCode()).orElse(null);
    }
    if (current == null) {
      throw new IllegalStateException("No People's Committee above " + unit.getCode());
    }
    return current.getCode();
  }
}
