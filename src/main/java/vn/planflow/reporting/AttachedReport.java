package vn.planflow.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A child plan's sent consolidated report, attached to its parent plan's matching period. */
@Entity
@Table(name = "attached_report")
public class AttachedReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "period_ref")
  private PlanReportingPeriod period;

  @Column(nullable = false)
  private String childPlanCode;

  @Column(nullable = false)
  private String childPeriodId;

  private String childPlanTitle;

  private String reportTo;

  private String number;

  private LocalDate sentOn;

  private String summary;

  @Column(nullable = false)
  private OffsetDateTime attachedAt;

  protected AttachedReport() {}

  AttachedReport(PlanReportingPeriod period, PlanReportingPeriod childPeriod, String childPlanTitle,
      OffsetDateTime attachedAt) {
    this.period = period;
    this.childPlanCode = childPeriod.getPlanCode();
    this.childPeriodId = childPeriod.getPeriodId();
    this.childPlanTitle = childPlanTitle;
    this.reportTo = childPeriod.getReportTo();
    this.number = childPeriod.getNumber();
    this.sentOn = childPeriod.getSentOn();
    this.summary = childPeriod.getSummary();
    this.attachedAt = attachedAt;
  }

  public Long getId() {
    return id;
  }

  public PlanReportingPeriod getPeriod() {
    return period;
  }

  public String getChildPlanCode() {
    return childPlanCode;
  }

  public String getChildPeriodId() {
    return childPeriodId;
  }

  public String getChildPlanTitle() {
    return childPlanTitle;
  }

  public String getReportTo() {
    return reportTo;
  }

  public String getNumber() {
    return number;
  }

  public LocalDate getSentOn() {
    return sentOn;
  }

  public String getSummary() {
    return summary;
  }

  public OffsetDateTime getAttachedAt() {
    return attachedAt;
  }
}
