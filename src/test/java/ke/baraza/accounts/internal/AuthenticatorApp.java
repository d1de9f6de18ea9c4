package ke.baraza.accounts.internal;

import java.time.Instant;

/** What an authenticator app on a phone does, for tests. */
public final class AuthenticatorApp {

  private AuthenticatorApp() {}

  /** The six-digit code the app shows now for {@code secret} (Base32, spaces allowed). */
  public static String codeNow(String secret) {
    return codeAt(secret, 0);
  }

  /**
   * The code of the time step {@code offset} steps from now: a code once accepted is refused again,
   * so a second sign-in within 30 seconds uses the next step (one step of drift is allowed).
   */
  public static String codeAt(String secret, int offset) {
    return Totp.code(
        Totp.decodeBase32(secret.replace(" ", "")), Totp.step(Instant.now()) + offset, 6);
  }
}
