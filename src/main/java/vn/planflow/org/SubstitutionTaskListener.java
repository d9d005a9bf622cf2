package vn.planflow.org;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.planflow.notification.TaskNotifications;
import vn.planflow.system.EngineUser;

/**
 * Task listener of every user task (registered by the engine plugin of the plan feature):
 *
 * <ul>
 *   <li>create — a task assigned to an official whose substitution runs today also gets the
 *       substitute as candidate user, and the substitute an e-mail saying for whom. Vote slips
 *       ({@code castVote}) only where the member's committee allows it ({@code substituteMayVote}).
 *       Only new tasks: a task created before the range began stays with the official alone. Tasks
 *       that land on a unit's groups are not touched: the substitute of the same unit holds those
 *       groups already.
 *   <li>assignment — the substitute taking the task over is recorded;
 *   <li>complete — the substitute completing it is recorded.
 * </ul>
 *
 * Each record is a {@link SubstitutionAct} row (read by the audit screen: "X (thay mặt Y)") and a
 * comment on the task, written in the engine's transaction, so it is there exactly when the act is.
 */
@Component
public class SubstitutionTaskListener {

  static final String CAST_VOTE = "castVote";

  private final SubstitutionService substitutions;
  private final SubstitutionActRepository acts;
  private final OfficialRepository officials;
  private final OrgUnitRepository units;
  private final TaskNotifications notifications;
  private final EngineUser engineUser;
  private final Clock clock;

  SubstitutionTaskListener(SubstitutionService substitutions, SubstitutionActRepository acts,
      OfficialRepository officials, OrgUnitRepository units, TaskNotifications notifications, EngineUser engineUser,
      Clock clock) {
    this.substitutions = substitutions;
    this.acts = acts;
    this.officials = officials;
    this.units = units;
    this.notifications = notifications;
    this.engineUser = engineUser;
    this.clock = clock;
  }

  public void taskCreated(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    Optional<Substitution> running = substitutions.runningFor(assignee, substitutions.today());
    if (running.isEmpty()) {
      return;
    }
    Substitution substitution = running.get();
    if (CAST_VOTE.equals(task.getTaskDefinitionKey()) && !mayVote(assignee)) {
      return;
    }
    task.addCandidateUser(substitution.getSubstituteId());
    record(task, substitution, SubstitutionAct.Kind.OFFERED);
    notifications.substituteTaskCreated(task, substitution.getSubstituteId(),
        substitutions.name(substitution.getOfficialId()), SubstitutionService.range(substitution));
  }

  public void taskAssigned(DelegateTask task) {
    String assignee = task.getAssignee();
    offered(task, assignee).ifPresent(offer -> {
      Substitution substitution = substitutions.runningOrAny(offer.getSubstitutionId());
      record(task, substitution, SubstitutionAct.Kind.TAKEN);
      comment(task, assignee, substitutions.name(assignee) + " nhận xử lý thay mặt ông/bà "
          + substitutions.name(offer.getOfficialId()) + " (ủy quyền " + SubstitutionService.range(substitution) + ").");
    });
  }

  public void taskCompleted(DelegateTask task) {
    String completing = engineUser.completing(task);
    offered(task, completing).ifPresent(offer -> {
      Substitution substitution = substitutions.runningOrAny(offer.getSubstitutionId());
      record(task, substitution, SubstitutionAct.Kind.COMPLETED);
      comment(task, completing, substitutions.name(completing) + " đã xử lý xong việc thay mặt ông/bà "
          + substitutions.name(offer.getOfficialId()) + " (ủy quyền " + SubstitutionService.range(substitution) + ").");
    });
  }

  /** The offer of this task to this user as substitute, unless the user is the official. */
  private Optional<SubstitutionAct> offered(DelegateTask task, String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    List<SubstitutionAct> found = acts.findByTaskIdOrderByIdAsc(task.getId());
    return found.stream().filter(a -> a.getKind() == SubstitutionAct.Kind.OFFERED)
        .filter(a -> a.getSubstituteId().equals(userId) && !a.getOfficialId().equals(userId)).findFirst();
  }

  /** The member's committee lets a substitute return the member's vote slip. */
  private boolean mayVote(String memberId) {
    return officials.findById(memberId).map(Official::getCommitteeOf).flatMap(units::findById)
        .map(OrgUnit::substituteMayVote).orElse(false);
  }

  private void record(DelegateTask task, Substitution substitution, SubstitutionAct.Kind kind) {
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    acts.save(new SubstitutionAct(substitution, task.getId(), task.getTaskDefinitionKey(),
        task.getProcessInstanceId(), businessKey, kind, OffsetDateTime.now(clock)));
  }

  /** A comment on the task, as Tasklist's own comments are, by the substitute. */
  private static void comment(DelegateTask task, String userId, String message) {
    CommandContext commandContext = Context.getCommandContext();
    CommentEntity comment = new CommentEntity();
    comment.setUserId(userId);
    comment.setType(CommentEntity.TYPE_COMMENT);
    comment.setTime(ClockUtil.getCurrentTime());
    comment.setTaskId(task.getId());
    comment.setProcessInstanceId(task.getProcessInstanceId());
    if (task.getExecution() != null) {
      comment.setRootProcessInstanceId(
          ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) task.getExecution())
              .getRootProcessInstanceId());
    }
    comment.setAction(CommentEntity.ACTION_ADD_COMMENT);
    comment.setMessage(message);
    comment.setFullMessage(message);
    commandContext.getCommentManager().insert(comment);
  }
}
