package vn.planflow.reporting;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.planflow.calendar.EngineClock;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.PlanStatus;

/**
 * Glue of process {@code reporting-cycle}. For now the process waits for the end of the plan's
 * period and closes the plan; the reporting periods, reminders and consolidation come with the
 * reporting loop.
 */
@Component("reporting")
public class ReportingCycle {

  private final PlanRepository plans;

  ReportingCycle(PlanRepository plans) {
    this.plans = plans;
  }

  /** The end of the plan's period, 24:00 of its last day in Asia/Ho_Chi_Minh. */
  public Date periodEnd(DelegateExecution execution) {
    Plan plan = plans.findById(execution.getProcessBusinessKey()).orElseThrow();
    ZonedDateTime end = ZonedDateTime.of(plan.getPeriodEnd().plusDays(1), LocalTime.MIDNIGHT, EngineClock.VIETNAM);
    return Date.from(end.toInstant());
  }

  /** End listener: the plan's period is over. */
  public void close(DelegateExecution execution) {
    plans.findById(execution.getProcessBusinessKey())
        .ifPresent(plan -> plan.enter(PlanStatus.CLOSED, OffsetDateTime.now(new EngineClock())));
  }
}
