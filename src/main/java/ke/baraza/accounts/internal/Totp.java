package ke.baraza.accounts.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, six
 * digits, as every authenticator app reads them. Secrets are Base32 (RFC 4648).
 */
final class Totp {

  static final int STEP_SECONDS = 30;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** A new 160-bit secret in Base32. */
  static String newSecret() {
    return base32(Secrets.randomBytes(20));
  }

  static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of a time step, {@code digits} long. */
  static String code(byte[] key, long step, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      int modulo = (int) Math.pow(10, digits);
      return String.format("%0" + digits + "d", binary % modulo);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The time step whose code matches, allowing one step of clock drift either way; empty when none
   * does. Compared in constant time.
   */
  static OptionalLong verify(String base32Secret, String code, Instant now) {
    if (code == null) {
      return OptionalLong.empty();
    }
    String digits = code.replaceAll("\\s", "");
    if (!digits.matches("\\d{6}")) {
      return OptionalLong.empty();
    }
    byte[] key = decodeBase32(base32Secret);
    long current = step(now);
    for (long step = current - 1; step <= current + 1; step++) {
      if (MessageDigest.isEqual(code(key, step, 6).getBytes(), digits.getBytes())) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** The {@code otpauth://} address an authenticator app reads (typed in or scanned). */
  static String uri(String secret, String accountLabel) {
    String label =
        java.net.URLEncoder.encode(
                "Baraza:" + accountLabel, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
    return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Baraza&digits=6&period=30";
  }

  static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  static byte[] decodeBase32(String text) {
    String clean = text.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("Not Base32");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}
