package ke.baraza.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-23T08:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock = new MovableClock();
  final SignInThrottle throttle = new SignInThrottle(clock);

  @Test
  void failuresFromOneAddressSlowThatAddressDownProgressively() {
    String attacker = SignInThrottle.key("amina@example.org", "10.0.0.66");
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      assertThat(throttle.secondsToWait(attacker)).isZero();
      throttle.failed(attacker);
    }
    assertThat(throttle.secondsToWait(attacker)).isEqualTo(1);
    throttle.failed(attacker);
    assertThat(throttle.secondsToWait(attacker)).isEqualTo(2);
    for (int i = 0; i < 20; i++) {
      throttle.failed(attacker);
    }
    assertThat(throttle.secondsToWait(attacker)).isEqualTo(SignInThrottle.MAX_WAIT_SECONDS);
    clock.now = clock.now.plusSeconds(SignInThrottle.MAX_WAIT_SECONDS);
    assertThat(throttle.secondsToWait(attacker)).isZero();
  }

  @Test
  void nobodyCanLockTheOwnerOutFromAnotherAddress() {
    String attacker = SignInThrottle.key("amina@example.org", "10.0.0.66");
    for (int i = 0; i < 30; i++) {
      throttle.failed(attacker);
    }
    assertThat(throttle.secondsToWait(SignInThrottle.key("Amina@example.org", "192.168.1.5")))
        .isZero();
  }

  @Test
  void aSuccessClearsTheCount() {
    String key = SignInThrottle.key("0712345678", "10.0.0.1");
    for (int i = 0; i < 7; i++) {
      throttle.failed(key);
    }
    throttle.succeeded(key);
    assertThat(throttle.secondsToWait(key)).isZero();
  }
}
