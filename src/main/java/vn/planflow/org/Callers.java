package vn.planflow.org;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds out who a caller is in the organization, for the read rules (see {@code plan.ReadPolicy}). */
@Component
public class Callers {

  private final IdentityService identityService;
  private final OfficialRepository officials;

  Callers(IdentityService identityService, OfficialRepository officials) {
    this.identityService = identityService;
    this.officials = officials;
  }

  @Transactional(readOnly = true)
  public Caller of(String userId) {
    if (userId == null) {
      return new Caller(null, null, false);
    }
    return new Caller(userId, officials.findById(userId).orElse(null), isAdministrator(userId));
  }

  /** Member of {@code camunda-admin}: the administrators of the engine and of planflow alike. */
  public boolean isAdministrator(String userId) {
    return userId != null
        && identityService.createGroupQuery().groupMember(userId).groupId(OrgGroups.ADMINS).count() > 0;
  }
}
