package vn.planflow.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing by source address and account, in place of the engine's own
 * throttle (turned off in application.yml), which delays the account itself: one stranger
 * sending a wrong password every two seconds kept the real official out.
 *
 * <p>Failures are counted per (client address, account): after {@code freeFailures} the pair is
 * blocked for a delay that doubles with each failure up to {@code maxDelay}. Failures from one
 * address over all accounts have a looser limit of their own. A blocked attempt is refused
 * without checking the password and without counting, so every block ends on time; a correct
 * password from another address is never touched by someone else's failures.
 *
 * <p>State is in memory, per node: with several nodes behind a balancer an attacker gets up to
 * that many times the attempts, and a restart forgets everything. Both maps are bounded (least
 * recently used entries go first).
 */
final class LoginThrottle {

  /** Ids longer than this are cut for the key: the map must not hold megabytes of "user id". */
  private static final int MAX_ACCOUNT_KEY = 128;

  private final LoginThrottleProperties limits;
  private final LongSupplier nowMillis;
  private final Map<String, PairRecord> pairs;
  private final Map<String, AddressRecord> addresses;

  LoginThrottle(LoginThrottleProperties limits) {
    this(limits, System::currentTimeMillis);
  }

  LoginThrottle(LoginThrottleProperties limits, LongSupplier nowMillis) {
    this.limits = limits;
    this.nowMillis = nowMillis;
    this.pairs = boundedMap(limits.maxEntries());
    this.addresses = boundedMap(limits.maxEntries());
  }

  /** How long the caller must still wait before this login may be checked; zero if not at all. */
  Duration blockedFor(String address, String account) {
    long now = nowMillis.getAsLong();
    long until = 0;
    synchronized (this) {
      PairRecord pair = pairs.get(pairKey(address, account));
      if (pair != null) {
        until = pair.blockedUntil;
      }
      AddressRecord source = addresses.get(address);
      if (source != null) {
        until = Math.max(until, source.blockedUntil);
      }
    }
    return until > now ? Duration.ofMillis(until - now) : Duration.ZERO;
  }

  /** A wrong password (or an unknown account) from this address. */
  void failed(String address, String account) {
    long now = nowMillis.getAsLong();
    synchronized (this) {
      PairRecord pair = pairs.computeIfAbsent(pairKey(address, account), k -> new PairRecord());
      if (now - pair.lastFailure > limits.forgetAfter().toMillis()) {
        pair.failures = 0;
      }
      pair.failures++;
      pair.lastFailure = now;
      if (pair.failures > limits.freeFailures()) {
        pair.blockedUntil = now + delayAfter(pair.failures - limits.freeFailures());
      }

      AddressRecord source = addresses.computeIfAbsent(address, k -> new AddressRecord());
      if (now - source.windowStart > limits.addressWindow().toMillis()) {
        source.windowStart = now;
        source.failures = 0;
      }
      source.failures++;
      if (source.failures > limits.addressMaxFailures()) {
        source.blockedUntil = now + limits.addressBlock().toMillis();
        // A fresh window after the block: the address gets its full allowance again.
        source.windowStart = source.blockedUntil;
        source.failures = 0;
      }
    }
  }

  /**
   * The right password: this pair starts over. The address count stays, or an attacker could
   * clear it by logging into an account of their own between guesses.
   */
  void succeeded(String address, String account) {
    synchronized (this) {
      pairs.remove(pairKey(address, account));
    }
  }

  /** The n-th delay (n from 1): base, 2 base, 4 base … at most maxDelay. */
  private long delayAfter(int n) {
    long base = limits.baseDelay().toMillis();
    long max = limits.maxDelay().toMillis();
    int doublings = Math.min(n - 1, 40);
    double delay = base * Math.pow(2, doublings);
    return (long) Math.min(delay, max);
  }

  synchronized int size() {
    return pairs.size() + addresses.size();
  }

  private static String pairKey(String address, String account) {
    String id = account == null ? "" : account.toLowerCase(Locale.ROOT);
    if (id.length() > MAX_ACCOUNT_KEY) {
      id = id.substring(0, MAX_ACCOUNT_KEY);
    }
    // Addresses never contain a space; ids may contain anything.
    return address + " " + id;
  }

  private static <V> Map<String, V> boundedMap(int maxEntries) {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > maxEntries;
      }
    };
  }

  private static final class PairRecord {
    int failures;
    long lastFailure;
    long blockedUntil;
  }

  private static final class AddressRecord {
    int failures;
    long windowStart;
    long blockedUntil;
  }
}
