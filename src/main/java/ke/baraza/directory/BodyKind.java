package ke.baraza.directory;

/** Networks and the coordination bodies of a county. */
public enum BodyKind {
  NETWORK,
  COORDINATION_MECHANISM,
  STEERING_COMMITTEE,
  TECHNICAL_COMMITTEE,
  THEMATIC_GROUP,
  LIAISON_TEAM;

  public String messageKey() {
    return "body.kind." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
