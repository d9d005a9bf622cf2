package vn.planflow.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of {@link LoginThrottle} ({@code planflow.login.*}). Every block ends by itself: the
 * point is to make guessing slow, never to let a stranger lock an official out.
 *
 * @param freeFailures failed logins of one account from one address before any delay
 * @param baseDelay the first delay after the free failures; it doubles with each further failure
 * @param maxDelay the longest one (address, account) pair is ever blocked
 * @param forgetAfter a pair's failures are forgotten after this long without a new one
 * @param addressMaxFailures failed logins from one address, whatever the accounts, within
 *     {@code addressWindow} before that address is blocked (looser: an office behind one NAT)
 * @param addressWindow the window in which {@code addressMaxFailures} are counted
 * @param addressBlock how long an address stays blocked once over its limit
 * @param maxEntries at most this many pairs and this many addresses are remembered (least
 *     recently used are dropped first), so a flood of invented ids cannot exhaust memory
 */
@ConfigurationProperties("planflow.login")
record LoginThrottleProperties(
    Integer freeFailures,
    Duration baseDelay,
    Duration maxDelay,
    Duration forgetAfter,
    Integer addressMaxFailures,
    Duration addressWindow,
    Duration addressBlock,
    Integer maxEntries) {

  LoginThrottleProperties {
    freeFailures = freeFailures == null ? 5 : freeFailures;
    baseDelay = baseDelay == null ? Duration.ofSeconds(2) : baseDelay;
    maxDelay = maxDelay == null ? Duration.ofMinutes(10) : maxDelay;
    forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
    addressMaxFailures = addressMaxFailures == null ? 50 : addressMaxFailures;
    addressWindow = addressWindow == null ? Duration.ofMinutes(10) : addressWindow;
    addressBlock = addressBlock == null ? Duration.ofMinutes(15) : addressBlock;
    maxEntries = maxEntries == null ? 10_000 : maxEntries;
    if (forgetAfter.compareTo(maxDelay) < 0) {
      // A pair forgotten while still blocked would start over with free attempts.
      forgetAfter = maxDelay;
    }
  }

  static LoginThrottleProperties defaults() {
    return new LoginThrottleProperties(null, null, null, null, null, null, null, null);
  }
}
