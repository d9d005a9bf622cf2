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

  protected VoteRound() {}

  VoteRound(String planCode, int round, String issuerCode, OffsetDateTime sentAt,
      OffsetDateTime deadline, boolean deemedAgree, List<VoteSlip> roster) {
    this.planCode = planCode;
    this.round = round;
    this.issuerCode = issuerCode;
    this.sentAt = sentAt;
    this.deadline = deadline;
    this.deemedAgree = deemedAgree;
    this.slips = new ArrayList<>(roster);
  }

  long count(Vote vote) {
    return slips.stream().filter(s -> s.getVote() == vote).count();
  }

  long unreturned() {
    return slips.stream().filter(s -> s.getVote() == null).count();
  }

  void close(String result, boolean atDeadline, OffsetDateTime now) {
    this.result = result;
    this.closedAtDeadline = atDeadline;
    this.closedAt = now;
    this.agreeCount = (int) count(Vote.AGREE);
    this.disagreeCount = (int) count(Vote.DISAGREE);
    this.otherCount = (int) count(Vote.OTHER);
    this.unreturnedCount = (int) unreturned();
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
}
