package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.planflow.PlanflowIntegrationTest;

/**
 * The attack found from outside, replayed: someone sends a wrong password for an official every
 * few milliseconds from one machine (127.0.0.2) while the official logs in from her own
 * (127.0.0.1), through HTTP Basic and through the Tasklist login form. The limits are the test
 * profile's (application-test.yml): 3 free failures, then 250 ms doubling to at most 2 s.
 */
@PlanflowIntegrationTest
class LoginThrottlingTest {

  private static final String OFFICIAL = "kt.chuyenvien";
  private static final int BAD_ATTEMPTS = 150;
  private static final int REAL_LOGINS = 30;

  @LocalServerPort int port;
  @Autowired LoginThrottleProperties limits;
  @Autowired ProcessEngine engine;

  @Test
  void aStrangersWrongPasswordsNeverKeepTheOfficialOut() throws Exception {
    LoopbackClient attacker = new LoopbackClient("127.0.0.2", port);
    LoopbackClient official = new LoopbackClient("127.0.0.1", port);

    CompletableFuture<List<Integer>> attack = CompletableFuture.supplyAsync(() -> {
      List<Integer> statuses = new ArrayList<>();
      try {
        for (int i = 0; i < BAD_ATTEMPTS; i++) {
          LoopbackClient.Response response = i % 2 == 0
              ? attacker.basicGet("/engine-rest/task", OFFICIAL, "doan-mat-khau-" + i)
              : attacker.webappLogin(OFFICIAL, "doan-mat-khau-" + i);
          statuses.add(response.status());
          Thread.sleep(15);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return statuses;
    });

    int succeeded = 0;
    List<String> refusals = new ArrayList<>();
    for (int i = 0; i < REAL_LOGINS; i++) {
      LoopbackClient.Response response;
      if (i % 2 == 0) {
        response = official.basicGet("/engine-rest/task", OFFICIAL, "demo");
      } else {
        official.forgetCookies(); // a fresh browser each time
        response = official.webappLogin(OFFICIAL, "demo");
      }
      if (response.status() == 200) {
        succeeded++;
      } else {
        refusals.add(i + ": " + response.status() + " " + response.body());
      }
      Thread.sleep(60);
    }
    List<Integer> attackStatuses = attack.get();
    long checked = attackStatuses.stream().filter(s -> s == 401).count();
    long refusedUnchecked = attackStatuses.stream().filter(s -> s == 429).count();

    System.out.printf(
        "Login throttling: real user %d/%d logins succeeded (from 127.0.0.1, HTTP Basic and Tasklist"
            + " form) while %d bad attempts were made from 127.0.0.2; of those only %d reached the"
            + " password check (401), %d were refused unchecked (429)%n",
        succeeded, REAL_LOGINS, attackStatuses.size(), checked, refusedUnchecked);
    assertThat(refusals).as("the official's refused logins").isEmpty();
    assertThat(succeeded).isEqualTo(REAL_LOGINS);
    assertThat(attackStatuses).hasSize(BAD_ATTEMPTS).containsOnly(401, 429);
    assertThat(refusedUnchecked).as("the attacker is slowed down").isGreaterThan(BAD_ATTEMPTS / 2);
  }

  @Test
  void aBlockAnswers429WithRetryAfterAndEndsByItself() throws Exception {
    LoopbackClient attacker = new LoopbackClient("127.0.0.4", port);
    // Warm up what a cold JVM starts lazily (Tasklist session and XSRF cookie, the MVC servlet):
    // a first request can take longer than the block under test.
    attacker.send("GET", "/camunda/app/tasklist/default/", java.util.Map.of(), null);
    new LoopbackClient("127.0.0.1", port).basicGet("/api/plans", "kt.truongphong", "demo");

    // Even the right password is refused, unchecked, while this address and account are blocked.
    // The 7th checked failure starts the longest block (2 s here), the next ones too: no race with
    // a 250 ms block on a busy machine.
    attacker.failLogins("kt.phophong", limits.freeFailures() + 4);
    long blockedAt = System.nanoTime();
    LoopbackClient.Response api = attacker.basicGet("/api/plans", "kt.phophong", "demo");
    assertThat(Duration.ofNanos(System.nanoTime() - blockedAt)).as("machine too slow for this test")
        .isLessThan(limits.maxDelay());
    attacker.failLogins("kt.phophong", 1);
    LoopbackClient.Response form = attacker.webappLogin("kt.phophong", "demo");

    assertThat(api.status()).isEqualTo(429);
    assertThat(Long.parseLong(api.header("Retry-After"))).isBetween(1L, limits.maxDelay().toSeconds());
    assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.body()).contains("Đăng nhập sai quá nhiều lần từ địa chỉ này");
    assertThat(form.status()).isEqualTo(429);
    // Tasklist's login page shows "message" of the answer.
    assertThat(form.body()).contains("\"message\":\"Đăng nhập sai quá nhiều lần");
    assertThat(form.header("Retry-After")).isNotNull();
    // The official from elsewhere is not affected.
    assertThat(new LoopbackClient("127.0.0.1", port).basicGet("/api/plans", "kt.phophong", "demo").status())
        .isEqualTo(200);

    // Time-limited: after the longest block, the right password works from the attacker's address.
    Thread.sleep(limits.maxDelay().plusMillis(100).toMillis());
    assertThat(attacker.basicGet("/api/plans", "kt.phophong", "demo").status()).isEqualTo(200);
    System.out.printf("Login throttling: blocked pair answered 429 (Retry-After %s s), unblocked again after"
        + " at most %d ms%n", api.header("Retry-After"), limits.maxDelay().toMillis());
  }

  @Test
  void manyAccountsFromOneAddressBlockThatAddressForAWhile() throws Exception {
    LoopbackClient sprayer = new LoopbackClient("127.0.0.3", port);
    for (int i = 0; i <= limits.addressMaxFailures(); i++) {
      sprayer.basicGet("/engine-rest/task", "khong.ton.tai." + i, "demo");
    }

    long blockedAt = System.nanoTime();
    assertThat(sprayer.basicGet("/engine-rest/task", "yh.chutich", "demo").status()).isEqualTo(429);
    assertThat(Duration.ofNanos(System.nanoTime() - blockedAt)).as("machine too slow for this test")
        .isLessThan(limits.addressBlock());
    assertThat(new LoopbackClient("127.0.0.1", port).basicGet("/engine-rest/task", "yh.chutich", "demo").status())
        .isEqualTo(200);
    Thread.sleep(limits.addressBlock().plusMillis(100).toMillis());
    assertThat(sprayer.basicGet("/engine-rest/task", "yh.chutich", "demo").status()).isEqualTo(200);
    System.out.printf("Login throttling: %d failed logins on different accounts from one address blocked"
        + " it for %d ms, not the accounts elsewhere%n", limits.addressMaxFailures() + 1,
        limits.addressBlock().toMillis());
  }

  /**
   * Camunda REST's identity/verify checks any account's password for any official (they read all
   * users): without the throttle it would be an unthrottled oracle now that the engine's is off.
   */
  @Test
  void identityVerifyIsThrottledToo() throws Exception {
    LoopbackClient official = new LoopbackClient("127.0.0.5", port);
    String credentials = java.util.Base64.getEncoder().encodeToString("yh.chutich:demo".getBytes());
    java.util.function.Function<String, LoopbackClient.Response> verify = password -> {
      try {
        return official.send("POST", "/engine-rest/identity/verify",
            java.util.Map.of("Authorization", "Basic " + credentials, "Content-Type", "application/json"),
            "{\"username\": \"kt.truongphong\", \"password\": \"" + password + "\"}");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };

    // The free failures and the one that starts the block are answered; the next is refused.
    for (int i = 0; i <= limits.freeFailures(); i++) {
      LoopbackClient.Response answered = verify.apply("sai-" + i);
      assertThat(answered.status()).isEqualTo(200);
      assertThat(answered.body()).contains("\"authenticated\":false");
    }
    LoopbackClient.Response refused = verify.apply("demo");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotNull();

    Thread.sleep(limits.maxDelay().plusMillis(100).toMillis());
    assertThat(verify.apply("demo").body()).contains("\"authenticated\":true");
  }

  /** Verified in 7.24 DbIdentityServiceProvider.lockUser: delay = min(base * factor^(n-1), max). */
  @Test
  void theEnginesOwnPerAccountDelayIsOff() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getLoginDelayBase()).isZero();
    assertThat(configuration.getLoginDelayMaxTime()).isZero();
    assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
  }
}
