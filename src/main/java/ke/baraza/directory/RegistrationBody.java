package ke.baraza.directory;

/**
 * Where an organisation is registered. Bodies with an org-id.guide list give identifiers such as
 * {@code KE-NCB-1234}; the others, and unregistered groups, get a county-scoped identifier minted
 * by Baraza.
 */
public enum RegistrationBody {
  NGO_BOARD("KE-NCB"),
  REGISTRAR_OF_SOCIETIES("KE-RSO"),
  SOCIAL_DEVELOPMENT_OFFICE(null),
  PBO_AUTHORITY(null),
  REGISTRAR_OF_COMPANIES(null),
  OTHER(null);

  private final String orgIdPrefix;

  RegistrationBody(String orgIdPrefix) {
    this.orgIdPrefix = orgIdPrefix;
  }

  /** The org-id.guide list prefix, or {@code null} when the register has none. */
  public String orgIdPrefix() {
    return orgIdPrefix;
  }

  public String messageKey() {
    return "org.registration." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
