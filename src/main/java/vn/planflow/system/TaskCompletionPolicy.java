package vn.planflow.system;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Only the assignee, or a candidate of an unassigned task, completes it (CONTRACT §4). The
 * engine alone lets a former assignee (who keeps their authorization) or an administrator
 * complete any task; this closes that. {@link TaskCompletionGuard} answers 403 at the edge; the
 * engine-side check refuses completions that come another way.
 */
@Component
public class TaskCompletionPolicy {

  /** Told to the loser of a race for one task: another official completed it a moment ago. */
  static final String DONE_MEANWHILE =
      "Việc này vừa được hoàn thành (có thể bởi người khác cùng lúc). Hãy tải lại danh sách việc.";


  private final IdentityService identityService;

  TaskCompletionPolicy(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Why the user may not complete a task so assigned, or null when they may. */
  public static String refusal(String assignee, Collection<? extends IdentityLink> links, String userId,
      List<String> groupIds) {
    if (assignee != null) {
      return assignee.equals(userId) ? null : "Việc này đã được giao cho người khác";
    }
    Set<String> groups = Set.copyOf(groupIds);
    for (IdentityLink link : links) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
        return null;
      }
    }
    return "Chỉ người được giao hoặc thuộc đơn vị được giao mới hoàn thành được việc này";
  }

  /** Complete listener on every user task: refuses an official who is neither. */
  public void check(DelegateTask task) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      return; // the engine itself, e.g. a timer or a test
    }
    String refusal = refusal(task.getAssignee(), task.getCandidates(), authentication.getUserId(),
        authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    if (refusal != null) {
      throw new org.camunda.bpm.engine.AuthorizationException(refusal);
    }
  }
}
