package ke.baraza.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTests {

  /** The SHA-1 seed of RFC 6238, appendix B. */
  static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void matchesTheTestVectorsOfRfc6238() {
    assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
    assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111109)), 8))
        .isEqualTo("07081804");
    assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1234567890)), 8))
        .isEqualTo("89005924");
    assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(20000000000L)), 8))
        .isEqualTo("65353130");
  }

  @Test
  void base32RoundTripsAndMatchesRfc4648() {
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(new String(Totp.decodeBase32("MZXW6YTBOI"), StandardCharsets.US_ASCII))
        .isEqualTo("foobar");
  }

  @Test
  void acceptsTheCurrentCodeAndOneStepOfDriftButNotMore() {
    String secret = Totp.newSecret();
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    byte[] key = Totp.decodeBase32(secret);
    long step = Totp.step(now);
    assertThat(Totp.verify(secret, Totp.code(key, step, 6), now)).hasValue(step);
    assertThat(Totp.verify(secret, Totp.code(key, step - 1, 6), now)).hasValue(step - 1);
    assertThat(Totp.verify(secret, Totp.code(key, step + 2, 6), now)).isEmpty();
    assertThat(Totp.verify(secret, "12345", now)).isEmpty();
    assertThat(Totp.verify(secret, null, now)).isEmpty();
  }
}
