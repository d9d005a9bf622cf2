package vn.planflow.voting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.planflow.calendar.WorkingDayCalendar;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.ProcessValues;

/**
 * Vote slips (phiếu lấy ý kiến thành viên UBND): sends one to every member of the issuing
 * committee as the roster stands at sending, records each vote, closes early when the outcome
 * can no longer change, and keeps the tally as a record. Called as {@code ${voting...}}.
 */
@Component("voting")
public class VotingProcess {

  private final PlanRepository plans;
  private final VoteRoundRepository rounds;
  private final VoteSlipRepository slips;
  private final OfficialRepository officials;
  private final OrgUnitRepository units;
  private final WorkingDayCalendar calendar;
  private final VoteSlipTally tally;
  private final Clock clock;

  VotingProcess(PlanRepository plans, VoteRoundRepository rounds, VoteSlipRepository slips,
      OfficialRepository officials, OrgUnitRepository units, WorkingDayCalendar calendar,
      VoteSlipTally tally, Clock clock) {
    this.plans = plans;
    this.rounds = rounds;
    this.slips = slips;
    this.officials = officials;
    this.units = units;
    this.calendar = calendar;
    this.tally = tally;
    this.clock = clock;
  }

  /** Sends the slips: snapshot of the roster, deadline in working days. */
  public void open(DelegateExecution execution) {
    Plan plan = plans.findById(execution.getProcessBusinessKey()).orElseThrow();
    OrgUnit issuer = units.findById(plan.getIssuer()).orElseThrow();
    List<Official> roster = officials.findByCommitteeOfOrderByIdAsc(issuer.getCode()).stream()
        .sorted(Comparator.comparing(Official::getCommitteePosition).thenComparing(Official::getId))
        .toList();
    if (roster.isEmpty()) {
      throw new IllegalStateException("The committee of " + issuer.getCode() + " has no members");
    }
    Integer days = ProcessValues.integer(execution.getVariable(PlanApproval.VOTE_DAYS));
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime deadline = calendar.deadline(now, days != null && days > 0 ? days : issuer.voteDays());
    int round = rounds.findFirstByPlanCodeOrderByRoundDesc(plan.getCode()).map(r -> r.getRound() + 1).orElse(1);
    rounds.save(new VoteRound(plan.getCode(), round, issuer.getCode(), now, deadline, issuer.deemedAgreeOnTimeout(),
        roster.stream().map(m -> new VoteSlip(m.getId(), m.getName(), m.getCommitteePosition())).toList()));
    execution.setVariable(PlanApproval.VOTE_DEADLINE, Date.from(deadline.toInstant()));
  }

  /** The members who get a slip: the collection of the multi-instance {@code castVote}. */
  public List<String> roster(DelegateExecution execution) {
    return current(execution.getProcessBusinessKey()).getSlips().stream().map(VoteSlip::getMemberId).toList();
  }

  /** Complete listener of {@code castVote}: the member's slip is returned. */
  public void recordVote(DelegateTask task) {
    VoteRound round = current(task.getExecution().getProcessBusinessKey());
    String member = (String) task.getVariable(PlanApproval.MEMBER);
    VoteSlip slip = slips.findSlip(round.getId(), member).orElseThrow();
    slip.cast(Vote.valueOf(ProcessValues.text(task.getVariable(PlanApproval.VOTE))),
        ProcessValues.text(task.getVariable(PlanApproval.COMMENT)), OffsetDateTime.now(clock));
  }

  /** Completion condition of the slips: stop asking once the outcome cannot change. */
  public boolean decided(DelegateExecution execution) {
    VoteRound round = current(execution.getProcessBusinessKey());
    return tally.decided(round.count(Vote.AGREE), round.unreturned(), round.getSlips().size());
  }

  public long agreeVotes(DelegateExecution execution) {
    return current(execution.getProcessBusinessKey()).count(Vote.AGREE);
  }

  public long unreturnedSlips(DelegateExecution execution) {
    return current(execution.getProcessBusinessKey()).unreturned();
  }

  public int rosterSize(DelegateExecution execution) {
    return current(execution.getProcessBusinessKey()).getSlips().size();
  }

  public boolean deemedAgreeOnTimeout(DelegateExecution execution) {
    return current(execution.getProcessBusinessKey()).isDeemedAgree();
  }

  /** After the decision: the round is closed with its counts and result, kept on the plan. */
  public void close(DelegateExecution execution) {
    Plan plan = plans.findById(execution.getProcessBusinessKey()).orElseThrow();
    VoteRound round = current(plan.getCode());
    String outcome = (String) execution.getVariable(PlanApproval.VOTE_OUTCOME);
    OffsetDateTime now = OffsetDateTime.now(clock);
    round.close(outcome, round.unreturned() > 0 && !now.isBefore(round.getDeadline()), now);
    plan.recordVoteResult(outcome);
  }

  VoteRound current(String planCode) {
    return rounds.findFirstByPlanCodeOrderByRoundDesc(planCode).orElseThrow();
  }
}
