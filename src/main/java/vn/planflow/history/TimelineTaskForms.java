package vn.planflow.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
  record Pending(String taskId, String processKey, String planCode, String period) {}

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
      Pending pending = new Pending(task.getId(), processKey, planCode, period == null ? null : period.toString());
      // What the history holds so far; completed with the step that led here once that is written.
      task.setVariableLocal(HISTORY, json(entries(pending)));
      if (TransactionSynchronizationManager.isSynchronizationActive()) {
        pendingOfThisTransaction().add(pending);
      }
    }

    private List<Pending> pendingOfThisTransaction() {
      @SuppressWarnings("unchecked")
      List<Pending> bound = (List<Pending>) TransactionSynchronizationManager.getResource(this);
      if (bound == null) {
        List<Pending> list = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, list);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Writer.this);
            if (status == STATUS_COMMITTED) {
              list.forEach(Writer.this::write);
            }
          }
        });
        return list;
      }
      return bound;
    }

    private void write(Pending pending) {
      try {
        ownTransaction.executeWithoutResult(status -> engineUser.asSystem(() -> {
          TaskService tasks = taskService.getObject();
          if (tasks.createTaskQuery().taskId(pending.taskId()).count() == 0) {
            return;
          }
          tasks.setVariableLocal(pending.taskId(), HISTORY, json(entries(pending)));
          textViews.update(tasks, pending.taskId());
        }));
      } catch (ProcessEngineException | org.springframework.dao.DataAccessException e) {
        LOG.warn("History of task {} of plan {} not written: {}", pending.taskId(), pending.planCode(), e.toString());
      }
    }

    private List<TimelineEntry> entries(Pending pending) {
      Supplier<List<TimelineEntry>> read = () -> PlanApproval.REPORTING_PROCESS.equals(pending.processKey())
          ? timeline.reportingPeriod(pending.planCode(), pending.period())
          : timeline.approval(pending.planCode());
      return read.get();
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
