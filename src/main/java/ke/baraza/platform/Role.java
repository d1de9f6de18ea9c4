package ke.baraza.platform;

/** Roles granted to an account per county; every account is a citizen without any grant. */
public enum Role {
  ADMINISTRATOR(true),
  COUNTY_OFFICIAL(true),
  NETWORK_COORDINATOR(true),
  ORGANISATION_EDITOR(false),
  OVERSIGHT(true),
  DISCLOSURE_HANDLER(true);

  private final boolean privileged;

  Role(boolean privileged) {
    this.privileged = privileged;
  }

  /** Privileged roles must sign in with a second factor (TOTP). */
  public boolean privileged() {
    return privileged;
  }

  /** The message key of the role's name. */
  public String messageKey() {
    return "role." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
