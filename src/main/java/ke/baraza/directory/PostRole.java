package ke.baraza.directory;

/** The posts a person holds for an organisation in a network or body. */
public enum PostRole {
  CHAIR,
  COORDINATOR,
  SECRETARY,
  TREASURER,
  COUNTY_LEAD,
  DEPUTY_COUNTY_LEAD,
  POINT_OF_CONTACT,
  LIAISON_TEAM_LEAD,
  MEMBER;

  public String messageKey() {
    return "post.role." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
