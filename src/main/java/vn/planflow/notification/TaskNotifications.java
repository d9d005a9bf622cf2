package vn.planflow.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.planflow.calendar.VietnameseDates;

/**
 * Tells officials by e-mail when a task lands on them or on their unit. Registered as a create
 * listener on every user task of every process (see the engine plugin in the plan feature), so
 * no model has to remember it; reminders and escalations reuse {@link #recipients} and
 * {@link #link}.
 */
@Component
public class TaskNotifications {

  private static final String PLAN_TITLE = "planTitle";
  private static final String PLAN_CODE = "planCode";

  private final Notifier notifier;
  private final String baseUrl;

  TaskNotifications(Notifier notifier, @Value("${planflow.base-url:http://localhost:8080}") String baseUrl) {
    this.notifier = notifier;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Create listener: one e-mail per recipient, once per task however often this runs. */
  public void taskCreated(DelegateTask task) {
    Set<String> recipients = recipients(task);
    if (recipients.isEmpty()) {
      return;
    }
    String name = taskName(task);
    notifier.notify("task-created:" + task.getId(), recipients, "[planflow] Việc mới: " + name,
        body(task, name), link(task.getId()));
  }

  /**
   * Tells the substitute that a task assigned to an official also came to them, and for whom
   * (issue #11 item 5). Once per task and substitute.
   */
  public void substituteTaskCreated(DelegateTask task, String substituteId, String officialName, String range) {
    String name = taskName(task);
    StringBuilder body = new StringBuilder()
        .append("Đồng chí được giao xử lý việc này thay mặt ông/bà ").append(officialName)
        .append(" trong thời gian ủy quyền ").append(range).append('.')
        .append("\n\nViệc: ").append(name);
    String plan = plan(task);
    if (plan != null) {
      body.append("\nKế hoạch: ").append(plan);
    }
    if (task.getDueDate() != null) {
      body.append("\nHạn xử lý: ").append(VietnameseDates.dateTime(task.getDueDate()));
    }
    body.append("\n\nĐể xử lý: mở trang Ủy quyền xử lý (").append(baseUrl).append("/dashboard/substitutes)")
        .append(", bấm \"Nhận xử lý thay\" rồi hoàn thành việc trong danh sách công việc.\n");
    notifier.notify("task-substitute:" + task.getId() + ":" + substituteId, List.of(substituteId),
        "[planflow] Việc xử lý thay mặt ông/bà " + officialName + ": " + name, body.toString(), link(task.getId()));
  }

  /**
   * Who should hear about the task: its assignee when it has one, otherwise its candidate
   * users and every member of its candidate groups.
   */
  public Set<String> recipients(DelegateTask task) {
    Set<String> users = new TreeSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
      return users;
    }
    List<String> groups = new ArrayList<>();
    for (IdentityLink candidate : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(candidate.getType())) {
        continue;
      }
      if (candidate.getUserId() != null) {
        users.add(candidate.getUserId());
      }
      if (candidate.getGroupId() != null) {
        groups.add(candidate.getGroupId());
      }
    }
    users.addAll(notifier.membersOf(groups));
    return users;
  }

  /** The task opened in Tasklist (after the official logs in). */
  public String link(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  private static String body(DelegateTask task, String name) {
    StringBuilder body = new StringBuilder();
    body.append(task.getAssignee() != null
        ? "Đồng chí được giao một việc mới trên planflow."
        : "Đơn vị của đồng chí có một việc mới trên planflow. Một đồng chí trong đơn vị nhận việc rồi xử lý.");
    body.append("\n\nViệc: ").append(name);
    String plan = plan(task);
    if (plan != null) {
      body.append("\nKế hoạch: ").append(plan);
    }
    if (task.getDueDate() != null) {
      body.append("\nHạn xử lý: ").append(VietnameseDates.dateTime(task.getDueDate()));
    }
    return body.append('\n').toString();
  }

  private static String taskName(DelegateTask task) {
    String name = task.getName();
    return name == null || name.isBlank() ? task.getTaskDefinitionKey() : name;
  }

  private static String plan(DelegateTask task) {
    String code = text(task.getVariable(PLAN_CODE));
    String title = text(task.getVariable(PLAN_TITLE));
    if (code != null && title != null) {
      return title + " (" + code + ")";
    }
    return title != null ? title : code;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
