package vn.planflow.plan;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.planflow.calendar.WorkingDayCalendar;
import vn.planflow.org.ApprovalDays;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;

/**
 * Due dates of the approval tasks, in working days from the moment the task is created, by the
 * issuing committee's settings ({@code draftingDays} … {@code issuingDays}). Called from the
 * model as {@code camunda:dueDate="${approvalDeadlines.due(execution, 'draftPlan')}"}, as the
 * reporting tasks take theirs from {@code ${reporting.dueAt(execution)}}; consultation and vote
 * slips keep their own deadlines ({@code consultationDays}, {@code voteDays}).
 */
@Component("approvalDeadlines")
public class ApprovalDeadlines {

  private final PlanRepository plans;
  private final OrgUnitRepository units;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  ApprovalDeadlines(PlanRepository plans, OrgUnitRepository units, WorkingDayCalendar calendar, Clock clock) {
    this.plans = plans;
    this.units = units;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** End of the last working day of the step's allowance, counted from now. */
  public Date due(DelegateExecution execution, String taskKey) {
    Plan plan = plans.findById(execution.getProcessBusinessKey()).orElseThrow();
    ApprovalDays days = units.findById(plan.getIssuer()).map(OrgUnit::approvalDays).orElse(ApprovalDays.DEFAULT);
    OffsetDateTime due = calendar.deadline(OffsetDateTime.now(clock), workingDays(days, taskKey));
    return Date.from(due.toInstant());
  }

  /** The allowance of each approval task; the meeting record and the acknowledgement share one. */
  static int workingDays(ApprovalDays days, String taskKey) {
    return switch (taskKey) {
      case PlanApproval.DRAFT_PLAN -> days.drafting();
      case PlanApproval.REVIEW_DRAFT -> days.review();
      case PlanApproval.SYNTHESIZE_OPINIONS -> days.synthesis();
      case PlanApproval.APPROVE_SUBMISSION -> days.submission();
      case PlanApproval.REVIEW_SUBMISSION, PlanApproval.RECORD_MEETING_DECISION -> days.officeReview();
      case PlanApproval.SIGN_PLAN -> days.signing();
      case PlanApproval.ISSUE_PLAN, PlanApproval.ACKNOWLEDGE_RECEIPT -> days.issuing();
      default -> throw new IllegalArgumentException("No approval deadline for task " + taskKey);
    };
  }
}
