package ke.baraza.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits on anonymous intake, in memory only: so many new cases per phone number and per
 * client (the network address of a web request) in a rolling hour, and so many wrong private codes
 * per case. Keys are HMACs under a key that lives only in this process, so neither phone numbers
 * nor addresses are kept, even in memory, and nothing is stored or logged.
 */
@Component
class IntakeLimits {

  static final Duration WINDOW = Duration.ofHours(1);

  private final ConcurrentHashMap<String, Deque<Instant>> uses = new ConcurrentHashMap<>();
  private final SecretKeySpec key;
  private final Clock clock;
  private final int perPhone;
  private final int perClient;
  private final int wrongCodes;

  IntakeLimits(
      Clock clock,
      @Value("${baraza.feedback.limits.per-phone:5}") int perPhone,
      @Value("${baraza.feedback.limits.per-client:20}") int perClient,
      @Value("${baraza.feedback.limits.wrong-codes:10}") int wrongCodes) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.clock = clock;
    this.perPhone = perPhone;
    this.perClient = perClient;
    this.wrongCodes = wrongCodes;
  }

  /** Counts one new case from this E.164 number; false (and nothing counted) past the limit. */
  boolean newCaseFromPhone(String phoneE164) {
    return acquire("phone|" + phoneE164, perPhone);
  }

  /** Counts one new case from this client address; false (and nothing counted) past the limit. */
  boolean newCaseFromClient(String address) {
    return acquire("client|" + address, perClient);
  }

  /**
   * Counts one reply to a message that could not be filed; false past twice the per-phone limit, so
   * that forged callbacks cannot make Baraza send SMS without end.
   */
  boolean mayReply(String phoneE164) {
    return acquire("reply|" + phoneE164, perPhone * 2);
  }

  /** Whether more wrong private codes may still be tried for this case now. */
  boolean mayTryCode(String reference) {
    Deque<Instant> used = uses.get(hash("code|" + reference));
    if (used == null) {
      return true;
    }
    synchronized (used) {
      prune(used, clock.instant());
      return used.size() < wrongCodes;
    }
  }

  /** Counts one wrong private code for this case. */
  void wrongCode(String reference) {
    acquire("code|" + reference, Integer.MAX_VALUE);
  }

  private boolean acquire(String subject, int limit) {
    Instant now = clock.instant();
    boolean[] allowed = {false};
    uses.compute(
        hash(subject),
        (k, used) -> {
          Deque<Instant> list = used == null ? new ArrayDeque<>() : used;
          synchronized (list) {
            prune(list, now);
            if (list.size() < limit) {
              list.addLast(now);
              allowed[0] = true;
            }
          }
          return list;
        });
    return allowed[0];
  }

  private static void prune(Deque<Instant> used, Instant now) {
    Instant cutoff = now.minus(WINDOW);
    while (!used.isEmpty() && !used.peekFirst().isAfter(cutoff)) {
      used.removeFirst();
    }
  }

  @Scheduled(fixedDelay = 600_000)
  void forgetOld() {
    Instant now = clock.instant();
    uses.values()
        .removeIf(
            used -> {
              synchronized (used) {
                prune(used, now);
                return used.isEmpty();
              }
            });
  }

  private String hash(String subject) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
