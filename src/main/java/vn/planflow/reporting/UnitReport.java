package vn.planflow.reporting;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One unit's report of one period: a summary, per appendix task its status, progress and
 * results, per target the value reached. Saved as a draft until the unit submits it; final then.
 */
@Entity
@Table(name = "unit_report")
public class UnitReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "period_ref")
  private PlanReportingPeriod period;

  @Column(nullable = false)
  private String unitCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReportStatus status;

  private String summary;

  private String difficulties;

  private String recommendations;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "unit_report_task", joinColumns = @JoinColumn(name = "report_id"))
  @OrderColumn(name = "position")
  private List<TaskResult> taskResults = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "unit_report_indicator", joinColumns = @JoinColumn(name = "report_id"))
  @OrderColumn(name = "position")
  private List<Indicator> indicators = new ArrayList<>();

  private String submittedBy;

  private OffsetDateTime submittedAt;

  private String updatedBy;

  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected UnitReport() {}

  UnitReport(PlanReportingPeriod period, String unitCode) {
    this.period = period;
    this.unitCode = unitCode;
    this.status = ReportStatus.PENDING;
  }

  void saveDraft(String summary, String difficulties, String recommendations, List<TaskResult> taskResults,
      List<Indicator> indicators, String by, OffsetDateTime at) {
    this.summary = summary;
    this.difficulties = difficulties;
    this.recommendations = recommendations;
    this.taskResults = new ArrayList<>(taskResults);
    this.indicators = new ArrayList<>(indicators);
    this.updatedBy = by;
    this.updatedAt = at;
  }

  /** Final: on time before the due time, late after it. */
  void submit(String by, OffsetDateTime at) {
    this.status = at.isBefore(period.getDueAt()) ? ReportStatus.SUBMITTED : ReportStatus.LATE;
    this.submittedBy = by;
    this.submittedAt = at;
  }

  void markMissing() {
    if (status == ReportStatus.PENDING) {
      status = ReportStatus.MISSING;
    }
  }

  public boolean isFinal() {
    return status != ReportStatus.PENDING;
  }

  public Long getId() {
    return id;
  }

  public PlanReportingPeriod getPeriod() {
    return period;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public ReportStatus getStatus() {
    return status;
  }

  public String getSummary() {
    return summary;
  }

  public String getDifficulties() {
    return difficulties;
  }

  public String getRecommendations() {
    return recommendations;
  }

  public List<TaskResult> getTaskResults() {
    return List.copyOf(taskResults);
  }

  public List<Indicator> getIndicators() {
    return List.copyOf(indicators);
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public OffsetDateTime getSubmittedAt() {
    return submittedAt;
  }

  /** What a unit did on one appendix task in the period. */
  @Embeddable
  public static class TaskResult {

    @Column(name = "task_no", nullable = false)
    private String taskNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskProgress status;

    private Integer progress;

    private String result;

    protected TaskResult() {}

    public TaskResult(String taskNo, TaskProgress status, Integer progress, String result) {
      this.taskNo = taskNo;
      this.status = status;
      this.progress = progress;
      this.result = result;
    }

    public String getTaskNo() {
      return taskNo;
    }

    public TaskProgress getStatus() {
      return status;
    }

    public Integer getProgress() {
      return progress;
    }

    public String getResult() {
      return result;
    }
  }

  /** The value a unit reports for one of the plan's targets. */
  @Embeddable
  public static class Indicator {

    @Column(name = "target_code", nullable = false)
    private String targetCode;

    @Column(name = "indicator_value")
    private BigDecimal value;

    private String note;

    protected Indicator() {}

    public Indicator(String targetCode, BigDecimal value, String note) {
      this.targetCode = targetCode;
      this.value = value;
      this.note = note;
    }

    public String getTargetCode() {
      return targetCode;
    }

    public BigDecimal getValue() {
      return value;
    }

    public String getNote() {
      return note;
    }
  }
}
