package vn.planflow.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A unit of the organization: a People's Committee, a department, or another body. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

  public static final int DEFAULT_VOTE_DAYS = 3;
  public static final int DEFAULT_CONSULTATION_DAYS = 7;

  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private UnitKind kind;

  @Column(nullable = false)
  private String symbol;

  private String place;

  @Column(name = "parent_code")
  private String parentCode;

  private Integer voteDays;

  private Integer consultationDays;

  private Boolean deemedAgreeOnTimeout;

  private Boolean substituteMayVote;

  private Boolean closeVotingEarly;

  private Integer draftingDays;

  private Integer reviewDays;

  private Integer synthesisDays;

  private Integer submissionDays;

  private Integer officeReviewDays;

  private Integer signingDays;

  private Integer issuingDays;

  @Column(nullable = false)
  private OffsetDateTime createdAt;

  @Column(nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected OrgUnit() {}

  OrgUnit(String code, OffsetDateTime now) {
    this.code = code;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Takes the imported state; answers whether anything officials would see has changed (the
   * caller then records a revision).
   */
  boolean update(
      String name,
      UnitKind kind,
      String symbol,
      String place,
      String parentCode,
      Integer voteDays,
      Integer consultationDays,
      Boolean deemedAgreeOnTimeout,
      OffsetDateTime now) {
    boolean changed =
        !Objects.equals(this.name, name)
            || this.kind != kind
            || !Objects.equals(this.symbol, symbol)
            || !Objects.equals(this.place, place)
            || !Objects.equals(this.parentCode, parentCode)
            || !Objects.equals(this.voteDays, voteDays)
            || !Objects.equals(this.consultationDays, consultationDays)
            || !Objects.equals(this.deemedAgreeOnTimeout, deemedAgreeOnTimeout);
    this.name = name;
    this.kind = kind;
    this.symbol = symbol;
    this.place = place;
    this.parentCode = parentCode;
    this.voteDays = voteDays;
    this.consultationDays = consultationDays;
    this.deemedAgreeOnTimeout = deemedAgreeOnTimeout;
    if (changed) {
      this.updatedAt = now;
    }
    return changed;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public UnitKind getKind() {
    return kind;
  }

  public String getSymbol() {
    return symbol;
  }

  public String getPlace() {
    return place;
  }

  public String getParentCode() {
    return parentCode;
  }

  public boolean isPeoplesCommittee() {
    return kind == UnitKind.PEOPLES_COMMITTEE;
  }

  /** Working days a vote slip stays open (Quy chế làm việc of this UBND). */
  public int voteDays() {
    return voteDays != null ? voteDays : DEFAULT_VOTE_DAYS;
  }

  /** Working days a consultation stays open. */
  public int consultationDays() {
    return consultationDays != null ? consultationDays : DEFAULT_CONSULTATION_DAYS;
  }

  /** Whether an unreturned vote slip counts as agreement. */
  public boolean deemedAgreeOnTimeout() {
    return Boolean.TRUE.equals(deemedAgreeOnTimeout);
  }

  /** Whether a member's substitute may return the member's vote slip (default: no). */
  public boolean substituteMayVote() {
    return Boolean.TRUE.equals(substituteMayVote);
  }

  /** Takes the imported rule on substitutes' vote slips; answers whether it changed. */
  boolean updateSubstituteMayVote(Boolean value, OffsetDateTime now) {
    boolean changed = !Objects.equals(this.substituteMayVote, value);
    this.substituteMayVote = value;
    if (changed) {
      this.updatedAt = now;
    }
    return changed;
  }

  /**
   * Whether voting stops as soon as the outcome can no longer change; by default the slips stay
   * open until the deadline.
   */
  public boolean closeVotingEarly() {
    return Boolean.TRUE.equals(closeVotingEarly);
  }

  /** Working days of each approval step, the defaults filling steps the import left out. */
  public ApprovalDays approvalDays() {
    ApprovalDays d = ApprovalDays.DEFAULT;
    return new ApprovalDays(
        draftingDays != null ? draftingDays : d.drafting(),
        reviewDays != null ? reviewDays : d.review(),
        synthesisDays != null ? synthesisDays : d.synthesis(),
        submissionDays != null ? submissionDays : d.submission(),
        officeReviewDays != null ? officeReviewDays : d.officeReview(),
        signingDays != null ? signingDays : d.signing(),
        issuingDays != null ? issuingDays : d.issuing());
  }

  /**
   * Takes the committee's voting and step deadlines (null for a unit that is not a People's
   * Committee); answers whether any changed.
   */
  boolean updateCommitteeRules(Boolean closeVotingEarly, ApprovalDays days, OffsetDateTime now) {
    Integer[] given = days == null ? new Integer[7] : new Integer[] {days.drafting(), days.review(),
        days.synthesis(), days.submission(), days.officeReview(), days.signing(), days.issuing()};
    Integer[] stored = {draftingDays, reviewDays, synthesisDays, submissionDays, officeReviewDays, signingDays,
        issuingDays};
    boolean changed = !Objects.equals(this.closeVotingEarly, closeVotingEarly)
        || !java.util.Arrays.equals(stored, given);
    this.closeVotingEarly = closeVotingEarly;
    this.draftingDays = given[0];
    this.reviewDays = given[1];
    this.synthesisDays = given[2];
    this.submissionDays = given[3];
    this.officeReviewDays = given[4];
    this.signingDays = given[5];
    this.issuingDays = given[6];
    if (changed) {
      this.updatedAt = now;
    }
    return changed;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
