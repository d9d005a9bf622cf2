package vn.planflow.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Why the lead unit's leader returned the draft. The leader's {@code comment} lives only in the
 * {@code reviewDraft} task's scope; when the task ends with {@code approved = false} it is kept as
 * the process variable {@value #RETURN_REASON}, which the next {@code draftPlan} form and the plan
 * editor show. An approval clears it. The signer's return is kept the same way for the synthesis.
 */
final class DraftReturns {

  static final String RETURN_REASON = "returnReason";

  private DraftReturns() {}

  /**
   * Complete listener of {@code signPlan}: a signer's return goes back to the synthesis, whose form
   * and the editor show its reason; a signature clears it.
   */
  static void signed(DelegateTask task) {
    boolean returned = "RETURN".equals(String.valueOf(task.getVariable(PlanApproval.DECISION)));
    Object comment = task.getVariable(PlanApproval.COMMENT);
    if (returned) {
      task.getExecution().getProcessInstance().setVariable(RETURN_REASON, comment == null ? "" : comment.toString());
    } else {
      task.getExecution().getProcessInstance().removeVariable(RETURN_REASON);
    }
  }

  /** Complete listener of {@code reviewDraft}. */
  static void reviewed(DelegateTask task) {
    Object approved = task.getVariable(PlanApproval.APPROVED);
    boolean returned = Boolean.FALSE.equals(approved) || "false".equals(String.valueOf(approved));
    Object comment = task.getVariable(PlanApproval.COMMENT);
    if (returned) {
      task.getExecution().getProcessInstance().setVariable(RETURN_REASON, comment == null ? "" : comment.toString());
    } else {
      task.getExecution().getProcessInstance().removeVariable(RETURN_REASON);
    }
  }
}
