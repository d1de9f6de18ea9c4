package ke.baraza.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case references ({@code MKS-7K3Q9}) and reporters' private codes ({@code K7QM-3XRT-9PLW-2HBD}),
 * both from an alphabet without the characters people confuse when reading aloud or typing on a
 * phone (no 0, 1, I, O).
 */
final class Codes {

  /** 32 characters, so each one carries 5 random bits. */
  static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  /** Random characters of a reference after the county prefix: 32^5, about 33 million. */
  static final int REFERENCE_CHARS = 5;

  /** Random characters of a private code: 16 × 5 = 80 bits. */
  static final int SECRET_CHARS = 16;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern REFERENCE =
      Pattern.compile("([A-Z]{3})-?([" + ALPHABET + "]{" + REFERENCE_CHARS + "})");
  private static final Pattern SECRET = Pattern.compile("[" + ALPHABET + "]{" + SECRET_CHARS + "}");

  private Codes() {}

  /** A new reference of a county, e.g. {@code MKS-7K3Q9}. */
  static String newReference(String countyPrefix) {
    return countyPrefix + "-" + random(REFERENCE_CHARS);
  }

  /**
   * A reference as typed, in its stored form: case and spaces forgiven, the dash optional.
   *
   * @return empty when it cannot be a reference
   */
  static Optional<String> reference(String typed) {
    if (typed == null || typed.length() > 40) {
      return Optional.empty();
    }
    String value = typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    Matcher m = REFERENCE.matcher(value);
    return m.matches() ? Optional.of(m.group(1) + "-" + m.group(2)) : Optional.empty();
  }

  /** A new private code, in groups of four: {@code K7QM-3XRT-9PLW-2HBD}. */
  static String secret() {
    String raw = random(SECRET_CHARS);
    return String.join(
        "-", raw.substring(0, 4), raw.substring(4, 8), raw.substring(8, 12), raw.substring(12));
  }

  /**
   * The hash under which a private code is kept (SHA-256 of its characters without dashes, upper
   * case): 80 random bits need no slow hash.
   *
   * @return empty when the text cannot be a private code
   */
  static Optional<String> secretHash(String typed) {
    if (typed == null || typed.length() > 60) {
      return Optional.empty();
    }
    String value = typed.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT);
    return SECRET.matcher(value).matches() ? Optional.of(sha256(value)) : Optional.empty();
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A random token for a form's submission (idempotency), 128 bits, URL-safe. */
  static String submissionToken() {
    return random(26);
  }

  private static String random(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(chars);
  }
}
