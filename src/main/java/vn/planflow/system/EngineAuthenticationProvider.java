package vn.planflow.system;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks HTTP Basic credentials against Camunda identity, the same accounts the webapps use,
 * behind planflow's {@link LoginThrottle} (by client address and account; the engine's own
 * per-account delay is off). The authorities are the user's groups.
 */
final class EngineAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  EngineAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address = clientAddress(authentication);
    Duration wait = throttle.blockedFor(address, userId);
    if (!wait.isZero()) {
      throw new LoginThrottledException(wait);
    }
    if (userId == null || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throttle.failed(address, userId);
      throw new BadCredentialsException("Sai tên đăng nhập hoặc mật khẩu");
    }
    throttle.succeeded(address, userId);
    return authenticated(userId, groupsOf(identityService, userId));
  }

  /**
   * request.getRemoteAddr(), which Spring's Basic filter puts into the details. Behind a reverse
   * proxy this is the proxy unless server.forward-headers-strategy is set: X-Forwarded-For is not
   * trusted by default, as any client can send it.
   */
  private static String clientAddress(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
            && details.getRemoteAddress() != null
        ? details.getRemoteAddress()
        : "unknown";
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  static List<String> groupsOf(IdentityService identityService, String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }

  static Authentication authenticated(String userId, List<String> groupIds) {
    List<GrantedAuthority> authorities =
        groupIds.stream().<GrantedAuthority>map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g)).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  static List<String> groupIdsOf(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(GROUP_PREFIX))
        .map(a -> a.substring(GROUP_PREFIX.length()))
        .toList();
  }
}
