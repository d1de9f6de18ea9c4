package ke.baraza.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Passwords of 8 to 128 characters, no composition rules, not on the shipped list of common
 * passwords and not the person's own name or contact.
 */
@Component
public class PasswordPolicy {

  public static final int MIN = 8;
  public static final int MAX = 128;

  private static final String COMMON = "accounts/common-passwords.txt";

  /**
   * Read on the first check rather than at start-up: 40,000 words that only sign-up and password
   * changes need. That the list is in the jar is checked at start-up all the same.
   */
  private volatile Set<String> common;

  PasswordPolicy() {
    if (PasswordPolicy.class.getClassLoader().getResource(COMMON) == null) {
      throw new IllegalStateException(COMMON + " is missing");
    }
  }

  /** The message key of what is wrong with the password, or empty when it is acceptable. */
  public Optional<String> problem(String password, String... personal) {
    if (password == null || password.codePointCount(0, password.length()) < MIN) {
      return Optional.of("password.too-short");
    }
    if (password.codePointCount(0, password.length()) > MAX) {
      return Optional.of("password.too-long");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common().contains(lower)) {
      return Optional.of("password.common");
    }
    for (String value : personal) {
      if (value != null
          && !value.isBlank()
          && lower.equals(value.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of("password.personal");
      }
    }
    return Optional.empty();
  }

  private Set<String> common() {
    Set<String> loaded = common;
    if (loaded == null) {
      synchronized (this) {
        loaded = common;
        if (loaded == null) {
          loaded = load();
          common = loaded;
        }
      }
    }
    return loaded;
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>(40_000);
    try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON)) {
      if (in == null) {
        throw new IllegalStateException(COMMON + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
