package ke.baraza.shared;

import java.security.SecureRandom;

/** Short random identifiers for URLs: immutable, never the database key. */
public final class PublicId {

  private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private PublicId() {}

  /** A new identifier of 12 characters (about 59 bits), unambiguous to read aloud. */
  public static String next() {
    char[] chars = new char[12];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }

  /** Whether {@code value} has the shape of an identifier made by {@link #next()}. */
  public static boolean isWellFormed(String value) {
    if (value == null || value.length() != 12) {
      return false;
    }
    for (char c : value.toCharArray()) {
      if (java.util.Arrays.binarySearch(ALPHABET, c) < 0) {
        return false;
      }
    }
    return true;
  }
}
