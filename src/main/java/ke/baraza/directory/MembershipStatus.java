package ke.baraza.directory;

/** Where an organisation stands in a network or body. */
public enum MembershipStatus {
  APPLIED,
  ACTIVE,
  SUSPENDED,
  LEFT,
  DECLINED;

  public String messageKey() {
    return "membership.status." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
