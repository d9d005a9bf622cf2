package vn.planflow.plan;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import vn.planflow.system.FormTextView;
import vn.planflow.system.TaskFormPreparer;
import org.springframework.stereotype.Component;
import vn.planflow.notification.TaskNotifications;
import vn.planflow.org.SubstitutionTaskListener;
import vn.planflow.system.TaskCompletionPolicy;

/**
 * Cross-cutting listeners on user tasks, added when models are parsed rather than written into
 * every task of the XML: every user task refuses completion by anyone but its assignee or a
 * candidate, every task gets its form data from its process's {@link TaskFormPreparer} when it is
 * created, and then every user task e-mails the officials it lands on (after the form data, so the
 * plan's title is there).
 */
@Component
class PlanApprovalEnginePlugin extends AbstractProcessEnginePlugin {

  private final TaskCompletionPolicy completionPolicy;
  private final ObjectProvider<TaskFormPreparer> forms;
  private final TaskNotifications notifications;
  private final FormTextView textViews;
  private final SubstitutionTaskListener substitutes;

  PlanApprovalEnginePlugin(@Lazy TaskCompletionPolicy completionPolicy, ObjectProvider<TaskFormPreparer> forms,
      @Lazy TaskNotifications notifications, @Lazy FormTextView textViews,
      @Lazy SubstitutionTaskListener substitutes) {
    this.completionPolicy = completionPolicy;
    this.forms = forms;
    this.notifications = notifications;
    this.textViews = textViews;
    this.substitutes = substitutes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, completionPolicy::check);
        if (PlanApproval.REVIEW_DRAFT.equals(activity.getId())) {
          definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, DraftReturns::reviewed);
        }
        if (PlanApproval.SIGN_PLAN.equals(activity.getId())) {
          definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, DraftReturns::signed);
        }
        String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> forms.orderedStream()
            .filter(preparer -> preparer.processKey().equals(processKey))
            .forEach(preparer -> preparer.prepare(task)));
        // Then the escaped copy the forms' text components show (issue #10: markup in a title).
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, textViews::update);
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, notifications::taskCreated);
        // Substitutes (ủy quyền xử lý): offered new tasks of the official, their acts recorded.
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, substitutes::taskCreated);
        definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, substitutes::taskAssigned);
        definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, substitutes::taskCompleted);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
