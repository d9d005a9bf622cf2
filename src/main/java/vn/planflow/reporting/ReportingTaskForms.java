package vn.planflow.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;
import vn.planflow.calendar.VietnameseDates;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.PlanTarget;
import vn.planflow.plan.PlanTask;
import vn.planflow.plan.PlanViews;
import vn.planflow.system.FormTextView;
import vn.planflow.system.TaskFormPreparer;

/**
 * What the reporting tasks' forms show: for {@code submitReport} the unit's own appendix tasks and
 * the plan's targets, filled with the unit's draft; for consolidation and approval the reports of
 * every unit, per task and per target.
 */
@Component
class ReportingTaskForms implements TaskFormPreparer {

  private final PlanRepository plans;
  private final PlanViews views;
  private final UnitReports reports;
  private final PlanReportingPeriodRepository periods;
  private final OrgUnitRepository units;
  private final TaskService taskService;
  private final ObjectMapper objectMapper;
  private final vn.planflow.system.EngineUser engineUser;
  private final FormTextView textViews;

  ReportingTaskForms(PlanRepository plans, PlanViews views, UnitReports reports,
      PlanReportingPeriodRepository periods, OrgUnitRepository units, TaskService taskService,
      ObjectMapper objectMapper, vn.planflow.system.EngineUser engineUser, FormTextView textViews) {
    this.engineUser = engineUser;
    this.textViews = textViews;
    this.plans = plans;
    this.views = views;
    this.reports = reports;
    this.periods = periods;
    this.units = units;
    this.taskService = taskService;
    this.objectMapper = objectMapper;
  }

  @Override
  public String processKey() {
    return ReportingCycle.PROCESS;
  }

  @Override
  public void prepare(DelegateTask task) {
    String planCode = task.getExecution().getProcessBusinessKey();
    Plan plan = plans.findById(planCode).orElseThrow();
    PlanReportingPeriod period = periods.findByPlanCodeAndPeriodId(planCode,
        (String) task.getVariable(ReportingCycle.PERIOD)).orElseThrow();
    task.setVariableLocal("plan", json(views.of(plan)));
    task.setVariableLocal("planCode", plan.getCode());
    task.setVariableLocal("planTitle", plan.getTitle());
    task.setVariableLocal("periodTitle", period.getTitle());
    task.setVariableLocal("planDocumentUrl", planPath(planCode) + "/document");
    task.setVariableLocal("dueText", VietnameseDates.dateTime(Date.from(period.getDueAt().toInstant())));
    if (ReportingCycle.SUBMIT_REPORT.equals(task.getTaskDefinitionKey())) {
      String unit = (String) task.getVariable("unit");
      task.setVariableLocal("unitName", name(unit));
      UnitReport report = reports.of(planCode, period.getPeriodId(), unit);
      Draft draft = draft(plan, report);
      task.setVariableLocal("summary", draft.summary());
      task.setVariableLocal("difficulties", report.getDifficulties());
      task.setVariableLocal("recommendations", report.getRecommendations());
      task.setVariableLocal("taskResults", json(draft.taskResults()));
      task.setVariableLocal("indicators", json(draft.indicators()));
    } else {
      task.setVariablesLocal(consolidationView(planCode, period));
    }
  }

  /** What the consolidation and approval forms show of a period. */
  private Map<String, Object> consolidationView(String planCode, PlanReportingPeriod period) {
    PeriodConsolidation consolidation = reports.consolidation(planCode, period.getPeriodId());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("unitReports", json(consolidation.reports().stream().map(r -> Map.of(
        "unitName", name(r.unit()),
        "statusLabel", r.statusLabel(),
        "summary", r.summary() == null ? "" : r.summary(),
        "difficulties", r.difficulties() == null ? "" : r.difficulties(),
        "recommendations", r.recommendations() == null ? "" : r.recommendations())).toList()));
    view.put("taskAggregate", json(taskAggregate(consolidation)));
    view.put("targetAggregate", json(targetAggregate(consolidation)));
    view.put("attachedReports", json(consolidation.attachedReports().stream().map(a -> Map.of(
        "planTitle", a.planTitle() == null ? a.plan() : a.planTitle(),
        "number", a.number() == null ? "" : a.number(),
        "sentOn", a.sentOn() == null ? "" : VietnameseDates.date(a.sentOn()),
        "summary", a.summary() == null ? "" : a.summary())).toList()));
    view.put("consolidatedSummary", period.getSummary() == null ? "" : period.getSummary());
    view.put("consolidatedProposals", period.getProposals() == null ? "" : period.getProposals());
    String base = planPath(planCode) + "/reports/" + UriUtils.encodePathSegment(period.getPeriodId(), StandardCharsets.UTF_8);
    view.put("reportDocumentUrl", base + "/document");
    view.put("reportExportUrl", base + "/export");
    return view;
  }

  /**
   * A child plan's report was attached to this period after its consolidation task was created:
   * the open consolidation or approval task shows it too.
   */
  @Transactional
  public void refreshConsolidation(PlanReportingPeriod period) {
    engineUser.asSystem(() -> {
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(period.getPlanCode())
          .taskDefinitionKeyIn(ReportingCycle.CONSOLIDATE_REPORTS, ReportingCycle.APPROVE_CONSOLIDATED_REPORT).list()) {
        if (period.getPeriodId().equals(taskService.getVariable(task.getId(), ReportingCycle.PERIOD))) {
          taskService.setVariablesLocal(task.getId(), consolidationView(period.getPlanCode(), period));
          textViews.update(taskService, task.getId());
        }
      }
    });
  }

  /**
   * A draft saved through the API is what the unit's open task shows and submits. Done as the
   * system: the official may claim and complete the task, not write its variables.
   */
  @Transactional
  public void refresh(UnitReport report) {
    engineUser.asSystem(() -> refreshOpenTask(report));
  }

  private void refreshOpenTask(UnitReport report) {
    PlanReportingPeriod period = report.getPeriod();
    Plan plan = plans.findById(period.getPlanCode()).orElseThrow();
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(period.getPlanCode())
        .taskDefinitionKey(ReportingCycle.SUBMIT_REPORT).list()) {
      if (report.getUnitCode().equals(taskService.getVariable(task.getId(), "unit"))
          && period.getPeriodId().equals(taskService.getVariable(task.getId(), ReportingCycle.PERIOD))) {
        Draft draft = draft(plan, report);
        taskService.setVariableLocal(task.getId(), "summary", draft.summary());
        taskService.setVariableLocal(task.getId(), "difficulties", report.getDifficulties());
        taskService.setVariableLocal(task.getId(), "recommendations", report.getRecommendations());
        taskService.setVariableLocal(task.getId(), "taskResults", json(draft.taskResults()));
        taskService.setVariableLocal(task.getId(), "indicators", json(draft.indicators()));
        textViews.update(taskService, task.getId());
      }
    }
  }

  record Draft(String summary, List<Map<String, Object>> taskResults, List<Map<String, Object>> indicators) {}

  /** One row per appendix task the unit leads and per target, with what the draft says of it. */
  private Draft draft(Plan plan, UnitReport report) {
    List<Map<String, Object>> taskResults = new ArrayList<>();
    for (PlanTask planTask : plan.getTasks()) {
      if (!planTask.getLeadUnit().equals(report.getUnitCode())) {
        continue;
      }
      UnitReport.TaskResult saved = report.getTaskResults().stream()
          .filter(r -> r.getTaskNo().equals(planTask.getNo())).findFirst().orElse(null);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("taskNo", planTask.getNo());
      row.put("name", planTask.getName());
      row.put("status", saved == null ? TaskProgress.NOT_STARTED.name() : saved.getStatus().name());
      row.put("progress", saved == null ? null : saved.getProgress());
      row.put("result", saved == null || saved.getResult() == null ? "" : saved.getResult());
      taskResults.add(row);
    }
    List<Map<String, Object>> indicators = new ArrayList<>();
    for (PlanTarget target : plan.getTargets()) {
      UnitReport.Indicator saved = report.getIndicators().stream()
          .filter(i -> i.getTargetCode().equals(target.getCode())).findFirst().orElse(null);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("targetCode", target.getCode());
      row.put("text", target.getText());
      row.put("unit", target.getUnit() == null ? "" : target.getUnit());
      row.put("targetValue", target.getValue());
      row.put("value", saved == null ? null : saved.getValue());
      row.put("note", saved == null || saved.getNote() == null ? "" : saved.getNote());
      indicators.add(row);
    }
    return new Draft(report.getSummary(), taskResults, indicators);
  }

  /** Per task: its status across units, then each unit's status, progress and result. */
  private static List<Map<String, Object>> taskAggregate(PeriodConsolidation consolidation) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PeriodConsolidation.TaskLine task : consolidation.tasks()) {
      List<String> parts = new ArrayList<>();
      for (PeriodConsolidation.TaskByUnit unit : task.byUnit()) {
        parts.add(unit.unitName() + ": " + unit.statusLabel()
            + (unit.progress() == null ? "" : " (" + unit.progress() + "%)")
            + (unit.result() == null || unit.result().isBlank() ? "" : " — " + unit.result()));
      }
      String overall = task.byUnit().isEmpty() ? "Chưa có báo cáo"
          : task.statusLabel() + (task.averageProgress() == null ? "" : ", bình quân " + task.averageProgress() + "%")
              + ". " + String.join("; ", parts);
      rows.add(Map.of("taskNo", task.taskNo(), "name", task.name(), "summary", overall));
    }
    return rows;
  }

  private static List<Map<String, Object>> targetAggregate(PeriodConsolidation consolidation) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PeriodConsolidation.TargetLine target : consolidation.targets()) {
      List<String> parts = new ArrayList<>();
      for (PeriodConsolidation.TargetByUnit unit : target.reported()) {
        parts.add(unit.unitName() + ": " + (unit.value() == null ? "" : unit.value().toPlainString())
            + (unit.note() == null || unit.note().isBlank() ? "" : " (" + unit.note() + ")"));
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("targetCode", target.targetCode());
      row.put("text", target.text());
      row.put("targetValue", target.targetValue() == null ? "" : target.targetValue().toPlainString());
      row.put("unit", target.unit() == null ? "" : target.unit());
      row.put("reported", parts.isEmpty() ? "Chưa có số liệu" : String.join("; ", parts));
      rows.add(row);
    }
    return rows;
  }

  /** Links in the forms are paths on Tasklist's own server: the browser sends the Tasklist session. */
  private static String planPath(String planCode) {
    return "/api/plans/" + UriUtils.encodePathSegment(planCode, StandardCharsets.UTF_8);
  }

  private String name(String unitCode) {
    return unitCode == null ? "" : units.findById(unitCode).map(OrgUnit::getName).orElse(unitCode);
  }

  private Object json(Object value) {
    try {
      return Spin.JSON(objectMapper.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
