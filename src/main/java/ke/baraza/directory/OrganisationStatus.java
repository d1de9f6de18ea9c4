package ke.baraza.directory;

public enum OrganisationStatus {
  ACTIVE,
  DORMANT,
  DISSOLVED;

  public String messageKey() {
    return "org.status." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
