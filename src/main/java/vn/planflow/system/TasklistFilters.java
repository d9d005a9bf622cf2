package vn.planflow.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.planflow.org.OrgGroups;

/**
 * Tasklist lists tasks only through filters. Six shared filters exist from the start, readable
 * by every official and evaluated for whoever opens them: first (the one Tasklist opens) all the
 * work waiting for them — tasks assigned to them and their units' open tasks, soonest due first —
 * then their own tasks, their unit's open tasks, what is due within 3 working days, what is
 * overdue, and their vote slips, each listing the plan's code and title. Which tasks an official
 * may see at all is the engine's authorization (candidates and assignees only), so a filter never
 * shows another unit's work. They are stored queries made here, in code: the REST API refuses
 * filters that carry expressions. Made again at every start, so a changed definition reaches
 * existing installations.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TasklistFilters implements ApplicationRunner {

  static final String ALL_MY_WORK = "Việc cần xử lý";
  static final String MY_TASKS = "Việc của tôi";
  static final String UNIT_TASKS = "Việc của đơn vị";
  static final String DUE_SOON = "Sắp đến hạn";
  static final String OVERDUE = "Quá hạn";
  static final String VOTE_SLIPS = "Phiếu biểu quyết";
  static final String SUBSTITUTE_TASKS = "Việc được ủy quyền";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Priority 0: Tasklist lists filters by priority and opens the first.
    ensure(ALL_MY_WORK, "Việc giao cho tôi và việc đơn vị tôi chưa ai nhận, hạn sớm nhất trước", 0,
        mineOrMyUnits().orderByDueDate().asc());
    ensure(MY_TASKS, "Việc đã giao cho tôi", 1,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(UNIT_TASKS, "Việc chờ đơn vị tôi nhận xử lý", 2,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()
            .orderByDueDate().asc());
    ensure(DUE_SOON, "Việc của tôi và của đơn vị đến hạn trong 3 ngày làm việc", 3,
        mineOrMyUnits().dueAfterExpression("${now()}").dueBeforeExpression("${workingDays.dueSoonLimit()}")
            .orderByDueDate().asc());
    ensure(OVERDUE, "Việc của tôi và của đơn vị đã quá hạn", 4,
        mineOrMyUnits().dueBeforeExpression("${now()}").orderByDueDate().asc());
    ensure(VOTE_SLIPS, "Phiếu biểu quyết đang chờ tôi", 5,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").taskDefinitionKey("castVote")
            .orderByDueDate().asc());
    // A substitute is offered an absent official's task by name, as candidate user (org's
    // substitutions), whether the task is still assigned to the official or already taken over.
    ensure(SUBSTITUTE_TASKS, "Việc của cán bộ khác mà tôi được ủy quyền xử lý thay", 6,
        taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
            .orderByDueDate().asc());
  }

  /**
   * Tasks assigned to the official, or open to one of their groups (a candidate query leaves out
   * tasks someone has already claimed).
   */
  private TaskQuery mineOrMyUnits() {
    return taskService.createTaskQuery()
        .or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .endOr();
  }

  private void ensure(String name, String description, int priority, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setOwner("admin");
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "planCode", "label", "Mã kế hoạch"),
        Map.of("name", "planTitle", "label", "Kế hoạch")));
    filter.setProperties(properties);
    filter.setQuery(query);
    filterService.saveFilter(filter);
    if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filter.getId()).groupIdIn(OrgGroups.OFFICIALS).count() == 0) {
      Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId(OrgGroups.OFFICIALS);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }
}
