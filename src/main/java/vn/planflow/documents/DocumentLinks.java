package vn.planflow.documents;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import vn.planflow.plan.PlanApproval;
import vn.planflow.system.TaskFormPreparer;

/**
 * Puts the addresses of the plan's documents on every {@code plan-approval} task, for the links in
 * its form: the signer opens the draft before signing, a committee member before voting. The
 * links are paths on the same server as Tasklist, so the browser sends the Tasklist session and
 * {@code /api} accepts it.
 */
@Component
class DocumentLinks implements TaskFormPreparer {

  static final String PLAN_DOCUMENT = "planDocumentUrl";
  static final String SUBMISSION_DOCUMENT = "submissionDocumentUrl";
  static final String VOTE_RECORD_DOCUMENT = "voteRecordDocumentUrl";

  @Override
  public String processKey() {
    return PlanApproval.PROCESS;
  }

  @Override
  public void prepare(DelegateTask task) {
    String code = task.getExecution().getProcessBusinessKey();
    if (code == null) {
      return;
    }
    String plan = "/api/plans/" + UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
    task.setVariableLocal(PLAN_DOCUMENT, plan + "/document");
    task.setVariableLocal(SUBMISSION_DOCUMENT, plan + "/submission");
    task.setVariableLocal(VOTE_RECORD_DOCUMENT, plan + "/vote-record");
  }
}
