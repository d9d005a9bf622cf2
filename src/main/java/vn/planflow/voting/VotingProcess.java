package vn.planflow.voting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.planflow.calendar.VietnameseDates;
import vn.planflow.calendar.WorkingDayCalendar;
import vn.planflow.notification.Notifier;
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
 * committee as the roster stands at sending, records each vote, and keeps the tally as a record.
 * Slips stay open until the deadline unless the committee's setting {@code closeVotingEarly}
 * stops the vote once the outcome can no longer change; then the slips still out are recorded as
 * not sent because voting closed early (never as agreement) and their holders are told by e-mail.
 * Called as {@code ${voting...}}.
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
  private final Notifier notifier;
  private final String baseUrl;

  VotingProcess(PlanRepository plans, VoteRoundRepository rounds, VoteSlipRepository slips,
      OfficialRepository officials, OrgUnitRepository units, WorkingDayCalendar calendar,
      VoteSlipTally tally, Clock clock, Notifier notifier,
      @Value("${planflow.base-url:http://localhost:8080}") String baseUrl) {
    this.plans = plans;
    this.rounds = rounds;
    this.slips = slips;
    this.officials = officials;
    this.units = units;
    this.calendar = calendar;
    this.tally = tally;
    this.clock = clock;
    this.notifier = notifier;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
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
    // The Office official whose decision sends the slips (this step follows theirs in the same
    // transaction); they sign the vote record.
    var sender = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String sentBy = sender == null ? null : sender.getUserId();
    String sentByName = sentBy == null ? null : officials.findById(sentBy).map(Official::getName).orElse(null);
    rounds.save(new VoteRound(plan.getCode(), round, issuer.getCode(), now, deadline, issuer.deemedAgreeOnTimeout(),
        issuer.closeVotingEarly(), roster.stream().map(m -> new VoteSlip(m.getId(), m.getName(), m.getCommitteePosition())).toList(),
        sentBy, sentByName));
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

  /**
   * Completion condition of the slips: where the committee closes voting early, stop asking once
   * the outcome cannot change; otherwise never (the slips close when all are returned or at the
   * deadline).
   */
  public boolean decided(DelegateExecution execution) {
    VoteRound round = current(execution.getProcessBusinessKey());
    return round.isCloseEarly()
        && tally.decided(round.count(Vote.AGREE), round.unreturned(), round.getSlips().size());
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

  /**
   * Whether unreturned slips count as agreement in this tally: only where the committee's rules
   * say so and the deadline has passed — a slip cut short by an early close never does.
   */
  public boolean deemedAgreeOnTimeout(DelegateExecution execution) {
    VoteRound round = current(execution.getProcessBusinessKey());
    return round.isDeemedAgree() && !OffsetDateTime.now(clock).isBefore(round.getDeadline());
  }

  /** After the decision: the round is closed with its counts and result, kept on the plan. */
  public void close(DelegateExecution execution) {
    Plan plan = plans.findById(execution.getProcessBusinessKey()).orElseThrow();
    VoteRound round = current(plan.getCode());
    String outcome = (String) execution.getVariable(PlanApproval.VOTE_OUTCOME);
    OffsetDateTime now = OffsetDateTime.now(clock);
    round.close(outcome, now);
    plan.recordVoteResult(outcome);
    if (round.isClosedEarly()) {
      tellClosedEarly(plan, round);
    }
  }

  /** The members whose slips were still out hear that voting ended and how their slip stands. */
  private void tellClosedEarly(Plan plan, VoteRound round) {
    List<String> holders = round.getSlips().stream()
        .filter(slip -> round.statusOf(slip) == SlipStatus.CLOSED_EARLY)
        .map(VoteSlip::getMemberId)
        .toList();
    String result = PlanApproval.VOTE_PASSED.equals(round.getResult()) ? "thông qua" : "chưa được thông qua";
    notifier.notify("vote-closed-early:" + round.getId(), holders,
        "[planflow] Đã kết thúc sớm việc lấy phiếu biểu quyết kế hoạch " + plan.getCode(),
        "Việc lấy phiếu biểu quyết về kế hoạch \"" + plan.getTitle().strip() + "\" (" + plan.getCode()
            + ", đợt " + round.getRound() + ") đã kết thúc sớm lúc " + VietnameseDates.dateTime(
                Date.from(round.getClosedAt().toInstant()))
            + ", trước thời hạn " + VietnameseDates.dateTime(Date.from(round.getDeadline().toInstant()))
            + ", vì kết quả đã rõ theo Quy chế làm việc: kế hoạch " + result + " ("
            + round.getAgreeCount() + "/" + round.getSlips().size() + " thành viên đồng ý).\n\n"
            + "Phiếu của đồng chí được ghi là \"" + SlipStatus.CLOSED_EARLY.label()
            + "\" và không được tính là đồng ý. Phiếu không còn trong danh sách việc của đồng chí.\n",
        baseUrl + "/dashboard");
  }

  VoteRound current(String planCode) {
    return rounds.findFirstByPlanCodeOrderByRoundDesc(planCode).orElseThrow();
  }
}
