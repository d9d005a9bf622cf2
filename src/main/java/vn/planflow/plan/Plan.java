package vn.planflow.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.planflow.org.CommitteePosition;

/**
 * A Kế hoạch: its content (legal bases, objectives, targets, sections, budget, appendix tasks,
 * recipients, reporting regime) and the record of its approval (status, Tờ trình number, vote
 * result, signer, number and date of issue). The plan code is the business key of its processes.
 */
@Entity
@Table(name = "plan")
public class Plan {

  @Id
  private String code;

  @Column(nullable = false)
  private String title;

  @Column(name = "issuer_code", nullable = false)
  private String issuer;

  @Column(name = "lead_unit_code", nullable = false)
  private String leadUnit;

  @Column(nullable = false)
  private LocalDate periodStart;

  @Column(nullable = false)
  private LocalDate periodEnd;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "plan_legal_basis", joinColumns = @JoinColumn(name = "plan_code"))
  @OrderColumn(name = "position")
  @Column(name = "text")
  private List<String> legalBases = new ArrayList<>();

  private String objectives;

  @ElementCollection
  @CollectionTable(name = "plan_target", joinColumns = @JoinColumn(name = "plan_code"))
  @OrderColumn(name = "position")
  private List<PlanTarget> targets = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "plan_section", joinColumns = @JoinColumn(name = "plan_code"))
  @OrderColumn(name = "position")
  private List<PlanSection> sections = new ArrayList<>();

  private String budget;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "plan_code", nullable = false)
  @OrderColumn(name = "position")
  private List<PlanTask> tasks = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "plan_recipient", joinColumns = @JoinColumn(name = "plan_code"))
  @OrderColumn(name = "position")
  @Column(name = "text")
  private List<String> recipients = new ArrayList<>();

  @Column(name = "report_to_code")
  private String reportTo;

  /** Reporting deadlines as MM-dd, comma separated ("06-15,12-15"). */
  private String reportingDeadlines;

  @Column(name = "parent_code")
  private String parentPlan;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PlanStatus status;

  private String number;

  private LocalDate issuedOn;

  private String signerId;

  private String signerName;

  @Enumerated(EnumType.STRING)
  private CommitteePosition signerPosition;

  private String submissionNumber;

  private LocalDate submittedOn;

  private String voteResult;

  @Column(nullable = false)
  private int consultationRound;

  private String processInstanceId;

  private String createdBy;

  private String updatedBy;

  @Column(nullable = false)
  private OffsetDateTime createdAt;

  @Column(nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected Plan() {}

  Plan(String code, String createdBy, OffsetDateTime now) {
    this.code = code;
    this.createdBy = createdBy;
    this.updatedBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
    this.status = PlanStatus.DRAFTING;
  }

  void describe(
      String title,
      String issuer,
      String leadUnit,
      LocalDate periodStart,
      LocalDate periodEnd,
      List<String> legalBases,
      String objectives,
      List<PlanTarget> targets,
      List<PlanSection> sections,
      String budget,
      List<String> recipients,
      String reportTo,
      List<String> reportingDeadlines,
      String parentPlan) {
    this.title = title;
    this.issuer = issuer;
    this.leadUnit = leadUnit;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.legalBases = new ArrayList<>(legalBases);
    this.objectives = objectives;
    this.targets = new ArrayList<>(targets);
    this.sections = new ArrayList<>(sections);
    this.budget = budget;
    this.recipients = new ArrayList<>(recipients);
    this.reportTo = reportTo;
    this.reportingDeadlines = String.join(",", reportingDeadlines);
    this.parentPlan = parentPlan;
  }

  /** The content the drafting specialist corrects in the editor; identity and period stay. */
  void revise(
      List<String> legalBases,
      String objectives,
      List<PlanTarget> targets,
      List<PlanSection> sections,
      String budget,
      List<String> recipients,
      String reportTo,
      List<String> reportingDeadlines) {
    this.legalBases = new ArrayList<>(legalBases);
    this.objectives = objectives;
    this.targets = new ArrayList<>(targets);
    this.sections = new ArrayList<>(sections);
    this.budget = budget;
    this.recipients = new ArrayList<>(recipients);
    this.reportTo = reportTo;
    this.reportingDeadlines = String.join(",", reportingDeadlines);
  }

  void replaceTasks(List<PlanTask> newTasks, OffsetDateTime now) {
    tasks.clear();
    tasks.addAll(newTasks);
    updatedAt = now;
  }

  public void enter(PlanStatus newStatus, OffsetDateTime now) {
    this.status = newStatus;
    this.updatedAt = now;
  }

  public int startConsultationRound(OffsetDateTime now) {
    consultationRound++;
    enter(PlanStatus.CONSULTING, now);
    return consultationRound;
  }

  public void recordSubmission(String submissionNumber, LocalDate submittedOn) {
    this.submissionNumber = submissionNumber;
    this.submittedOn = submittedOn;
  }

  public void recordSigner(String id, String name, CommitteePosition position) {
    this.signerId = id;
    this.signerName = name;
    this.signerPosition = position;
  }

  public void recordVoteResult(String result) {
    this.voteResult = result;
  }

  public void issue(String number, LocalDate issuedOn, OffsetDateTime now) {
    this.number = number;
    this.issuedOn = issuedOn;
    enter(PlanStatus.IN_EFFECT, now);
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** Units that lead at least one appendix task, in the order they first appear. */
  public List<String> leadingUnits() {
    Set<String> units = new LinkedHashSet<>();
    tasks.forEach(task -> units.add(task.getLeadUnit()));
    return List.copyOf(units);
  }

  public String getCode() {
    return code;
  }

  public String getTitle() {
    return title;
  }

  public String getIssuer() {
    return issuer;
  }

  public String getLeadUnit() {
    return leadUnit;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public List<String> getLegalBases() {
    return List.copyOf(legalBases);
  }

  public String getObjectives() {
    return objectives;
  }

  public List<PlanTarget> getTargets() {
    return List.copyOf(targets);
  }

  public List<PlanSection> getSections() {
    return List.copyOf(sections);
  }

  public String getBudget() {
    return budget;
  }

  public List<PlanTask> getTasks() {
    return List.copyOf(tasks);
  }

  public List<String> getRecipients() {
    return List.copyOf(recipients);
  }

  public String getReportTo() {
    return reportTo;
  }

  public List<String> getReportingDeadlines() {
    return reportingDeadlines == null || reportingDeadlines.isBlank()
        ? List.of()
        : Arrays.asList(reportingDeadlines.split(","));
  }

  public String getParentPlan() {
    return parentPlan;
  }

  public PlanStatus getStatus() {
    return status;
  }

  public String getNumber() {
    return number;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public String getSignerId() {
    return signerId;
  }

  public String getSignerName() {
    return signerName;
  }

  public CommitteePosition getSignerPosition() {
    return signerPosition;
  }

  public String getSubmissionNumber() {
    return submissionNumber;
  }

  public LocalDate getSubmittedOn() {
    return submittedOn;
  }

  public String getVoteResult() {
    return voteResult;
  }

  public int getConsultationRound() {
    return consultationRound;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  /** Who last changed the content (the appendix while drafting). */
  public String getUpdatedBy() {
    return updatedBy;
  }

  void changedBy(String official) {
    this.updatedBy = official;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
