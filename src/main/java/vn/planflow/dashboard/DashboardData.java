package vn.planflow.dashboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.calendar.EngineClock;
import vn.planflow.dashboard.DashboardViews.AuditEntry;
import vn.planflow.dashboard.DashboardViews.Cell;
import vn.planflow.dashboard.DashboardViews.ComplianceGrid;
import vn.planflow.dashboard.DashboardViews.Overview;
import vn.planflow.dashboard.DashboardViews.PeriodColumn;
import vn.planflow.dashboard.DashboardViews.PlanLine;
import vn.planflow.dashboard.DashboardViews.StatusCount;
import vn.planflow.dashboard.DashboardViews.TargetSeries;
import vn.planflow.dashboard.DashboardViews.Targets;
import vn.planflow.dashboard.DashboardViews.Timeline;
import vn.planflow.dashboard.DashboardViews.TimelineStep;
import vn.planflow.dashboard.DashboardViews.UnitRow;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.org.SubstitutionService;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.PlanStatus;
import vn.planflow.history.Decisions;
import vn.planflow.history.PlanHistory;
import vn.planflow.plan.ReadPolicy;
import vn.planflow.org.Caller;
import vn.planflow.reporting.PeriodConsolidation;
import vn.planflow.reporting.PeriodStatus;
import vn.planflow.reporting.PlanReportingPeriod;
import vn.planflow.reporting.PlanReportingPeriodRepository;
import vn.planflow.reporting.ReportStatus;
import vn.planflow.reporting.UnitReports;

/** The dashboard's figures, from the plans, the reporting periods and the engine's history. */
@Service
class DashboardData {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  /** Fixed width, so that entries sort by it as text. */
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  private static final Map<String, String> PROCESSES = Map.of(
      PlanApproval.PROCESS, "Phê duyệt, ban hành kế hoạch",
      PlanApproval.REPORTING_PROCESS, "Báo cáo định kỳ");

  private final ReadPolicy access;
  private final PlanHistory history;
  private final PlanRepository plans;
  private final PlanReportingPeriodRepository periods;
  private final UnitReports unitReports;
  private final OfficialRepository officials;
  private final OrgUnitRepository units;
  private final SubstitutionService substitutions;

  DashboardData(ReadPolicy access, PlanHistory history, PlanRepository plans,
      PlanReportingPeriodRepository periods, UnitReports unitReports, OfficialRepository officials,
      OrgUnitRepository units, SubstitutionService substitutions) {
    this.substitutions = substitutions;
    this.access = access;
    this.history = history;
    this.plans = plans;
    this.periods = periods;
    this.unitReports = unitReports;
    this.officials = officials;
    this.units = units;
  }

  @Transactional(readOnly = true)
  Overview overview(String userId) {
    List<Plan> visible = access.readable(userId, plans.findAllByOrderByCreatedAtDesc());
    Map<PlanStatus, Long> counts = new LinkedHashMap<>();
    Arrays.stream(PlanStatus.values()).forEach(status -> counts.put(status, 0L));
    visible.forEach(plan -> counts.merge(plan.getStatus(), 1L, Long::sum));
    List<StatusCount> byStatus = counts.entrySet().stream()
        .map(e -> new StatusCount(e.getKey().name(), e.getKey().label(), e.getValue())).toList();
    List<PlanLine> lines = visible.stream().map(plan -> new PlanLine(plan.getCode(), plan.getTitle(),
        plan.getStatus().name(), plan.getStatus().label(), unitName(plan.getIssuer()), unitName(plan.getLeadUnit()),
        plan.getNumber(), plan.getIssuedOn() == null ? null : DATE.format(plan.getIssuedOn()))).toList();
    return new Overview(byStatus, lines, access.mayAudit(userId));
  }

  /** The approval's steps in the order they happened, who acted and what they decided. */
  @Transactional(readOnly = true)
  Timeline timeline(String userId, String planCode) {
    Plan plan = readable(userId, planCode);
    Predicate<HistoricActivityInstance> hidden = othersSlips(userId, plan);
    List<TimelineStep> steps = new ArrayList<>();
    for (PlanHistory.Step step : history.of(planCode).steps()) {
      if (!PlanApproval.PROCESS.equals(step.processKey()) || hidden.test(step.activity())) {
        continue;
      }
      HistoricActivityInstance activity = step.activity();
      String actor = activity.getAssignee();
      steps.add(new TimelineStep(activity.getActivityName(), actor == null ? null : officialName(actor),
          actor == null ? null : officialUnitName(actor), iso(activity.getStartTime()), text(activity.getStartTime()),
          iso(activity.getEndTime()), text(activity.getEndTime()),
          Decisions.describe(step.decision(), this::officialName), activity.getEndTime() == null));
    }
    return new Timeline(plan.getCode(), plan.getTitle(), steps);
  }

  /** Units × periods: who reported on time, late, not at all, or not yet. */
  @Transactional(readOnly = true)
  ComplianceGrid compliance(String userId, String planCode) {
    readable(userId, planCode);
    List<PeriodConsolidation> collected = collected(planCode);
    List<PeriodColumn> columns = collected.stream()
        .map(p -> new PeriodColumn(p.period(), p.title(), DATE.format(p.deadline()), periodLabel(p.status()))).toList();
    Map<String, Cell[]> rows = new LinkedHashMap<>();
    for (int i = 0; i < collected.size(); i++) {
      for (PeriodConsolidation.UnitLine unit : collected.get(i).units()) {
        Cell[] cells = rows.computeIfAbsent(unit.unitName(), name -> emptyRow(collected.size()));
        cells[i] = cell(unit);
      }
    }
    List<UnitRow> unitRows = rows.entrySet().stream().map(e -> new UnitRow(e.getKey(), List.of(e.getValue()))).toList();
    return new ComplianceGrid(planCode, columns, unitRows);
  }

  /** Per target: the target value and, per period, the average the units reported. */
  @Transactional(readOnly = true)
  Targets targets(String userId, String planCode) {
    Plan plan = readable(userId, planCode);
    List<PeriodConsolidation> collected = collected(planCode);
    List<TargetSeries> series = new ArrayList<>();
    plan.getTargets().forEach(target -> {
      List<BigDecimal> values = new ArrayList<>();
      for (PeriodConsolidation period : collected) {
        values.add(period.targets().stream().filter(t -> t.targetCode().equals(target.getCode())).findFirst()
            .map(PeriodConsolidation.TargetLine::average).orElse(null));
      }
      series.add(new TargetSeries(target.getCode(), target.getText(), target.getUnit(),
          target.getValue() == null ? null : target.getValue().stripTrailingZeros(),
          collected.stream().map(PeriodConsolidation::title).toList(), values));
    });
    return new Targets(plan.getCode(), series);
  }

  /** Who did what on the plan (or on every plan the caller may see) and when, oldest first. */
  @Transactional(readOnly = true)
  List<AuditEntry> audit(String userId, String planCode) {
    access.requireAudit(userId);
    List<Plan> chosen = planCode == null || planCode.isBlank()
        ? access.readable(userId, plans.findAllByOrderByCreatedAtDesc())
        : List.of(readable(userId, planCode.trim()));
    List<AuditEntry> entries = new ArrayList<>();
    for (Plan plan : chosen) {
      PlanHistory.Snapshot snapshot = history.of(plan.getCode());
      Predicate<HistoricActivityInstance> hidden = othersSlips(userId, plan);
      Map<String, String> taskNames = new LinkedHashMap<>();
      Set<String> hiddenTasks = new HashSet<>();
      snapshot.steps().forEach(s -> {
        taskNames.put(s.activity().getTaskId(), s.activity().getActivityName());
        if (hidden.test(s.activity())) {
          hiddenTasks.add(s.activity().getTaskId());
        }
      });
      Set<String> startListed = new HashSet<>();
      for (HistoricProcessInstance process : snapshot.processes()) {
        if (process.getStartUserId() != null) {
          startListed.add(process.getId());
          entries.add(new AuditEntry(iso(process.getStartTime()), text(process.getStartTime()), plan.getCode(),
              processName(process.getProcessDefinitionKey()), null, officialName(process.getStartUserId()),
              officialUnitName(process.getStartUserId()), "Khởi tạo quy trình", ""));
        }
      }
      // Substitutes' acts (ủy quyền xử lý): "X (thay mặt Y)".
      Map<String, String> actedFor = substitutions.actedFor(taskNames.keySet().stream()
          .filter(java.util.Objects::nonNull).toList());
      for (PlanHistory.Operation operation : snapshot.operations()) {
        UserOperationLogEntry entry = operation.entry();
        if (entry.getTaskId() != null && hiddenTasks.contains(entry.getTaskId())) {
          continue;
        }
        // The engine logs an official's start of a process too: it is the "Khởi tạo quy trình" line above.
        if (UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(entry.getOperationType())
            && EntityTypes.PROCESS_INSTANCE.equals(entry.getEntityType())
            && startListed.contains(entry.getProcessInstanceId())) {
          continue;
        }
        String step = entry.getTaskId() == null ? null : taskNames.get(entry.getTaskId());
        String detail = Decisions.describe(operation.decision(), this::officialName);
        if (PlanApproval.ISSUE_PLAN.equals(taskKey(snapshot, entry.getTaskId()))
            && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType()) && plan.getNumber() != null) {
          detail = join(detail, "Số, ký hiệu: " + plan.getNumber()
              + (plan.getIssuedOn() == null ? "" : ", ngày " + DATE.format(plan.getIssuedOn())));
        }
        entries.add(new AuditEntry(iso(entry.getTimestamp()), text(entry.getTimestamp()), plan.getCode(),
            processName(operation.processKey()), step, actorName(entry.getTaskId(), entry.getUserId(), actedFor),
            officialUnitName(entry.getUserId()), action(operation), detail));
      }
    }
    entries.sort(java.util.Comparator.comparing(AuditEntry::plan).thenComparing(AuditEntry::at,
        java.util.Comparator.nullsFirst(String::compareTo)));
    return entries;
  }

  private static String taskKey(PlanHistory.Snapshot snapshot, String taskId) {
    return taskId == null ? null : snapshot.steps().stream().filter(s -> taskId.equals(s.activity().getTaskId()))
        .map(s -> s.activity().getActivityId()).findFirst().orElse(null);
  }

  private String action(PlanHistory.Operation operation) {
    UserOperationLogEntry entry = operation.entry();
    String newValue = operation.entries().stream().filter(e -> "assignee".equals(e.getProperty()))
        .map(UserOperationLogEntry::getNewValue).findFirst().orElse(null);
    return switch (entry.getOperationType()) {
      case UserOperationLogEntry.OPERATION_TYPE_CLAIM -> newValue == null ? "Trả lại việc cho đơn vị" : "Nhận xử lý";
      case UserOperationLogEntry.OPERATION_TYPE_ASSIGN -> "Giao cho " + (newValue == null ? "" : officialName(newValue));
      case UserOperationLogEntry.OPERATION_TYPE_DELEGATE -> "Ủy quyền xử lý";
      case UserOperationLogEntry.OPERATION_TYPE_RESOLVE -> "Hoàn tất phần được ủy quyền";
      case UserOperationLogEntry.OPERATION_TYPE_COMPLETE -> "Hoàn thành";
      case UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE, UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE,
          UserOperationLogEntry.OPERATION_TYPE_REMOVE_VARIABLE -> "Sửa dữ liệu của việc";
      // Cockpit's "change due date" of a timer job writes the same kind as a task's due date.
      case UserOperationLogEntry.OPERATION_TYPE_SET_DUEDATE -> EntityTypes.JOB.equals(entry.getEntityType())
          ? "Đổi thời điểm chạy của bước hẹn giờ" : "Đổi hạn xử lý";
      case UserOperationLogEntry.OPERATION_TYPE_SET_PRIORITY -> "Đổi mức ưu tiên";
      case UserOperationLogEntry.OPERATION_TYPE_SUSPEND ->
          "Tạm dừng quy trình";
      case UserOperationLogEntry.OPERATION_TYPE_ACTIVATE ->
          "Tiếp tục quy trình";
      case UserOperationLogEntry.OPERATION_TYPE_DELETE -> "Hủy quy trình";
      case UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE -> "Gửi thông báo vào quy trình";
      case UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES -> "Chạy lại bước bị lỗi";
      default -> OperationNames.of(entry.getOperationType());
    };
  }

  private Plan readable(String userId, String planCode) {
    return access.readable(userId, planCode);
  }

  /** The other members' slips of a round still open, where the caller may see only her own (ReadPolicy). */
  private Predicate<HistoricActivityInstance> othersSlips(String userId, Plan plan) {
    Caller caller = access.caller(userId);
    return access.othersSlipsHiddenSince(caller, plan)
        .<Predicate<HistoricActivityInstance>>map(since -> activity -> PlanApproval.CAST_VOTE.equals(activity.getActivityId())
            && !activity.getStartTime().toInstant().isBefore(since.toInstant())
            && !java.util.Objects.equals(caller.id(), activity.getAssignee()))
        .orElse(activity -> false);
  }

  /** The periods whose collection has opened, oldest first. */
  private List<PeriodConsolidation> collected(String planCode) {
    return periods.findByPlanCodeOrderByDeadlineAscIdAsc(planCode).stream()
        .filter(p -> p.getStatus() != PeriodStatus.SCHEDULED && p.getStatus() != PeriodStatus.SKIPPED)
        .map(PlanReportingPeriod::getPeriodId)
        .map(periodId -> unitReports.consolidation(planCode, periodId))
        .toList();
  }

  private static Cell[] emptyRow(int size) {
    Cell[] cells = new Cell[size];
    Arrays.fill(cells, new Cell("NONE", "Không phải báo cáo", null));
    return cells;
  }

  private static Cell cell(PeriodConsolidation.UnitLine unit) {
    ReportStatus status = ReportStatus.valueOf(unit.status());
    String submitted = unit.submittedAt() == null ? null : DATE_TIME.format(unit.submittedAt()
        .atZoneSameInstant(EngineClock.VIETNAM));
    return switch (status) {
      case SUBMITTED -> new Cell("ON_TIME", "Đúng hạn", submitted);
      case LATE -> new Cell("LATE", "Muộn", submitted);
      case MISSING -> new Cell("MISSING", "Không gửi", null);
      case PENDING -> new Cell("PENDING", "Chưa gửi", null);
    };
  }

  private static String periodLabel(String status) {
    return switch (PeriodStatus.valueOf(status)) {
      case SCHEDULED -> "Chưa đến kỳ";
      case SKIPPED -> "Bỏ qua";
      case OPEN -> "Đang thu thập";
      case CLOSED -> "Đang tổng hợp";
      case SENT -> "Đã gửi báo cáo";
    };
  }

  private static String processName(String key) {
    return PROCESSES.getOrDefault(key, "Quy trình khác");
  }

  /** The official's name, and for whom they acted when they acted as substitute. */
  private String actorName(String taskId, String userId, Map<String, String> actedFor) {
    String forOfficial = taskId == null ? null : actedFor.get(taskId + "|" + userId);
    String name = officialName(userId);
    return forOfficial == null ? name : name + " (thay mặt " + officialName(forOfficial) + ")";
  }

  String officialName(String userId) {
    if (userId == null) {
      return null;
    }
    return officials.findById(userId).map(Official::getName)
        .orElse(access.isAdministrator(userId) ? "Quản trị hệ thống" : userId);
  }

  private String officialUnitName(String userId) {
    return userId == null ? null : officials.findById(userId).map(Official::getUnitCode).map(this::unitName).orElse(null);
  }

  private String unitName(String code) {
    return code == null ? null : units.findById(code).map(OrgUnit::getName).orElse(code);
  }

  private static String join(String a, String b) {
    return a == null || a.isBlank() ? b : a + "; " + b;
  }

  private static String iso(Date date) {
    return date == null ? null : ISO.format(OffsetDateTime.ofInstant(date.toInstant(), EngineClock.VIETNAM));
  }

  private static String text(Date date) {
    return date == null ? null : DATE_TIME.format(date.toInstant().atZone(EngineClock.VIETNAM));
  }
}
