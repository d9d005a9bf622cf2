package vn.planflow.system;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who the engine is running as, and work done as the system or as another official for a
 * moment. Each request runs as its official (EngineIdentityFilter); some lookups must not depend
 * on what that official may read, and some must be made as a particular caller.
 */
@Component
public class EngineUser {

  private final IdentityService identityService;

  EngineUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The official the engine runs as, or null for the engine itself (a job, a timer). */
  public String currentUserId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** Who is completing this task: the official, or its assignee when the engine completes it. */
  public String completing(DelegateTask task) {
    String user = currentUserId();
    return user != null ? user : task.getAssignee();
  }

  /** Runs without the caller's authorizations, then runs as the caller again. */
  public <T> T asSystem(Supplier<T> work) {
    return as(null, work);
  }

  public void asSystem(Runnable work) {
    as(null, () -> {
      work.run();
      return null;
    });
  }

  /** Runs as this official with these groups (or as the system for null), then as before. */
  public <T> T as(String userId, List<String> groupIds, Supplier<T> work) {
    return as(new Authentication(userId, groupIds), work);
  }

  private <T> T as(Authentication authentication, Supplier<T> work) {
    Authentication previous = identityService.getCurrentAuthentication();
    if (authentication == null) {
      identityService.clearAuthentication();
    } else {
      identityService.setAuthentication(authentication);
    }
    try {
      return work.get();
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }
}
