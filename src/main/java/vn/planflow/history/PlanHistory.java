package vn.planflow.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricActivityInstanceQuery;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricDetailQuery;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.stereotype.Component;
import vn.planflow.system.EngineUser;

/**
 * What the engine remembers of a plan (its business key): the user tasks in the order they
 * happened, the user operation log, the decisions each completion carried, and the comments
 * officials added to its tasks. Read as the
 * system: {@code ReadPolicy} has already decided that the caller may see the plan.
 */
@Component
public class PlanHistory {

  private final HistoryService history;
  private final TaskService taskService;
  private final EngineUser engineUser;

  PlanHistory(HistoryService history, TaskService taskService, EngineUser engineUser) {
    this.history = history;
    this.taskService = taskService;
    this.engineUser = engineUser;
  }

  /** A user task as it happened, with the decision its completion carried (variable → value). */
  public record Step(HistoricActivityInstance activity, String processKey, Map<String, Object> decision) {}

  /** A user operation on the plan: every log entry it wrote, and the decision it carried. */
  public record Operation(UserOperationLogEntry entry, List<UserOperationLogEntry> entries, String processKey,
      Map<String, Object> decision) {}

  /**
   * {@code comments}: what officials wrote on the plan's tasks with Tasklist's "add comment"
   * (Camunda task comments), oldest first.
   */
  public record Snapshot(List<HistoricProcessInstance> processes, List<Step> steps, List<Operation> operations,
      List<Comment> comments) {}

  public Snapshot of(String planCode) {
    return of(planCode, Map.of());
  }

  /**
   * The plan's history, but of the processes named in {@code since} (process key → moment) only
   * what happened from that moment on: a reporting task reads its own period, not the plan's
   * years of periods (a 200-unit fan-out would otherwise read every earlier period once per unit).
   */
  public Snapshot of(String planCode, Map<String, Date> since) {
    return engineUser.asSystem(() -> read(planCode, null, since));
  }

  /** The history of the plan's processes of one key only ({@code since} as above). */
  public Snapshot of(String planCode, String processKey, Map<String, Date> since) {
    return engineUser.asSystem(() -> read(planCode, processKey, since));
  }

  private Snapshot read(String planCode, String processKey, Map<String, Date> sinceByProcess) {
    HistoricProcessInstanceQuery processQuery = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(planCode);
    if (processKey != null) {
      processQuery.processDefinitionKey(processKey);
    }
    List<HistoricProcessInstance> processes = processQuery.orderByProcessInstanceStartTime().asc().list();
    List<Step> steps = new ArrayList<>();
    List<Operation> operations = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    for (HistoricProcessInstance process : processes) {
      Date since = sinceByProcess.get(process.getProcessDefinitionKey());
      if (since != null && process.getEndTime() != null && process.getEndTime().before(since)) {
        continue;
      }
      comments.addAll(taskService.getProcessInstanceComments(process.getId()));
      HistoricActivityInstanceQuery activityQuery = history.createHistoricActivityInstanceQuery()
          .processInstanceId(process.getId()).activityType("userTask");
      UserOperationLogQuery logQuery = history.createUserOperationLogQuery().processInstanceId(process.getId());
      if (since != null) {
        activityQuery.startedAfter(since);
        logQuery.afterTimestamp(since);
      }
      List<HistoricActivityInstance> activities = activityQuery
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
      List<UserOperationLogEntry> log = logQuery.orderByTimestamp().asc().list();
      List<HistoricDetail> details = decisionDetails(process.getId(), since);

      Map<String, Map<String, Object>> byOperation = new LinkedHashMap<>();
      Map<String, Map<String, Object>> byActivityInstance = new LinkedHashMap<>();
      for (HistoricDetail detail : details) {
        if (detail instanceof HistoricVariableUpdate update && Decisions.shown(update.getVariableName())
            && update.getValue() != null) {
          if (detail.getUserOperationId() != null) {
            byOperation.computeIfAbsent(detail.getUserOperationId(), k -> new LinkedHashMap<>())
                .put(update.getVariableName(), update.getValue());
          }
          if (detail.getActivityInstanceId() != null) {
            byActivityInstance.computeIfAbsent(detail.getActivityInstanceId(), k -> new LinkedHashMap<>())
                .put(update.getVariableName(), update.getValue());
          }
        }
      }

      Map<String, List<UserOperationLogEntry>> grouped = new LinkedHashMap<>();
      for (UserOperationLogEntry entry : log) {
        grouped.computeIfAbsent(Objects.requireNonNullElse(entry.getOperationId(), entry.getId()),
            k -> new ArrayList<>()).add(entry);
      }
      Map<String, Map<String, Object>> decisionByTask = new LinkedHashMap<>();
      grouped.forEach((operationId, entries) -> {
        UserOperationLogEntry first = entries.get(0);
        Map<String, Object> decision = UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(first.getOperationType())
            ? byOperation.getOrDefault(operationId, Map.of()) : Map.of();
        if (first.getTaskId() != null && !decision.isEmpty()) {
          decisionByTask.put(first.getTaskId(), decision);
        }
        operations.add(new Operation(first, entries, process.getProcessDefinitionKey(), decision));
      });

      for (HistoricActivityInstance activity : activities) {
        Map<String, Object> decision = decisionByTask.get(activity.getTaskId());
        if (decision == null && activity.getEndTime() != null) {
          decision = byActivityInstance.getOrDefault(activity.getId(), Map.of());
        }
        steps.add(new Step(activity, process.getProcessDefinitionKey(), decision == null ? Map.of() : decision));
      }
    }
    steps.sort(Comparator.comparing((Step s) -> s.activity().getStartTime()));
    List<String> taskOrder = steps.stream().map(s -> s.activity().getTaskId()).toList();
    operations.sort(Comparator.comparing((Operation o) -> o.entry().getTimestamp(), Comparator.nullsFirst(Date::compareTo))
        .thenComparing(o -> taskOrder.indexOf(o.entry().getTaskId()))
        .thenComparing(o -> rank(o.entry().getOperationType())));
    comments.sort(Comparator.comparing(Comment::getTime, Comparator.nullsFirst(Date::compareTo)));
    return new Snapshot(processes, steps, operations, comments);
  }

  /**
   * The updates of the variables a decision is made of ({@link Decisions#names()}), one query per
   * name: the forms' own variables (the plan view, each task's history and their text copies) are
   * far more rows, and read for every task of a 200-unit fan-out they made each task cost the
   * square of the period (and, as JSON, ran the server out of memory).
   */
  private List<HistoricDetail> decisionDetails(String processInstanceId, Date since) {
    List<HistoricDetail> details = new ArrayList<>();
    for (String name : Decisions.names()) {
      HistoricDetailQuery query = history.createHistoricDetailQuery().processInstanceId(processInstanceId)
          .variableUpdates().variableNameLike(name)
          .variableTypeIn("string", "boolean", "integer", "long", "short", "double", "date")
          .disableBinaryFetching().disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc();
      if (since != null) {
        query.occurredAfter(since);
      }
      details.addAll(query.list());
    }
    return details;
  }

  /** Within one moment and one task: taking it comes before changing it, which comes before completing it. */
  private static int rank(String operationType) {
    return switch (operationType) {
      case UserOperationLogEntry.OPERATION_TYPE_CLAIM, UserOperationLogEntry.OPERATION_TYPE_ASSIGN -> 0;
      case UserOperationLogEntry.OPERATION_TYPE_COMPLETE -> 2;
      default -> 1;
    };
  }
}
