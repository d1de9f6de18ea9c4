package ke.baraza.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows failed sign-ins down progressively, per account name and client address together: after
 * five failures the next attempt waits 1 s, then 2, 4 … up to 5 minutes. Someone failing from
 * another address does not slow the owner down, so nobody can lock another person out. Kept in
 * memory only, keyed by a hash.
 */
@Component
class SignInThrottle {

  static final int FREE_FAILURES = 5;
  static final long MAX_WAIT_SECONDS = 300;

  private record Failures(int count, Instant last) {}

  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  static String key(String name, String address) {
    return Secrets.sha256(
        (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT)) + "|" + address);
  }

  /** Seconds to wait before this key may try again; 0 when it may try now. */
  long secondsToWait(String key) {
    Failures f = failures.get(key);
    if (f == null || f.count() < FREE_FAILURES) {
      return 0;
    }
    long wait = Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, f.count() - FREE_FAILURES));
    long elapsed = Duration.between(f.last(), clock.instant()).toSeconds();
    return Math.max(0, wait - elapsed);
  }

  void failed(String key) {
    Instant now = clock.instant();
    failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
  }

  void succeeded(String key) {
    failures.remove(key);
  }

  @Scheduled(fixedDelay = 600_000)
  void forgetOld() {
    Instant cutoff = clock.instant().minus(Duration.ofHours(1));
    failures.values().removeIf(f -> f.last().isBefore(cutoff));
  }
}
