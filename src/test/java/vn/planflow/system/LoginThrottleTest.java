package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: no Spring, no waiting. */
class LoginThrottleTest {

  private long now = 1_000_000;
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottleProperties(
              3, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(1),
              50, Duration.ofMinutes(10), Duration.ofMinutes(15), 100),
          () -> now);

  private void fail(String address, String account, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(address, account);
    }
  }

  @Test
  void aPairIsBlockedAfterItsFreeFailuresForAGrowingButBoundedTime() {
    fail("10.0.0.9", "kt.chuyenvien", 3);
    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).isZero();

    fail("10.0.0.9", "kt.chuyenvien", 1);
    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).isEqualTo(Duration.ofSeconds(2));
    fail("10.0.0.9", "kt.chuyenvien", 1);
    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).isEqualTo(Duration.ofSeconds(4));
    fail("10.0.0.9", "kt.chuyenvien", 20);
    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).isEqualTo(Duration.ofMinutes(10));
    // Case does not open a second pair.
    assertThat(throttle.blockedFor("10.0.0.9", "KT.ChuyenVien")).isEqualTo(Duration.ofMinutes(10));

    now += Duration.ofMinutes(10).toMillis();
    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).as("never permanent").isZero();
  }

  @Test
  void anotherAddressOrAnotherAccountIsNotTouched() {
    fail("10.0.0.9", "kt.chuyenvien", 30);

    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).isPositive();
    assertThat(throttle.blockedFor("10.0.0.7", "kt.chuyenvien")).isZero();
    assertThat(throttle.blockedFor("10.0.0.9", "kt.lanhdao")).isZero();
  }

  @Test
  void manyAccountsFromOneAddressBlockThatAddressForAWhile() {
    for (int i = 0; i < 50; i++) {
      throttle.failed("10.0.0.9", "user" + i);
    }
    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).isZero();

    throttle.failed("10.0.0.9", "user50");
    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.blockedFor("10.0.0.7", "kt.chuyenvien")).isZero();

    now += Duration.ofMinutes(15).toMillis();
    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).isZero();
  }

  @Test
  void aSuccessClearsThePairButNotTheAddressCount() {
    fail("10.0.0.9", "kt.chuyenvien", 3);
    throttle.succeeded("10.0.0.9", "kt.chuyenvien");
    fail("10.0.0.9", "kt.chuyenvien", 3);
    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).isZero();

    // 6 failures so far from the address: 44 more on other accounts and one over reach the limit.
    for (int i = 0; i < 45; i++) {
      throttle.failed("10.0.0.9", "user" + i);
      throttle.succeeded("10.0.0.9", "attacker.own.account");
    }
    assertThat(throttle.blockedFor("10.0.0.9", "someone")).isPositive();
  }

  @Test
  void failuresAreForgottenAfterAQuietHour() {
    fail("10.0.0.9", "kt.chuyenvien", 3);
    now += Duration.ofHours(1).plusSeconds(1).toMillis();
    fail("10.0.0.9", "kt.chuyenvien", 1);
    assertThat(throttle.blockedFor("10.0.0.9", "kt.chuyenvien")).isZero();
  }

  @Test
  void memoryIsBounded() {
    for (int i = 0; i < 10_000; i++) {
      throttle.failed("10.1." + (i / 250) + "." + (i % 250), "invented" + i);
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(200);
  }

  @Test
  void theFormFieldIsReadFromAnUrlEncodedBody() {
    byte[] body = "password=a%26b&username=kt.chuyenvien&x".getBytes();
    assertThat(WebappLoginThrottleFilter.formField(body, java.nio.charset.StandardCharsets.UTF_8, "username"))
        .isEqualTo("kt.chuyenvien");
    assertThat(WebappLoginThrottleFilter.formField("%zz=1".getBytes(), java.nio.charset.StandardCharsets.UTF_8,
        "username")).isEmpty();
  }
}
