package vn.planflow.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One consulted unit in one round: asked with a deadline, then its opinion and its handling. */
@Entity
@Table(name = "consultation_opinion")
public class ConsultationOpinion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String planCode;

  @Column(nullable = false)
  private int round;

  @Column(nullable = false)
  private String unitCode;

  @Column(nullable = false)
  private OffsetDateTime deadline;

  @Enumerated(EnumType.STRING)
  private Opinion opinion;

  private String comment;

  private String answeredBy;

  private OffsetDateTime answeredAt;

  /** Tiếp thu (true) or giải trình (false), decided in the synthesis. */
  private Boolean accepted;

  private String explanation;

  protected ConsultationOpinion() {}

  ConsultationOpinion(String planCode, int round, String unitCode, OffsetDateTime deadline) {
    this.planCode = planCode;
    this.round = round;
    this.unitCode = unitCode;
    this.deadline = deadline;
  }

  void answer(Opinion opinion, String comment, String answeredBy, OffsetDateTime answeredAt) {
    this.opinion = opinion;
    this.comment = comment;
    this.answeredBy = answeredBy;
    this.answeredAt = answeredAt;
  }

  void handle(Boolean accepted, String explanation) {
    this.accepted = accepted;
    this.explanation = explanation;
  }

  public boolean isAnswered() {
    return opinion != null;
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

  public String getUnitCode() {
    return unitCode;
  }

  public OffsetDateTime getDeadline() {
    return deadline;
  }

  public Opinion getOpinion() {
    return opinion;
  }

  public String getComment() {
    return comment;
  }

  public String getAnsweredBy() {
    return answeredBy;
  }

  public OffsetDateTime getAnsweredAt() {
    return answeredAt;
  }

  public Boolean getAccepted() {
    return accepted;
  }

  public String getExplanation() {
    return explanation;
  }
}
