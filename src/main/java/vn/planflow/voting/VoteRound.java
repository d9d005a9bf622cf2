package vn.planflow.voting;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One sending of vote slips to a People's Committee: the roster as it was at sending, every slip,
 * and the result — the record of the tally.
 */
@Entity
@Table(name = "vote_round")
public class VoteRound {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String planCode;

  @Column(nullable = false)
  private int round;

  @Column(nullable = false)
  private String issuerCode;

  @Column(nullable = false)
  private OffsetDateTime sentAt;

  @Column(nullable = false)
  private OffsetDateTime deadline;

  @Column(nullable = false)
  private boolean deemedAgree;

  /** The committee's rule when the slips were sent: stop once the outcome cannot change. */
  @Column(nullable = false)
  private boolean closeEarly;

  /** Whether the round stopped before its deadline with slips still out. */
  private Boolean closedEarly;

  @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @JoinColumn(name = "vote_round_id", nullable = false)
  @OrderBy("id")
  private List<VoteSlip> slips = new ArrayList<>();

  private OffsetDateTime closedAt;

  private Boolean closedAtDeadline;

  private String result;

  private Integer agreeCount;

  private Integer disagreeCount;

  private Integer otherCount;

  private Integer unreturnedCount;

  /** The Office official who sent the slips (and signs the vote record); null before V11. */
  @Column(name = "sent_by")
  private String sentBy;

  @Column(name = "sent_by_name")
  private String sentByName;

  protected VoteRound() {}

  VoteRound(String planCode, int round, String issuerCode, OffsetDateTime sentAt,
      OffsetDateTime deadline, boolean deemedAgree, boolean closeEarly, List<VoteSlip> roster,
      String sentBy, String sentByName) {
    this.planCode = planCode;
    this.sentBy = sentBy;
    this.sentByName = sentByName;
    this.round = round;
    this.issuerCode = issuerCode;
    this.sentAt = sentAt;
    this.deadline = deadline;
    this.deemedAgree = deemedAgree;
    this.closeEarly = closeEarly;
    this.slips = new ArrayList<>(roster);
  }

  long count(Vote vote) {
    return slips.stream().filter(s -> s.getVote() == vote).count();
  }

  long unreturned() {
    return slips.stream().filter(s -> s.getVote() == null).count();
  }

  void close(String result, OffsetDateTime now) {
    boolean outstanding = unreturned() > 0;
    this.result = result;
    this.closedAtDeadline = outstanding && !now.isBefore(deadline);
    this.closedEarly = outstanding && now.isBefore(deadline);
    this.closedAt = now;
    this.agreeCount = (int) count(Vote.AGREE);
    this.disagreeCount = (int) count(Vote.DISAGREE);
    this.otherCount = (int) count(Vote.OTHER);
    this.unreturnedCount = (int) unreturned();
  }

  /**
   * What a slip says now: the member's vote, still awaited, not returned by the deadline (counted
   * as agreement only under {@code deemedAgree}), or not returned because voting closed early.
   */
  public SlipStatus statusOf(VoteSlip slip) {
    if (slip.getVote() != null) {
      return SlipStatus.RETURNED;
    }
    if (!isClosed()) {
      return SlipStatus.AWAITED;
    }
    if (Boolean.TRUE.equals(closedEarly)) {
      return SlipStatus.CLOSED_EARLY;
    }
    return deemedAgree ? SlipStatus.NOT_RETURNED_DEEMED_AGREE : SlipStatus.NOT_RETURNED;
  }

  public boolean isCloseEarly() {
    return closeEarly;
  }

  /** True when voting stopped before its deadline while some slips were still out. */
  public boolean isClosedEarly() {
    return Boolean.TRUE.equals(closedEarly);
  }

  public boolean isClosed() {
    return closedAt != null;
  }

  public Long getId() {
    return id;
  }

  public String getPlanCode() {
    return planCode;
  }

  public int getRound() {
    return round;
  }

  public String getIssuerCode() {
    return issuerCode;
  }

  public OffsetDateTime getSentAt() {
    return sentAt;
  }

  public OffsetDateTime getDeadline() {
    return deadline;
  }

  public boolean isDeemedAgree() {
    return deemedAgree;
  }

  public List<VoteSlip> getSlips() {
    return List.copyOf(slips);
  }

  public OffsetDateTime getClosedAt() {
    return closedAt;
  }

  public Boolean getClosedAtDeadline() {
    return closedAtDeadline;
  }

  public String getResult() {
    return result;
  }

  public Integer getAgreeCount() {
    return agreeCount;
  }

  public Integer getDisagreeCount() {
    return disagreeCount;
  }

  public Integer getOtherCount() {
    return otherCount;
  }

  public Integer getUnreturnedCount() {
    return unreturnedCount;
  }

  public String getSentBy() {
    return sentBy;
  }

  public String getSentByName() {
    return sentByName;
  }
}
