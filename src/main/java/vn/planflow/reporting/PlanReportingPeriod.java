package vn.planflow.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A reporting period of one plan as it is being collected, consolidated and sent. */
@Entity
@Table(name = "plan_reporting_period")
public class PlanReportingPeriod {

  static final String ADHOC_PREFIX = "ADHOC-";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String planCode;

  @Column(name = "period_id", nullable = false)
  private String periodId;

  private String title;

  @Column(nullable = false)
  private LocalDate deadline;

  @Column(nullable = false)
  private OffsetDateTime dueAt;

  @Column(nullable = false)
  private OffsetDateTime opensAt;

  @Column(nullable = false)
  private OffsetDateTime firstReminderAt;

  @Column(nullable = false)
  private OffsetDateTime lastReminderAt;

  @Column(nullable = false)
  private OffsetDateTime closesAt;

  private LocalDate cutOffFrom;

  private LocalDate cutOffTo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PeriodStatus status;

  private String reportTo;

  private String number;

  private LocalDate sentOn;

  private String summary;

  /** The consolidating unit's proposals to the superior level (kiến nghị, đề xuất). */
  private String proposals;

  /** When collection actually opened (later than {@code opensAt} for a late or ad-hoc period). */
  private OffsetDateTime openedAt;

  /** Who asked for an ad-hoc period. */
  private String requestedBy;

  @Version
  private long version;

  protected PlanReportingPeriod() {}

  PlanReportingPeriod(String planCode, ReportingPeriod period, String title, String reportTo, PeriodStatus status) {
    this.planCode = planCode;
    this.periodId = period.id();
    this.title = title;
    this.deadline = period.deadline();
    this.dueAt = period.dueAt();
    this.opensAt = period.opensAt();
    this.firstReminderAt = period.firstReminderAt();
    this.lastReminderAt = period.lastReminderAt();
    this.closesAt = period.closesAt();
    this.cutOffFrom = period.cutOffFrom();
    this.cutOffTo = period.cutOffTo();
    this.reportTo = reportTo;
    this.status = status;
  }

  void open(OffsetDateTime now) {
    this.status = PeriodStatus.OPEN;
    this.openedAt = now;
  }

  void requestedBy(String official) {
    this.requestedBy = official;
  }

  /** An ad-hoc period ({@code ADHOC-n}), as opposed to the plan's regular ones. */
  public boolean isAdHoc() {
    return periodId.startsWith(ADHOC_PREFIX);
  }

  void close() {
    this.status = PeriodStatus.CLOSED;
  }

  void consolidate(String summary, String proposals) {
    this.summary = summary;
    this.proposals = proposals;
  }

  public String getProposals() {
    return proposals;
  }

  void send(String number, LocalDate sentOn, String summary) {
    this.number = number;
    this.sentOn = sentOn;
    this.summary = summary;
    this.status = PeriodStatus.SENT;
  }

  public Long getId() {
    return id;
  }

  public String getPlanCode() {
    return planCode;
  }

  public String getPeriodId() {
    return periodId;
  }

  public String getTitle() {
    return title;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public OffsetDateTime getDueAt() {
    return dueAt;
  }

  public OffsetDateTime getOpensAt() {
    return opensAt;
  }

  public OffsetDateTime getFirstReminderAt() {
    return firstReminderAt;
  }

  public OffsetDateTime getLastReminderAt() {
    return lastReminderAt;
  }

  public OffsetDateTime getClosesAt() {
    return closesAt;
  }

  public LocalDate getCutOffFrom() {
    return cutOffFrom;
  }

  public LocalDate getCutOffTo() {
    return cutOffTo;
  }

  public PeriodStatus getStatus() {
    return status;
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

  public OffsetDateTime getOpenedAt() {
    return openedAt;
  }

  public String getRequestedBy() {
    return requestedBy;
  }
}
