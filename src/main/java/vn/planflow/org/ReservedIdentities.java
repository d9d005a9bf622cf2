package vn.planflow.org;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names an organization import must never take: the engine's and planflow's own groups and
 * accounts. A unit coded {@code camunda-admin} would make its officials administrators, and an
 * official named like the administrator would rewrite the administrator's account.
 */
@Component
class ReservedIdentities {

  /** Looked up in chunks: a national import names thousands of units. */
  private static final int CHUNK = 500;

  private final IdentityService identityService;
  private final Set<String> reserved;

  ReservedIdentities(
      IdentityService identityService, @Value("${camunda.bpm.admin-user.id:admin}") String adminUserId) {
    this.identityService = identityService;
    Set<String> names =
        new HashSet<>(Set.of(OrgGroups.ADMINS, OrgGroups.OFFICIALS, "admin", "camunda", "planflow", "system"));
    names.add(adminUserId);
    this.reserved = Set.copyOf(names);
  }

  /** Whether the code or id is one of the fixed system names (whatever the engine holds). */
  boolean isSystemName(String codeOrId) {
    return reserved.contains(codeOrId);
  }

  /**
   * The codes among these (of units not yet stored) that would produce a group the engine already
   * has: a group made by hand in Admin, or a system group. A stored unit's groups are its own.
   */
  Set<String> codesClashingWithGroups(List<String> newUnitCodes) {
    Set<String> clashing = new HashSet<>();
    List<String> groupIds = new ArrayList<>();
    for (String code : newUnitCodes) {
      groupIds.addAll(OrgGroups.derivedFrom(code));
    }
    for (int from = 0; from < groupIds.size(); from += CHUNK) {
      List<String> chunk = groupIds.subList(from, Math.min(groupIds.size(), from + CHUNK));
      for (Group group : identityService.createGroupQuery().groupIdIn(chunk.toArray(String[]::new)).list()) {
        String unit = OrgGroups.unitOf(group.getId());
        clashing.add(unit == null ? group.getId() : unit);
      }
    }
    return clashing;
  }
}
