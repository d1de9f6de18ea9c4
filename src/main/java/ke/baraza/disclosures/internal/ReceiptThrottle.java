package ke.baraza.disclosures.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows wrong receipts down, per client: after {@value #FREE} wrong tries, each further try waits
 * twice as long as the one before (one second, two, four … at most {@link #MAX}). In memory only,
 * keyed by a keyed hash of the client address ({@link ChannelSecrets#addressHash}); forgotten a
 * quarter of an hour after the last wrong try. The address itself is never kept.
 */
@Component
class ReceiptThrottle {

  static final int FREE = 3;
  static final Duration MAX = Duration.ofSeconds(16);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);

  private record Failures(int count, Instant last) {}

  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  ReceiptThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long to wait before checking a receipt from this client (by its address hash). */
  Duration delay(String clientHash) {
    Failures seen = failures.get(clientHash);
    if (seen == null || expired(seen) || seen.count() < FREE) {
      return Duration.ZERO;
    }
    Duration wait = Duration.ofSeconds(1L << Math.min(seen.count() - FREE, 10));
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }

  /** Counts a wrong or malformed receipt from this client. */
  void failed(String clientHash) {
    Instant now = clock.instant();
    failures.compute(
        clientHash,
        (k, seen) -> new Failures(seen == null || expired(seen) ? 1 : seen.count() + 1, now));
  }

  private boolean expired(Failures seen) {
    return seen.last().plus(FORGET_AFTER).isBefore(clock.instant());
  }

  @Scheduled(fixedDelay = 300_000)
  void forgetOld() {
    failures.values().removeIf(this::expired);
  }
}
