package ke.baraza.disclosures.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One-time tokens embedded in the submission form, in place of a session's CSRF token: a random
 * nonce and an expiry, signed with the channel's form key. The nonce is stored (unique) with the
 * disclosure it sent, so a token sends one disclosure only; a double click files one.
 */
@Component
class FormTokens {

  static final Duration LIFETIME = Duration.ofHours(6);

  private final ChannelSecrets secrets;
  private final Clock clock;

  FormTokens(ChannelSecrets secrets, Clock clock) {
    this.secrets = secrets;
    this.clock = clock;
  }

  /** A new token for one form. */
  String issue() {
    ByteBuffer data = ByteBuffer.allocate(24);
    data.put(DisclosureCrypto.random(16));
    data.putLong(clock.instant().plus(LIFETIME).getEpochSecond());
    byte[] mac = Arrays.copyOf(secrets.formMac(data.array()), 16);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(ByteBuffer.allocate(40).put(data.array()).put(mac).array());
  }

  /** The token's nonce when it is genuine and unexpired; empty otherwise. */
  Optional<String> nonce(String token) {
    byte[] raw;
    try {
      raw = token == null ? new byte[0] : Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length != 40) {
      return Optional.empty();
    }
    byte[] data = Arrays.copyOf(raw, 24);
    byte[] expected = Arrays.copyOf(secrets.formMac(data), 16);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, 24, 40))
        || ByteBuffer.wrap(data, 16, 8).getLong() < clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.of(
        Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(data, 16)));
  }
}
