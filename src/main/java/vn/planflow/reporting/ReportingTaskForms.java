package vn.planflow.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import vn.planflow.calendar.VietnameseDates;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.PlanTarget;
import vn.planflow.plan.PlanTask;
import vn.planflow.plan.PlanViews;
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
  private final UnitReportRepository unitReports;
  private final PlanReportingPeriodRepository periods;
  private final OrgUnitRepository units;
  private final TaskService taskService;
  private final ObjectMapper objectMapper;
  private final vn.planflow.system.EngineUser engineUser;

  ReportingTaskForms(PlanRepository plans, PlanViews views, UnitReports reports, UnitReportRepository unitReports,
      PlanReportingPeriodRepository periods, OrgUnitRepository units, TaskService taskService,
      ObjectMapper objectMapper, vn.planflow.system.EngineUser engineUser) {
    this.engineUser = engineUser;
    this.plans = plans;
    this.views = views;
    this.reports = reports;
    this.unitReports = unitReports;
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
    task.setVariableLocal("dueText", VietnameseDates.dateTime(Date.from(period.getDueAt().toInstant())));
    if (ReportingCycle.SUBMIT_REPORT.equals(task.getTaskDefinitionKey())) {
      String unit = (String) task.getVariable("unit");
      task.setVariableLocal("unitName", name(unit));
      Draft draft = draft(plan, reports.of(planCode, period.getPeriodId(), unit));
      task.setVariableLocal("summary", draft.summary());
      task.setVariableLocal("taskResults", json(draft.taskResults()));
      task.setVariableLocal("indicators", json(draft.indicators()));
    } else {
      List<UnitReport> all = unitReports.findByPeriodIdOrderByUnitCodeAsc(period.getId());
      task.setVariableLocal("unitReports", json(all.stream().map(r -> Map.of(
          "unitName", name(r.getUnitCode()),
          "statusLabel", label(r.getStatus()),
          "summary", r.getSummary() == null ? "" : r.getSummary())).toList()));
      task.setVariableLocal("taskAggregate", json(taskAggregate(plan, all)));
      task.setVariableLocal("targetAggregate", json(targetAggregate(plan, all)));
      task.setVariableLocal("consolidatedSummary", period.getSummary() == null ? "" : period.getSummary());
    }
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
        taskService.setVariableLocal(task.getId(), "taskResults", json(draft.taskResults()));
        taskService.setVariableLocal(task.getId(), "indicators", json(draft.indicators()));
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

  private List<Map<String, Object>> taskAggregate(Plan plan, List<UnitReport> all) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PlanTask planTask : plan.getTasks()) {
      List<String> parts = new ArrayList<>();
      for (UnitReport report : all) {
        report.getTaskResults().stream().filter(r -> r.getTaskNo().equals(planTask.getNo())).findFirst()
            .ifPresent(r -> parts.add(name(report.getUnitCode()) + ": " + r.getStatus().label()
                + (r.getProgress() == null ? "" : " (" + r.getProgress() + "%)")
                + (r.getResult() == null || r.getResult().isBlank() ? "" : " — " + r.getResult())));
      }
      rows.add(Map.of("taskNo", planTask.getNo(), "name", planTask.getName(),
          "summary", parts.isEmpty() ? "Chưa có báo cáo" : String.join("; ", parts)));
    }
    return rows;
  }

  private List<Map<String, Object>> targetAggregate(Plan plan, List<UnitReport> all) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PlanTarget target : plan.getTargets()) {
      List<String> parts = new ArrayList<>();
      for (UnitReport report : all) {
        report.getIndicators().stream().filter(i -> i.getTargetCode().equals(target.getCode()) && i.getValue() != null)
            .findFirst().ifPresent(i -> parts.add(name(report.getUnitCode()) + ": " + i.getValue().stripTrailingZeros()
                .toPlainString()));
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("targetCode", target.getCode());
      row.put("text", target.getText());
      row.put("targetValue", target.getValue() == null ? "" : target.getValue().stripTrailingZeros().toPlainString());
      row.put("unit", target.getUnit() == null ? "" : target.getUnit());
      row.put("reported", parts.isEmpty() ? "Chưa có số liệu" : String.join("; ", parts));
      rows.add(row);
    }
    return rows;
  }

  private static String label(ReportStatus status) {
    return switch (status) {
      case PENDING -> "Chưa gửi";
      case SUBMITTED -> "Đã gửi đúng hạn";
      case LATE -> "Gửi muộn";
      case MISSING -> "Không gửi";
    };
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
