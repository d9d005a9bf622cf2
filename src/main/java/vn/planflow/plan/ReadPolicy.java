package vn.planflow.plan;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.consultation.ConsultationOpinion;
import vn.planflow.consultation.ConsultationOpinionRepository;
import vn.planflow.org.Caller;
import vn.planflow.org.Callers;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.UnitRole;
import vn.planflow.voting.VoteRound;
import vn.planflow.voting.VoteRoundRepository;
import vn.planflow.voting.VoteSlip;

/**
 * The one place that decides who reads what: plans, their vote slips, their reports and the
 * outgoing registers. Every read endpoint under {@code /api} and {@code /dashboard} asks here.
 *
 * <ul>
 *   <li>An issued plan ({@code IN_EFFECT}, {@code CLOSED}) is public to every official.
 *   <li>A plan not yet issued is read only by those who take part in it: the lead unit, the
 *       consulted units, the issuer's office, leaders and clerks, the issuer's committee members
 *       (they get vote slips), the signer, and administrators.
 *   <li>Vote slips (each vote and comment) are read, until the round is tallied, only by the
 *       issuer's office (who runs the vote) and administrators; a member sees her own slip. After
 *       the tally whoever reads the plan reads them: a slip cast before others have voted must not
 *       sway them.
 *   <li>Reports name what each unit did: a unit's own report is read by that unit, the report-to
 *       unit, the lead unit, the issuer's leaders and office, and administrators; the periods and
 *       their consolidation also by the other units that report in the plan.
 * </ul>
 *
 * <p>Refusals are 403, not 404: plan codes follow a public pattern and are printed on the
 * documents, so hiding that a plan exists protects nothing, while a 403 tells an official why.
 */
@Component
public class ReadPolicy {

  /** Whose vote slips a reader sees in full. */
  public enum Slips { ALL, OWN }

  private final Callers callers;
  private final PlanRepository plans;
  private final ConsultationOpinionRepository opinions;
  private final VoteRoundRepository voteRounds;

  ReadPolicy(Callers callers, PlanRepository plans, ConsultationOpinionRepository opinions,
      VoteRoundRepository voteRounds) {
    this.callers = callers;
    this.plans = plans;
    this.opinions = opinions;
    this.voteRounds = voteRounds;
  }

  public Caller caller(String userId) {
    return callers.of(userId);
  }

  public boolean isAdministrator(String userId) {
    return callers.isAdministrator(userId);
  }

  /** The plan with this code if the caller may read it: 404 when there is none, 403 when not theirs. */
  @Transactional(readOnly = true)
  public Plan readable(String userId, String code) {
    Plan plan = plans.findById(code).orElseThrow(() -> PlanService.notFound(code));
    requireRead(userId, plan);
    return plan;
  }

  private void requireRead(String userId, Plan plan) {
    if (!mayRead(caller(userId), plan)) {
      throw new AccessDeniedException("Kế hoạch '" + plan.getCode()
          + "' chưa ban hành: chỉ các đơn vị, cá nhân tham gia xây dựng, thẩm định, biểu quyết, ký, ban hành được xem");
    }
  }

  /** The plans of the list the caller may read, in the same order. */
  @Transactional(readOnly = true)
  public List<Plan> readable(String userId, List<Plan> list) {
    Caller caller = caller(userId);
    return list.stream().filter(plan -> mayRead(caller, plan)).toList();
  }

  @Transactional(readOnly = true)
  public boolean mayRead(Caller caller, Plan plan) {
    if (caller.administrator() || isIssued(plan) && caller.isOfficial()) {
      return true;
    }
    if (!caller.isOfficial()) {
      return false;
    }
    String issuer = plan.getIssuer();
    if (caller.isIn(plan.getLeadUnit())
        || caller.hasRole(issuer, UnitRole.OFFICE)
        || caller.hasRole(issuer, UnitRole.LEADER)
        || caller.hasRole(issuer, UnitRole.CLERK)
        || caller.sitsOn(issuer)
        || caller.id().equals(plan.getSignerId())) {
      return true;
    }
    String unit = caller.official().getUnitCode();
    return opinions.findByPlanCodeOrderByRoundAscIdAsc(plan.getCode()).stream()
            .map(ConsultationOpinion::getUnitCode).anyMatch(unit::equals)
        // A former member who got a slip in an earlier round keeps reading what she voted on.
        || voteRounds.findByPlanCodeOrderByRoundAsc(plan.getCode()).stream()
            .flatMap(round -> round.getSlips().stream()).map(VoteSlip::getMemberId).anyMatch(caller.id()::equals);
  }

  static boolean isIssued(Plan plan) {
    return plan.getStatus() == PlanStatus.IN_EFFECT || plan.getStatus() == PlanStatus.CLOSED;
  }

  /**
   * Whose slips of this round the caller sees in full: all of them once the round is tallied (for
   * whoever reads the plan) or for the issuer's office and administrators; otherwise her own only.
   */
  public Slips slips(Caller caller, Plan plan, VoteRound round) {
    boolean runsTheVote = caller.administrator() || caller.hasRole(round.getIssuerCode(), UnitRole.OFFICE);
    return runsTheVote || round.isClosed() && mayRead(caller, plan) ? Slips.ALL : Slips.OWN;
  }

  /**
   * When the plan's latest vote round is still open and the caller may see only her own slip in
   * it: the moment its slips were sent, so that timelines and audit trails leave out the others'
   * slips from then on. Empty when nothing is hidden.
   */
  @Transactional(readOnly = true)
  public Optional<OffsetDateTime> othersSlipsHiddenSince(Caller caller, Plan plan) {
    return voteRounds.findFirstByPlanCodeOrderByRoundDesc(plan.getCode())
        .filter(round -> !round.isClosed() && slips(caller, plan, round) == Slips.OWN)
        .map(VoteRound::getSentAt);
  }

  /** The vote record document lists every slip: only for those who see them all (and read the plan). */
  @Transactional(readOnly = true)
  public void requireAllSlips(String userId, Plan plan, VoteRound round) {
    Caller caller = caller(userId);
    if (!mayRead(caller, plan) || slips(caller, plan, round) != Slips.ALL) {
      throw new AccessDeniedException(
          "Phiếu biểu quyết chỉ Văn phòng UBND xem được cho đến khi kiểm phiếu xong");
    }
  }

  /**
   * The plan's reporting periods, their consolidation (what every unit reported), its document
   * and figures: the units that report in the plan, and those who oversee the reporting.
   */
  @Transactional(readOnly = true)
  public boolean mayReadReports(Caller caller, Plan plan, Collection<String> reportingUnits) {
    return overseesReporting(caller, plan)
        || caller.isOfficial() && reportingUnits.contains(caller.official().getUnitCode());
  }

  /** One unit's report, draft included: that unit, and those who oversee the reporting. */
  @Transactional(readOnly = true)
  public boolean mayReadReportOf(Caller caller, Plan plan, String unit) {
    return caller.isIn(unit) || overseesReporting(caller, plan);
  }

  /** The lead and report-to units, the issuer's leaders and office, administrators. */
  private static boolean overseesReporting(Caller caller, Plan plan) {
    return caller.administrator()
        || caller.isIn(plan.getLeadUnit())
        || plan.getReportTo() != null && caller.isIn(plan.getReportTo())
        || caller.hasRole(plan.getIssuer(), UnitRole.LEADER)
        || caller.hasRole(plan.getIssuer(), UnitRole.OFFICE);
  }

  public void requireReports(boolean allowed) {
    if (!allowed) {
      throw new AccessDeniedException("Báo cáo chỉ đơn vị báo cáo, đơn vị chủ trì, đơn vị nhận báo cáo, "
          + "lãnh đạo và Văn phòng UBND ban hành kế hoạch được xem");
    }
  }

  /**
   * The outgoing register of an issuer: a People's Committee's is kept by its office and clerks
   * and read by its leaders; a department's (its Tờ trình and reports) by its own officials.
   */
  public void requireRegister(String userId, OrgUnit issuer) {
    Caller caller = caller(userId);
    String code = issuer.getCode();
    boolean allowed = caller.administrator()
        || (issuer.isPeoplesCommittee()
            ? caller.hasRole(code, UnitRole.OFFICE) || caller.hasRole(code, UnitRole.CLERK)
                || caller.hasRole(code, UnitRole.LEADER)
            : caller.isIn(code));
    if (!allowed) {
      throw new AccessDeniedException("Sổ đăng ký văn bản đi của '" + issuer.getName()
          + "' chỉ văn thư, Văn phòng và lãnh đạo đơn vị được xem");
    }
  }

  /** The audit trail: leaders of a unit and administrators, each for the plans they may read. */
  public boolean mayAudit(String userId) {
    Caller caller = caller(userId);
    return caller.administrator() || caller.isLeader();
  }

  public void requireAudit(String userId) {
    if (!mayAudit(userId)) {
      throw new AccessDeniedException("Nhật ký thao tác chỉ dành cho lãnh đạo đơn vị và quản trị hệ thống");
    }
  }
}
