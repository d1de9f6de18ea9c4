package ke.baraza.disclosures.internal;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Receipts: 20 characters of Crockford's base32 (100 random bits), shown in five groups of four.
 * Only what {@link #derive} makes of one is kept: a look-up hash, stored, and a key that unwraps
 * the disclosure's data key, never stored.
 */
public final class Receipts {

  /** Characters of a receipt; Crockford's base32 leaves out I, L, O and U. */
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  static final int LENGTH = 20;

  /** The stored look-up hash (hex) and the secret key of one receipt. */
  public record Derived(String lookup, byte[] key) {}

  private Receipts() {}

  /** A new receipt, grouped for reading: {@code K7QM 3HXD 9A2B ...}. */
  public static String generate() {
    byte[] random = DisclosureCrypto.random(13); // 104 bits; 100 used
    StringBuilder out = new StringBuilder();
    long buffer = 0;
    int bits = 0;
    int index = 0;
    while (out.length() < LENGTH + LENGTH / 4 - 1) {
      if (bits < 5) {
        buffer = (buffer << 8) | (random[index++] & 0xff);
        bits += 8;
      }
      bits -= 5;
      if (out.length() % 5 == 4) {
        out.append(' ');
      }
      out.append(ALPHABET.charAt((int) ((buffer >> bits) & 31)));
    }
    return out.toString();
  }

  /**
   * The canonical form of what someone typed: upper case, without spaces or dashes, O read as 0 and
   * I or L as 1; empty when it cannot be a receipt (so malformed and wrong answers look alike).
   */
  public static Optional<String> normalise(String typed) {
    if (typed == null || typed.length() > 64) {
      return Optional.empty();
    }
    String plain =
        typed
            .toUpperCase(Locale.ROOT)
            .replaceAll("[\\s-]", "")
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1');
    if (plain.length() != LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < plain.length(); i++) {
      if (ALPHABET.indexOf(plain.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(plain);
  }

  /**
   * Argon2id of the canonical receipt under the server-wide secret salt (so that the same receipt
   * always gives the same look-up hash), split by HKDF into the look-up hash and the receipt key.
   */
  public static Derived derive(String canonical, byte[] serverSalt) {
    byte[] master =
        DisclosureCrypto.argon2id(
            DisclosureCrypto.utf8(canonical),
            serverSalt,
            DisclosureCrypto.Argon2Cost.RECEIPT,
            DisclosureCrypto.KEY_BYTES);
    byte[] lookup =
        DisclosureCrypto.hkdf(master, null, DisclosureCrypto.utf8("baraza/receipt/lookup"), 32);
    byte[] key =
        DisclosureCrypto.hkdf(master, null, DisclosureCrypto.utf8("baraza/receipt/key"), 32);
    java.util.Arrays.fill(master, (byte) 0);
    return new Derived(HexFormat.of().formatHex(lookup), key);
  }
}
