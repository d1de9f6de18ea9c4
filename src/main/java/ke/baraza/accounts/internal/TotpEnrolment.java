package ke.baraza.accounts.internal;

/** What the enrolment page shows of a new TOTP secret. */
public final class TotpEnrolment {

  private TotpEnrolment() {}

  public static String newSecret() {
    return Totp.newSecret();
  }

  /** The secret in groups of four, easier to type into an app. */
  public static String grouped(String secret) {
    return secret.replaceAll("(.{4})(?!$)", "$1 ");
  }

  public static String uri(String secret, String label) {
    return Totp.uri(secret, label);
  }
}
