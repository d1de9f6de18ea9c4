package ke.baraza.meetings.internal;

/**
 * The body or organisation of the directory that organises a meeting.
 *
 * @param publicId its public id in the directory
 */
public record Organiser(Kind kind, String publicId, String name, String countyCode) {

  /** Bodies (networks, committees…) and organisations organise meetings. */
  public enum Kind {
    BODY,
    ORGANISATION
  }

  public boolean isBody() {
    return kind == Kind.BODY;
  }
}
