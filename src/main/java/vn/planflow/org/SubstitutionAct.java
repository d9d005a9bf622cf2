package vn.planflow.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One thing that happened to a task under a substitution: the durable "thay mặt" record. */
@Entity
@Table(name = "substitution_act")
public class SubstitutionAct {

  /** What happened. */
  public enum Kind {
    /** The substitute was made a candidate of the official's new task. */
    OFFERED,
    /** The substitute took the task over (became its assignee). */
    TAKEN,
    /** The substitute completed the task for the official. */
    COMPLETED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long substitutionId;

  @Column(nullable = false)
  private String taskId;

  private String taskKey;

  private String processInstanceId;

  private String businessKey;

  @Column(nullable = false)
  private String officialId;

  @Column(nullable = false)
  private String substituteId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(nullable = false)
  private OffsetDateTime actedAt;

  protected SubstitutionAct() {}

  SubstitutionAct(Substitution substitution, String taskId, String taskKey, String processInstanceId,
      String businessKey, Kind kind, OffsetDateTime now) {
    this.substitutionId = substitution.getId();
    this.officialId = substitution.getOfficialId();
    this.substituteId = substitution.getSubstituteId();
    this.taskId = taskId;
    this.taskKey = taskKey;
    this.processInstanceId = processInstanceId;
    this.businessKey = businessKey;
    this.kind = kind;
    this.actedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getSubstitutionId() {
    return substitutionId;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getTaskKey() {
    return taskKey;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public String getOfficialId() {
    return officialId;
  }

  public String getSubstituteId() {
    return substituteId;
  }

  public Kind getKind() {
    return kind;
  }

  public OffsetDateTime getActedAt() {
    return actedAt;
  }
}
