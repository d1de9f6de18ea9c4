package ke.baraza.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshingCacheTests {

  /** A clock the test moves by hand. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-11-23T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
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

  @Test
  void keepsAValueForItsMaximumAgeThenComputesItAgain() {
    Hand clock = new Hand();
    AtomicInteger computed = new AtomicInteger();
    RefreshingCache<String, Integer> cache = new RefreshingCache<>(Duration.ofMinutes(1), clock);

    assertThat(cache.get("037", k -> computed.incrementAndGet())).isEqualTo(1);
    clock.now = clock.now.plusSeconds(59);
    assertThat(cache.get("037", k -> computed.incrementAndGet())).isEqualTo(1);
    assertThat(cache.get("016", k -> computed.incrementAndGet())).as("per key").isEqualTo(2);
    clock.now = clock.now.plusSeconds(2);
    assertThat(cache.get("037", k -> computed.incrementAndGet())).isEqualTo(3);
  }

  @Test
  void aForgottenValueIsComputedAfreshAtOnce() {
    Hand clock = new Hand();
    AtomicInteger computed = new AtomicInteger();
    RefreshingCache<String, Integer> cache = new RefreshingCache<>(Duration.ofMinutes(1), clock);
    cache.get("037", k -> computed.incrementAndGet());
    cache.get("016", k -> computed.incrementAndGet());

    cache.forget("037");

    assertThat(cache.get("037", k -> computed.incrementAndGet())).isEqualTo(3);
    assertThat(cache.get("016", k -> computed.incrementAndGet())).as("others kept").isEqualTo(2);
  }

  @Test
  void othersGetThePreviousValueWhileOneRequestRecomputes() throws Exception {
    Hand clock = new Hand();
    RefreshingCache<String, String> cache = new RefreshingCache<>(Duration.ofMinutes(1), clock);
    cache.get("037", k -> "old");
    clock.now = clock.now.plusSeconds(120);
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread refresher =
        Thread.ofPlatform()
            .start(
                () ->
                    cache.get(
                        "037",
                        k -> {
                          computing.countDown();
                          try {
                            release.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return "new";
                        }));
    computing.await();

    assertThat(cache.get("037", k -> "computed twice")).isEqualTo("old");
    release.countDown();
    refresher.join();
    assertThat(cache.get("037", k -> "computed twice")).isEqualTo("new");
  }

  @Test
  void aFailedComputationKeepsNothingAndZeroAgeNeverCaches() {
    Hand clock = new Hand();
    RefreshingCache<String, Integer> cache = new RefreshingCache<>(Duration.ofMinutes(1), clock);
    assertThatThrownBy(
            () ->
                cache.get(
                    "037",
                    k -> {
                      throw new IllegalStateException("database down");
                    }))
        .hasMessage("database down");
    assertThat(cache.get("037", k -> 7)).isEqualTo(7);

    AtomicInteger computed = new AtomicInteger();
    RefreshingCache<String, Integer> none = new RefreshingCache<>(Duration.ZERO, clock);
    none.get("037", k -> computed.incrementAndGet());
    none.get("037", k -> computed.incrementAndGet());
    assertThat(computed).hasValue(2);
  }
}
