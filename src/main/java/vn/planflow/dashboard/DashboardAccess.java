package vn.planflow.dashboard;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgGroups;
import vn.planflow.org.UnitRole;
import vn.planflow.plan.Plan;

/**
 * The one place that decides what the dashboard and the audit trail show to whom.
 *
 * <p>Today every official may read every plan, administrators see all; the audit trail is for the
 * leaders of a unit and administrators. Narrowing either (e.g. to the plans a unit takes part in)
 * changes only this class.
 */
@Component
class DashboardAccess {

  private final IdentityService identityService;
  private final OfficialRepository officials;

  DashboardAccess(IdentityService identityService, OfficialRepository officials) {
    this.identityService = identityService;
    this.officials = officials;
  }

  boolean isAdministrator(String userId) {
    return userId != null
        && identityService.createGroupQuery().groupMember(userId).groupId(OrgGroups.ADMINS).count() > 0;
  }

  boolean isLeader(String userId) {
    return userId != null && officials.findById(userId).map(o -> o.hasRole(UnitRole.LEADER)).orElse(false);
  }

  /** Whether this caller may see this plan on the dashboard. */
  boolean mayRead(String userId, Plan plan) {
    return isAdministrator(userId) || officials.existsById(userId);
  }

  List<Plan> visible(String userId, List<Plan> plans) {
    return plans.stream().filter(plan -> mayRead(userId, plan)).toList();
  }

  void requireRead(String userId, Plan plan) {
    if (!mayRead(userId, plan)) {
      throw new AccessDeniedException("Anh/chị không được xem kế hoạch này");
    }
  }

  boolean mayAudit(String userId) {
    return isAdministrator(userId) || isLeader(userId);
  }

  void requireAudit(String userId) {
    if (!mayAudit(userId)) {
      throw new AccessDeniedException("Nhật ký thao tác chỉ dành cho lãnh đạo đơn vị và quản trị hệ thống");
    }
  }
}
