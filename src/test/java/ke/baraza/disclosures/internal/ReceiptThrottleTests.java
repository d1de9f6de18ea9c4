package ke.baraza.disclosures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReceiptThrottleTests {

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

  @Test
  void wrongReceiptsAreSlowedProgressivelyPerClientAndForgottenLater() {
    MovableClock clock = new MovableClock();
    ReceiptThrottle throttle = new ReceiptThrottle(clock);
    for (int i = 0; i < ReceiptThrottle.FREE; i++) {
      assertThat(throttle.delay("a")).isZero();
      throttle.failed("a");
    }
    assertThat(throttle.delay("a")).isEqualTo(Duration.ofSeconds(1));
    throttle.failed("a");
    assertThat(throttle.delay("a")).isEqualTo(Duration.ofSeconds(2));
    throttle.failed("a");
    assertThat(throttle.delay("a")).isEqualTo(Duration.ofSeconds(4));
    for (int i = 0; i < 20; i++) {
      throttle.failed("a");
    }
    assertThat(throttle.delay("a")).isEqualTo(ReceiptThrottle.MAX);
    assertThat(throttle.delay("b")).as("another client").isZero();

    clock.now = clock.now.plus(ReceiptThrottle.FORGET_AFTER).plusSeconds(1);
    assertThat(throttle.delay("a")).isZero();
    throttle.forgetOld();
    throttle.failed("a");
    assertThat(throttle.delay("a")).isZero();
  }
}
