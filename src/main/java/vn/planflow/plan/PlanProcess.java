package vn.planflow.plan;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Glue between {@code plan-approval} and the plan: what the process knows of the plan when it
 * starts, and the plan's status as the process moves. Called from the model as
 * {@code ${planProcess...}}.
 */
@Component("planProcess")
public class PlanProcess {

  private final PlanRepository plans;
  private final PlanService service;
  private final UnitDirectory units;
  private final Clock clock;

  PlanProcess(PlanRepository plans, PlanService service, UnitDirectory units, Clock clock) {
    this.plans = plans;
    this.service = service;
    this.units = units;
    this.clock = clock;
  }

  /**
   * Start listener. Started by {@code POST /api/plans}, the plan exists; started from Tasklist's
   * start form, the plan is made from the form's fields, as the official who started it.
   */
  public void started(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    String code = businessKey != null ? businessKey : ProcessValues.text(execution.getVariable("code"));
    Plan plan = code == null ? null : plans.findById(code).orElse(null);
    if (plan == null) {
      plan = fromStartForm(execution, code);
    }
    if (businessKey == null) {
      execution.setProcessBusinessKey(plan.getCode());
    }
    execution.setVariable(PlanApproval.PLAN_CODE, plan.getCode());
    execution.setVariable(PlanApproval.ISSUER, plan.getIssuer());
    execution.setVariable(PlanApproval.LEAD_UNIT, plan.getLeadUnit());
  }

  private Plan fromStartForm(DelegateExecution execution, String code) {
    PlanRequest request = new PlanRequest(
        code,
        ProcessValues.text(execution.getVariable("title")),
        ProcessValues.text(execution.getVariable(PlanApproval.ISSUER)),
        ProcessValues.text(execution.getVariable(PlanApproval.LEAD_UNIT)),
        date(execution.getVariable("periodStart")),
        date(execution.getVariable("periodEnd")),
        List.of(),
        ProcessValues.text(execution.getVariable("objectives")),
        List.of(), List.of(),
        ProcessValues.text(execution.getVariable("budget")),
        List.of(), List.of(), null, null);
    List<vn.planflow.system.FieldProblem> problems = new PlanValidator(units).validate(request);
    if (!problems.isEmpty()) {
      throw new vn.planflow.system.InvalidRequestException(problems);
    }
    String initiator = ProcessValues.text(execution.getVariable("initiator"));
    service.requireDrafter(initiator, request.leadUnit());
    if (plans.existsById(code)) {
      throw new vn.planflow.system.ConflictException("Mã kế hoạch '" + code + "' đã có");
    }
    Plan plan = service.newPlan(request, initiator);
    plan.attachProcess(execution.getProcessInstanceId());
    return plan;
  }

  private static java.time.LocalDate date(Object value) {
    if (value instanceof java.util.Date date) {
      return date.toInstant().atZone(vn.planflow.calendar.EngineClock.VIETNAM).toLocalDate();
    }
    try {
      return value == null ? null : java.time.LocalDate.parse(value.toString().substring(0, 10));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Execution listener: the plan enters a status as the process enters a step. */
  public void status(DelegateExecution execution, String status) {
    Plan plan = plan(execution);
    plan.enter(PlanStatus.valueOf(status), OffsetDateTime.now(clock));
  }

  /** The units that acknowledge receipt: every unit that leads an appendix task. */
  public List<String> acknowledgingUnits(DelegateExecution execution) {
    return plan(execution).leadingUnits();
  }

  Plan plan(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    return plans.findById(code).orElseThrow(() -> PlanService.notFound(code));
  }
}
