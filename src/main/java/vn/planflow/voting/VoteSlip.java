package vn.planflow.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import vn.planflow.org.CommitteePosition;

/** One member's slip: sent to them with the roster, returned with their vote or not at all. */
@Entity
@Table(name = "vote_slip")
public class VoteSlip {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String memberId;

  @Column(nullable = false)
  private String memberName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CommitteePosition position;

  @Enumerated(EnumType.STRING)
  private Vote vote;

  private String comment;

  private OffsetDateTime castAt;

  protected VoteSlip() {}

  VoteSlip(String memberId, String memberName, CommitteePosition position) {
    this.memberId = memberId;
    this.memberName = memberName;
    this.position = position;
  }

  void cast(Vote vote, String comment, OffsetDateTime at) {
    this.vote = vote;
    this.comment = comment;
    this.castAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getMemberId() {
    return memberId;
  }

  public String getMemberName() {
    return memberName;
  }

  public CommitteePosition getPosition() {
    return position;
  }

  public Vote getVote() {
    return vote;
  }

  public String getComment() {
    return comment;
  }

  public OffsetDateTime getCastAt() {
    return castAt;
  }
}
