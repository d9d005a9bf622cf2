package vn.planflow.system;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Puts on a newly created user task what its Camunda Form shows (task-local variables). One per
 * process; the engine plugin calls the one whose process key matches.
 */
public interface TaskFormPreparer {

  String processKey();

  void prepare(DelegateTask task);
}
