package vn.planflow.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.planflow.system.CompletionRules;
import vn.planflow.system.FieldProblem;

/** The completion variables of {@code reporting-cycle}'s tasks (CONTRACT §5). */
@Component
class ReportingCompletionRules implements CompletionRules {

  private final UnitReports reports;
  private final RuntimeService runtimeService;
  private final ObjectMapper objectMapper;

  ReportingCompletionRules(UnitReports reports, RuntimeService runtimeService, ObjectMapper objectMapper) {
    this.reports = reports;
    this.runtimeService = runtimeService;
    this.objectMapper = objectMapper;
  }

  @Override
  public String processKey() {
    return ReportingCycle.PROCESS;
  }

  @Override
  public Set<String> booleanVariables() {
    return Set.of("approved");
  }

  @Override
  public List<FieldProblem> check(Task task, Map<String, JsonNode> values) {
    List<FieldProblem> problems = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case ReportingCycle.SUBMIT_REPORT -> {
        if (values.containsKey("taskResults") || values.containsKey("indicators")) {
          try {
            ReportContent content = new ReportContent(text(values.get("summary")),
                list(values.get("taskResults"), ReportContent.TaskResultData[].class),
                list(values.get("indicators"), ReportContent.IndicatorData[].class),
                text(values.get("difficulties")), text(values.get("recommendations")));
            String unit = (String) runtimeService.getVariable(task.getExecutionId(), "unit");
            String period = (String) runtimeService.getVariable(task.getExecutionId(), ReportingCycle.PERIOD);
            String plan = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
            problems.addAll(reports.checkContent(reports.of(plan, period, unit).getId(), content));
          } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("taskResults", "không đọc được: " + e.getMessage()));
          }
        }
      }
      case ReportingCycle.CONSOLIDATE_REPORTS -> {
        if (text(values.get("summary")) == null) {
          problems.add(new FieldProblem("summary", "bắt buộc: nội dung báo cáo tổng hợp"));
        }
      }
      case ReportingCycle.APPROVE_CONSOLIDATED_REPORT -> {
        JsonNode approved = values.get("approved");
        if (approved == null || !(approved.isBoolean()
            || approved.asText().equalsIgnoreCase("true") || approved.asText().equalsIgnoreCase("false"))) {
          problems.add(new FieldProblem("approved", "bắt buộc chọn (true hoặc false)"));
        }
      }
      default -> { }
    }
    return problems;
  }

  private <T> List<T> list(JsonNode node, Class<T[]> type) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    try {
      // Form rows also carry what they display (the task's name, the target's text): ignore those.
      return List.of(objectMapper.copy()
          .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .treeToValue(node, type));
    } catch (Exception e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
  }
}
