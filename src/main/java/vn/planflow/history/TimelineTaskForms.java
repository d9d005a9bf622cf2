package vn.planflow.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.planflow.plan.PlanApproval;
import vn.planflow.reporting.ReportingCycle;
import vn.planflow.system.EngineUser;
import vn.planflow.system.FormTextView;
import vn.planflow.system.TaskFormPreparer;

/**
 * Puts on every new task of both processes its plan's history ({@value #HISTORY}, shown through
 * the escaped {@code textView} copy) and the address of the plan's attachments page
 * ({@value #ATTACHMENTS_URL}).
 *
 * <p>The history is written just after the transaction that created the task commits: the step
 * that led to the task (a return and its reason, above all) was completed in that same
 * transaction, and the engine writes its history rows only when the transaction ends, so a query
 * made while the task is being created cannot see it yet. Written as the engine (no official), in
 * a transaction of its own; a task already gone by then is skipped.
 */
@Configuration
class TimelineTaskForms {

  static final String HISTORY = "history";
  static final String ATTACHMENTS_URL = "attachmentsUrl";
  private static final String REPORTING_PERIOD = "period";
  private static final Logger LOG = LoggerFactory.getLogger(TimelineTaskForms.class);

  @Bean
  TaskFormPreparer approvalTimeline(Writer writer) {
    return preparer(PlanApproval.PROCESS, writer);
  }

  @Bean
  TaskFormPreparer reportingTimeline(Writer writer) {
    return preparer(PlanApproval.REPORTING_PROCESS, writer);
  }

  private static TaskFormPreparer preparer(String processKey, Writer writer) {
    return new TaskFormPreparer() {
      @Override
      public String processKey() {
        return processKey;
      }

      @Override
      public void prepare(DelegateTask task) {
        writer.prepare(processKey, task);
      }
    };
  }

  @Bean
  Writer timelineWriter(PlanTimeline timeline, ObjectProvider<TaskService> taskService, EngineUser engineUser,
      FormTextView textViews, ObjectMapper objectMapper, PlatformTransactionManager transactions) {
    return new Writer(timeline, taskService, engineUser, textViews, objectMapper, transactions);
  }

  /** What a task's history is read from, once its transaction has committed. */
  record Pending(String taskId, String processKey, String taskKey, String planCode, String period) {

    /**
     * A unit's report is opened with its period, by the period's own job: nothing led to it that
     * the transaction could still be writing, and it shows the approval only (not the other units').
     */
    boolean unitReport() {
      return ReportingCycle.SUBMIT_REPORT.equals(taskKey);
    }

    /** What the task's history depends on: the tasks of one transaction with equal keys show the same. */
    SameHistory sameHistory() {
      return new SameHistory(processKey, unitReport(), planCode, period);
    }
  }

  record SameHistory(String processKey, boolean unitReport, String planCode, String period) {}

  static final class Writer {

    private final PlanTimeline timeline;
    private final ObjectProvider<TaskService> taskService;
    private final EngineUser engineUser;
    private final FormTextView textViews;
    private final ObjectMapper objectMapper;
    private final TransactionTemplate ownTransaction;

    Writer(PlanTimeline timeline, ObjectProvider<TaskService> taskService, EngineUser engineUser,
        FormTextView textViews, ObjectMapper objectMapper, PlatformTransactionManager transactions) {
      this.timeline = timeline;
      this.taskService = taskService;
      this.engineUser = engineUser;
      this.textViews = textViews;
      this.objectMapper = objectMapper;
      this.ownTransaction = new TransactionTemplate(transactions);
      this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void prepare(String processKey, DelegateTask task) {
      String planCode = task.getExecution().getProcessBusinessKey();
      if (planCode == null) {
        return;
      }
      task.setVariableLocal(ATTACHMENTS_URL, "/dashboard/plans/" + planCode + "/attachments?task=" + task.getId());
      Object period = PlanApproval.REPORTING_PROCESS.equals(processKey) ? task.getVariable(REPORTING_PERIOD) : null;
      Pending pending = new Pending(task.getId(), processKey, task.getTaskDefinitionKey(), planCode,
          period == null ? null : period.toString());
      // What the history holds so far; completed with the step that led here once that is written.
      TransactionState state = TransactionSynchronizationManager.isSynchronizationActive() ? ofThisTransaction() : null;
      task.setVariableLocal(HISTORY, json(state == null ? entries(pending) : state.before.computeIfAbsent(
          pending.sameHistory(), key -> entries(pending))));
      if (state != null && !pending.unitReport()) {
        state.pending.add(pending);
      }
    }

    /**
     * The tasks created in this transaction, and the history each kind of task had before it
     * commits: a fan-out (acknowledgements of an issued plan, a period's reports) creates many
     * tasks of one plan at once, and they share one history.
     */
    private static final class TransactionState {
      final List<Pending> pending = new ArrayList<>();
      final Map<SameHistory, List<TimelineEntry>> before = new HashMap<>();
    }

    private TransactionState ofThisTransaction() {
      TransactionState bound = (TransactionState) TransactionSynchronizationManager.getResource(this);
      if (bound == null) {
        TransactionState state = new TransactionState();
        TransactionSynchronizationManager.bindResource(this, state);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Writer.this);
            if (status == STATUS_COMMITTED) {
              Map<SameHistory, Object> after = new HashMap<>();
              state.pending.forEach(pending -> write(pending, after));
            }
          }
        });
        return state;
      }
      return bound;
    }

    private void write(Pending pending, Map<SameHistory, Object> after) {
      try {
        ownTransaction.executeWithoutResult(status -> engineUser.asSystem(() -> {
          TaskService tasks = taskService.getObject();
          if (tasks.createTaskQuery().taskId(pending.taskId()).count() == 0) {
            return;
          }
          tasks.setVariableLocal(pending.taskId(), HISTORY,
              after.computeIfAbsent(pending.sameHistory(), key -> json(entries(pending))));
          textViews.update(tasks, pending.taskId());
        }));
      } catch (ProcessEngineException | org.springframework.dao.DataAccessException e) {
        LOG.warn("History of task {} of plan {} not written: {}", pending.taskId(), pending.planCode(), e.toString());
      }
    }

    private List<TimelineEntry> entries(Pending pending) {
      return PlanApproval.REPORTING_PROCESS.equals(pending.processKey())
          ? timeline.reportingPeriod(pending.planCode(), pending.period(), !pending.unitReport())
          : timeline.approval(pending.planCode());
    }

    private Object json(Object value) {
      try {
        return Spin.JSON(objectMapper.writeValueAsString(value));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
