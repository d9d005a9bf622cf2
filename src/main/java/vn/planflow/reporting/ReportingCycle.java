package vn.planflow.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.planflow.calendar.VietnameseDates;
import vn.planflow.issuance.DocumentType;
import vn.planflow.issuance.OutgoingRegister;
import vn.planflow.notification.Notifier;
import vn.planflow.notification.TaskNotifications;
import vn.planflow.org.OrgGroups;
import vn.planflow.org.UnitRole;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.PlanStatus;
import vn.planflow.plan.ProcessValues;
import vn.planflow.system.InvalidRequestException;

/**
 * Glue of process {@code reporting-cycle} ({@code ${reporting...}}): the plan's periods, the
 * collection of one period (open, remind, escalate, close), its consolidation and sending, and
 * the end of the plan. The element variable {@code period} holds the period id.
 */
@Component("reporting")
public class ReportingCycle {

  public static final String PROCESS = "reporting-cycle";
  public static final String SUBMIT_REPORT = "submitReport";
  public static final String CONSOLIDATE_REPORTS = "consolidateReports";
  public static final String APPROVE_CONSOLIDATED_REPORT = "approveConsolidatedReport";
  static final String PERIOD = "period";
  static final String NEXT_PERIOD = "nextPeriod";
  /** Set at each sent period; its change wakes the conditional event "Các kỳ định kỳ đã gửi báo cáo". */
  static final String PERIODS_SENT = "periodsSent";

  private final PlanRepository plans;
  private final ReportingSchedule schedule;
  private final UnitReports reports;
  private final PlanReportingPeriodRepository periods;
  private final OutgoingRegister register;
  private final Notifier notifier;
  private final TaskService taskService;
  private final vn.planflow.system.EngineUser engineUser;
  private final ObjectMapper objectMapper;
  private final Clock clock;
  private final TaskNotifications taskNotifications;
  private final vn.planflow.org.OrgUnitRepository units;
  private final ReportingTaskForms forms;
  private final vn.planflow.org.OfficialRepository officials;

  ReportingCycle(PlanRepository plans, ReportingSchedule schedule, UnitReports reports,
      PlanReportingPeriodRepository periods, OutgoingRegister register, Notifier notifier, TaskService taskService,
      vn.planflow.system.EngineUser engineUser, ObjectMapper objectMapper, Clock clock, TaskNotifications taskNotifications,
      vn.planflow.org.OrgUnitRepository units, ReportingTaskForms forms, vn.planflow.org.OfficialRepository officials) {
    this.officials = officials;
    this.units = units;
    this.forms = forms;
    this.taskNotifications = taskNotifications;
    this.plans = plans;
    this.schedule = schedule;
    this.reports = reports;
    this.periods = periods;
    this.register = register;
    this.notifier = notifier;
    this.taskService = taskService;
    this.engineUser = engineUser;
    this.objectMapper = objectMapper;
    this.clock = clock;
  }

  /** Records every period of the plan; those already past due when it takes effect are SKIPPED. */
  public void schedule(DelegateExecution execution) {
    Plan plan = plan(execution);
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (ReportingPeriod period : periodsOf(plan)) {
      boolean skipped = period.skippedWhenStartingAt(now);
      reports.record(plan.getCode(), period, title(period), plan.getReportTo(), skipped);
    }
    execution.setVariable(PERIODS_SENT, 0);
  }

  /** Whether a regular period still waits for its opening time. */
  public boolean hasPeriodToOpen(DelegateExecution execution) {
    return reports.nextToOpen(execution.getProcessBusinessKey()).isPresent();
  }

  /** The opening time of the next regular period (already past: it opens at once). */
  public Date nextOpening(DelegateExecution execution) {
    return Date.from(reports.nextToOpen(execution.getProcessBusinessKey()).orElseThrow().getOpensAt().toInstant());
  }

  /**
   * Opens the next regular period: a report for every unit that leads a task of the plan. The
   * period's id goes to {@code nextPeriod}, from which the new "Kỳ báo cáo" takes its {@code period}.
   */
  public void openNextPeriod(DelegateExecution execution) {
    Plan plan = plan(execution);
    PlanReportingPeriod next = reports.nextToOpen(plan.getCode()).orElseThrow();
    reports.openCollection(plan.getCode(), next.getPeriodId(), plan.leadingUnits());
    execution.setVariable(NEXT_PERIOD, next.getPeriodId());
  }

  /**
   * Opens an ad-hoc period from message {@code AdHocReportRequested} and its variables {@code title},
   * {@code dueDate} ({@code yyyy-MM-dd}) and {@code units} (unit codes; the plan's reporting units
   * when absent). The request variables are removed once the period is recorded.
   */
  public void openAdHocPeriod(DelegateExecution execution) {
    Plan plan = plan(execution);
    AdHocRequest request = AdHocRequest.of(execution.getVariable(AdHocRequest.TITLE),
        execution.getVariable(AdHocRequest.DUE_DATE), execution.getVariable(AdHocRequest.UNITS));
    Object requestedBy = execution.getVariable(AdHocRequest.REQUESTED_BY);
    PlanReportingPeriod period = reports.openAdHoc(plan, request,
        requestedBy != null ? requestedBy.toString() : engineUser.currentUserId());
    for (String name : List.of(AdHocRequest.TITLE, AdHocRequest.DUE_DATE, AdHocRequest.UNITS,
        AdHocRequest.REQUESTED_BY)) {
      execution.removeVariable(name);
    }
    execution.setVariable(NEXT_PERIOD, period.getPeriodId());
  }

  /** Whether every regular period of the plan is sent (or was skipped): no more regular work. */
  public boolean regularPeriodsFinished(DelegateExecution execution) {
    return reports.regularPeriodsFinished(execution.getProcessBusinessKey());
  }

  public Date firstReminderAt(DelegateExecution execution) {
    return Date.from(period(execution).getFirstReminderAt().toInstant());
  }

  public Date lastReminderAt(DelegateExecution execution) {
    return Date.from(period(execution).getLastReminderAt().toInstant());
  }

  public Date dueAt(DelegateExecution execution) {
    return Date.from(period(execution).getDueAt().toInstant());
  }

  public Date closesAt(DelegateExecution execution) {
    return Date.from(period(execution).getClosesAt().toInstant());
  }

  /** The reporting units of the open period: the collection of {@code submitReport}. */
  public List<String> units(DelegateExecution execution) {
    return reports.unitsOf(execution.getProcessBusinessKey(), periodId(execution));
  }

  /** Complete listener of {@code submitReport}: the unit's report is final. */
  public void submit(DelegateTask task) {
    String user = currentUser(task);
    UnitReport report = reports.of(task.getExecution().getProcessBusinessKey(), periodId(task.getExecution()),
        ProcessValues.text(task.getVariable("unit")));
    // submit checks the content and the caller's unit like a saved draft: 400s naming the field.
    ReportContent content = content(task);
    reports.submit(report.getId(), content, user);
  }

  /** The content sent with the completion, if any (else the saved draft stands). */
  ReportContent content(DelegateTask task) {
    Object summary = ProcessValues.submitted(task, "summary");
    Object difficulties = ProcessValues.submitted(task, "difficulties");
    Object recommendations = ProcessValues.submitted(task, "recommendations");
    JsonNode taskResults = ProcessValues.json(ProcessValues.submitted(task, "taskResults"));
    JsonNode indicators = ProcessValues.json(ProcessValues.submitted(task, "indicators"));
    if (summary == null && difficulties == null && recommendations == null && taskResults == null
        && indicators == null) {
      return null;
    }
    try {
      // Form rows also carry what they display (the task's name, the target's text): ignore those.
      ObjectMapper rows = objectMapper.copy()
          .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
      return new ReportContent(ProcessValues.text(summary),
          taskResults == null ? List.of() : List.of(rows.treeToValue(taskResults, ReportContent.TaskResultData[].class)),
          indicators == null ? List.of() : List.of(rows.treeToValue(indicators, ReportContent.IndicatorData[].class)),
          ProcessValues.text(difficulties), ProcessValues.text(recommendations));
    } catch (Exception e) {
      throw new InvalidRequestException("taskResults", "nội dung báo cáo không đọc được: " + e.getMessage());
    }
  }

  /** Reminders 5 and 1 working days before the due time, to the units that have not reported. */
  public void remind(DelegateExecution execution, int workingDaysLeft) {
    PlanReportingPeriod period = period(execution);
    OffsetDateTime planned = workingDaysLeft == ReportingSchedule.FIRST_REMINDER_BEFORE
        ? period.getFirstReminderAt() : period.getLastReminderAt();
    if (period.getOpenedAt() != null && planned.isBefore(period.getOpenedAt())) {
      return; // the period opened after this reminder's time (late or ad-hoc): it would say the wrong thing
    }
    for (Task task : openSubmissions(execution)) {
      String unit = (String) taskService.getVariable(task.getId(), "unit");
      notifier.notify("report-reminder:" + period.getPlanCode() + ":" + period.getPeriodId() + ":" + workingDaysLeft
              + ":" + unit,
          notifier.membersOf(List.of(OrgGroups.role(unit, UnitRole.STAFF), OrgGroups.role(unit, UnitRole.LEADER))),
          "[planflow] Nhắc báo cáo: còn " + workingDaysLeft + " ngày làm việc",
          unitName(unit) + " chưa gửi " + quoted(period)
              + " của kế hoạch " + period.getPlanCode() + ". Hạn gửi: trước "
              + VietnameseDates.dateTime(Date.from(period.getDueAt().toInstant())) + ".",
          link(task));
    }
  }

  /** At the due time: each unit still silent, its leaders and the report-to unit are told. */
  public void escalate(DelegateExecution execution) {
    PlanReportingPeriod period = period(execution);
    for (Task task : openSubmissions(execution)) {
      String unit = (String) taskService.getVariable(task.getId(), "unit");
      Set<String> recipients = new TreeSet<>(notifier.membersOf(List.of(OrgGroups.role(unit, UnitRole.LEADER))));
      if (period.getReportTo() != null) {
        recipients.addAll(notifier.membersOf(List.of(OrgGroups.role(period.getReportTo(), UnitRole.STAFF),
            OrgGroups.role(period.getReportTo(), UnitRole.LEADER))));
      }
      notifier.notify("report-overdue:" + period.getPlanCode() + ":" + period.getPeriodId() + ":" + unit, recipients,
          "[planflow] Quá hạn báo cáo: " + unitName(unit),
          unitName(unit) + " chưa gửi " + quoted(period)
              + " của kế hoạch " + period.getPlanCode() + " đã quá hạn. Việc vẫn mở; báo cáo gửi sau sẽ ghi nhận là nộp muộn.",
          link(task));
    }
  }

  /** Collection closes: silent units are MISSING. */
  public void closeCollection(DelegateExecution execution) {
    reports.close(execution.getProcessBusinessKey(), periodId(execution));
  }

  /** Complete listener of {@code consolidateReports}: the consolidated summary and the proposals upward. */
  public void consolidate(DelegateTask task) {
    reports.consolidate(task.getExecution().getProcessBusinessKey(), periodId(task.getExecution()),
        ProcessValues.text(ProcessValues.submitted(task, "summary")),
        ProcessValues.text(ProcessValues.submitted(task, "proposals")));
  }

  /** Approved: the consolidated report takes its number (BC) and is sent. */
  public void send(DelegateExecution execution) {
    PlanReportingPeriod period = period(execution);
    Plan plan = plan(execution);
    String approver = currentUserId();
    String signer = approver == null ? null : officials.findById(approver).map(vn.planflow.org.Official::getName)
        .orElse(approver);
    // The register's "trích yếu": what the report is about, as the clerk would write it.
    String summary = (period.getTitle() == null ? "Báo cáo kỳ " + period.getPeriodId() : period.getTitle())
        + " kết quả thực hiện " + plan.getTitle();
    var entry = register.register(new OutgoingRegister.Document(period.getReportTo(), DocumentType.BC, summary, signer,
        vn.planflow.issuance.Recipients.parse(List.of(unitName(plan.getIssuer())), register.archiveOf(period.getReportTo())),
        period.getPlanCode(), approver));
    reports.send(period.getPlanCode(), period.getPeriodId(), entry.getSymbol(), entry.getIssuedOn());
    reports.attachToParent(plan(execution), period.getPeriodId())
        .ifPresent(attached -> forms.refreshConsolidation(attached.getPeriod()));
    execution.setVariable(PERIODS_SENT, reports.sentCount(period.getPlanCode()));
  }

  /** The candidate group of the report-to unit for consolidation ("staff") or approval ("leaders"). */
  public String reportToGroup(DelegateExecution execution, String role) {
    return period(execution).getReportTo() + "_" + role;
  }

  /** After the last period: the plan is closed. */
  public void finish(DelegateExecution execution) {
    plan(execution).enter(PlanStatus.CLOSED, OffsetDateTime.now(clock));
  }

  /** The open submitReport tasks of this period (periods of one plan may run side by side). */
  private List<Task> openSubmissions(DelegateExecution execution) {
    String periodId = periodId(execution);
    List<Task> open = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(SUBMIT_REPORT).list()) {
      if (periodId.equals(taskService.getVariable(task.getId(), PERIOD))) {
        open.add(task);
      }
    }
    return open;
  }

  private List<ReportingPeriod> periodsOf(Plan plan) {
    return schedule.periods(plan.getPeriodStart(), plan.getPeriodEnd(), plan.getReportingDeadlines());
  }

  private static String title(ReportingPeriod period) {
    if (period.id().endsWith("-Y")) {
      return "Báo cáo năm " + period.year();
    }
    return "Báo cáo 6 tháng đầu năm " + period.year();
  }

  private static String quoted(PlanReportingPeriod period) {
    return period.getTitle() == null ? "báo cáo" : "“" + period.getTitle() + "”";
  }

  private String unitName(String code) {
    return units.findById(code).map(vn.planflow.org.OrgUnit::getName).orElse(code);
  }

  private String link(Task task) {
    return taskNotifications.link(task.getId());
  }

  private String currentUser(DelegateTask task) {
    return engineUser.completing(task);
  }

  private String currentUserId() {
    return engineUser.currentUserId();
  }

  private String periodId(DelegateExecution execution) {
    return ProcessValues.text(execution.getVariable(PERIOD));
  }

  private PlanReportingPeriod period(DelegateExecution execution) {
    return periods.findByPlanCodeAndPeriodId(execution.getProcessBusinessKey(), periodId(execution)).orElseThrow();
  }

  private Plan plan(DelegateExecution execution) {
    return plans.findById(execution.getProcessBusinessKey()).orElseThrow();
  }
}
