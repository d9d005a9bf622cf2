package vn.planflow.system;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked because its (address, account) or its address is blocked for now. */
final class LoginThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  LoginThrottledException(Duration retryAfter) {
    super(LoginThrottleResponses.message(retryAfter));
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
