package vn.planflow.org;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda identity in step with the organization: a group per unit, per unit role and per
 * committee, a user per official with their memberships, and the authorizations each role needs.
 * Every method is idempotent and joins the caller's transaction.
 */
@Component
class IdentityMirror {

  /** Key of the approval process that staff and leaders start (CONTRACT §4). */
  static final String PLAN_APPROVAL_PROCESS = vn.planflow.plan.PlanApproval.PROCESS;

  private static final String WORKFLOW = Groups.GROUP_TYPE_WORKFLOW;

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  IdentityMirror(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /** What every official may do: use Tasklist, read process definitions and the directory. */
  void ensureOfficialsGroup() {
    ensureGroup(OrgGroups.OFFICIALS, "Cán bộ, công chức (planflow)");
    grant(OrgGroups.OFFICIALS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(OrgGroups.OFFICIALS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    grant(OrgGroups.OFFICIALS, Resources.USER, "*", Permissions.READ);
    grant(OrgGroups.OFFICIALS, Resources.GROUP, "*", Permissions.READ);
  }

  void syncUnit(OrgUnit unit) {
    String code = unit.getCode();
    ensureGroup(OrgGroups.unit(code), unit.getName());
    for (UnitRole role : UnitRole.values()) {
      ensureGroup(OrgGroups.role(code, role), role.label() + " - " + unit.getName());
    }
    if (unit.isPeoplesCommittee()) {
      ensureGroup(OrgGroups.committee(code), "Thành viên " + unit.getName());
    }
    // Specialists draft plans and leaders may too: both start plan-approval (through /api/plans,
    // which runs as the official inside the engine).
    for (UnitRole role : List.of(UnitRole.STAFF, UnitRole.LEADER)) {
      String group = OrgGroups.role(code, role);
      grant(group, Resources.PROCESS_DEFINITION, PLAN_APPROVAL_PROCESS, Permissions.CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
  }

  /**
   * Creates or updates the official's account and sets exactly the memberships the organization
   * gives them; memberships of groups this feature does not derive are left alone.
   *
   * @param password a new password, or null to keep the current one
   * @param isUnit whether a code names a stored unit (to recognize the groups derived from it)
   */
  void syncOfficial(Official official, String password, Predicate<String> isUnit) {
    User user = identityService.createUserQuery().userId(official.getId()).singleResult();
    if (user == null) {
      user = identityService.newUser(official.getId());
    }
    String[] names = splitName(official.getName());
    // Every official may read every Camunda user (Tasklist shows assignees by name), and the
    // engine cannot hide one field: so the engine's copy has no e-mail. planflow's official
    // table keeps it, for the mail sender and for administrators (/api/org).
    boolean changed =
        !names[0].equals(user.getFirstName())
            || !names[1].equals(user.getLastName())
            || user.getEmail() != null;
    user.setFirstName(names[0]);
    user.setLastName(names[1]);
    user.setEmail(null);
    if (password != null) {
      user.setPassword(password);
      changed = true;
    }
    if (changed) {
      identityService.saveUser(user);
    }

    Set<String> wanted = new HashSet<>();
    wanted.add(OrgGroups.OFFICIALS);
    wanted.add(OrgGroups.unit(official.getUnitCode()));
    for (UnitRole role : official.getRoles()) {
      wanted.add(OrgGroups.role(official.getUnitCode(), role));
    }
    if (official.getCommitteeOf() != null) {
      wanted.add(OrgGroups.committee(official.getCommitteeOf()));
    }
    Set<String> current = new HashSet<>();
    for (Group group : identityService.createGroupQuery().groupMember(official.getId()).list()) {
      current.add(group.getId());
    }
    for (String groupId : current) {
      String unitOfGroup = OrgGroups.unitOf(groupId);
      boolean derived = OrgGroups.OFFICIALS.equals(groupId) || (unitOfGroup != null && isUnit.test(unitOfGroup));
      if (derived && !wanted.contains(groupId)) {
        identityService.deleteMembership(official.getId(), groupId);
      }
    }
    for (String groupId : wanted) {
      requireNotAdmins(groupId);
      if (!current.contains(groupId)) {
        identityService.createMembership(official.getId(), groupId);
      }
    }
  }

  /**
   * Removes the e-mail addresses that earlier versions copied into the engine's users of
   * officials (see {@link #syncOfficial}); accounts that are not officials, such as the
   * administrator's, keep theirs.
   *
   * @return how many users were changed
   */
  int forgetOfficialsEmails(Predicate<String> isOfficial) {
    int changed = 0;
    for (User user : identityService.createUserQuery().userEmailLike("%").list()) {
      if (user.getEmail() != null && isOfficial.test(user.getId())) {
        user.setEmail(null);
        identityService.saveUser(user);
        changed++;
      }
    }
    return changed;
  }

  /**
   * Vietnamese names put the family name first; Camunda shows "first last". The given name (the
   * last word) goes into lastName, so "Trần Bá Hà" reads as written and sorts by given name.
   */
  static String[] splitName(String fullName) {
    String name = fullName.trim().replaceAll("\\s+", " ");
    int lastSpace = name.lastIndexOf(' ');
    if (lastSpace < 0) {
      return new String[] {name, ""};
    }
    return new String[] {name.substring(0, lastSpace), name.substring(lastSpace + 1)};
  }

  /**
   * The import validates codes so that no derived group is the administrators' group; this is the
   * last line should a stored code slip through: an import never makes anyone an administrator.
   */
  private static void requireNotAdmins(String groupId) {
    if (OrgGroups.ADMINS.equals(groupId)) {
      throw new IllegalStateException("an organization import must not touch group " + groupId);
    }
  }

  private void ensureGroup(String id, String name) {
    requireNotAdmins(id);
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (name.equals(group.getName()) && WORKFLOW.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(WORKFLOW);
    identityService.saveGroup(group);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization authorization =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .authorizationType(AUTH_TYPE_GRANT)
            .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (authorization.isPermissionGranted(permission)) {
      return;
    }
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }
}
