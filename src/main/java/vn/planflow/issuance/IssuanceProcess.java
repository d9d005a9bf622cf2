package vn.planflow.issuance;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.plan.ChildPlans;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.ProcessValues;

/**
 * Numbering and distribution: the Tờ trình takes its number when the lead unit's leader signs it;
 * the plan takes its number from the issuer's register when the clerk issues it, and is then in
 * effect; reporting starts; each unit that leads a task acknowledges receipt and may start its
 * own plan. Called as {@code ${issuance...}}.
 */
@Component("issuance")
public class IssuanceProcess {

  private final PlanRepository plans;
  private final OutgoingRegister register;
  private final OfficialRepository officials;
  private final OrgUnitRepository units;
  private final RuntimeService runtimeService;
  private final vn.planflow.system.EngineUser engineUser;
  private final ChildPlans childPlans;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  IssuanceProcess(PlanRepository plans, OutgoingRegister register, OfficialRepository officials,
      OrgUnitRepository units, RuntimeService runtimeService, vn.planflow.system.EngineUser engineUser,
      ChildPlans childPlans, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.plans = plans;
    this.register = register;
    this.officials = officials;
    this.units = units;
    this.runtimeService = runtimeService;
    this.engineUser = engineUser;
    this.childPlans = childPlans;
    this.clock = clock;
  }

  /** The Tờ trình of the lead unit to the committee: {@code n/TTr-<unit symbol>}. */
  public void numberSubmission(DelegateExecution execution) {
    Plan plan = plan(execution.getProcessBusinessKey());
    String issuerName = units.findById(plan.getIssuer()).map(u -> u.getName()).orElse(plan.getIssuer());
    RegisterEntry entry = register.register(new OutgoingRegister.Document(
        plan.getLeadUnit(), DocumentType.TTR,
        "Tờ trình đề nghị ban hành " + plan.getTitle(),
        currentUserName(), Recipients.parse(List.of(issuerName), register.archiveOf(plan.getLeadUnit())), plan.getCode(),
        currentUser()));
    plan.recordSubmission(entry.getSymbol(), entry.getIssuedOn());
  }

  /** Complete listener of {@code reviewSubmission}: the signer the office named is recorded. */
  public void recordSigner(DelegateTask task) {
    String decision = ProcessValues.text(task.getVariable(PlanApproval.DECISION));
    if ("RETURN".equals(decision)) {
      return;
    }
    Official signer = officials.findById(ProcessValues.text(task.getVariable(PlanApproval.SIGNER))).orElseThrow();
    plan(task.getExecution().getProcessBusinessKey())
        .recordSigner(signer.getId(), signer.getName(), signer.getCommitteePosition());
  }

  /** Complete listener of {@code issuePlan}: the number from the register, dated today. */
  public void numberPlan(DelegateTask task) {
    Plan plan = plan(task.getExecution().getProcessBusinessKey());
    RegisterEntry entry = register.register(new OutgoingRegister.Document(
        plan.getIssuer(), DocumentType.KH, plan.getTitle(), plan.getSignerName(),
        Recipients.parse(plan.getRecipients(), register.archiveOf(plan.getLeadUnit())), plan.getCode(), currentUser()));
    plan.issue(entry.getSymbol(), entry.getIssuedOn(), OffsetDateTime.now(clock));
    events.publishEvent(new PlanIssued(plan.getCode()));
  }

  /** Starts {@code reporting-cycle} for the plan now in effect (one instance per plan). */
  public void startReporting(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    runtimeService.createMessageCorrelation(PlanApproval.PLAN_IN_EFFECT_MESSAGE)
        .processInstanceBusinessKey(code)
        .setVariable(PlanApproval.PLAN_CODE, code)
        .correlateStartMessage();
  }

  /** Complete listener of {@code acknowledgeReceipt}: a unit that must make its own plan starts it. */
  public void acknowledge(DelegateTask task) {
    if (!Boolean.TRUE.equals(ProcessValues.bool(task.getVariable(PlanApproval.OWN_PLAN_REQUIRED)))) {
      return;
    }
    String unit = ProcessValues.text(task.getVariable(PlanApproval.UNIT));
    String childLead = ProcessValues.text(task.getVariable(PlanApproval.CHILD_LEAD_UNIT));
    childPlans.start(task.getExecution().getProcessBusinessKey(), unit, childLead, currentUser());
  }

  private Plan plan(String code) {
    return plans.findById(code).orElseThrow();
  }

  private String currentUser() {
    return engineUser.currentUserId();
  }

  private String currentUserName() {
    String user = currentUser();
    return user == null ? null : officials.findById(user).map(Official::getName).orElse(user);
  }
}
