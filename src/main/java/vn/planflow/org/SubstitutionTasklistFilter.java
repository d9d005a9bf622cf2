package vn.planflow.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filter of a substitute: tasks offered to them by name as candidate user (the
 * officials' tasks they stand in for, whether still assigned to the official or already taken
 * over). Shared with every official, evaluated for whoever opens it; made again at every start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SubstitutionTasklistFilter implements ApplicationRunner {

  static final String NAME = "Việc được ủy quyền";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  SubstitutionTasklistFilter(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    Filter filter = filterService.createFilterQuery().filterName(NAME).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(NAME);
      filter.setOwner("admin");
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", "Việc của cán bộ khác mà tôi được ủy quyền xử lý thay");
    properties.put("priority", 6);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "planCode", "label", "Mã kế hoạch"),
        Map.of("name", "planTitle", "label", "Kế hoạch")));
    filter.setProperties(properties);
    filter.setQuery(taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
        .includeAssignedTasks().orderByDueDate().asc());
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
