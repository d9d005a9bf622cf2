package vn.planflow.plan;

import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.consultation.ConsultationOpinionRepository;
import vn.planflow.org.Caller;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.plan.PlanView.OpinionView;
import vn.planflow.plan.PlanView.Slip;
import vn.planflow.plan.PlanView.UnitRef;
import vn.planflow.plan.PlanView.VoteRecord;
import vn.planflow.voting.VoteRound;
import vn.planflow.voting.VoteRoundRepository;

/** Assembles {@link PlanView}: the plan with unit names, its consultations and its vote record. */
@Component
public class PlanViews {

  private final PlanRepository plans;
  private final OrgUnitRepository units;
  private final ConsultationOpinionRepository opinions;
  private final VoteRoundRepository voteRounds;
  private final ReadPolicy policy;
  private final ObjectProvider<PlanAttachments> attachments;

  PlanViews(PlanRepository plans, OrgUnitRepository units, ConsultationOpinionRepository opinions,
      VoteRoundRepository voteRounds, ReadPolicy policy, ObjectProvider<PlanAttachments> attachments) {
    this.attachments = attachments;
    this.plans = plans;
    this.units = units;
    this.opinions = opinions;
    this.voteRounds = voteRounds;
    this.policy = policy;
  }

  /** The plan with this code, read in one transaction, whole: for the engine and the documents. */
  @Transactional(readOnly = true)
  public PlanView of(String code) {
    return of(plans.findById(code).orElseThrow(() -> PlanService.notFound(code)));
  }

  @Transactional(readOnly = true)
  public PlanView of(Plan plan) {
    return of(plan, PlanViews::voteRecord);
  }

  /**
   * The plan as this caller may read it (403 otherwise): before the tally, others' vote slips
   * show who was asked but not what they answered, unless the caller runs the vote.
   */
  @Transactional(readOnly = true)
  public PlanView forReader(String code, String userId) {
    Plan plan = policy.readable(userId, code);
    Caller caller = policy.caller(userId);
    return of(plan, round -> policy.slips(caller, plan, round) == ReadPolicy.Slips.ALL
        ? voteRecord(round)
        : ownSlipOnly(voteRecord(round), caller.id()));
  }

  /** What a committee member's slip form shows: the round, and at most her own answer. */
  @Transactional(readOnly = true)
  public PlanView withOwnSlip(Plan plan, String member) {
    return of(plan, round -> ownSlipOnly(voteRecord(round), member));
  }

  private PlanView of(Plan plan, Function<VoteRound, VoteRecord> voteRecord) {
    return new PlanView(
        plan.getCode(),
        plan.getTitle(),
        plan.getIssuer(),
        name(plan.getIssuer()),
        plan.getLeadUnit(),
        name(plan.getLeadUnit()),
        plan.getPeriodStart(),
        plan.getPeriodEnd(),
        plan.getLegalBases(),
        plan.getObjectives(),
        plan.getTargets().stream()
            .map(t -> new PlanView.Target(t.getCode(), t.getText(), t.getUnit(), t.getValue()))
            .toList(),
        plan.getSections().stream().map(s -> new PlanView.Section(s.getHeading(), s.getBody())).toList(),
        plan.getBudget(),
        plan.getTasks().stream().map(this::task).toList(),
        plan.getRecipients(),
        new PlanView.Reporting(plan.getReportTo(), plan.getReportingDeadlines()),
        plan.getParentPlan(),
        plan.getStatus().name(),
        plan.getStatus().label(),
        plan.getNumber(),
        plan.getIssuedOn(),
        plan.getSignerId() == null ? null : new PlanView.Signer(plan.getSignerId(), plan.getSignerName(),
            plan.getSignerPosition().name(), SignatureBlock.of(plan.getSignerPosition(), plan.getSignerName())),
        plan.getSubmissionNumber(),
        plan.getSubmittedOn(),
        plan.getVoteResult(),
        voteRounds.findFirstByPlanCodeOrderByRoundDesc(plan.getCode()).map(voteRecord).orElse(null),
        opinions.findByPlanCodeOrderByRoundAscIdAsc(plan.getCode()).stream()
            .map(o -> new OpinionView(o.getRound(), o.getUnitCode(), name(o.getUnitCode()), o.getDeadline(),
                o.getOpinion() == null ? null : o.getOpinion().name(),
                o.getOpinion() == null ? null : o.getOpinion().label(),
                o.getComment(), o.getAnsweredBy(), o.getAnsweredAt(), o.getAccepted(), o.getExplanation()))
            .toList(),
        plan.getProcessInstanceId(),
        attachments.stream().flatMap(a -> a.of(plan.getCode()).stream()).toList());
  }

  private PlanView.Task task(PlanTask task) {
    return new PlanView.Task(task.getNo(), task.getGroup(), task.getName(), task.getContent(), task.getTarget(),
        task.getProduct(), new UnitRef(task.getLeadUnit(), name(task.getLeadUnit())),
        task.getCoordinatingUnits().stream().map(this::unitRef).toList(),
        task.getBudgetSource(), task.getTimeframe(), task.getStartDate(), task.getEndDate());
  }

  /** A coordinating entry is a unit code or the plan's own words. */
  private UnitRef unitRef(String entry) {
    return units.findById(entry).map(u -> new UnitRef(u.getCode(), u.getName())).orElse(new UnitRef(null, entry));
  }

  static VoteRecord voteRecord(VoteRound round) {
    List<Slip> slips = round.getSlips().stream()
        .map(s -> new Slip(s.getMemberId(), s.getMemberName(), s.getPosition().name(),
            s.getVote() == null ? null : s.getVote().name(), s.getComment(), s.getCastAt(),
            round.statusOf(s).name(), round.statusOf(s).label()))
        .toList();
    return new VoteRecord(round.getRound(), round.getSentAt(), round.getDeadline(), round.getClosedAt(),
        round.getClosedAtDeadline(), round.isClosed() ? round.isClosedEarly() : null, round.isDeemedAgree(),
        round.isCloseEarly(), slips.size(), round.getAgreeCount(),
        round.getDisagreeCount(), round.getOtherCount(), round.getUnreturnedCount(), round.getResult(), slips);
  }

  /** The record without anyone's answer but this member's, and without counts or result. */
  static VoteRecord ownSlipOnly(VoteRecord record, String member) {
    List<Slip> slips = record.slips().stream()
        .map(s -> s.member().equals(member) ? s
            : new Slip(s.member(), s.name(), s.position(), null, null, null, null, null))
        .toList();
    return new VoteRecord(record.round(), record.sentAt(), record.deadline(), null, null, null,
        record.deemedAgreeOnTimeout(), record.closeVotingEarly(), record.rosterSize(), null, null, null, null,
        null, slips);
  }

  private String name(String unitCode) {
    return unitCode == null ? null : units.findById(unitCode).map(OrgUnit::getName).orElse(unitCode);
  }
}
