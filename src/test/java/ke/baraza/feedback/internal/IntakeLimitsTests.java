package ke.baraza.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IntakeLimitsTests {

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-05-04T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock = new MovableClock();
  final IntakeLimits limits = new IntakeLimits(clock, 3, 5, 2);

  @Test
  void aPhoneNumberMayFileSoManyCasesAnHourAndThenAgainAsTheHourRollsOn() {
    for (int i = 0; i < 3; i++) {
      assertThat(limits.newCaseFromPhone("+254712345678")).isTrue();
      clock.now = clock.now.plus(Duration.ofMinutes(10));
    }
    assertThat(limits.newCaseFromPhone("+254712345678")).isFalse();
    assertThat(limits.newCaseFromPhone("+254712345679")).as("another number").isTrue();
    clock.now = clock.now.plus(Duration.ofMinutes(31));
    assertThat(limits.newCaseFromPhone("+254712345678")).as("the first hour passed").isTrue();
    assertThat(limits.newCaseFromPhone("+254712345678")).isFalse();
  }

  @Test
  void clientsAndPhonesAreCountedApart() {
    for (int i = 0; i < 5; i++) {
      assertThat(limits.newCaseFromClient("10.0.0.1")).isTrue();
    }
    assertThat(limits.newCaseFromClient("10.0.0.1")).isFalse();
    assertThat(limits.newCaseFromPhone("10.0.0.1")).isTrue();
  }

  @Test
  void wrongCodesLockACaseForAnHour() {
    assertThat(limits.mayTryCode("MKS-7K3Q9")).isTrue();
    limits.wrongCode("MKS-7K3Q9");
    limits.wrongCode("MKS-7K3Q9");
    assertThat(limits.mayTryCode("MKS-7K3Q9")).isFalse();
    assertThat(limits.mayTryCode("MKS-7K3Q8")).isTrue();
    clock.now = clock.now.plus(Duration.ofMinutes(61));
    limits.forgetOld();
    assertThat(limits.mayTryCode("MKS-7K3Q9")).isTrue();
  }
}
