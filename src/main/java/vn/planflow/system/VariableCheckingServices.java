package vn.planflow.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The last line behind {@link TaskCompletionGuard}: the engine's own task and form services
 * refuse, for an official (a call with an authenticated user), any completion variable that the
 * task's form does not have and any Java object sent in serialized form. Whatever path a
 * completion takes — a REST address the guard's pattern did not foresee, a future controller —
 * it reaches one of these methods. Work the engine does as itself (jobs, timers, planflow's own
 * services outside a request) is not checked here: it sets variables by design.
 */
@Component
class VariableCheckingServices extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskVariables> taskVariables;

  VariableCheckingServices(ObjectProvider<TaskVariables> taskVariables) {
    this.taskVariables = taskVariables;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new CheckingTaskService(configuration));
    configuration.setFormService(new CheckingFormService(configuration));
  }

  private void check(ProcessEngineConfigurationImpl configuration, String taskId, Map<String, ?> variables) {
    if (variables == null || variables.isEmpty()
        || configuration.getIdentityService().getCurrentAuthentication() == null) {
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    Task task = configuration.getCommandExecutorTxRequired().execute(context -> {
      // Looked up without the caller's authorizations: the engine checks those itself next.
      return context.runWithoutAuthorization(() ->
          context.getTaskManager().findTaskById(taskId));
    });
    if (task == null) {
      return; // the engine answers for an unknown task
    }
    VariableMap typed = org.camunda.bpm.engine.variable.Variables.fromMap(castMap(variables));
    for (String name : typed.keySet()) {
      Object value = typed.getValueTyped(name);
      if (value instanceof FileValue || value instanceof BytesValue
          || (value instanceof ObjectValue object && !object.isDeserialized())) {
        problems.add(new FieldProblem(name, "kiểu dữ liệu không được nhận"));
      }
    }
    problems.addAll(taskVariables.getObject().checkNames(task, typed.keySet()));
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("Dữ liệu không hợp lệ: "
          + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<String, ?> variables) {
    return (Map<String, Object>) variables;
  }

  private final class CheckingTaskService extends TaskServiceImpl {

    private final ProcessEngineConfigurationImpl configuration;

    CheckingTaskService(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
      check(configuration, taskId, variables);
      super.complete(taskId, variables);
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
        boolean deserializeValues) {
      check(configuration, taskId, variables);
      return super.completeWithVariablesInReturn(taskId, variables, deserializeValues);
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
      check(configuration, taskId, variables);
      super.resolveTask(taskId, variables);
    }
  }

  private final class CheckingFormService extends FormServiceImpl {

    private final ProcessEngineConfigurationImpl configuration;

    CheckingFormService(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
      check(configuration, taskId, properties);
      super.submitTaskForm(taskId, properties);
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
        boolean deserializeValues) {
      check(configuration, taskId, properties);
      return super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
    }

    @Override
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
      check(configuration, taskId, properties);
      super.submitTaskFormData(taskId, properties);
    }
  }
}
